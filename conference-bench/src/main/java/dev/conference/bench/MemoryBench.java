package dev.conference.bench;

import dev.conference.bench.BenchConfig.MemorySizes;
import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.ConferenceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;

/**
 * Bytes of Redis memory per stored thing: {@code used_memory} before and after a large batch of one
 * kind, divided by the batch size, first for the library, then (after a flush) for the original
 * tool's layout holding the same data. Participants and events both come from joins and leaves: a
 * join adds a participant and an event, a leave removes the participant and adds an event, so
 * event = (join + leave) / 2 and participant = (join - leave) / 2 per user. The library's changing
 * scripts also keep a replay record per operation for a while; that part is measured apart.
 */
final class MemoryBench {
    private static final int IN_FLIGHT = 64;
    private static final int BATCH = 1_000;

    private final MemorySizes sizes;
    private final BenchServer server;
    private final Progress progress;

    MemoryBench(MemorySizes sizes, BenchServer server, Progress progress) {
        this.sizes = sizes;
        this.server = server;
        this.progress = progress;
    }

    /** Bytes per item of each kind, in the row order of the table. */
    private record PerItem(
            double user,
            double meeting,
            double instance,
            double participant,
            double event,
            double message,
            double eventReplay,
            double messageReplay) {}

    Table run() {
        Dataset data = Dataset.generate(sizes, Instant.now());
        server.flush();
        progress.step("memory: the library's layout");
        PerItem library = library(data);
        server.flush();
        progress.step("memory: the original tool's layout");
        PerItem original = original(data);
        server.flush();

        Table table = new Table(
                "bytes per",
                "batch",
                "library",
                "library: replay records, transient",
                "original layout",
                "library / original");
        row(table, "user", sizes.users(), library.user(), "-", original.user());
        row(table, "meeting (4-email audience)", sizes.meetings(), library.meeting(), "-", original.meeting());
        row(table, "instance", sizes.meetings(), library.instance(), "-", original.instance());
        table.add(
                "participant",
                Format.count(sizes.participants()),
                Format.bytes(library.participant()),
                "-",
                "none: derived from events",
                "-");
        row(
                table,
                "event (join or leave)",
                2L * sizes.participants(),
                library.event(),
                Format.bytes(library.eventReplay()),
                original.event());
        row(
                table,
                "chat message (" + Dataset.MESSAGE_TEXT.length() + "-char text)",
                sizes.messages(),
                library.message(),
                Format.bytes(library.messageReplay()),
                original.message());
        return table;
    }

    private static void row(Table table, String what, long batch, double library, String replay, double original) {
        table.add(
                what,
                Format.count(batch),
                Format.bytes(library),
                replay,
                Format.bytes(original),
                Format.ratio(library / original));
    }

    /** Bytes per item of each part of the library's layout, once {@link #run} has run. */
    Table breakdown() {
        return breakdown;
    }

    private Table breakdown = new Table("part");

    /** The library's layout in parts (families of keys), for the breakdown. */
    private MemoryParts parts(Dataset data) {
        List<String> userIds =
                data.users.stream().map(user -> user.id().value()).toList();
        List<String> meetingIds =
                data.meetings.stream().map(meeting -> meeting.id().value()).toList();
        List<String> joined = new ArrayList<>(sizes.joinedMeetings());
        for (int k = 0; k < sizes.joinedMeetings(); k++) {
            joined.add(meetingId(data, Dataset.joined(k)));
        }
        return new MemoryParts(
                server,
                List.of(
                        new MemoryParts.Part(
                                "user hash `user:{U}`, with the instances joined",
                                keysOf(userIds, id -> List.of(RawKeys.user(id)))),
                        new MemoryParts.Part(
                                "listings `{users}`, `{meetings}`: buckets and `pending`",
                                () -> RawKeys.listings(listing -> server.admin().zrange(listing, 0, -1))),
                        new MemoryParts.Part(
                                "meeting hash `meeting:{M}`", keysOf(meetingIds, id -> List.of(RawKeys.meeting(id)))),
                        new MemoryParts.Part("`audience`", keysOf(meetingIds, id -> List.of(RawKeys.audience(id)))),
                        new MemoryParts.Part(
                                "schedule `starts`, `ends`, `started`, `ended`",
                                keysOf(
                                        meetingIds,
                                        id -> List.of(
                                                RawKeys.starts(id),
                                                RawKeys.ends(id),
                                                RawKeys.started(id),
                                                RawKeys.ended(id)))),
                        new MemoryParts.Part("`{instance-index}` (5 keys)", () -> List.of(RawKeys.instanceIndex())),
                        new MemoryParts.Part(
                                "instance's `participants`",
                                keysOf(joined, id -> List.of(RawKeys.ofInstance(id, "1", "participants")))),
                        new MemoryParts.Part(
                                "instance's `events`",
                                keysOf(joined, id -> List.of(RawKeys.ofInstance(id, "1", "events")))),
                        new MemoryParts.Part(
                                "instance's `chat`",
                                keysOf(joined, id -> List.of(RawKeys.ofInstance(id, "1", "chat")))),
                        new MemoryParts.Part(
                                "replay records `replies:*` (transient)",
                                keysOf(joined, id -> List.of(RawKeys.replayEven(id), RawKeys.replayOdd(id))))));
    }

