package dev.conference.bench;

import dev.conference.bench.BenchConfig.ThroughputSizes;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;

/**
 * The server's CPU per join, leave and post through the library, beside the minimal script that
 * records the same facts on the same keys: for a join the participant (ZADD NX) and one JOINED
 * event (XADD); for a leave ZREM and one LEFT; for a post the participant check (ZSCORE) and one
 * message (XADD). That is the anchor: what Redis must do at the least, not what the library's own
 * scripts cost. Library and minimal iterations alternate at the largest number of callers.
 */
final class CpuBench {
    static final String JOIN = """
            if redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2]) == 0 then return 'ALREADY_IN' end
            return redis.call('XADD', KEYS[2], '*', 'type', 'joined', 'user', ARGV[2], 'at', ARGV[1])
            """;
    static final String LEAVE = """
            if redis.call('ZREM', KEYS[1], ARGV[2]) == 0 then return 'NOT_IN' end
            return redis.call('XADD', KEYS[2], '*', 'type', 'left', 'user', ARGV[2], 'at', ARGV[1])
            """;
    static final String POST = """
            if redis.call('ZSCORE', KEYS[1], ARGV[2]) == false then return 'NOT_IN' end
            return redis.call('XADD', KEYS[2], '*', 'user', ARGV[2], 'text', ARGV[3], 'at', ARGV[1])
            """;
    private static final String ORDER = "1";

    private final ThroughputSizes sizes;
    private final BenchServer server;
    private final Fixture fixture;
    private final Workload library;
    private final Progress progress;
    private final RedisAsyncCommands<String, String> raw;
    private final String join;
    private final String leave;
    private final String post;
    private final ServerCpu cpu;
    private String pinning = "";

    CpuBench(ThroughputSizes sizes, BenchServer server, Fixture fixture, Workload library, Progress progress) {
        this.sizes = sizes;
        this.server = server;
        this.fixture = fixture;
        this.library = library;
        this.progress = progress;
        this.raw = server.raw();
        this.join = server.admin().scriptLoad(JOIN);
        this.leave = server.admin().scriptLoad(LEAVE);
        this.post = server.admin().scriptLoad(POST);
        this.cpu = new ServerCpu(server.admin());
    }

    /** How the run was set up, for lines under the table. */
    List<String> notes() {
        return List.of(
                "server CPU: " + cpu.source() + ", per operation, median [min .. max] of " + sizes.iterations()
                        + " iterations of " + sizes.iteration().toMillis() + " ms at " + callers() + " in flight",
                pinning,
                "minimal scripts: join `ZADD NX` + `XADD`, leave `ZREM` + `XADD`, post `ZSCORE` + `XADD`, "
                        + "on the instance's own participants, events and chat keys");
    }

    private int callers() {
        return sizes.callers().get(sizes.callers().size() - 1);
    }

    Table run() {
        Table table = new Table(
                "operation", "library µs/op", "minimal µs/op", "library / minimal", "library ops/s", "minimal ops/s");
        try (Pinning pinned = Pinning.of(server.embeddedPid())) {
            pinning = pinned.description();
            Measured[] joinAndLeave = joinAndLeave();
            add(table, "join", joinAndLeave[0], joinAndLeave[1]);
            add(table, "leave", joinAndLeave[2], joinAndLeave[3]);
            Measured[] posts = posts();
            add(table, "post", posts[0], posts[1]);
        }
        return table;
    }

    /** Per iteration: server µs per operation and operations per second. */
    private static final class Measured {
        final double[] micros;
        final double[] rates;
        long errors;

        Measured(int iterations) {
            micros = new double[iterations];
            rates = new double[iterations];
        }

        void record(int i, double cpuSeconds, InFlight.Outcome outcome) {
            micros[i] = cpuSeconds * 1e6 / Math.max(1, outcome.ops());
            rates[i] = outcome.perSecond();
            errors += outcome.errors();
        }
    }

    private static void add(Table table, String name, Measured library, Measured minimal) {
        if (library.errors + minimal.errors > 0) {
            throw new IllegalStateException(
                    name + ": " + library.errors + " library and " + minimal.errors + " minimal operations failed");
        }
        Spread lib = Spread.of(library.micros);
        Spread min = Spread.of(minimal.micros);
        table.add(
                name,
                Format.micros(lib),
                Format.micros(min),
                Format.ratio(lib.median() / min.median()),
                Format.spread(Spread.of(library.rates)),
                Format.spread(Spread.of(minimal.rates)));
    }

