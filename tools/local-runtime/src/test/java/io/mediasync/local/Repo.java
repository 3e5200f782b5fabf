package io.mediasync.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found from -Dmediasync.root (set by the build) or by walking up to template.yaml. */
public final class Repo {

    private Repo() {
    }

    public static Path root() {
        String root = System.getProperty("mediasync.root");
        if (root != null && Files.isRegularFile(Path.of(root, "template.yaml"))) {
            return Path.of(root);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("functions"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root with template.yaml not found");
    }
}
