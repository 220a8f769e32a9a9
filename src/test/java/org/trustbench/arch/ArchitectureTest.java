package org.trustbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of DEVELOPERS.md, enforced. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trustbench");
    }

    @Test
    void domainAndServicesNeverImportJavaFx() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.trustbench.domain..", "org.trustbench.db..",
                        "org.trustbench.i18n..", "org.trustbench.crypto..", "org.trustbench.intake..")
                .or().haveSimpleNameEndingWith("Repository")
                .or().haveSimpleNameEndingWith("Service").and().doNotHaveSimpleName("DialogService")
                .and().doNotHaveSimpleName("FxDialogService")
                .or().resideInAPackage("org.trustbench.training..")
                .or().resideInAPackage("org.trustbench.synth..")
                .or().resideInAPackage("org.trustbench.sync.conflict..")
                .or().resideInAPackage("org.trustbench.sync.format..")
                // bench.fx holds the probe windows the bench starts in child JVMs; the harness itself is headless
                .or().resideInAPackage("org.trustbench.bench")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..");
        rule.check(main);
    }

    @Test
    void onlyAppWires() {
        // The store is opened, and repositories and services are constructed, in app/ only.
        noClasses().that().resideOutsideOfPackages("org.trustbench.app..", "org.trustbench.db..")
                .should().callMethod(org.trustbench.db.Store.class, "open", org.trustbench.db.DataFolder.class,
                        org.trustbench.db.Workspace.class)
                .check(main);
        noClasses().that().resideOutsideOfPackage("org.trustbench.app..")
                .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a repository or service (other than itself)",
                        (com.tngtech.archunit.core.domain.JavaConstructorCall call) -> {
                            String name = call.getTargetOwner().getSimpleName();
                            return (name.endsWith("Repository") || name.endsWith("Service")) && !name.endsWith("DialogService")
                                    && !call.getOriginOwner().equals(call.getTargetOwner());
                        }))
                .check(main);
    }

    @Test
    void nothingDependsOnApp() {
        noClasses().that().resideOutsideOfPackage("org.trustbench.app..")
                .should().dependOnClassesThat().resideInAPackage("org.trustbench.app..")
                .check(main);
    }

    @Test
    void noSystemOutInMainCode() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(main);
    }

    @Test
    void viewModelsNeverTouchControls() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "org.controlsfx..", "atlantafx..")
                .check(main);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.trustbench.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void jooqRecordsStayInsideRepositories() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().resideOutsideOfPackage("org.trustbench.db..")
                .should().dependOnClassesThat().resideInAPackage("org.trustbench.db.jooq..")
                .check(main);
    }

    /**
     * A thread interrupted while H2 does file I/O for it makes the JVM close H2's file channel; H2 then panics and can
     * lose what it had not yet written, even the history row of a migration (seen on a 100,000-case store). So work is
     * stopped by flags and {@code isCancelled()}, never by interrupting it: no {@code Task.cancel()} (it is
     * {@code cancel(true)}) and no {@code shutdownNow()}.
     */
    @Test
    void nothingInterruptsWorkThatMayBeInTheStore() {
        noClasses().should().callMethod(javafx.concurrent.Task.class, "cancel")
                .orShould().callMethod(javafx.concurrent.Service.class, "cancel")
                .orShould().callMethod(java.util.concurrent.ExecutorService.class, "shutdownNow")
                .orShould().callMethod(java.util.concurrent.ThreadPoolExecutor.class, "shutdownNow")
                .check(main);
    }
}
