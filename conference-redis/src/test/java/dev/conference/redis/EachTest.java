package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.StoreException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many calls of one script in one EVALSHA (LuaScript.each, RedisGateway.startEach), on a real
 * server: each call sees its own KEYS and ARGV, replies come back in the calls' order and decoded as
 * the script's own, and a batch that fails fails its calls and no other batch's.
 */
class EachTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private final Keys keys = new Keys("each-test:");

    private RedisGateway gateway() {
        var admin = REDIS.admin();
        return new RedisGateway(admin.sync(), admin.async(), "test", Duration.ofSeconds(5), key -> 0);
    }

    private static User user(int n) {
        return new User(UserId.of("u" + n), "User " + n, 20 + n % 50, "Female", "u" + n + "@example.com");
    }

    @Test
    void eachCallWritesItsOwnKeysWithItsOwnArgs() {
        RedisGateway redis = gateway();
        List<DirectoryCalls.SaveUser> saves = new ArrayList<>();
        int calls = RedisGateway.EACH_CALLS * 2 + 7; // three batches
        for (int n = 0; n < calls; n++) {
            saves.add(new DirectoryCalls.SaveUser(keys.user(UserId.of("u" + n)), user(n), "life" + n));
        }
        List<CompletableFuture<List<Object>>> replies = redis.startEach(saves);

        assertThat(replies).hasSize(calls);
        for (int n = 0; n < calls; n++) {
            assertThat(redis.await(replies.get(n))).containsExactly("OK");
            assertThat(REDIS.admin().sync().hgetall(keys.user(UserId.of("u" + n))))
                    .containsEntry("p", "life" + n + "|" + (20 + n % 50) + "|6|FemaleUser " + n)
                    .containsEntry("email", "u" + n + "@example.com");
        }
    }

    @Test
    void repliesComeInTheCallsOrderDecodedAsTheScriptsOwn() {
        RedisGateway redis = gateway();
        REDIS.admin()
                .sync()
                .hset(keys.user(UserId.of("known")), java.util.Map.of("email", "k@example.com", "life", "L1"));
        // note-imported.lua replies flat: one string the binding splits.
        List<UserCalls.NoteImported> notes = List.of(
                new UserCalls.NoteImported(keys.user(UserId.of("missing")), List.of("1|m")),
                new UserCalls.NoteImported(keys.user(UserId.of("known")), List.of("1|m", "2|m")),
                new UserCalls.NoteImported(keys.user(UserId.of("missing-too")), List.of()));
        List<CompletableFuture<List<Object>>> replies = redis.startEach(notes);

        assertThat(notes.get(0).decode(redis.await(replies.get(0)))).isEmpty();
        assertThat(notes.get(1).decode(redis.await(replies.get(1)))).isEqualTo(Optional.of("L1"));
        assertThat(notes.get(2).decode(redis.await(replies.get(2)))).isEmpty();
        assertThat(REDIS.admin().sync().hkeys(keys.user(UserId.of("known")))).contains("1|m", "2|m");
        assertThat(REDIS.admin().sync().exists(keys.user(UserId.of("missing")))).isZero();
    }

    @Test
    void aFailingCallFailsItsBatchAndNoOther() {
        RedisGateway redis = gateway();
        int calls = RedisGateway.EACH_CALLS + 50;
        int broken = RedisGateway.EACH_CALLS + 10;
        List<DirectoryCalls.SaveUser> saves = new ArrayList<>();
        for (int n = 0; n < calls; n++) {
            saves.add(new DirectoryCalls.SaveUser(keys.user(UserId.of("b" + n)), user(n), "life"));
        }
        REDIS.admin().sync().set(keys.user(UserId.of("b" + broken)), "not a hash");
        List<CompletableFuture<List<Object>>> replies = redis.startEach(saves);

        for (int n = 0; n < RedisGateway.EACH_CALLS; n++) {
            assertThat(redis.await(replies.get(n))).containsExactly("OK");
        }
        for (int n = RedisGateway.EACH_CALLS; n < calls; n++) {
            CompletableFuture<List<Object>> reply = replies.get(n);
            assertThatThrownBy(() -> redis.await(reply))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("WRONGTYPE");
        }
    }
}
