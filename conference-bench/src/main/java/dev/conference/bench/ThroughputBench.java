package dev.conference.bench;

import dev.conference.bench.BenchConfig.ThroughputSizes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;

/**
 * Operations per second through the library beside the same scripts sent raw, for each number of
 * operations in flight. Library and raw iterations alternate, so drift (a growing stream, a GC, a
 * noisy neighbour) touches both alike.
 */
final class ThroughputBench {
    private final ThroughputSizes sizes;
    private final Fixture fixture;
    private final Workload library;
    private final Workload raw;
    private final Workload rawScriptAlone;
    private final Progress progress;
    private final Map<String, Map<Integer, Cell>> cells = new LinkedHashMap<>();
    private final Set<String> errors = new LinkedHashSet<>();

    ThroughputBench(
            ThroughputSizes sizes,
            Fixture fixture,
            Workload library,
            Workload raw,
            Workload rawScriptAlone,
            Progress progress) {
        this.sizes = sizes;
        this.fixture = fixture;
        this.library = library;
        this.raw = raw;
        this.rawScriptAlone = rawScriptAlone;
        this.progress = progress;
    }

    /** One table cell: iteration rates of the library and of raw, and the errors seen. */
    private record Cell(Spread library, Spread raw) {
        double ratio() {
            return library.median() / raw.median();
        }
    }

    /** The rates of one mode over the measured iterations. */
    private static final class Rates {
        final double[] values;
        long errors;
        Throwable firstError;

        Rates(int iterations) {
            values = new double[iterations];
        }

        void count(InFlight.Outcome outcome) {
            errors += outcome.errors();
            if (firstError == null) {
                firstError = outcome.firstError();
            }
        }
    }

    Table run() {
        for (int callers : sizes.callers()) {
            joinAndLeave(callers);
        }
        int meetings = fixture.meetingCount();
        for (int callers : sizes.callers()) {
            simple("post", callers, w -> j -> w.post(fixture.resident(j / meetings), fixture.meeting(j), Fixture.TEXT));
        }
        for (int callers : sizes.callers()) {
            simple("chat, first 50", callers, w -> j -> w.chat(fixture.meeting(j)));
        }
        for (int callers : sizes.callers()) {
            simple("participants", callers, w -> j -> w.participants(fixture.meeting(j)));
        }
        for (int callers : sizes.callers()) {
            simple("activeMeetings", callers, w -> j -> w.activeMeetings());
        }
        for (int callers : sizes.callers()) {
            simple("joinTimes", callers, w -> j -> w.joinTimes());
        }
        return table();
    }

