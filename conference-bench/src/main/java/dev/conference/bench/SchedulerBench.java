package dev.conference.bench;

import dev.conference.bench.BenchConfig.SchedulerSizes;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Lifecycle;
import dev.conference.port.PassResult;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lifecycle scheduler, in two measurements. Capacity: how fast {@link Lifecycle#endDue} passes
 * end a backlog of instances that are all due (as one scheduler's tick does after an outage).
 * Punctuality: a {@link MeetingScheduler} with its default options runs in real time while the
 * instances' ends pass one after another over a window; the delay of each TIMED_OUT and ENDED is the
 * server time of its stream entry (the entry id's milliseconds) minus the instance's {@code to}.
 */
final class SchedulerBench {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final SchedulerSizes sizes;
    private final BenchServer server;
    private final Progress progress;

    SchedulerBench(SchedulerSizes sizes, BenchServer server, Progress progress) {
        this.sizes = sizes;
        this.server = server;
        this.progress = progress;
    }

    Table run() {
        Table table = new Table("measure", "result");
        double[] rates = new double[sizes.drainRounds()];
        for (int round = 0; round < rates.length; round++) {
            progress.step("scheduler: backlog round %d of %d", round + 1, rates.length);
            rates[round] = drainBacklog();
        }
        Spread rate = Spread.of(rates);
        table.add(
                String.format(
                        "instances ended/s: backlog of %s due, %d participants each, endDue batch %d "
                                + "(median [min .. max] of %d rounds)",
                        Format.count(sizes.instances()),
                        sizes.participants(),
                        SchedulerOptions.defaults().batchSize(),
                        rates.length),
                Format.spread(rate));
        table.add(
                "TIMED_OUT events logged/s, same rounds",
                Format.spread(new Spread(
                        rate.median() * sizes.participants(),
                        rate.min() * sizes.participants(),
                        rate.max() * sizes.participants())));
        progress.step("scheduler: %,d instances starting at once", sizes.surge());
        surge(table);
        progress.step("scheduler: ending one instance with %,d participants", sizes.surge());
        crowdedEnd(table);
        progress.step(
                "scheduler: %,d instances ending over %s in real time", sizes.instances(), seconds(sizes.window()));
        punctuality(table);
        server.flush();
        return table;
    }

    private double drainBacklog() {
        try (ConferenceStore store = prepare(server.openStoreWithClock())) {
            Lifecycle lifecycle = store.lifecycle();
            Instant later = Instant.now().plus(Duration.ofDays(2));
            int batch = SchedulerOptions.defaults().batchSize();
            // Joins already logged every STARTED; the start pass only finds them done. Not timed.
            while (lifecycle.startDue(later, batch).due() > 0) {
                // drain
            }
            long start = System.nanoTime();
            long ended = 0;
            PassResult pass;
            while ((pass = lifecycle.endDue(later, batch)).due() > 0) {
                ended += pass.done();
            }
            long elapsed = System.nanoTime() - start;
            if (ended != sizes.instances()) {
                throw new IllegalStateException(
                        "the backlog held " + sizes.instances() + " instances, " + ended + " were ended");
            }
            return ended * 1e9 / elapsed;
        }
    }

    private void punctuality(Table table) {
        try (ConferenceStore store = prepare(server.openStore())) {
            List<MeetingId> meetings = meetings();
            Instant first = Instant.now().plus(sizes.leadTime()).truncatedTo(ChronoUnit.MILLIS);
            long step = sizes.window().toNanos() / sizes.instances();
            List<MeetingInstance> moved = new ArrayList<>(meetings.size());
            Instant from = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < meetings.size(); i++) {
                Instant to = first.plusNanos(step * i).truncatedTo(ChronoUnit.MICROS);
                moved.add(new MeetingInstance(meetings.get(i), 1, from, to));
            }
            saveInBatches(store, moved);
            boolean late = Instant.now().isAfter(first);
            Instant last = moved.get(moved.size() - 1).to();
            Map<MeetingId, List<MeetingEvent>> logs;
            try (MeetingScheduler scheduler = MeetingScheduler.start(store.lifecycle(), SchedulerOptions.defaults())) {
                pauseUntil(last.plus(SchedulerOptions.defaults().tick().multipliedBy(2)));
                logs = readLogsUntilEnded(store.async(), meetings, last.plus(GRACE));
            }
            Latencies timeouts = new Latencies(meetings.size() * sizes.participants());
            Latencies ends = new Latencies(meetings.size());
            int notEnded = 0;
            for (MeetingInstance instance : moved) {
                List<MeetingEvent> log = logs.getOrDefault(instance.meeting(), List.of());
                long toMicros = ChronoUnit.MICROS.between(Instant.EPOCH, instance.to());
                boolean ended = false;
                for (MeetingEvent event : log) {
                    if (event instanceof MeetingEvent.TimedOut) {
                        timeouts.record(delayNanos(event, toMicros));
                    } else if (event instanceof MeetingEvent.Ended) {
                        ends.record(delayNanos(event, toMicros));
                        ended = true;
                    }
                }
                notEnded += ended ? 0 : 1;
            }
            table.add(
                    String.format(
                            "delay `to` -> TIMED_OUT, p50 / p99 / max (%s events)", Format.count(timeouts.count())),
                    delays(timeouts));
            table.add(
                    String.format("delay `to` -> ENDED, p50 / p99 / max (%s events)", Format.count(ends.count())),
                    delays(ends));
            table.add(
                    "instances not ended " + GRACE.toSeconds() + " s after the last `to`"
                            + (late ? " (setup overran the first `to`: delays are overstated)" : ""),
                    Integer.toString(notEnded));
        }
    }

    /**
     * The surge: {@code sizes.surge()} instances whose {@code from} has just come, none promoted yet,
     * then one activeMeetings (which promotes them all and lists them) and the end passes once they
     * are over. The server's SLOWLOG gives the longest single command: what every other client of
     * the server waits at worst.
     */
    private void surge(Table table) {
        server.flush();
        try (ConferenceStore store = server.openStoreWithClock()) {
            Instant from = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS);
            List<Meeting> saved = new ArrayList<>(sizes.surge());
            List<MeetingInstance> instances = new ArrayList<>(sizes.surge());
            for (int i = 0; i < sizes.surge(); i++) {
                MeetingId meeting = MeetingId.of(String.format("surge-%06d", i));
                saved.add(Meeting.publicMeeting(meeting, "Surge " + i, "Starts with all the others"));
                instances.add(new MeetingInstance(meeting, 1, from, from.plus(Duration.ofHours(1))));
            }
            for (int i = 0; i < saved.size(); i += 1_000) {
                store.directory().saveMeetings(saved.subList(i, Math.min(saved.size(), i + 1_000)));
            }
            saveInBatches(store, instances);
            // Calls over 0.1 ms are logged while listing: every script call of the listing, none of
            // the microsecond commands inside them (which Redis 6.2 logs too, and would crowd the
            // log); of the end passes (several calls per instance), those over a millisecond.
            int[] listed = {0};
            String listing = timedWithSlowlog(100, () -> {
                listed[0] = store.conference().activeMeetings().size();
                if (listed[0] != sizes.surge()) {
                    throw new IllegalStateException(sizes.surge() + " instances started, " + listed[0] + " listed");
                }
            });
            table.add(
                    String.format("activeMeetings right after %s instances started at once", Format.count(listed[0])),
                    listing);
            Instant over = from.plus(Duration.ofHours(2));
            String ending = timedWithSlowlog(1_000, () -> {
                while (store.lifecycle()
                                .endDue(over, SchedulerOptions.defaults().batchSize())
                                .due()
                        > 0) {
                    // drain
                }
            });
            table.add(String.format("endDue passes until all %s are ended", Format.count(listed[0])), ending);
        }
        server.flush();
    }

    /**
     * One instance with {@code sizes.surge()} participants ended by hand: the ending times them out
     * 500 per script call, so the longest single command stays short however crowded the instance.
     */
    private void crowdedEnd(Table table) {
        server.flush();
        try (ConferenceStore store = server.openStoreWithClock()) {
            MeetingId hall = MeetingId.of("hall");
            Instant from = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS);
            store.directory().saveMeeting(Meeting.publicMeeting(hall, "Hall", "Everyone at once"));
            store.directory().saveInstance(new MeetingInstance(hall, 1, from, from.plus(Duration.ofHours(1))));
            List<User> users = new ArrayList<>(1_000);
            for (int i = 0; i < sizes.surge(); i++) {
                users.add(new User(
                        UserId.of(String.format("crowd-%06d", i)),
                        "Crowd " + i,
                        30,
                        "Female",
                        "crowd" + i + "@example.com"));
                if (users.size() == 1_000 || i == sizes.surge() - 1) {
                    store.directory().saveUsers(users);
                    users.stream()
                            .map(user -> store.async().join(user.id(), hall).toCompletableFuture())
                            .toList()
                            .forEach(java.util.concurrent.CompletableFuture::join);
                    users.clear();
                }
            }
            int[] timedOut = {0};
            String ending = timedWithSlowlog(
                    1_000,
                    () -> timedOut[0] =
                            store.conference().end(hall).orElseThrow().timedOut());
            table.add(String.format("end of one instance with %s participants", Format.count(timedOut[0])), ending);
        }
        server.flush();
    }

    /**
     * Runs {@code measured} with the server's SLOWLOG taking every call over {@code overMicros}, and
     * says how long it took in all, how many script calls took longer, and the longest: what every
     * other client of the server waits at worst. The server's SLOWLOG settings are put back after.
     */
    private String timedWithSlowlog(int overMicros, Runnable measured) {
        RedisCommands<String, String> admin = server.admin();
        String threshold = admin.configGet("slowlog-log-slower-than").get("slowlog-log-slower-than");
        String length = admin.configGet("slowlog-max-len").get("slowlog-max-len");
        try {
            admin.configSet("slowlog-max-len", "100000");
            admin.configSet("slowlog-log-slower-than", Integer.toString(overMicros));
            admin.slowlogReset();
            long start = System.nanoTime();
            measured.run();
            long took = System.nanoTime() - start;
            long[] longest = longestCommand(admin.slowlogGet(100_000));
            return String.format(
                    "%s in all; script calls over %s: %s, longest %s",
                    Format.millis(took / 1e6),
                    overMicros >= 1_000 ? overMicros / 1_000 + " ms" : overMicros / 1e3 + " ms",
                    Format.count(longest[1]),
                    longest[1] == 0 ? "-" : Format.millis(longest[0] / 1e3));
        } finally {
            admin.configSet("slowlog-log-slower-than", threshold);
            admin.configSet("slowlog-max-len", length);
        }
    }

    /**
     * {longest duration in µs, number of calls} of a SLOWLOG GET reply. Redis 6.2 logs the commands a
     * script runs as well as the script, so only the calls a client made (EVALSHA, EVAL, or any
     * command not run by a script) are counted; the longest is always a client's call, since a
     * script's time includes its commands'.
     */
    private static long[] longestCommand(List<Object> entries) {
        long longest = 0;
        long calls = 0;
        for (Object entry : entries) {
            List<?> fields = (List<?>) entry;
            longest = Math.max(longest, (Long) fields.get(2));
            String command = String.valueOf(((List<?>) fields.get(3)).get(0)).toLowerCase(java.util.Locale.ROOT);
            calls += command.startsWith("eval") ? 1 : 0;
        }
        return new long[] {longest, calls};
    }

    /** How the punctuality run was set up, for a line under the table. */
    String setting() {
        return String.format(
                "delays: a MeetingScheduler with its defaults (tick %d ms, batch %d) while %s instances "
                        + "with %d participants each reach their `to` evenly over %s of real time",
                SchedulerOptions.defaults().tick().toMillis(),
                SchedulerOptions.defaults().batchSize(),
                Format.count(sizes.instances()),
                sizes.participants(),
                seconds(sizes.window()));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1_000 == 0
                ? duration.toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1e3);
    }

    private static String delays(Latencies delays) {
        if (delays.count() == 0) {
            return "none recorded";
        }
        return Format.millis(delays.percentileMillis(50)) + " / " + Format.millis(delays.percentileMillis(99)) + " / "
                + Format.millis(delays.percentileMillis(100));
    }

    /** Stream entry ids start with the server's time in milliseconds when the entry was added. */
    private static long delayNanos(MeetingEvent event, long toMicros) {
        long loggedMillis = Long.parseLong(event.id().substring(0, event.id().indexOf('-')));
        return (loggedMillis * 1_000 - toMicros) * 1_000;
    }

    private Map<MeetingId, List<MeetingEvent>> readLogsUntilEnded(
            AsyncConference conference, List<MeetingId> meetings, Instant deadline) {
        Map<MeetingId, List<MeetingEvent>> logs = new ConcurrentHashMap<>();
        List<MeetingId> pending = meetings;
        while (true) {
            List<MeetingId> reading = pending;
            Fixture.expectNoErrors(
                    "reading event logs",
                    InFlight.run(
                            64,
                            reading.size(),
                            null,
                            j -> conference.events(reading.get(j)).thenAccept(log -> logs.put(reading.get(j), log))));
            pending = reading.stream()
                    .filter(m -> logs.get(m).stream().noneMatch(e -> e instanceof MeetingEvent.Ended))
                    .toList();
            if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                return logs;
            }
            pauseUntil(Instant.now().plusSeconds(1));
        }
    }

    /** Fills a fresh database through {@code store}: the instances active, each with its participants in. */
    private ConferenceStore prepare(ConferenceStore store) {
        server.flush();
        List<User> users = new ArrayList<>(sizes.users());
        for (int i = 0; i < sizes.users(); i++) {
            String id = String.format("sched-user-%04d", i);
            users.add(new User(UserId.of(id), "Scheduled " + i, 40, "Male", id + "@bench.example"));
        }
        store.directory().saveUsers(users);
        List<MeetingId> meetings = meetings();
        List<Meeting> saved = new ArrayList<>(meetings.size());
        List<MeetingInstance> instances = new ArrayList<>(meetings.size());
        Instant now = Instant.now();
        for (MeetingId meeting : meetings) {
            saved.add(Meeting.publicMeeting(meeting, "Scheduled " + meeting, "Ends on time"));
            instances.add(
                    new MeetingInstance(meeting, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        }
        for (int i = 0; i < saved.size(); i += 1_000) {
            store.directory().saveMeetings(saved.subList(i, Math.min(saved.size(), i + 1_000)));
        }
        saveInBatches(store, instances);
        AsyncConference conference = store.async();
        int per = sizes.participants();
        Fixture.expectNoErrors(
                "joining the scheduled instances",
                InFlight.run(
                        64,
                        (long) meetings.size() * per,
                        null,
                        j -> conference.join(
                                users.get((j / per * per + j % per) % users.size())
                                        .id(),
                                meetings.get(j / per))));
        return store;
    }

    private static void saveInBatches(ConferenceStore store, List<MeetingInstance> instances) {
        for (int i = 0; i < instances.size(); i += 1_000) {
            store.directory().saveInstances(instances.subList(i, Math.min(instances.size(), i + 1_000)));
        }
    }

    private List<MeetingId> meetings() {
        List<MeetingId> out = new ArrayList<>(sizes.instances());
        for (int i = 0; i < sizes.instances(); i++) {
            out.add(MeetingId.of(String.format("sched-%05d", i)));
        }
        return out;
    }

    /** Waiting for wall-clock time is the point here: the scheduler runs in real time. */
    private static void pauseUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the scheduler ran", e);
        }
    }
}
