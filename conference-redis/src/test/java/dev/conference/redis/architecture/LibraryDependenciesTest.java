package dev.conference.redis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What an application that embeds the library takes in with it: the ports, Lettuce, SLF4J, nothing else. */
@AnalyzeClasses(packages = "dev.conference.redis", importOptions = ImportOption.DoNotIncludeTests.class)
class LibraryDependenciesTest {

    @ArchTest
    static final ArchRule onlyTheDeclaredDependencies = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.conference.model..",
                    "dev.conference.port..",
                    "dev.conference.redis..",
                    "io.lettuce..",
                    "io.netty..",
                    "reactor..",
                    "org.slf4j..",
                    "io.micrometer..",
                    "java..")
            .because("conference-redis brings conference-core, lettuce-core and slf4j-api, and Micrometer optionally");

    @ArchTest
    static final ArchRule micrometerStaysInOneClass = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dev.conference.redis.MicrometerMetrics")
            .and()
            .doNotHaveFullyQualifiedName("dev.conference.redis.RedisOptions")
            .and()
            .doNotHaveFullyQualifiedName("dev.conference.redis.RedisOptions$Builder")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micrometer..")
            .because(
                    "Micrometer is optional: only the class built when a registry is given, and the option that takes the registry, name it");

    @ArchTest
    static final ArchRule knowsNoApplicationOrScheduler = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.conference.local..",
                    "dev.conference.cli..",
                    "dev.conference.seed..",
                    "dev.conference.scheduler..",
                    "dev.conference.memory..",
                    "redis.embedded..")
            .because("the adapter implements the ports; the applications and the scheduler use it");
}
