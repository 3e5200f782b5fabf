package io.mediasync.local.runtime;

import io.mediasync.common.hash.Sha256;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A function's package as its process runs it: the function.zip unpacked once into a cache shared by every
 * stack on this machine (keyed by the zip's path, size and time, so a rebuilt package is a new directory),
 * the runtime interface client's JNI library beside it, and the function JVM's class-data-sharing archive.
 * The same path in every stack is what lets one CDS archive serve them all: the JVM checks the class path.
 */
final class FunctionCode {

    /** The archive the JVM maps at start; written at the exit of a run that had none (-XX:ArchiveClassesAtExit). */
    private static final String ARCHIVE = "app.jsa";
    /**
     * The package's own classes and resources (everything but lib/) as one jar: class-data sharing takes jars only
     * on the class path, not a directory. The same entries Lambda loads from the task root.
     */
    private static final String CLASSES_JAR = ".classes.jar";

    private final Path dir;
    private final Path pendingArchive;

    private FunctionCode(Path dir) {
        this.dir = dir;
        this.pendingArchive = dir.resolve(ARCHIVE + "." + UUID.randomUUID() + ".partial");
    }

    static FunctionCode of(Path zip, Path cacheRoot, String functionName) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException(zip + " not found: build the package first (./mediasync build)");
        }
        String key = Sha256.hex(zip.toAbsolutePath() + "@" + Files.size(zip) + "@" + Files.getLastModifiedTime(zip).toMillis())
                .substring(0, 16);
        Path dir = cacheRoot.resolve(functionName + "-" + key);
        if (!Files.isDirectory(dir)) {
            unpack(zip, dir);
            pruneOlder(cacheRoot, functionName, dir);
        }
        return new FunctionCode(dir);
    }

    Path dir() {
        return dir;
    }

    /** The function's class path: its classes, its libraries, then the runtime interface client. */
    String classPath(Path runtimeClientDir) {
        return dir.resolve(CLASSES_JAR) + ":" + dir.resolve("lib") + "/*:" + runtimeClientDir + "/*";
    }

    /**
     * JVM options for the class-data-sharing archive: map it when an earlier run left one, otherwise write one
     * when this process exits. Messages about an archive that does not fit (another JDK) are not shown: the
     * JVM then simply runs without it.
     */
    List<String> classDataSharing() {
        Path archive = dir.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off,cds+dynamic=off");
        }
        return List.of("-XX:ArchiveClassesAtExit=" + pendingArchive, "-Xlog:cds=off,cds+dynamic=off");
    }

    /** After the process exited: the archive it wrote becomes the one later processes map (the first one wins). */
    void keepArchive() {
        if (!Files.isRegularFile(pendingArchive)) {
            return;
        }
        try {
            Files.move(pendingArchive, dir.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(pendingArchive);
        } catch (IOException e) {
            deleteQuietly(pendingArchive);
        }
    }

    /** The runtime interface client's JNI library, copied out of its jar once (see FunctionProcess). */
    Path runtimeClientLibrary(Path runtimeClientDir) throws IOException {
        Path library = dir.resolve(".ric").resolve("libaws-lambda-jni.so");
        if (Files.isRegularFile(library)) {
            return library;
        }
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        Files.createDirectories(library.getParent());
        try (var jars = Files.list(runtimeClientDir)) {
            Path jar = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new IOException("no runtime interface client in " + runtimeClientDir));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry("jni/libaws-lambda-jni.linux-" + arch + ".so");
                Path partial = library.resolveSibling(library.getFileName() + "." + UUID.randomUUID() + ".partial");
                Files.copy(zip.getInputStream(entry), partial);
                moveIntoPlace(partial, library);
            }
        }
        return library;
    }

    /** Unpacked beside the target and moved into place in one step: stacks starting together never see half a package. */
    private static void unpack(Path zip, Path dir) throws IOException {
        Path partial = dir.resolveSibling(dir.getFileName() + "." + UUID.randomUUID() + ".partial");
        Files.createDirectories(partial);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                JarOutputStream classes = new JarOutputStream(Files.newOutputStream(partial.resolve(CLASSES_JAR)))) {
            classes.setLevel(Deflater.NO_COMPRESSION); // read once per start: no point in compressing
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("zip entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                if (!entry.getName().startsWith("lib/")) {
                    classes.putNextEntry(new ZipEntry(entry.getName()));
                    classes.write(bytes);
                    classes.closeEntry();
                }
            }
        }
        Path bootstrap = partial.resolve("bootstrap");
        if (Files.exists(bootstrap)) {
            bootstrap.toFile().setExecutable(true);
        }
        moveIntoPlace(partial, dir);
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteTree(partial); // another stack got there first: the same bytes
        } catch (IOException e) {
            if (!Files.exists(target)) {
                throw e;
            }
            deleteTree(partial);
        }
    }

    /** Earlier unpacked versions of this function (its zip was rebuilt since): they would only fill the disk. */
    private static void pruneOlder(Path cacheRoot, String functionName, Path current) throws IOException {
        try (var dirs = Files.list(cacheRoot)) {
            for (Path old : dirs.filter(p -> !p.equals(current) && p.getFileName().toString().matches(
                    java.util.regex.Pattern.quote(functionName) + "-[0-9a-f]{16}")).toList()) {
                deleteTree(old);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(FunctionCode::deleteQuietly);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a file another process still holds: left for the next prune
        }
    }
}
