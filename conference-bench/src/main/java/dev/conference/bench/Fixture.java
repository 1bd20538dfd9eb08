package dev.conference.bench;

import dev.conference.bench.BenchConfig.ThroughputSizes;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.ConferenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The data the throughput and latency sections run on, written through the library: public meetings
 * with one instance active now (order 1), residents who are in every meeting and have filled each
 * chat, and a pool of users who join and leave.
 */
final class Fixture {
    static final String TEXT = "a chat message of ordinary length, fifty-one chars.";

    private final List<String> meetings;
    private final List<String> residents;
    private final List<String> pool;

    private Fixture(List<String> meetings, List<String> residents, List<String> pool) {
        this.meetings = meetings;
        this.residents = residents;
        this.pool = pool;
    }

    static Fixture create(ConferenceStore store, ThroughputSizes sizes) {
        Fixture fixture = new Fixture(
                ids("meeting-%03d", sizes.meetings()),
                ids("resident-%03d", sizes.residents()),
                ids("pool-%05d", sizes.joinLeavePool()));
        List<User> users = new ArrayList<>();
        fixture.residents.forEach(id -> users.add(user(id)));
        fixture.pool.forEach(id -> users.add(user(id)));
        for (int from = 0; from < users.size(); from += 1_000) {
            store.directory().saveUsers(users.subList(from, Math.min(users.size(), from + 1_000)));
        }
        Instant now = Instant.now();
        for (String id : fixture.meetings) {
            MeetingId meeting = MeetingId.of(id);
            store.directory().saveMeeting(Meeting.publicMeeting(meeting, "Benchmark " + id, "Where the harness meets"));
            store.directory()
                    .saveInstance(new MeetingInstance(
                            meeting, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        }
        AsyncConference conference = store.async();
        int meetingCount = fixture.meetings.size();
        int residentCount = fixture.residents.size();
        expectNoErrors(
                "residents joining",
                InFlight.run(
                        64,
                        (long) meetingCount * residentCount,
                        null,
                        j -> conference.join(
                                UserId.of(fixture.resident(j / meetingCount)), MeetingId.of(fixture.meeting(j)))));
        expectNoErrors(
                "seeding the chats",
                InFlight.run(
                        64,
                        (long) meetingCount * sizes.chatSeed(),
                        null,
                        j -> conference.post(
                                UserId.of(fixture.resident(j / meetingCount)),
                                MeetingId.of(fixture.meeting(j)),
                                TEXT)));
        return fixture;
    }

    static void expectNoErrors(String step, InFlight.Outcome outcome) {
        if (outcome.errors() > 0) {
            throw new IllegalStateException(
                    step + " failed " + outcome.errors() + " times, first: " + outcome.firstError(),
                    outcome.firstError());
        }
    }

    private static List<String> ids(String format, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(String.format(format, i));
        }
        return List.copyOf(out);
    }

    private static User user(String id) {
        return new User(UserId.of(id), "Bench " + id, 30, "Female", email(id));
    }

    static String email(String user) {
        return user + "@bench.example";
    }

    int meetingCount() {
        return meetings.size();
    }

    int residentCount() {
        return residents.size();
    }

    int poolSize() {
        return pool.size();
    }

    /** Meetings taken round robin. */
    String meeting(long index) {
        return meetings.get((int) (index % meetings.size()));
    }

    String resident(long index) {
        return residents.get((int) (index % residents.size()));
    }

    List<String> residents() {
        return residents;
    }

    String poolUser(long index) {
        return pool.get((int) index);
    }
}
