package dev.conference.local.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** conference-local opens stores through the library's factory; only LocalRedis runs a server binary. */
@AnalyzeClasses(packages = "dev.conference.local", importOptions = ImportOption.DoNotIncludeTests.class)
class LocalDependenciesTest {

    @ArchTest
    static final ArchRule noRedisClientHere = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.lettuce..", "io.netty..")
            .because("stores are opened with RedisConferenceStore, never with Lettuce directly");

    @ArchTest
    static final ArchRule onlyLocalRedisRunsTheBinary = noClasses()
            .that()
            .doNotHaveSimpleName("LocalRedis")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("redis.embedded..")
            .because("one class owns the embedded server");
}
