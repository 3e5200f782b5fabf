package io.mediasync.nativecheck;

import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code native-image} driver would hand the builder for one image: the options of the builder's own JVM,
 * the builder's options (hosted options with their origins), the image class path, the main class and the image name.
 */
record BuilderCommand(List<String> jvmOptions, List<String> builderOptions, List<Path> classpath, String mainClass,
        String imageName, List<String> nativeAccessModules) {
}
