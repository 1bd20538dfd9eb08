package dev.conference.port;

import java.time.Instant;
import java.util.Objects;

/**
 * The time-driven work of a store, done in passes that a {@link dev.conference.scheduler.MeetingScheduler} runs on a tick.
 * Each pass takes on at most {@code limit} items that are due by {@code now} and says how many
 * it took on and how many it changed, so the caller repeats while a pass comes back full. The cost of a pass grows with the number
 * of items due, never with the number of meetings.
 *
 * <p>Safe to run from any number of threads and processes at once over one store: each item is
 * claimed for a while before it is handled, so two schedulers rarely handle the same item, and the
 * handling itself is idempotent, so an item handled twice still yields its events once. An item claimed
 * by a scheduler that died is handled by another once the claim lapses.
 *
 * <p>A store with a clock of its own (the Redis store reads the server's by default) takes {@code
 * now} as an upper bound: an item is due when both {@code now} and the store's clock have reached
 * it, so a scheduler whose clock runs ahead handles nothing early.
 */
public interface Lifecycle {

    /** Logs STARTED for instances whose {@code from} has come, once each. */
    PassResult startDue(Instant now, int limit);

    /**
     * Ends instances whose {@code to} has passed, as {@link Conference#end} does: each participant gets
     * one TIMED_OUT event, then ENDED is logged. An instance already ended, moved later or deleted is
     * left as it is.
     */
    PassResult endDue(Instant now, int limit);

    /** Removes participants whose presence lease has lapsed, with one TIMED_OUT event each. */
    PassResult expireLeases(Instant now, int limit);

    /**
     * One step of a walk that brings the store's derived indexes back in line with each meeting's own
     * data, after an index write was lost (a caller that gave up, a node that failed over) or landed
     * out of order: it looks at up to {@code limit} meetings (and index entries), and the next call
     * goes on from there, round and round. {@link PassResult#due()} counts what it looked at, {@link
     * PassResult#done()} what it had to put right. A store whose indexes cannot drift (the in-memory
     * one) has nothing to do.
     */
    default PassResult repair(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        return new PassResult(0, 0);
    }
}
