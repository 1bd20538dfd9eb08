package dev.conference.redis.checker;

import dev.conference.model.EventType;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Random operation sequences from a seed: the same seed gives the same sequence. A few users and
 * meetings with ids that test the key encoding (braces, colons, spaces, non-ASCII), so that steps
 * collide often enough to reach the interesting states: overlapping and moved instances, joins
 * racing ends, leases lapsing, deleted and re-created meetings.
 */
final class Sequences {
    static final List<String> USERS = List.of("alice", "b{o}b", "ca rol", "d:ave", "\u00eb\uD83C\uDF89");
    static final List<String> MEETINGS = List.of("standup", "{x}", "r:1 2", "w\u00ebek");
    /** Above the most items a sequence can have due at once: leases of every user in every meeting. */
    private static final int PASS_LIMIT = 100;

    private Sequences() {}

    static List<Step> generate(long seed, int length, Instant start) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>(length);
        // Everyone exists at first, so that most steps are not refused for want of a user.
        for (String user : USERS) {
            steps.add(new Step.SaveUser(user(user, random)));
        }
        // And every meeting: imports and joins of a meeting nobody saved only test the refusal.
        for (String meeting : MEETINGS) {
            steps.add(new Step.SaveMeeting(meeting(MeetingId.of(meeting), random)));
        }
        Instant now = start;
        for (int i = steps.size(); i < length; i++) {
            Step step = next(random, now);
            if (step instanceof Step.Advance advance) {
                now = now.plus(advance.by());
            }
            steps.add(step);
        }
        return steps;
    }

    private static Step next(Random random, Instant now) {
        UserId user = UserId.of(pick(random, USERS));
        MeetingId meeting = MeetingId.of(pick(random, MEETINGS));
        int roll = random.nextInt(100);
        if (roll < 4) {
            return new Step.SaveUser(user(user.value(), random));
        } else if (roll < 6) {
            return new Step.DeleteUser(user);
        } else if (roll < 12) {
            return new Step.SaveMeeting(meeting(meeting, random));
        } else if (roll < 13) {
            return new Step.DeleteMeeting(meeting);
        } else if (roll < 22) {
            Instant from = now.plusSeconds(random.nextInt(4 * 3600) - 2 * 3600);
            Duration length = Duration.ofMinutes(10 + random.nextInt(170));
            return new Step.SaveInstance(new MeetingInstance(meeting, 1 + random.nextInt(3), from, from.plus(length)));
        } else if (roll < 24) {
            return new Step.DeleteInstance(meeting, 1 + random.nextInt(3));
        } else if (roll < 38) {
            Duration lease = random.nextBoolean() ? null : Duration.ofSeconds(30 + random.nextInt(300));
            return new Step.Join(user, meeting, lease);
        } else if (roll < 40) {
            return new Step.Renew(user, meeting, Duration.ofSeconds(30 + random.nextInt(300)));
        } else if (roll < 42) {
            // Few keys and values, so changes meet, remove what was set, and now and then pass 16.
            java.util.Map<String, String> changes = new java.util.HashMap<>();
            for (int n = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 3); n > 0; n--) {
                changes.put(
                        "key-" + random.nextInt(random.nextBoolean() ? 3 : 20),
                        random.nextInt(3) == 0 ? "" : "v" + random.nextInt(3));
            }
            return new Step.Update(user, meeting, changes);
        } else if (roll < 47) {
            return new Step.Leave(user, meeting);
        } else if (roll < 49) {
            return new Step.Remove(user, meeting, random.nextBoolean());
        } else if (roll < 59) {
            return new Step.Post(
                    user, meeting, "message " + random.nextInt(1000) + (random.nextBoolean() ? " {" : " :"));
        } else if (roll < 62) {
            return new Step.End(meeting);
        } else if (roll < 70) {
            // More than a sequence can have due at once, so each pass takes every due item: across
            // passes the stores may take items in different orders (Redis's lease index holds lower
            // bounds of the lease ends), while within one pass both time leases out in lease order.
            // Limits themselves are LifecycleContract's business.
            return new Step.Passes(PASS_LIMIT);
        } else if (roll < 81) {
            return new Step.Read(meeting, user);
        } else if (roll < 86) {
            return new Step.Subscribe(meeting);
        } else if (roll < 89) {
            return new Step.Resume(meeting, random.nextInt(20));
        } else if (roll < 92) {
            return new Step.ImportEvents(past(
                    random,
                    now,
                    (source, at) -> new PastEvent(
                            source,
                            MeetingId.of(pick(random, MEETINGS)),
                            UserId.of(pick(random, USERS)),
                            PAST_TYPES.get(random.nextInt(PAST_TYPES.size())),
                            at)));
        } else if (roll < 94) {
            return new Step.ImportMessages(past(
                    random,
                    now,
                    (source, at) -> new PastMessage(
                            source,
                            MeetingId.of(pick(random, MEETINGS)),
                            1 + random.nextInt(3),
                            UserId.of(pick(random, USERS)),
                            "old " + random.nextInt(100),
                            at)));
        }
        return new Step.Advance(Duration.ofSeconds(1 + random.nextInt(random.nextBoolean() ? 120 : 3600)));
    }

    private static final List<EventType> PAST_TYPES = List.of(EventType.JOINED, EventType.LEFT, EventType.TIMED_OUT);

    /**
     * One to four records of an import, from a few source ids (so some are imported again), at times
     * in the 40 minutes before now (where the running instances are) and now and then a little after it.
     */
    private static <T> List<T> past(Random random, Instant now, BiFunction<String, Instant, T> record) {
        List<T> records = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            Instant at = random.nextInt(10) == 0
                    ? now.plusSeconds(1 + random.nextInt(60))
                    : now.minusSeconds(random.nextInt(40 * 60)).minusNanos(random.nextInt(1000) * 1000L);
            records.add(record.apply("s" + random.nextInt(8), at));
        }
        return records;
    }

    private static User user(String id, Random random) {
        String email = id.replaceAll("[^A-Za-z0-9]", "x") + "@example.com";
        return new User(UserId.of(id), "Name " + random.nextInt(10), 20 + random.nextInt(50), "Female", email);
    }

    /** A meeting as {@link #anyMeeting} makes it, and now and then with a capacity of one to three. */
    private static Meeting meeting(MeetingId id, Random random) {
        Meeting meeting = anyMeeting(id, random);
        return random.nextInt(4) == 0 ? meeting.withCapacity(1 + random.nextInt(3)) : meeting;
    }

    private static Meeting anyMeeting(MeetingId id, Random random) {
        if (random.nextBoolean()) {
            return Meeting.publicMeeting(id, "Title " + random.nextInt(10), "");
        }
        Set<String> audience = new HashSet<>();
        for (String user : USERS) {
            if (random.nextBoolean()) {
                String email = user.replaceAll("[^A-Za-z0-9]", "x") + "@example.com";
                audience.add(random.nextBoolean() ? email : email.toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (audience.isEmpty()) {
            audience.add("nobody@example.com");
        }
        return Meeting.restricted(id, "Title " + random.nextInt(10), "For some", audience);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
