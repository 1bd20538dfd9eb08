package dev.conference.redis.checker;

import dev.conference.memory.InMemoryConferenceStore;
import dev.conference.port.ConferenceStore;
import dev.conference.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model-based checker: random sequences of every operation, run on the in-memory store (the
 * model) and on a Redis store in lockstep, one shared clock, every answer and every read compared. A
 * failure prints its seed (replay with {@code -Dchecker.seed=S}) and the sequence shortened to the
 * steps that still make the stores disagree.
 *
 * <p>It runs for {@code -Dchecker.seconds} in {@code mvn verify}; a soak runs longer with {@code
 * -Dchecker.minutes=10}. Not yet generated: subscriptions. Concurrency and faults are checked against
 * invariants by {@code FaultCheckTest}.
 */
public final class Checker implements AutoCloseable {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final int LENGTH = 150;

    private final MutableClock clock = new MutableClock(T0);
    private final ConferenceStore redis;
    private final Runnable empty;

    /**
     * @param open  opens the Redis store, once: thousands of sequences share it (the clock is set
     *              back and the server emptied before each), since opening and closing a Lettuce
     *              client thousands of times in one JVM once hung in its shutdown
     * @param empty empties the server
     */
    public Checker(Function<Clock, ConferenceStore> open, Runnable empty) {
        this.redis = open.apply(clock);
        this.empty = empty;
    }

    @Override
    public void close() {
        redis.close();
    }

    /** Where the two stores first answered differently. */
    record Divergence(int index, Step step, String model, String redis) {}

    /** What a run did. */
    public record Report(int sequences, long steps, long comparisons, long firstSeed) {
        @Override
        public String toString() {
            return String.format(
                    "%d sequences, %d steps, %d answers compared, no disagreement (first seed %d)",
                    sequences, steps, comparisons, firstSeed);
        }
    }

    /**
     * Runs sequences until {@code defaultBudget} (or the system properties' budget) is spent.
     *
     * @throws AssertionError at the first disagreement, with its seed and the shortened sequence
     */
    public Report check(Duration defaultBudget) {
        Duration budget = Long.getLong("checker.minutes") != null
                ? Duration.ofMinutes(Long.getLong("checker.minutes"))
                : Long.getLong("checker.seconds") != null
                        ? Duration.ofSeconds(Long.getLong("checker.seconds"))
                        : defaultBudget;
        Long fixedSeed = Long.getLong("checker.seed");
        long firstSeed = fixedSeed != null ? fixedSeed : System.nanoTime();
        long deadline = System.nanoTime() + budget.toNanos();
        int sequences = 0;
        long steps = 0;
        long comparisons = 0;
        do {
            long seed = firstSeed + sequences;
            List<Step> sequence = Sequences.generate(seed, LENGTH, T0);
            long[] compared = {0};
            Optional<Divergence> divergence = run(sequence, compared);
            sequences++;
            steps += sequence.size();
            comparisons += compared[0];
            if (divergence.isPresent()) {
                List<Step> shortest = shorten(sequence);
                throw new AssertionError(report(seed, divergence.get(), shortest, run(shortest, new long[1])));
            }
        } while (fixedSeed == null && System.nanoTime() < deadline);
        return new Report(sequences, steps, comparisons, firstSeed);
    }

    private Optional<Divergence> run(List<Step> sequence, long[] compared) {
        clock.set(T0);
        empty.run();
        ConferenceStore store = redis;
        try (ConferenceStore model = new InMemoryConferenceStore(clock)) {
            for (int i = 0; i < sequence.size(); i++) {
                Step step = sequence.get(i);
                if (step instanceof Step.Advance advance) {
                    clock.advance(advance.by());
                    continue;
                }
                String expected = step.apply(model, clock.instant());
                String actual = step.apply(store, clock.instant());
                compared[0] += 1 + expected.chars().filter(c -> c == '\n').count();
                if (!expected.equals(actual)) {
                    return Optional.of(new Divergence(i, step, expected, actual));
                }
            }
        }
        return Optional.empty();
    }

    /** Leaves out one step after another while the stores still disagree somewhere. */
    private List<Step> shorten(List<Step> sequence) {
        List<Step> shortest = new ArrayList<>(sequence);
        boolean shorter = true;
        int runs = 0;
        while (shorter && runs < 2_000) {
            shorter = false;
            for (int i = shortest.size() - 1; i >= 0 && runs < 2_000; i--) {
                List<Step> without = new ArrayList<>(shortest);
                without.remove(i);
                runs++;
                if (run(without, new long[1]).isPresent()) {
                    shortest = without;
                    shorter = true;
                }
            }
        }
        return shortest;
    }

    private static String report(long seed, Divergence first, List<Step> shortest, Optional<Divergence> again) {
        StringBuilder text = new StringBuilder();
        text.append("the stores disagree: seed ")
                .append(seed)
                .append(" (replay: -Dchecker.seed=")
                .append(seed)
                .append("), step ")
                .append(first.index())
                .append(": ")
                .append(first.step())
                .append("\n  model: ")
                .append(first.model())
                .append("\n  redis: ")
                .append(first.redis())
                .append("\nshortened to ")
                .append(shortest.size())
                .append(" steps:\n");
        for (int i = 0; i < shortest.size(); i++) {
            text.append(String.format("  %3d %s%n", i, shortest.get(i)));
        }
        again.ifPresent(divergence -> text.append("where step ")
                .append(divergence.index())
                .append(" answers\n  model: ")
                .append(divergence.model())
                .append("\n  redis: ")
                .append(divergence.redis()));
        return text.toString();
    }
}
