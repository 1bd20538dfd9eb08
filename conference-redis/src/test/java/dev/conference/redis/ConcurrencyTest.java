package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Participant;
import dev.conference.model.RefusedException;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many threads join, leave and post at random on a few meetings; afterwards each meeting's
 * participants must be exactly what its event log says, and every acknowledged message must be in the
 * chat exactly once (and nothing else).
 */
class ConcurrencyTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final int THREADS = 16;
    private static final Duration RUN_FOR = Duration.ofSeconds(3);
    private static final List<UserId> USERS = new ArrayList<>();
    private static final List<MeetingId> MEETINGS = new ArrayList<>();

    @Test
    void participantsAgreeWithTheEventLogAndNoMessageIsLostOrDoubled() throws Exception {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenUsersAndRunningMeetings(store);
            Map<MeetingId, Set<String>> acknowledged = new ConcurrentHashMap<>();
            MEETINGS.forEach(meeting -> acknowledged.put(meeting, ConcurrentHashMap.newKeySet()));
            AtomicLong operations = new AtomicLong();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long deadline = System.nanoTime() + RUN_FOR.toNanos();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        randomOperation(store.conference(), acknowledged);
                        operations.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();

            assertThat(operations.get()).isGreaterThan(1_000);
            for (MeetingId meeting : MEETINGS) {
                Conference conference = store.conference();
                assertThat(participantsFromLog(conference.events(meeting)))
                        .as("participants of %s replayed from its log", meeting)
                        .isEqualTo(conference.participants(meeting).stream()
                                .map(Participant::user).collect(Collectors.toSet()));
                List<String> chat = conference.chat(meeting).stream().map(ChatMessage::id).toList();
                assertThat(chat).doesNotHaveDuplicates();
                assertThat(new HashSet<>(chat)).isEqualTo(acknowledged.get(meeting));
            }
        }
    }

    private static void givenUsersAndRunningMeetings(ConferenceStore store) {
        Instant now = Instant.now();
        for (int i = 0; i < 24; i++) {
            USERS.add(UserId.of("user " + i));
            store.directory().saveUser(aUser("user " + i));
        }
        for (int i = 0; i < 4; i++) {
            Meeting meeting = aPublicMeeting("meeting {" + i + "}");
            MEETINGS.add(meeting.id());
            store.directory().saveMeeting(meeting);
            store.directory().saveInstance(new MeetingInstance(meeting.id(), 1, now.minusSeconds(60),
                    now.plus(Duration.ofHours(1))));
        }
    }

    private static void randomOperation(Conference conference, Map<MeetingId, Set<String>> acknowledged) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UserId user = USERS.get(random.nextInt(USERS.size()));
        MeetingId meeting = MEETINGS.get(random.nextInt(MEETINGS.size()));
        try {
            switch (random.nextInt(3)) {
                case 0 -> conference.join(user, meeting);
                case 1 -> conference.leave(user, meeting);
                default -> acknowledged.get(meeting).add(conference.post(user, meeting, "hi from " + user).id());
            }
        } catch (RefusedException expected) {
            // Joining twice, leaving or posting while out: refusals are part of the race.
        }
    }

    /** Replays JOIN / LEAVE / TIMEOUT; a JOIN of someone already in, or a LEAVE of someone out, breaks it. */
    private static Set<UserId> participantsFromLog(List<MeetingEvent> events) {
        Map<UserId, Boolean> in = new HashMap<>();
        for (MeetingEvent event : events) {
            if (event instanceof Joined joined) {
                assertThat(in.put(joined.user(), true)).as("JOIN of %s while already in", joined.user())
                        .isNotEqualTo(Boolean.TRUE);
            } else if (event instanceof Left left) {
                assertThat(in.put(left.user(), false)).as("LEAVE of %s while out", left.user())
                        .isEqualTo(Boolean.TRUE);
            } else if (event instanceof TimedOut timedOut) {
                in.put(timedOut.user(), false);
            }
        }
        return in.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
