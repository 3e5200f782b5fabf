package io.mediasync.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * No package of a module depends on itself through another (issue 22: a newcomer reads a package knowing only those
 * below it). ArchUnit reads the compiled classes, so a dependency in a signature, a throws clause or a method body
 * counts, not only an import line.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /**
     * Fails with every cycle among the subpackages of {@code root} (each subpackage a slice), read from the class
     * directory or jar that holds {@code mainClass} only: scanning the whole classpath for the package is slower.
     */
    public static void assertNone(String root, Class<?> mainClass) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importUrl(mainClass.getProtectionDomain().getCodeSource().getLocation());
        slices().matching(root + ".(**)").should().beFreeOfCycles().check(classes);
    }
}
