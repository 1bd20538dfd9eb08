package dev.conference.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI is an adapter on the ports: it never reaches past them to Lettuce, keys or the server binary. */
class ArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.conference.cli");

    @Test
    void usesThePortsNotRedisClients() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.lettuce..", "redis.embedded..", "io.netty..")
                .because("the CLI talks to Directory and Conference; only conference-redis knows Lettuce")
                .check(CLI);
    }

    @Test
    void reachesTheRedisModuleOnlyThroughItsFactories() {
        noClasses()
                .that()
                .doNotHaveSimpleName("Session")
                .and()
                .doNotHaveSimpleName("Secrets")
                .and()
                .doNotHaveSimpleName("CliEnvironment")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.conference.redis..")
                .because("one class opens the store; masking and the home follow the library's rules;"
                        + " the commands see only ports")
                .check(CLI);
    }

    @Test
    void onlyTheSessionDecidesWhereTheStoreIs() {
        noClasses()
                .that()
                .doNotHaveSimpleName("Session")
                .and()
                .doNotHaveSimpleName("CliEnvironment")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.conference.local..")
                .because("the commands see a store, not where it runs")
                .check(CLI);
    }
}
