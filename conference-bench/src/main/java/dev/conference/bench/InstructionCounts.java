package dev.conference.bench;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.redis.RedisConferenceStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's instructions per join, post and leave, library beside the minimal scripts of
 * {@link CpuBench}, counted by valgrind's callgrind in a server run under it: unlike CPU time on a
 * shared virtual machine, the same counts come back run after run, whatever else the machine does.
 * Each phase turns callgrind's instrumentation on, runs its operations (64 in flight), dumps a
 * profile and turns it off again; the counts are each dump's {@code readQueryFromClient}, inclusive
 * (reading, running and answering commands), divided by the operations. Also printed: what of it
 * went to {@code lpFind}, the linear search of small (listpack-encoded) hashes, which depends on how
 * full they are when the phase runs (mostly the user's hash a join reads). The joins of the first
 * row are of users who joined the instance before; a last phase counts first joins, which also note
 * the instance in the user's hash.
 *
 * <p>Needs {@code callgrind_control} and {@code callgrind_annotate} (Debian's valgrind) and a server
 * started as {@code valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=PROFILE
 * redis-server --port 6600 --save '' --appendonly no}; see conference-bench/README.md.
 */
public final class InstructionCounts {
    private static final int IN_FLIGHT = 64;
    private static final int MEETINGS = 8;
    private static final String TEXT = "a 34-character text of chat message";
    private static final List<String> PHASES = List.of(
            "library join",
            "library post",
            "library leave",
            "minimal join",
            "minimal post",
            "minimal leave",
            "library first join");
    private static final String USAGE = "usage: java -cp conference-bench.jar dev.conference.bench.InstructionCounts"
            + " --redis URI --profile PROFILE [--ops N]\n"
            + "  --redis URI        the server, run under callgrind (its data is flushed)\n"
            + "  --profile PROFILE  the server's --callgrind-out-file: dumps go to PROFILE.1, PROFILE.2, ...\n"
            + "  --ops N            operations per phase (default 4000)";

    private InstructionCounts() {}

    public static void main(String[] args) throws Exception {
        String uri = null;
        Path profile = null;
        int ops = 4_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--redis" -> uri = args[i + 1];
                case "--profile" -> profile = Path.of(args[i + 1]);
                case "--ops" -> ops = Integer.parseInt(args[i + 1]);
                default -> uri = null;
            }
        }
        if (uri == null || profile == null || args.length % 2 != 0 || ops < 1) {
            System.err.println(USAGE);
            System.exit(BenchMain.USAGE);
        }
        List<Path> dumps = run(uri, ops, profile);
        print(dumps, ops);
    }

    /** Sets up the meetings, runs the phases under callgrind; returns the dumps in phase order. */
    private static List<Path> run(String uri, int ops, Path profile) throws Exception {
        RedisClient client = RedisClient.create(uri);
        RedisAsyncCommands<String, String> raw = client.connect().async();
        raw.flushall().get();
        try (RedisConferenceStore store = RedisConferenceStore.connect(uri)) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < ops; i++) {
                users.add(new User(UserId.of("u" + i), "User " + i, 30, "female", "u" + i + "@example.com"));
            }
            for (int from = 0; from < ops; from += 1_000) {
                store.directory().saveUsers(users.subList(from, Math.min(ops, from + 1_000)));
            }
            Instant now = Instant.now();
            for (int m = 0; m < MEETINGS; m++) {
                MeetingId meeting = MeetingId.of("m" + m);
                store.directory().saveMeeting(Meeting.publicMeeting(meeting, "Benchmark", "Counted"));
                store.directory()
                        .saveInstance(new MeetingInstance(
                                meeting, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
            }
            AsyncConference c = store.async();
            IntFunction<UserId> user = j -> UserId.of("u" + j);
            IntFunction<MeetingId> meeting = j -> MeetingId.of("m" + (j % MEETINGS));
            // Each user joins and leaves once unprofiled, as the bench's pool users have: the instance
            // is noted in their hash and the meeting's caches are warm. A few posts load the post
            // script, so that no phase counts the compiling of a script sent with EVAL.
            phase(ops, j -> c.join(user.apply(j), meeting.apply(j)));
            phase(IN_FLIGHT, j -> c.post(user.apply(j), meeting.apply(j), TEXT));
            phase(ops, j -> c.leave(user.apply(j), meeting.apply(j)));
            List<Path> dumps = new ArrayList<>();
            dumps.add(profiled(profile, dumps.size(), ops, j -> c.join(user.apply(j), meeting.apply(j))));
            dumps.add(profiled(profile, dumps.size(), ops, j -> c.post(user.apply(j), meeting.apply(j), TEXT)));
            dumps.add(profiled(profile, dumps.size(), ops, j -> c.leave(user.apply(j), meeting.apply(j))));
            String join = raw.scriptLoad(CpuBench.JOIN).get();
            String post = raw.scriptLoad(CpuBench.POST).get();
            String leave = raw.scriptLoad(CpuBench.LEAVE).get();
            String at = Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
            IntFunction<String[]> events = j -> minimalKeys(j, "events");
            IntFunction<String[]> chat = j -> minimalKeys(j, "chat");
            dumps.add(profiled(
                    profile,
                    dumps.size(),
                    ops,
                    j -> raw.evalsha(join, ScriptOutputType.VALUE, events.apply(j), at, "u" + j)));
            dumps.add(profiled(
                    profile,
                    dumps.size(),
                    ops,
                    j -> raw.evalsha(post, ScriptOutputType.VALUE, chat.apply(j), at, "u" + j, TEXT)));
            dumps.add(profiled(
                    profile,
                    dumps.size(),
                    ops,
                    j -> raw.evalsha(leave, ScriptOutputType.VALUE, events.apply(j), at, "u" + j)));
            // A first join of an instance also notes it in the user's hash (note-joined.lua, a command
            // of its own in the user's slot): each user joins the next meeting, which they never joined.
            dumps.add(profiled(profile, dumps.size(), ops, j -> c.join(user.apply(j), meeting.apply(j + 1))));
            return dumps;
        } finally {
            client.shutdown();
        }
    }

    private static String[] minimalKeys(int j, String log) {
        String meeting = "m" + (j % MEETINGS);
        return new String[] {RawKeys.ofInstance(meeting, "1", "participants"), RawKeys.ofInstance(meeting, "1", log)};
    }

    /** Runs {@code ops} operations, {@link #IN_FLIGHT} at a time; a failed one stops the count. */
    private static void phase(int ops, IntFunction<CompletionStage<?>> op) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(ops);
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < ops; i++) {
            inFlight.acquire();
            op.apply(i).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " operations failed, the first: " + failures.get(0));
        }
    }

    /** One phase with callgrind's instrumentation on, then dumped: the dump's path. */
    private static Path profiled(Path profile, int earlier, int ops, IntFunction<CompletionStage<?>> op)
            throws Exception {
        System.err.println("counting: " + PHASES.get(earlier));
        callgrind("-i", "on");
        phase(ops, op);
        callgrind("-d", PHASES.get(earlier).replace(' ', '-'));
        callgrind("-i", "off");
        return Path.of(profile + "." + (earlier + 1));
    }

    private static void callgrind(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("callgrind_control"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("OK")) {
            throw new IllegalStateException("callgrind_control " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static void print(List<Path> dumps, int ops) throws IOException, InterruptedException {
        long[] total = new long[dumps.size()];
        long[] scans = new long[dumps.size()];
        for (int i = 0; i < dumps.size(); i++) {
            String annotated = annotate(dumps.get(i));
            total[i] = inclusive(annotated, "readQueryFromClient") / ops;
            scans[i] = inclusive(annotated, "lpFind") / ops;
        }
        Table table = new Table(
                "operation",
                "library instructions/op",
                "of it, lpFind",
                "minimal instructions/op",
                "library / minimal",
                "without lpFind");
        String[] names = {"join", "post", "leave"};
        for (int i = 0; i < names.length; i++) {
            row(table, names[i], total, scans, i, i + names.length);
        }
        // The last phase, first joins, beside the minimal join.
        row(table, "join, first of its instance", total, scans, 2 * names.length, names.length);
        System.out.println("## Server instructions per operation (callgrind), library beside the minimal script");
        System.out.println();
        System.out.print(table.render());
        System.out.println();
        System.out.printf(
                "- %,d operations per phase over %d meetings, %d in flight; instructions of readQueryFromClient,"
                        + " inclusive%n",
                ops, MEETINGS, IN_FLIGHT);
    }

    /** A row of the library's phase {@code library} beside the minimal script's phase {@code minimal}. */
    private static void row(Table table, String name, long[] total, long[] scans, int library, int minimal) {
        table.add(
                name,
                String.format("%,d", total[library]),
                String.format("%,d", scans[library]),
                String.format("%,d", total[minimal]),
                Format.ratio((double) total[library] / total[minimal]),
                Format.ratio((double) (total[library] - scans[library]) / (total[minimal] - scans[minimal])));
    }

    private static String annotate(Path dump) throws IOException, InterruptedException {
        if (!Files.exists(dump)) {
            throw new IllegalStateException(
                    "no profile at " + dump + ": is --profile the server's --callgrind-out-file?");
        }
        Process process = new ProcessBuilder(
                        "callgrind_annotate", "--inclusive=yes", "--threshold=100", dump.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /** The inclusive count of {@code function} in callgrind_annotate's output (0 if absent). */
    static long inclusive(String annotated, String function) {
        Matcher line =
                Pattern.compile("(?m)^\\s*([\\d,]+) .*:" + function + " \\[").matcher(annotated);
        return line.find() ? Long.parseLong(line.group(1).replace(",", "")) : 0;
    }
}
