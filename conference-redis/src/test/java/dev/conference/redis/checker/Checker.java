package dev.conference.redis.checker;

import dev.conference.memory.InMemoryConferenceStore;
import dev.conference.model.ConferenceException;
import dev.conference.model.MeetingId;
import dev.conference.port.ConferenceStore;
import dev.conference.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model-based checker: random sequences of every operation, run on the in-memory store (the
 * model) and on a Redis store in lockstep, one shared clock, every answer and every read compared. A
 * failure prints its seed (replay with {@code -Dchecker.seed=S}) and the sequence shortened to the
 * steps that still make the stores disagree.
 *
 * <p>It runs for {@code -Dchecker.seconds} in {@code mvn verify}; a soak runs longer with {@code
 * -Dchecker.minutes=10}. Subscriptions are kept open across steps, resumed after an event they
 * delivered, and compared once both have delivered the same (deliveries are asynchronous) and at the
 * end. Concurrency and faults are checked against invariants by {@code FaultCheckTest}.
 */
public final class Checker implements AutoCloseable {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final int LENGTH = 150;
    /** How long two subscriptions may take to deliver the same before they count as disagreeing. */
    private static final Duration DELIVERY = Duration.ofSeconds(3);

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
    public record Report(int sequences, long steps, long comparisons, long delivered, long firstSeed) {
        @Override
        public String toString() {
            return String.format(
                    "%d sequences, %d steps, %d answers and %d live events compared, no disagreement (first seed %d)",
                    sequences, steps, comparisons, delivered, firstSeed);
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
        long delivered = 0;
        do {
            long seed = firstSeed + sequences;
            List<Step> sequence = Sequences.generate(seed, LENGTH, T0);
            long[] compared = {0, 0};
            Optional<Divergence> divergence = run(sequence, compared);
            sequences++;
            steps += sequence.size();
            comparisons += compared[0];
            delivered += compared[1];
            if (divergence.isPresent()) {
                // Said at once: shortening can take minutes when deliveries disagree (each run waits).
                System.err.println("the stores disagree: seed " + seed + " (replay: -Dchecker.seed=" + seed
                        + "), at step " + divergence.get().index() + "; shortening the sequence");
                List<Step> shortest = shorten(sequence);
                throw new AssertionError(report(seed, divergence.get(), shortest, run(shortest, new long[2])));
            }
        } while (fixedSeed == null && System.nanoTime() < deadline);
        return new Report(sequences, steps, comparisons, delivered, firstSeed);
    }

    private Optional<Divergence> run(List<Step> sequence, long[] compared) {
        clock.set(T0);
        empty.run();
        ConferenceStore store = redis;
        Map<MeetingId, Watch[]> watches = new LinkedHashMap<>();
        try (ConferenceStore model = new InMemoryConferenceStore(clock)) {
            try {
                for (int i = 0; i < sequence.size(); i++) {
                    Step step = sequence.get(i);
                    String[] outcomes;
                    if (step instanceof Step.Advance advance) {
                        clock.advance(advance.by());
                        continue;
                    } else if (step instanceof Step.Subscribe subscribe) {
                        outcomes = subscribe(subscribe.meeting(), model, store, watches);
                    } else if (step instanceof Step.Resume resume) {
                        outcomes = resume(resume, watches.get(resume.meeting()));
                    } else {
                        if (step instanceof Step.DeleteMeeting
                                || step instanceof Step.DeleteUser
                                || step instanceof Step.DeleteInstance) {
                            // They take entries out of the feed: each subscription must have
                            // delivered what it will before, or what it gets depends on its timing.
                            Optional<Divergence> late = allDelivered(i, watches, compared);
                            if (late.isPresent()) {
                                return late;
                            }
                        }
                        outcomes =
                                new String[] {step.apply(model, clock.instant()), step.apply(store, clock.instant())};
                    }
                    compared[0] +=
                            1 + outcomes[0].chars().filter(c -> c == '\n').count();
                    if (!outcomes[0].equals(outcomes[1])) {
                        return Optional.of(new Divergence(i, step, outcomes[0], outcomes[1]));
                    }
                }
                // Every subscription has delivered the same by the end.
                return allDelivered(sequence.size(), watches, compared);
            } finally {
                watches.values().forEach(pair -> {
                    pair[0].close();
                    pair[1].close();
                });
            }
        }
    }

    /** Waits for every subscription pair to deliver the same; the first that does not, at step {@code index}. */
    private static Optional<Divergence> allDelivered(int index, Map<MeetingId, Watch[]> watches, long[] compared) {
        for (Map.Entry<MeetingId, Watch[]> watch : watches.entrySet()) {
            String[] delivered = converged(watch.getValue());
            if (!delivered[0].equals(delivered[1])) {
                return Optional.of(
                        new Divergence(index, new Step.Subscribe(watch.getKey()), delivered[0], delivered[1]));
            }
            compared[1] += watch.getValue()[0].delivered();
        }
        return Optional.empty();
    }

    /** Opens a subscription on each store unless one is open; the outcomes of the subscribe calls. */
    private static String[] subscribe(
            MeetingId meeting, ConferenceStore model, ConferenceStore store, Map<MeetingId, Watch[]> watches) {
        if (watches.containsKey(meeting)) {
            return new String[] {"already watching", "already watching"};
        }
        Watch[] pair = new Watch[2];
        String[] outcomes = new String[2];
        ConferenceStore[] stores = {model, store};
        for (int i = 0; i < 2; i++) {
            try {
                pair[i] = Watch.open(stores[i], meeting);
                outcomes[i] = "watching";
            } catch (ConferenceException e) {
                outcomes[i] = e.getClass().getSimpleName();
            }
        }
        if (pair[0] != null && pair[1] != null) {
            watches.put(meeting, pair);
        } else {
            Arrays.stream(pair).filter(Objects::nonNull).forEach(Watch::close);
        }
        return outcomes;
    }

    /**
     * Once both subscriptions have delivered the same, resumes each after the same event; the
     * outcomes are what they delivered until then and how the resumption went.
     */
    private static String[] resume(Step.Resume resume, Watch[] pair) {
        if (pair == null) {
            return new String[] {"not watching", "not watching"};
        }
        String[] delivered = converged(pair);
        if (!delivered[0].equals(delivered[1]) || pair[0].delivered() == 0) {
            return delivered;
        }
        int index = resume.pick() % pair[0].delivered();
        return new String[] {
            delivered[0] + " " + pair[0].resumeAfter(index), delivered[1] + " " + pair[1].resumeAfter(index)
        };
    }

    /**
     * What the two subscriptions delivered, once they agree and have stayed so a moment (deliveries
     * are asynchronous); or what they delivered when they did not come to agree within a few seconds.
     */
    private static String[] converged(Watch[] pair) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        String agreed = null;
        int stable = 0;
        while (true) {
            String model = pair[0].outcome();
            String store = pair[1].outcome();
            if (model.equals(store)) {
                stable = model.equals(agreed) ? stable + 1 : 0;
                agreed = model;
                if (stable == 3) {
                    return new String[] {model, store};
                }
            }
            if (System.nanoTime() > deadline) {
                return new String[] {model, store};
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new String[] {model, store};
            }
        }
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
                if (run(without, new long[2]).isPresent()) {
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
