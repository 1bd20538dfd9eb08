package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A join reads the user's hash before the meeting's script; a first join of an instance must also
 * note it there (note-joined.lua). The store sends note-joined.lua at once for an instance it has not
 * seen noted, and the plain read only for one it has: a first join is two commands, not three.
 */
class JoinRoundTripsTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aFirstJoinNotesAtOnceAndAJoinAgainReadsFirst() {
        try (ConferenceStore store = RedisConferenceStore.connect(
                REDIS.uri(), RedisOptions.builder().clock(new MutableClock(T0)).build())) {
            Meeting room = aPublicMeeting("room");
            store.directory().saveMeeting(room);
            store.directory().saveInstance(anInstance(room, 1, T0, Duration.ofHours(1)));
            for (String user : new String[] {"warm", "alice"}) {
                store.directory().saveUser(aUser(user));
            }
            MeetingId meeting = room.id();
            // Loads the scripts (a first EVALSHA is answered NOSCRIPT and sent again with EVAL).
            store.conference().join(UserId.of("warm"), meeting);
            store.conference().leave(UserId.of("warm"), meeting);
            store.conference().join(UserId.of("warm"), meeting);

            Map<String, Long> before = calls();
            store.conference().join(UserId.of("alice"), meeting);
            Map<String, Long> first = calls();
            store.conference().leave(UserId.of("alice"), meeting);
            Map<String, Long> left = calls();
            store.conference().join(UserId.of("alice"), meeting);
            Map<String, Long> again = calls();

            // note-joined.lua and join.lua; no plain HMGET of the user's hash before them.
            assertThat(again.get("evalsha") - left.get("evalsha")).isEqualTo(1);
            assertThat(first.get("evalsha") - before.get("evalsha")).isEqualTo(2);
            // In scripts: note-joined's read of the user and the opening's read of the meeting hash.
            assertThat(first.get("hmget") - before.get("hmget")).isEqualTo(2);
            // Again: the plain read of the user's hash, then the opening's.
            assertThat(again.get("hmget") - left.get("hmget")).isEqualTo(2);
        }
    }

    /** Calls per command so far, from INFO commandstats (commands run inside scripts count too). */
    private static Map<String, Long> calls() {
        String stats = REDIS.admin().sync().info("commandstats");
        Map<String, Long> out = new java.util.HashMap<>();
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String calls = line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls=")));
                out.put(name, Long.parseLong(calls));
            }
        }
        out.putIfAbsent("evalsha", 0L);
        out.putIfAbsent("hmget", 0L);
        return out;
    }
}