    /** The keys {@code keysOfOne} names for each of {@code ids}, listed when a snapshot asks. */
    private static java.util.function.Supplier<List<String>> keysOf(
            List<String> ids, java.util.function.Function<String, List<String>> keysOfOne) {
        return () -> ids.stream().flatMap(id -> keysOfOne.apply(id).stream()).toList();
    }

    private PerItem library(Dataset data) {
        MemoryParts parts = parts(data);
        try (ConferenceStore store = server.openStore()) {
            parts.snapshot("start");
            long start = server.usedMemory();
            for (int from = 0; from < data.users.size(); from += BATCH) {
                store.directory().saveUsers(data.users.subList(from, Math.min(data.users.size(), from + BATCH)));
            }
            long users = server.usedMemory();
            parts.snapshot("users");
            progress.step("memory: library users saved");
            for (int from = 0; from < data.meetings.size(); from += BATCH) {
                store.directory()
                        .saveMeetings(data.meetings.subList(from, Math.min(data.meetings.size(), from + BATCH)));
            }
            long meetings = server.usedMemory();
            parts.snapshot("meetings");
            for (int from = 0; from < data.instances.size(); from += BATCH) {
                store.directory()
                        .saveInstances(data.instances.subList(from, Math.min(data.instances.size(), from + BATCH)));
            }
            long instances = server.usedMemory();
            parts.snapshot("instances");
            AsyncConference conference = store.async();
            progress.step("memory: library meetings and instances saved");
            int per = sizes.participantsPerMeeting();
            pipelined(
                    "library joins",
                    sizes.participants(),
                    j -> conference.join(user(data, j), meeting(data, Dataset.joined(j / per))));
            long joined = server.usedMemory();
            dropReplayRecords(data);
            long joinedDurable = server.usedMemory();
            pipelined(
                    "library leaves",
                    sizes.participants(),
                    j -> conference.leave(user(data, j), meeting(data, Dataset.joined(j / per))));
            long left = server.usedMemory();
            // The leaves' replay records are still there (the joins' were dropped): half the events'.
            parts.snapshot("left");
            dropReplayRecords(data);
            long leftDurable = server.usedMemory();
            int posters = sizes.postersPerMeeting();
            pipelined(
                    "library posters joining",
                    sizes.joinedMeetings() * posters,
                    j -> conference.join(user(data, poster(j)), meeting(data, Dataset.joined(j / posters))));
            dropReplayRecords(data);
            long beforePosts = server.usedMemory();
            parts.snapshot("before posts");
            int postsPerMeeting = posters * sizes.messagesPerPoster();
            pipelined(
                    "library posts",
                    sizes.messages(),
                    j -> conference.post(
                            user(data, poster(j % postsPerMeeting % posters + j / postsPerMeeting * posters)),
                            meeting(data, Dataset.joined(j / postsPerMeeting)),
                            Dataset.MESSAGE_TEXT));
            long posted = server.usedMemory();
            parts.snapshot("posted");
            breakdown = breakdown(parts);
            dropReplayRecords(data);
            long postedDurable = server.usedMemory();
            PerItem durable =
                    perItem(start, users, meetings, instances, joinedDurable, leftDurable, beforePosts, postedDurable);
            double participants = sizes.participants();
            return new PerItem(
                    durable.user(),
                    durable.meeting(),
                    durable.instance(),
                    durable.participant(),
                    durable.event(),
                    durable.message(),
                    ((joined - joinedDurable) + (left - leftDurable)) / 2 / participants,
                    (posted - postedDurable) / (double) sizes.messages());
        }
    }

