package org.muwclass.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of the main code (see {@link LayeringRules}); {@link LayeringViolationTest} shows that each
 * rule fails on a deliberate violation.
 */
class LayeringTest {

    private static final LayeringRules RULES = new LayeringRules("org.muwclass");
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.muwclass");
    }

    @Test
    void coreUsesNoJakartaServletJdbcOrHttpTypes() {
        RULES.corePlainJava().check(main);
    }

    @Test
    void coreUsesNoStil() {
        RULES.coreFreeOfStil().check(main);
    }

    @Test
    void wekaStaysInCoreLearnWeka() {
        RULES.wekaOnlyInLearnWeka().check(main);
    }

    @Test
    void coreAndTablesDoNotUseTheServiceOrTheCli() {
        RULES.coreAndTablesBelowEntryPoints().check(main);
    }

    @Test
    void uwsDoesNotUseTapClassifyOrCluster() {
        RULES.uwsFreeOfKindsAndCluster().check(main);
    }

    @Test
    void dbUsesNoOtherServicePackageThanConfigAndMeta() {
        RULES.dbIsTheDatabaseAlone().check(main);
    }

    @Test
    void noPackageCycles() {
        RULES.noPackageCycles().check(main);
    }
}
