package dev.conference.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.conference", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreIsFreeOfFrameworksTest {

    @ArchTest
    static final ArchRule coreNeedsOnlyTheJdk =
            classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.conference..", "java..");

    @ArchTest
    static final ArchRule modelKnowsNoPortsOrImplementations = classes()
            .that()
            .resideInAPackage("dev.conference.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.conference.model..", "java..");

    @ArchTest
    static final ArchRule portsKnowNoImplementation = classes()
            .that()
            .resideInAPackage("dev.conference.port..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.conference.model..", "dev.conference.port..", "java..");

    @ArchTest
    static final ArchRule theSchedulerRunsOnThePortsAlone = classes()
            .that()
            .resideInAPackage("dev.conference.scheduler..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.conference.model..", "dev.conference.port..", "dev.conference.scheduler..", "java..");

    @ArchTest
    static final ArchRule theInMemoryStoreNeedsNoScheduler = classes()
            .that()
            .resideInAPackage("dev.conference.memory..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.conference.model..", "dev.conference.port..", "dev.conference.memory..", "java..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("dev.conference.(*)..").should().beFreeOfCycles();
}