    /** {library join, minimal join, library leave, minimal leave}. */
    private Measured[] joinAndLeave() {
        int n = sizes.iterations();
        Measured[] out = {new Measured(n), new Measured(n), new Measured(n), new Measured(n)};
        int meetings = fixture.meetingCount();
        IntFunction<CompletionStage<?>> libraryJoin =
                j -> library.join(fixture.poolUser(j / meetings), fixture.meeting(j));
        IntFunction<CompletionStage<?>> libraryLeave =
                j -> library.leave(fixture.poolUser(j / meetings), fixture.meeting(j));
        IntFunction<CompletionStage<?>> minimalJoin =
                j -> minimal(join, "events", fixture.poolUser(j / meetings), fixture.meeting(j));
        IntFunction<CompletionStage<?>> minimalLeave =
                j -> minimal(leave, "events", fixture.poolUser(j / meetings), fixture.meeting(j));
        for (int i = -sizes.warmups(); i < n; i++) {
            progress.step(
                    "throughput: server CPU of join and leave, iteration %d of %d",
                    i + sizes.warmups() + 1, n + sizes.warmups());
            pair(i, libraryJoin, libraryLeave, out[0], out[2]);
            pair(i, minimalJoin, minimalLeave, out[1], out[3]);
        }
        return out;
    }

    /** Joins for one iteration's time, then makes exactly those users leave; each timed on its own. */
    private void pair(
            int i,
            IntFunction<CompletionStage<?>> join,
            IntFunction<CompletionStage<?>> leave,
            Measured joins,
            Measured leaves) {
        long pairs = (long) fixture.poolSize() * fixture.meetingCount();
        double before = cpu.seconds();
        InFlight.Outcome joined = InFlight.run(callers(), pairs, sizes.iteration(), join);
        double between = cpu.seconds();
        InFlight.Outcome left = InFlight.run(callers(), joined.ops(), null, leave);
        double after = cpu.seconds();
        if (i >= 0) {
            joins.record(i, between - before, joined);
            leaves.record(i, after - between, left);
        }
    }

    private Measured[] posts() {
        int n = sizes.iterations();
        Measured[] out = {new Measured(n), new Measured(n)};
        int meetings = fixture.meetingCount();
        IntFunction<CompletionStage<?>> libraryPost = j -> library.post(
                fixture.resident(j / meetings % fixture.residentCount()), fixture.meeting(j), Fixture.TEXT);
        IntFunction<CompletionStage<?>> minimalPost = j -> minimal(
                post,
                "chat",
                fixture.resident(j / meetings % fixture.residentCount()),
                fixture.meeting(j),
                Fixture.TEXT);
        for (int i = -sizes.warmups(); i < n; i++) {
            progress.step(
                    "throughput: server CPU of post, iteration %d of %d", i + sizes.warmups() + 1, n + sizes.warmups());
            timed(i, libraryPost, out[0]);
            timed(i, minimalPost, out[1]);
        }
        return out;
    }

    private void timed(int i, IntFunction<CompletionStage<?>> op, Measured into) {
        double before = cpu.seconds();
        InFlight.Outcome outcome = InFlight.run(callers(), Long.MAX_VALUE, sizes.iteration(), op);
        double after = cpu.seconds();
        if (i >= 0) {
            into.record(i, after - before, outcome);
        }
    }

    /** One minimal script on the instance's participants and its events or chat. */
    private CompletionStage<?> minimal(String sha, String log, String user, String meeting, String... text) {
        String[] keys = {RawKeys.ofInstance(meeting, ORDER, "participants"), RawKeys.ofInstance(meeting, ORDER, log)};
        String now = Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
        String[] args = text.length == 0 ? new String[] {now, user} : new String[] {now, user, text[0]};
        // The reply is the entry's id, a bulk string: a table reply costs Redis 6.2 several times more.
        return raw.<String>evalsha(sha, ScriptOutputType.VALUE, keys, args).thenApply(reply -> {
            if (reply.equals("ALREADY_IN") || reply.equals("NOT_IN")) {
                throw new IllegalStateException("minimal script answered " + reply);
            }
            return reply;
        });
    }
}
