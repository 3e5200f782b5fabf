package io.mediasync.resync.layout;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The re-sync's packages form a line (lambda > run > provide, execute > apply > progress > store > model, config;
 * docs/architecture.md): a newcomer reads each package knowing only those below it. A cycle between run and the
 * phases was straightened once (issue 22); this keeps it from growing back.
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mediasync.resync");

    @Test
    void noPackageOfTheResyncDependsOnItselfThroughAnother() {
        slices().matching("io.mediasync.resync.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
