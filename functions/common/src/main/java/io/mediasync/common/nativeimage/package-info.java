/**
 * GraalVM substitutions for what the function packages leave out on purpose. Quarkus builds every native image
 * with {@code --link-at-build-time}, so a call into a class that cannot be linked stops the build even on a branch
 * that never runs; the optional dependencies behind those branches (mongodb-crypt, Netty, brotli) are not packaged.
 * Each substitution turns the condition that guards such a branch into the constant it always is in our packages,
 * so the builder never parses the branch. The classes are only read by the native-image builder; on the JVM they
 * are inert. {@code ./mediasync native-check} proves they hold; {@code NativeSubstitutionsTest} checks on the JVM
 * that their targets still exist and that the conditions are what the substitutions say.
 */
package io.mediasync.common.nativeimage;
