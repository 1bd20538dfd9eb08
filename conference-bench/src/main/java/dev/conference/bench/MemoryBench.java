package dev.conference.bench;

import dev.conference.bench.BenchConfig.MemorySizes;
import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.ConferenceStore;
import java.time.Instant;
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

    private PerItem library(Dataset data) {
        try (ConferenceStore store = server.openStore()) {
            long start = server.usedMemory();
            for (int from = 0; from < data.users.size(); from += BATCH) {
                store.directory().saveUsers(data.users.subList(from, Math.min(data.users.size(), from + BATCH)));
            }
            long users = server.usedMemory();
            progress.step("memory: library users saved");
            for (int from = 0; from < data.meetings.size(); from += BATCH) {
                store.directory()
                        .saveMeetings(data.meetings.subList(from, Math.min(data.meetings.size(), from + BATCH)));
            }
            long meetings = server.usedMemory();
            for (int from = 0; from < data.instances.size(); from += BATCH) {
                store.directory()
                        .saveInstances(data.instances.subList(from, Math.min(data.instances.size(), from + BATCH)));
            }
            long instances = server.usedMemory();
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
            dropReplayRecords(data);
            long leftDurable = server.usedMemory();
            int posters = sizes.postersPerMeeting();
            pipelined(
                    "library posters joining",
                    sizes.joinedMeetings() * posters,
                    j -> conference.join(user(data, poster(j)), meeting(data, Dataset.joined(j / posters))));
            dropReplayRecords(data);
            long beforePosts = server.usedMemory();
            int postsPerMeeting = posters * sizes.messagesPerPoster();
            pipelined(
                    "library posts",
                    sizes.messages(),
                    j -> conference.post(
                            user(data, poster(j % postsPerMeeting % posters + j / postsPerMeeting * posters)),
                            meeting(data, Dataset.joined(j / postsPerMeeting)),
                            Dataset.MESSAGE_TEXT));
            long posted = server.usedMemory();
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
