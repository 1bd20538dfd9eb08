package dev.conference.redis;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.AgreementContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAgreementTest extends AgreementContract {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Override
    protected ConferenceStore open(Clock clock) {
        return RedisConferenceStore.connect(
                REDIS.uri(), RedisOptions.builder().clock(clock).build());
    }
}
