package dev.conference.redis;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.NullArgumentsContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisNullArgumentsTest extends NullArgumentsContract {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Override
    protected ConferenceStore open(Clock clock) {
        return RedisConferenceStore.connect(
                REDIS.uri(), RedisOptions.builder().clock(clock).build());
    }
}
