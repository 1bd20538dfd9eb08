package dev.conference.seed.load;

import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The instances read so far, per meeting, as bare numbers (number, from and to in microseconds) kept
 * sorted by start: enough to refuse a second instance with the same number or one that overlaps, as the
 * store would, and to find the instance that holds a given time, without keeping whole records. Not
 * thread-safe.
 */
final class Schedules {
    private final Map<String, Schedule> byMeeting = new HashMap<>();

    /** Why an instance cannot join its meeting's schedule. */
    sealed interface Conflict {
        record SameInstance() implements Conflict {}

        record Overlap(int instance, Instant from, Instant to) implements Conflict {}
    }

    /** Adds the instance, or returns why not and leaves the schedule as it was. */
    Conflict add(MeetingInstance instance) {
        return byMeeting
                .computeIfAbsent(instance.meeting().value(), id -> new Schedule())
                .add(instance.instance(), micros(instance.from()), micros(instance.to()));
    }

    /** The number of the meeting's instance whose span contains {@code at}, or 0 when none does. */
    int activeAt(MeetingId meeting, Instant at) {
        Schedule schedule = byMeeting.get(meeting.value());
        return schedule == null ? 0 : schedule.spanning(micros(at));
    }

    /** Whether the meeting's instance {@code number} exists and its span contains {@code at}. */
    boolean holds(MeetingId meeting, int number, Instant at) {
        return number != 0 && activeAt(meeting, at) == number;
    }

    /** Whether the meeting has an instance {@code number}. */
    boolean has(MeetingId meeting, int number) {
        Schedule schedule = byMeeting.get(meeting.value());
        return schedule != null && schedule.hasNumber(number);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** One meeting's instances, sorted by start; instances never overlap, so also by end. */
    private static final class Schedule {
        private static final int INDEX_NUMBERS_FROM = 8;

        private int size;
        private int[] numbers = new int[1];
        private long[] froms = new long[1];
        private long[] tos = new long[1];
        private Set<Integer> numberIndex;

        Conflict add(int number, long from, long to) {
            if (hasNumber(number)) {
                return new Conflict.SameInstance();
            }
            int at = insertionPoint(from);
            if (at > 0 && tos[at - 1] > from) {
                return overlap(at - 1);
            }
            if (at < size && froms[at] < to) {
                return overlap(at);
            }
            if (size == numbers.length) {
                int capacity = size * 2;
                numbers = Arrays.copyOf(numbers, capacity);
                froms = Arrays.copyOf(froms, capacity);
                tos = Arrays.copyOf(tos, capacity);
            }
            System.arraycopy(numbers, at, numbers, at + 1, size - at);
            System.arraycopy(froms, at, froms, at + 1, size - at);
            System.arraycopy(tos, at, tos, at + 1, size - at);
            numbers[at] = number;
            froms[at] = from;
            tos[at] = to;
            size++;
            if (numberIndex != null) {
                numberIndex.add(number);
            } else if (size > INDEX_NUMBERS_FROM) {
                numberIndex = new HashSet<>();
                for (int i = 0; i < size; i++) {
                    numberIndex.add(numbers[i]);
                }
            }
            return null;
        }

        int spanning(long at) {
            int next = insertionPoint(at + 1);
            return next > 0 && tos[next - 1] > at ? numbers[next - 1] : 0;
        }

        private boolean hasNumber(int number) {
            if (numberIndex != null) {
                return numberIndex.contains(number);
            }
            for (int i = 0; i < size; i++) {
                if (numbers[i] == number) {
                    return true;
                }
            }
            return false;
        }

        /** The first position whose start is at or after {@code from}. */
        private int insertionPoint(long from) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (froms[mid] < from) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private Conflict overlap(int at) {
            return new Conflict.Overlap(numbers[at], instant(froms[at]), instant(tos[at]));
        }
    }
}
