package dev.conference.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.Page;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.redis.RedisOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule the applications share, and the embedded store that keeps its data between processes. */
class StoreLocationTest {
    @TempDir
    Path home;

    @Test
    void optionsWinOverTheEnvironmentAndTheDefaultIsUnderTheHome() {
        Map<String, String> environment = Map.of(StoreLocation.REDIS_URL, "redis://env:6379");

        assertThat(StoreLocation.resolve("redis://option:1", home.resolve("d"), environment, home))
                .isEqualTo(new StoreLocation.Remote("redis://option:1"));
        assertThat(StoreLocation.resolve(null, home.resolve("d"), environment, home))
                .isEqualTo(new StoreLocation.Embedded(home.resolve("d").toAbsolutePath()));
        assertThat(StoreLocation.resolve(null, null, environment, home))
                .isEqualTo(new StoreLocation.Remote("redis://env:6379"));
        assertThat(StoreLocation.resolve(null, null, Map.of(StoreLocation.REDIS_URL, " "), home))
                .isEqualTo(new StoreLocation.Embedded(
                        home.resolve(".conference/redis").toAbsolutePath()));
    }

    @Test
    void aRemoteLocationNeverShowsItsPassword() {
        assertThat(new StoreLocation.Remote("redis://user:s3cret@host:1").toString())
                .isEqualTo("Redis at redis://user:***@host:1");
    }

    @Test
    void theEmbeddedStoreIsSharedWhileOpenAndKeepsItsDataAfterwards() {
        StoreLocation location = new StoreLocation.Embedded(home.resolve("data"));
        User ada = new User(UserId.of("ada"), "Ada", 36, "Female", "ada@example.com");

        try (StoreLocation.OpenedStore first = location.open(RedisOptions.defaults())) {
            first.store().directory().saveUser(ada);
            try (StoreLocation.OpenedStore second = location.open(RedisOptions.defaults())) {
                assertThat(second.server().startedHere())
                        .as("the second joins the first one's server")
                        .isFalse();
                assertThat(second.store().directory().user(ada.id())).contains(ada);
            }
            assertThat(first.server().startedHere()).isTrue();
        }
        try (StoreLocation.OpenedStore again = location.open(RedisOptions.defaults())) {
            assertThat(again.server().startedHere())
                    .as("the first one stopped its server on close")
                    .isTrue();
            assertThat(again.store().directory().users(Page.first(10))).containsExactly(ada);
        }
    }
}
