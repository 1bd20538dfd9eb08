package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.local.LocalRedis;
import dev.conference.model.Page;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a load goes when no Redis is named: the embedded one the conference CLI uses, in the same place. */
class StoreLocationTest {
    @TempDir
    Path home;

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
