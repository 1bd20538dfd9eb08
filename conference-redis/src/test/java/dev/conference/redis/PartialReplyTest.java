package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A script whose connection drops after part of its reply came is sent again (Lettuce does that by
 * itself), and its caller gets the reply of that second run alone: Lettuce decodes it into the same
 * output, so without FreshOutput the first run's items stayed ahead of it and the second reply came
 * nested after them (the ClassCastException the fault checker once met).
 */
class PartialReplyTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private CuttingProxy proxy;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisGateway redis;

    @BeforeEach
    void connectThroughTheProxy() throws Exception {
        proxy = new CuttingProxy(REDIS.port());
        client = RedisClient.create();
        connection = client.connect(ResendMarks.CODEC, RedisURI.create("redis://127.0.0.1:" + proxy.port()));
        redis = new RedisGateway(connection.sync(), connection.async(), "test", Duration.ofSeconds(5), key -> 0);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        client.shutdown();
        proxy.close();
    }

    @Test
    void anArrayReplyCutAfterItsFirstItemIsReadWholeFromTheSecondRun() {
        // instances.lua answers {n, from, to} per instance: "*3\r\n$1\r\n1\r\n$3\r\n100\r\n$3\r\n200\r\n".
        REDIS.admin().sync().zadd("starts", 100, "1");
        REDIS.admin().sync().zadd("ends", 200, "1");
        String[] keys = {"starts", "ends"};
        assertThat(redis.run(Scripts.INSTANCES, keys)).containsExactly("1", "100", "200"); // loaded

        proxy.cutNextReplyAfter("*3\r\n$1\r\n1\r\n".length());
        assertThat(redis.run(Scripts.INSTANCES, keys)).containsExactly("1", "100", "200");

        proxy.cutNextReplyAfter("*3\r\n".length());
        assertThat(redis.await(Scripts.INSTANCES.start(connection.async(), keys)))
                .containsExactly("1", "100", "200");
    }

    @Test
    void aBatchOfCallsCutPartWayGivesEachCallItsOwnReply() {
        REDIS.admin().sync().zadd("starts", 100, "1");
        REDIS.admin().sync().zadd("ends", 200, "1");
        List<ScriptCall> calls = List.of(new Instances(), new Instances());
        redis.startEach(calls).forEach(redis::await); // loaded

        // Two replies of three items, nested in the batch's reply: cut inside the first.
        proxy.cutNextReplyAfter("*2\r\n*3\r\n$1\r\n1\r\n".length());
        for (var reply : redis.startEach(calls)) {
            assertThat(redis.await(reply)).containsExactly("1", "100", "200");
        }
    }

    @Test
    void anHmgetCutAfterItsFirstFieldGivesEachFieldItsOwnValue() {
        REDIS.admin().sync().hset("user", java.util.Map.of("email", "a@example.com", "life", "L", "note", "1"));
        proxy.cutNextReplyAfter("*3\r\n$13\r\na@example.com\r\n".length());

        assertThat(redis.await(redis.hmget("user", "email", "life", "note")))
                .containsExactly(
                        KeyValue.just("email", "a@example.com"),
                        KeyValue.just("life", "L"),
                        KeyValue.just("note", "1"));
    }

    private record Instances() implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.INSTANCES;
        }

        @Override
        public String[] keys() {
            return new String[] {"starts", "ends"};
        }

        @Override
        public String[] args() {
            return new String[0];
        }
    }
}
