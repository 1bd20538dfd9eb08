package dev.conference.redis;

import dev.conference.model.*;
import dev.conference.port.ConferenceStore;
import dev.conference.testing.Fixtures;
import java.time.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZzProbeTest {
    @Test
    void deletedTwice() {
        try (ConfiguredRedis redis = ConfiguredRedis.start(List.of());
             ConferenceStore store = RedisConferenceStore.connect("redis://127.0.0.1:" + redis.port())) {
            Instant now = Instant.now();
            store.directory().saveUser(Fixtures.aUser("ann"));
            Meeting m = Fixtures.aPublicMeeting("m");
            store.directory().saveMeeting(m);
            store.directory().saveInstance(new MeetingInstance(m.id(), 1, now.minusSeconds(60), now.plusSeconds(3600)));
            store.conference().join(UserId.of("ann"), m.id());
            store.conference().post(UserId.of("ann"), m.id(), "first");
            System.out.println("deleted " + store.directory().deleteUser(UserId.of("ann")));
            store.directory().saveUser(Fixtures.aUser("ann"));
            store.conference().post(UserId.of("ann"), m.id(), "second, after re-creation");
            System.out.println("deleted again " + store.directory().deleteUser(UserId.of("ann")));
            System.out.println("chat now " + store.conference().chat(m.id()).stream().map(ChatMessage::text).toList());
        }
    }
}
