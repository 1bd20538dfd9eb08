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
 * The instances read so far, per meeting, as bare numbers (order, from and to in microseconds) kept
 * sorted by start: enough to refuse a second instance with the same order or one that overlaps, as the
 * store would, and to find the instance active at a given time, without keeping whole records. Not
 * thread-safe.
 */
final class Schedules {
    private final Map<String, Schedule> byMeeting = new HashMap<>();

    /** Why an instance cannot join its meeting's schedule. */
    sealed interface Conflict {
        record SameOrder() implements Conflict {}

        record Overlap(int order, Instant from, Instant to) implements Conflict {}
    }

    /** Adds the instance, or returns why not and leaves the schedule as it was. */
    Conflict add(MeetingInstance instance) {
        return byMeeting
                .computeIfAbsent(instance.meeting().value(), id -> new Schedule())
                .add(instance.order(), micros(instance.from()), micros(instance.to()));
    }

    /** The order of the meeting's instance whose span contains {@code at}, or 0 when none does. */
    int activeAt(MeetingId meeting, Instant at) {
        Schedule schedule = byMeeting.get(meeting.value());
        return schedule == null ? 0 : schedule.spanning(micros(at));
    }

    /** The start of the meeting's instance {@code order}, in microseconds. */
    long from(MeetingId meeting, int order) {
        return byMeeting.get(meeting.value()).fromOf(order);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** One meeting's instances, sorted by start; instances never overlap, so also by end. */
    private static final class Schedule {
        private static final int INDEX_ORDERS_FROM = 8;

        private int size;
        private int[] orders = new int[1];
        private long[] froms = new long[1];
        private long[] tos = new long[1];
        private Set<Integer> orderIndex;

        Conflict add(int order, long from, long to) {
            if (hasOrder(order)) {
                return new Conflict.SameOrder();
            }
            int at = insertionPoint(from);
            if (at > 0 && tos[at - 1] > from) {
                return overlap(at - 1);
            }
            if (at < size && froms[at] < to) {
                return overlap(at);
            }
            if (size == orders.length) {
                int capacity = size * 2;
                orders = Arrays.copyOf(orders, capacity);
                froms = Arrays.copyOf(froms, capacity);
                tos = Arrays.copyOf(tos, capacity);
            }
            System.arraycopy(orders, at, orders, at + 1, size - at);
            System.arraycopy(froms, at, froms, at + 1, size - at);
            System.arraycopy(tos, at, tos, at + 1, size - at);
            orders[at] = order;
            froms[at] = from;
            tos[at] = to;
            size++;
            if (orderIndex != null) {
                orderIndex.add(order);
            } else if (size > INDEX_ORDERS_FROM) {
                orderIndex = new HashSet<>();
                for (int i = 0; i < size; i++) {
                    orderIndex.add(orders[i]);
                }
            }
            return null;
        }

        int spanning(long at) {
            int next = insertionPoint(at + 1);
            return next > 0 && tos[next - 1] > at ? orders[next - 1] : 0;
        }

        long fromOf(int order) {
            for (int i = 0; i < size; i++) {
                if (orders[i] == order) {
                    return froms[i];
                }
            }
            throw new IllegalArgumentException("no instance " + order);
        }

        private boolean hasOrder(int order) {
            if (orderIndex != null) {
                return orderIndex.contains(order);
            }
            for (int i = 0; i < size; i++) {
                if (orders[i] == order) {
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
            return new Conflict.Overlap(orders[at], instant(froms[at]), instant(tos[at]));
        }
    }
}
