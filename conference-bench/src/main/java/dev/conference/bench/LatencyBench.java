package dev.conference.bench;

import dev.conference.bench.BenchConfig.LatencySizes;
import dev.conference.model.MeetingId;
import dev.conference.model.Page;
import dev.conference.port.Conference;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * How long one call takes, one at a time, as the database fills with keys that have nothing to do
 * with conferences; beside it the original tool's way of finding a meeting's participants, which
 * walks the keyspace. The library's figures should stay flat, the walk's should grow with the keys.
 * A plain XRANGE of the same chat page shows what reading those entries costs without a script.
 */
final class LatencyBench {
    private static final int FILL_BATCH = 1_000;

    private final LatencySizes sizes;
    private final BenchServer server;
    private final Conference conference;
    private final Fixture fixture;
    private final Progress progress;

    LatencyBench(LatencySizes sizes, BenchServer server, Conference conference, Fixture fixture, Progress progress) {
        this.sizes = sizes;
        this.server = server;
        this.conference = conference;
        this.fixture = fixture;
        this.progress = progress;
    }

    Table run() {
        String meeting = fixture.meeting(0);
        MeetingId meetingId = MeetingId.of(meeting);
        OriginalLayout original = new OriginalLayout(server.adminAsync(), server.admin());
        Instant now = Instant.now();
        List<String> residents = fixture.residents();
        Fixture.expectNoErrors(
                "writing the original layout's join events",
                InFlight.run(
                        64,
                        residents.size(),
                        null,
                        j -> original.event(meeting, residents.get(j), 0, OriginalLayout.JOINED, now)));

        Table table = new Table(
                "unrelated keys",
                "keys in db",
                "participants() p50 / p99",
                "chat() p50 / p99",
                "raw XRANGE of that page p50 / p99",
                "activeMeetings() p50 / p99",
                "original: SCAN + read p50 / p99 (samples)",
                "SCAN / participants(), p50");
        String chatKey = RawKeys.ofInstance(meeting, "1", "chat");
        Range<String> all = Range.create("-", "+");
        Limit firstPage = Limit.from(Workload.CHAT_PAGE);
        Page page = Page.first(Workload.CHAT_PAGE);
        long filled = 0;
        for (int target : sizes.unrelatedKeys()) {
            progress.step("latency: filling to %,d unrelated keys", target);
            fill(filled, target);
            filled = Math.max(filled, target);
            progress.step("latency: measuring at %,d unrelated keys", target);
            Latencies participants = measure(() -> conference.participants(meetingId));
            Latencies chat = measure(() -> conference.chat(meetingId, page));
            Latencies xrange = measure(() -> server.admin().xrange(chatKey, all, firstPage));
            Latencies active = measure(conference::activeMeetings);
            Latencies scan = baseline(original, meeting, residents.size());
            table.add(
                    Format.count(target),
                    Format.count(server.admin().dbsize()),
                    pair(participants),
                    pair(chat),
                    pair(xrange),
                    pair(active),
                    pair(scan) + " (" + scan.count() + ")",
                    Format.ratio(scan.percentileMillis(50) / participants.percentileMillis(50)));
        }
        return table;
    }

    private static String pair(Latencies latencies) {
        return Format.millis(latencies.percentileMillis(50)) + " / " + Format.millis(latencies.percentileMillis(99));
    }

    private Latencies measure(Runnable call) {
        for (int i = 0; i < sizes.warmups(); i++) {
            call.run();
        }
        Latencies out = new Latencies(sizes.samples());
        while (!out.full()) {
            long start = System.nanoTime();
            call.run();
            out.record(System.nanoTime() - start);
        }
        return out;
    }

    private Latencies baseline(OriginalLayout original, String meeting, int expected) {
        Latencies out = new Latencies(sizes.baselineSamples());
        long deadline = System.nanoTime() + sizes.baselineBudget().toNanos();
        while (!out.full() && (out.count() < 3 || System.nanoTime() < deadline)) {
            long start = System.nanoTime();
            Set<String> found = original.participantsByScan(meeting);
            out.record(System.nanoTime() - start);
            if (found.size() != expected) {
                throw new IllegalStateException(
                        "the keyspace scan found " + found.size() + " participants, expected " + expected);
            }
        }
        return out;
    }

    /** Adds the keys {@code junk:<from>} to {@code junk:<to - 1>} with pipelined MSETs. */
    private void fill(long from, long to) {
        long batches = (to - from + FILL_BATCH - 1) / FILL_BATCH;
        Fixture.expectNoErrors(
                "filling the keyspace",
                InFlight.run(
                        16,
                        batches,
                        null,
                        b -> batch(from + b * FILL_BATCH, Math.min(to, from + (b + 1) * FILL_BATCH))));
    }

    private CompletionStage<String> batch(long from, long to) {
        Map<String, String> keys = new HashMap<>((int) (to - from) * 2);
        for (long k = from; k < to; k++) {
            keys.put("junk:" + k, "0123456789");
        }
        return server.adminAsync().mset(keys);
    }
}
