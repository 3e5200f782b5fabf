/**
 * GraalVM substitutions for what the function packages leave out on purpose. Quarkus builds every native image
 * with {@code --link-at-build-time}, so a call into a class that cannot be linked stops the build even on a branch
 * that never runs; the optional dependencies behind those branches (mongodb-crypt, Netty, jnr-unixsocket,
 * zstd-jni, snappy-java) are not packaged. Each substitution replaces the one method that holds such a call with
 * the driver's own logic less that branch, which instead says clearly what this package does not support. The
 * classes are only read by the native-image builder; on the JVM they are inert. {@code ./mediasync native-check}
 * proves they hold; {@code NativeSubstitutionsTest} checks on the JVM that their targets still have the
 * signatures they replace, and {@code MongoProducerTest} that the functions' settings never take those branches.
 */
package io.mediasync.common.nativeimage;