    /** Errors seen while measuring, one line each; empty when every operation succeeded. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private void simple(
            String name, int callers, java.util.function.Function<Workload, IntFunction<CompletionStage<?>>> op) {
        progress.step("throughput: %s, %d callers", name, callers);
        IntFunction<CompletionStage<?>> viaLibrary = op.apply(library);
        IntFunction<CompletionStage<?>> viaRaw = op.apply(raw);
        for (int i = 0; i < sizes.warmups(); i++) {
            timed(callers, viaLibrary);
            timed(callers, viaRaw);
        }
        Rates lib = new Rates(sizes.iterations());
        Rates direct = new Rates(sizes.iterations());
        for (int i = 0; i < sizes.iterations(); i++) {
            lib.values[i] = record(lib, timed(callers, viaLibrary));
            direct.values[i] = record(direct, timed(callers, viaRaw));
        }
        put(name, callers, lib, direct);
    }

    private InFlight.Outcome timed(int callers, IntFunction<CompletionStage<?>> op) {
        return InFlight.run(callers, Long.MAX_VALUE, sizes.iteration(), op);
    }

    private static double record(Rates rates, InFlight.Outcome outcome) {
        rates.count(outcome);
        return outcome.perSecond();
    }

    /**
     * Each iteration joins pool users for one iteration's time (user {@code j / meetings} into meeting
     * {@code j % meetings}, so no pair repeats), then makes exactly those users leave, timed apart.
     */
    private void joinAndLeave(int callers) {
        progress.step("throughput: join and leave, %d callers", callers);
        for (int i = 0; i < sizes.warmups(); i++) {
            joinThenLeave(library, library, callers, null, null);
            joinThenLeave(raw, raw, callers, null, null);
            joinThenLeave(rawScriptAlone, raw, callers, null, null);
        }
        Rates libJoin = new Rates(sizes.iterations());
        Rates libLeave = new Rates(sizes.iterations());
        Rates rawJoin = new Rates(sizes.iterations());
        Rates rawLeave = new Rates(sizes.iterations());
        Rates aloneJoin = new Rates(sizes.iterations());
        Rates ignoredLeave = new Rates(sizes.iterations());
        for (int i = 0; i < sizes.iterations(); i++) {
            double[] lib = joinThenLeave(library, library, callers, libJoin, libLeave);
            libJoin.values[i] = lib[0];
            libLeave.values[i] = lib[1];
            double[] direct = joinThenLeave(raw, raw, callers, rawJoin, rawLeave);
            rawJoin.values[i] = direct[0];
            rawLeave.values[i] = direct[1];
            aloneJoin.values[i] = joinThenLeave(rawScriptAlone, raw, callers, aloneJoin, ignoredLeave)[0];
        }
        put("join", callers, libJoin, rawJoin);
        put("leave", callers, libLeave, rawLeave);
        put("join, vs raw script alone (no read of the user's hash)", callers, libJoin, aloneJoin);
    }

    private double[] joinThenLeave(Workload joining, Workload leaving, int callers, Rates joins, Rates leaves) {
        int meetings = fixture.meetingCount();
        long pairs = (long) fixture.poolSize() * meetings;
        InFlight.Outcome joined = InFlight.run(
                callers,
                pairs,
                sizes.iteration(),
                j -> joining.join(fixture.poolUser(j / meetings), fixture.meeting(j)));
        InFlight.Outcome left = InFlight.run(
                callers, joined.ops(), null, j -> leaving.leave(fixture.poolUser(j / meetings), fixture.meeting(j)));
        if (joins != null) {
            joins.count(joined);
            leaves.count(left);
        }
        if (joined.ops() == pairs) {
            errors.add("join: the pool of " + fixture.poolSize() + " users ran out within one iteration at " + callers
                    + " callers; the join figure is capped by it (raise joinLeavePool)");
        }
        return new double[] {joined.perSecond(), left.perSecond()};
    }

    private void put(String name, int callers, Rates lib, Rates direct) {
        note(name, "library", callers, lib);
        note(name, "raw", callers, direct);
        cells.computeIfAbsent(name, ignored -> new LinkedHashMap<>())
                .put(callers, new Cell(Spread.of(lib.values), Spread.of(direct.values)));
    }

    private void note(String name, String mode, int callers, Rates rates) {
        if (rates.errors > 0) {
            errors.add(name + ", " + mode + ", " + callers + " callers: " + rates.errors + " failed operations, first: "
                    + rates.firstError);
        }
    }

    private Table table() {
        Table table = new Table(
                "operation",
                "callers",
                "library ops/s: median [min .. max]",
                "raw ops/s: median [min .. max]",
                "library / raw");
        List<String> order = List.of(
                "join",
                "leave",
                "join, vs raw script alone (no read of the user's hash)",
                "post",
                "chat, first 50",
                "participants",
                "activeMeetings",
                "joinTimes");
        for (String name : order) {
            Map<Integer, Cell> byCallers = cells.get(name);
            if (byCallers == null) {
                continue;
            }
            byCallers.forEach((callers, cell) -> table.add(
                    name,
                    Integer.toString(callers),
                    Format.spread(cell.library()),
                    Format.spread(cell.raw()),
                    Format.ratio(cell.ratio())));
        }
        return table;
    }
}
