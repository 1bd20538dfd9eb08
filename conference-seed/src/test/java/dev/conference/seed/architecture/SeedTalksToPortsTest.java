package dev.conference.seed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The seeder stores through the ports: it never speaks Redis itself, and only its entry point picks a server. */
@AnalyzeClasses(packages = "dev.conference.seed", importOptions = ImportOption.DoNotIncludeTests.class)
class SeedTalksToPortsTest {
    @ArchTest
    static final ArchRule noRedisClient = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.lettuce..", "redis.embedded..", "redis.clients..");

    @ArchTest
    static final ArchRule loadingAndFormatKnowNoServer = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.conference.seed.load..", "dev.conference.seed.format..", "dev.conference.seed.generate..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.conference.redis..");

    @ArchTest
    static final ArchRule noLoggingBackend =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..");
}
