package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.local.LocalRedis;
import dev.conference.local.StoreLocation;
import dev.conference.model.Page;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a load goes when no Redis is named: the embedded one the conference CLI uses, in the same place. */
class StoreLocationTest {
    @TempDir
    Path home;

    @Test
    void optionsWinOverTheEnvironmentAndTheDefaultIsUnderTheHome() {
        SeedEnvironment environment = new SeedEnvironment(
                Map.of("REDIS_URL", "redis://env:6379"),
                home,
                Clock.systemUTC(),
                ZoneOffset.UTC,
                false,
                new java.io.PrintWriter(System.out),
                new java.io.PrintWriter(System.err));
        SeedEnvironment bare = new SeedEnvironment(
                Map.of("REDIS_URL", " "),
                home,
                Clock.systemUTC(),
                ZoneOffset.UTC,
                false,
                new java.io.PrintWriter(System.out),
                new java.io.PrintWriter(System.err));

        assertThat(StoreLocation.resolve("redis://option:1", home.resolve("d"), environment.variables(), home))
                .isEqualTo(new StoreLocation.Remote("redis://option:1"));
        assertThat(StoreLocation.resolve(null, home.resolve("d"), environment.variables(), home))
                .isEqualTo(new StoreLocation.Embedded(home.resolve("d").toAbsolutePath()));
        assertThat(StoreLocation.resolve(null, null, environment.variables(), home))
                .isEqualTo(new StoreLocation.Remote("redis://env:6379"));
        assertThat(StoreLocation.resolve(null, null, bare.variables(), home))
                .isEqualTo(new StoreLocation.Embedded(
                        home.resolve(".conference/redis").toAbsolutePath()));
        assertThat(new StoreLocation.Remote("redis://user:secret@host:1").toString())
                .doesNotContain("secret");
    }

    @Test
    void withoutARedisTheEmbeddedOneKeepsTheDataForTheNextProcess() {
        Path data = home.resolve("data");
        assertThat(seed().run("generate", "--out", data, "--users", 7, "--meetings", 3, "--events", 5)
                        .code())
                .isZero();

        SeedRun.Result loaded = seed().home(home).run("load", data);

        assertThat(loaded.code()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("in the embedded Redis in " + home.resolve(".conference/redis"));
        // The loader stopped the server it started; the next process (the CLI, say) finds the data on disk.
        try (LocalRedis server = LocalRedis.persistent(home.resolve(".conference/redis"));
                ConferenceStore store = RedisConferenceStore.connect(server.uri())) {
            assertThat(server.startedHere()).isTrue();
            assertThat(store.directory().users(Page.first(100))).hasSize(7);
            assertThat(store.directory().meetings(Page.first(100))).hasSize(3);
        }
    }
}
