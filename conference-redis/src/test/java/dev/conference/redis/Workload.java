package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
import dev.conference.model.ConferenceException;
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
import dev.conference.testing.Fixtures;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Random join / leave / remove / update / post from many threads on a few meetings, recording what was acknowledged and
 * what was attempted, then the checks every fault must leave true: participants equal the event log
 * replayed, no message is recorded twice, every message in a chat was attempted, and (where the store
 * promises durability) every acknowledged message is there.
 */
public final class Workload {
    private final List<UserId> users = new ArrayList<>();
    private final List<MeetingId> meetings = new ArrayList<>();

    public List<MeetingId> meetings() {
        return List.copyOf(meetings);
    }

    private final Map<MeetingId, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<MeetingId, Set<String>> attempted = new ConcurrentHashMap<>();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    public Workload(ConferenceStore store, int userCount, int meetingCount) {
        Instant now = Instant.now();
        for (int i = 0; i < userCount; i++) {
            users.add(UserId.of("user " + i));
            store.directory().saveUser(Fixtures.aUser("user " + i));
        }
        for (int i = 0; i < meetingCount; i++) {
            MeetingId meeting = MeetingId.of("meeting {" + i + "}");
            meetings.add(meeting);
            acknowledged.put(meeting, ConcurrentHashMap.newKeySet());
            attempted.put(meeting, ConcurrentHashMap.newKeySet());
            store.directory().saveMeeting(Fixtures.aPublicMeeting(meeting.value()));
            store.directory()
                    .saveInstance(new MeetingInstance(meeting, 1, now.minusSeconds(60), now.plus(Duration.ofHours(1))));
        }
    }

    public void start(Conference conference, int threads) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    step(conference);
                }
                return null;
            }));
        }
    }

    public void stop() throws Exception {
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    public long successes() {
        return successes.get();
    }

    public long failures() {
        return failures.get();
    }

    private void step(Conference conference) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UserId user = users.get(random.nextInt(users.size()));
        MeetingId meeting = meetings.get(random.nextInt(meetings.size()));
        try {
            switch (random.nextInt(6)) {
                case 0 -> conference.join(user, meeting);
                case 1 -> conference.leave(user, meeting);
                // A ban now and then: it keeps that user out of the meeting for the rest of the run.
                case 2 -> conference.remove(user, meeting, random.nextInt(20) == 0);
                case 3 -> conference.update(user, meeting, Map.of("hand", random.nextBoolean() ? "raised" : ""));
                default -> {
                    String text = "message " + sequence.incrementAndGet();
                    attempted.get(meeting).add(text);
                    conference.post(user, meeting, text);
                    acknowledged.get(meeting).add(text);
                }
            }
            successes.incrementAndGet();
        } catch (RefusedException expected) {
            successes.incrementAndGet();
        } catch (ConferenceException storeTrouble) {
            failures.incrementAndGet();
        }
    }

    /** Waits, by polling the workload's own counter, until the store has acknowledged this many operations. */
    public void awaitSuccesses(long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (successes() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the store did not recover: " + successes() + " of " + count);
            }
            Thread.sleep(20);
        }
    }

    /** The invariants that hold whatever happened; returns how many acknowledged messages are missing. */
    public int check(Conference conference) {
        int missing = 0;
        for (MeetingId meeting : meetings) {
            assertThat(participantsFromLog(conference.events(meeting)))
                    .as("participants of %s replayed from its log", meeting)
                    .isEqualTo(conference.participants(meeting).stream()
                            .map(Participant::user)
                            .collect(Collectors.toSet()));
            List<String> chat =
                    conference.chat(meeting).stream().map(ChatMessage::text).toList();
            assertThat(chat).as("chat of %s", meeting).doesNotHaveDuplicates();
            assertThat(attempted.get(meeting)).as("attempted in %s", meeting).containsAll(chat);
            Set<String> lost = new HashSet<>(acknowledged.get(meeting));
            lost.removeAll(chat);
            missing += lost.size();
        }
        return missing;
    }

    private static Set<UserId> participantsFromLog(List<MeetingEvent> events) {
        Map<UserId, Boolean> in = new HashMap<>();
        for (MeetingEvent event : events) {
            if (event instanceof Joined joined) {
                assertThat(in.put(joined.user(), true))
                        .as("JOINED of %s while in", joined.user())
                        .isNotEqualTo(true);
            } else if (event instanceof Left left) {
                assertThat(in.put(left.user(), false))
                        .as("LEFT of %s while out", left.user())
                        .isEqualTo(true);
            } else if (event instanceof TimedOut timedOut) {
                in.put(timedOut.user(), false);
            } else if (event instanceof MeetingEvent.Removed removed) {
                assertThat(in.put(removed.user(), false))
                        .as("REMOVED of %s while out", removed.user())
                        .isEqualTo(true);
            } else if (event instanceof MeetingEvent.Updated updated) {
                assertThat(in.get(updated.user()))
                        .as("UPDATED of %s while out", updated.user())
                        .isEqualTo(true);
            }
        }
        return in.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