    /** The table of bytes per item by part; the events' replay share is the leaves' alone, doubled. */
    private Table breakdown(MemoryParts parts) {
        double events = 2.0 * sizes.participants();
        double[][] columns = {
            parts.perItem("start", "users", sizes.users()),
            parts.perItem("users", "meetings", sizes.meetings()),
            parts.perItem("meetings", "instances", sizes.meetings()),
            parts.perItem("instances", "left", events),
            parts.perItem("before posts", "posted", sizes.messages())
        };
        Table table = new Table("part", "per user", "per meeting", "per instance", "per event", "per chat message");
        List<String> names = parts.names();
        double[] totals = new double[columns.length];
        for (int i = 0; i < names.size(); i++) {
            String[] row = new String[columns.length + 1];
            row[0] = names.get(i);
            boolean any = false;
            for (int c = 0; c < columns.length; c++) {
                double bytes = columns[c][i];
                if (c == 3 && names.get(i).startsWith("replay")) {
                    bytes *= 2;
                }
                totals[c] += bytes;
                any |= Math.abs(bytes) >= 0.5;
                row[c + 1] = Math.abs(bytes) >= 0.5 ? Format.bytes(bytes) : "-";
            }
            if (any) {
                table.add(row);
            }
        }
        String[] total = new String[columns.length + 1];
        total[0] = "all parts (MEMORY USAGE)";
        for (int c = 0; c < columns.length; c++) {
            total[c + 1] = Format.bytes(totals[c]);
        }
        table.add(total);
        return table;
    }

    /**
     * Deletes the replay records of the joined meetings (each changing script keeps its reply under
     * its operation id for the replay window, and later writes to the meeting trim them): what is
     * left is what the data itself costs. Safe here: nothing is re-sent any more.
     */
    private void dropReplayRecords(Dataset data) {
        Fixture.expectNoErrors("dropping replay records", InFlight.run(IN_FLIGHT, sizes.joinedMeetings(), null, k -> {
            String meeting = meetingId(data, Dataset.joined(k));
            return server.adminAsync().del(RawKeys.replayEven(meeting), RawKeys.replayOdd(meeting));
        }));
    }

    private PerItem original(Dataset data) {
        OriginalLayout original = new OriginalLayout(server.raw(), server.admin());
        Instant now = Instant.now();
        long start = server.usedMemory();
        pipelined("original users", data.users.size(), j -> original.saveUser(data.users.get(j)));
        long users = server.usedMemory();
        pipelined("original meetings", data.meetings.size(), j -> original.saveMeeting(data.meetings.get(j)));
        long meetings = server.usedMemory();
        pipelined("original instances", data.instances.size(), j -> original.saveInstance(data.instances.get(j)));
        long instances = server.usedMemory();
        int per = sizes.participantsPerMeeting();
        pipelined(
                "original join events",
                sizes.participants(),
                j -> original.event(
                        meetingId(data, Dataset.joined(j / per)), userId(data, j), 0, OriginalLayout.JOINED, now));
        long joined = server.usedMemory();
        pipelined(
                "original leave events",
                sizes.participants(),
                j -> original.event(
                        meetingId(data, Dataset.joined(j / per)), userId(data, j), 1, OriginalLayout.LEFT, now));
        long left = server.usedMemory();
        int posters = sizes.postersPerMeeting();
        int postsPerMeeting = posters * sizes.messagesPerPoster();
        pipelined("original messages", sizes.messages(), j -> {
            int meeting = j / postsPerMeeting;
            int inMeeting = j % postsPerMeeting;
            return original.message(
                    meetingId(data, Dataset.joined(meeting)),
                    1,
                    userId(data, poster(inMeeting % posters + meeting * posters)),
                    inMeeting / posters,
                    Dataset.MESSAGE_TEXT,
                    now);
        });
        long posted = server.usedMemory();
        return perItem(start, users, meetings, instances, joined, left, left, posted);
    }

    /** The {@code j}-th poster overall: the first {@code postersPerMeeting} participants of each joined meeting. */
    private int poster(int j) {
        int posters = sizes.postersPerMeeting();
        return Dataset.participant(sizes, j / posters, j % posters);
    }

    private PerItem perItem(
            long start,
            long users,
            long meetings,
            long instances,
            long joined,
            long left,
            long beforePosts,
            long posted) {
        double participants = sizes.participants();
        double join = joined - instances;
        double leave = left - joined;
        return new PerItem(
                (users - start) / (double) sizes.users(),
                (meetings - users) / (double) sizes.meetings(),
                (instances - meetings) / (double) sizes.meetings(),
                (join - leave) / 2 / participants,
                (join + leave) / 2 / participants,
                (posted - beforePosts) / (double) sizes.messages(),
                0,
                0);
    }

    private static UserId user(Dataset data, int index) {
        return data.users.get(index).id();
    }

    private static MeetingId meeting(Dataset data, int index) {
        return data.meetings.get(index).id();
    }

    private static String userId(Dataset data, int index) {
        return user(data, index).value();
    }

    private static String meetingId(Dataset data, int index) {
        return meeting(data, index).value();
    }

    private static void pipelined(String step, int count, IntFunction<CompletionStage<?>> operation) {
        Fixture.expectNoErrors(step, InFlight.run(IN_FLIGHT, count, null, operation));
    }
}
