package dev.conference.seed.generate;

import dev.conference.model.MeetingId;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Every generated record as a pure function of the seed and the record's number, so any record can be
 * made again without keeping the others (a meeting's audience is made from user numbers, an event from
 * a meeting's instance) and memory stays flat. Times are offsets in microseconds from "now", so the
 * same seed gives the same records whatever the clock says, apart from the times.
 */
final class Dataset {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 8;
    private static final int MAX_AUDIENCE = 12;
    private static final long MINUTE = Duration.ofMinutes(1).toNanos() / 1_000;
    private static final long WEEK = Duration.ofDays(7).toNanos() / 1_000;

    private static final int USERS = 1;
    private static final int MEETINGS = 2;
    private static final int INSTANCES = 3;
    private static final int EVENTS = 4;
    private static final int MESSAGES = 5;
    private static final String[] WORDS = {
        "agenda", "budget", "can", "deadline", "done", "draft", "for", "help", "I", "it", "let's", "meet",
        "next", "notes", "ok", "plan", "review", "ship", "slides", "the", "thanks", "today", "update", "we"
    };

    private final GenerateSpec spec;
    private final IdCode userIds;
    private final IdCode meetingIds;

    Dataset(GenerateSpec spec) {
        this.spec = spec;
        this.userIds = IdCode.of(spec.seed(), USERS);
        this.meetingIds = IdCode.of(spec.seed(), MEETINGS);
    }

    UserId userId(int user) {
        return UserId.of(userIds.encode(user));
    }

    User user(int user) {
        SplittableRandom random = random(USERS, user);
        String name = letters(random, 6);
        int age = 18 + random.nextInt(63);
        String gender = random.nextBoolean() ? "Male" : "Female";
        return new User(userId(user), name, age, gender, name.toLowerCase(Locale.ROOT) + user + "@teamsEmail.com");
    }

    MeetingId meetingId(int meeting) {
        return MeetingId.of(meetingIds.encode(meeting));
    }

    /** A meeting's fields, its audience as user numbers in the order they are written. */
    record MeetingRow(MeetingId id, String title, String description, boolean isPublic, int[] audience) {}

    MeetingRow meeting(int meeting) {
        SplittableRandom random = random(MEETINGS, meeting);
        String title = letters(random, 6);
        String description = "This meeting is about " + letters(random, 6);
        boolean isPublic = random.nextBoolean();
        int size = 1 + random.nextInt(Math.min(spec.users(), MAX_AUDIENCE));
        int[] audience = new int[size];
        for (int filled = 0; filled < size; ) {
            int candidate = random.nextInt(spec.users());
            if (!contains(audience, filled, candidate)) {
                audience[filled++] = candidate;
            }
        }
        return new MeetingRow(meetingId(meeting), title, description, isPublic, audience);
    }

    /** How many instances the meeting has: instances go to the meetings in turn. */
    int instanceCount(int meeting) {
        return spec.instances() / spec.meetings() + (meeting < spec.instances() % spec.meetings() ? 1 : 0);
    }

    /** An instance's span as microseconds from now: {@code from < to}. */
    record Span(long from, long to) {
        boolean started() {
            return from <= 0;
        }
    }

    /**
     * Instance 1 of each meeting starts between two hours ago and half an hour from now and lasts ten
     * minutes to three hours, so many are active now; each later one comes a week after the one before,
     * so a meeting's instances never overlap.
     */
    Span span(int meeting, int order) {
        SplittableRandom random = random(INSTANCES, ((long) meeting << 32) | order);
        long from = (order - 1) * WEEK + random.nextLong(-120 * MINUTE, 30 * MINUTE);
        return new Span(from, from + random.nextLong(10 * MINUTE, 180 * MINUTE));
    }

    /** One generated event before it is numbered: who, where, what, and when as an offset from now. */
    record EventRow(int meeting, int user, int type, long at) {}

    /**
     * A visit: a user joins instance 1 of a random meeting (when it has started) and then leaves, times
     * out when the instance is over, or stays. A meeting with no started instance gets a past visit
     * outside any instance: history the log may hold.
     */
    EventRow[] visit(long number) {
        SplittableRandom random = random(EVENTS, number);
        int meeting = random.nextInt(spec.meetings());
        MeetingRow row = meeting(meeting);
        int user =
                row.isPublic() ? random.nextInt(spec.users()) : row.audience()[random.nextInt(row.audience().length)];
        long start;
        long end;
        boolean ended;
        if (instanceCount(meeting) > 0 && span(meeting, 1).started()) {
            Span span = span(meeting, 1);
            start = span.from();
            end = Math.min(span.to(), 0);
            ended = span.to() <= 0;
        } else {
            start = -random.nextLong(MINUTE, 7 * 24 * 60 * MINUTE);
            end = Math.min(start + 60 * MINUTE, 0);
            ended = true;
        }
        long joined = start + random.nextLong(Math.max(1, end - start));
        double outcome = random.nextDouble();
        if (outcome < 0.5 && joined + 1 < end) {
            return new EventRow[] {
                new EventRow(meeting, user, 1, joined),
                new EventRow(meeting, user, 2, joined + 1 + random.nextLong(end - joined - 1))
            };
        }
        if (outcome < 0.8 && ended) {
            return new EventRow[] {new EventRow(meeting, user, 1, joined), new EventRow(meeting, user, 3, end)};
        }
        return new EventRow[] {new EventRow(meeting, user, 1, joined)};
    }

    /** One generated message before it is numbered: where, who, what, and when as an offset from now. */
    record MessageRow(int meeting, int user, String text, long at) {}

    /** The hour before now, which messages are spread over. */
    private static final long MESSAGE_SPAN = 60 * MINUTE;

    /**
     * Message {@code number} of {@code count}, at a time that grows with its number over the hour
     * before now, so each instance's messages come in time order (an import appends them), in
     * instance 1 of a meeting running then (the first such from a random meeting on), by a user who
     * may join it (anyone for a public meeting, else an audience member); null when no meeting runs
     * then.
     */
    MessageRow message(long number, long count) {
        SplittableRandom random = random(MESSAGES, number);
        long at = -MESSAGE_SPAN + (number * MESSAGE_SPAN) / Math.max(1, count);
        int first = random.nextInt(spec.meetings());
        for (int step = 0; step < spec.meetings(); step++) {
            int meeting = (first + step) % spec.meetings();
            if (instanceCount(meeting) == 0) {
                continue;
            }
            Span span = span(meeting, 1);
            if (span.from() > at || span.to() <= at) {
                continue;
            }
            MeetingRow row = meeting(meeting);
            int user = row.isPublic()
                    ? random.nextInt(spec.users())
                    : row.audience()[random.nextInt(row.audience().length)];
            StringBuilder text = new StringBuilder();
            for (int words = 1 + random.nextInt(12); words > 0; words--) {
                text.append(text.length() == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            return new MessageRow(meeting, user, text.toString(), at);
        }
        return null;
    }

    private SplittableRandom random(int stream, long number) {
        return new SplittableRandom(mix(spec.seed() ^ mix(stream * 0x9E3779B97F4A7C15L + number)));
    }

    private static String letters(SplittableRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(out);
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** SplitMix64's finalizer: spreads nearby numbers over all 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Numbers to 8-character ids, one to one: a four-round Feistel network over the two base-62 halves
     * of the number shuffles it (each round can be undone, so no two numbers get one id), then it is
     * written in base 62.
     */
    record IdCode(long[] keys) {
        private static final long HALF = (long) Math.pow(ALPHABET.length(), ID_LENGTH / 2);

        static IdCode of(long seed, int stream) {
            long[] keys = new long[4];
            for (int round = 0; round < keys.length; round++) {
                keys[round] = mix(seed ^ mix(((long) stream << 8) + round));
            }
            return new IdCode(keys);
        }

        String encode(int number) {
            long left = number / HALF;
            long right = number % HALF;
            for (long key : keys) {
                long mixed = Math.floorMod(left + mix(right ^ key), HALF);
                left = right;
                right = mixed;
            }
            long value = left * HALF + right;
            char[] out = new char[ID_LENGTH];
            for (int i = ID_LENGTH - 1; i >= 0; i--) {
                out[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
                value /= ALPHABET.length();
            }
            return new String(out);
        }
    }
}
