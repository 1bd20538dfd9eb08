package dev.conference.redis;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.HistoryContract;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisHistoryTest extends HistoryContract {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Override
    protected ConferenceStore open(Clock clock) {
        return RedisConferenceStore.connect(
                RedisURI.create(REDIS.uri()),
                RedisOptions.builder().clock(clock).build());
    }
}
