package dev.conference.cli;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small world to try the CLI in, written through the ports: five users, public and restricted
 * meetings with instances placed around now (two running, one over, two to come), a few joins and a
 * short chat.
 */
final class DemoData {
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");
    static final UserId DAVE = UserId.of("dave");
    static final UserId ERIN = UserId.of("erin");
    static final MeetingId STANDUP = MeetingId.of("standup");
    static final MeetingId DESIGN_REVIEW = MeetingId.of("design-review");
    static final MeetingId RETRO = MeetingId.of("retro");
    static final MeetingId BOARD = MeetingId.of("board");

    private DemoData() {}

    /**
     * Seeds the store if it holds no user and no meeting.
     *
     * @param now the store's now: the running instances must span it
     * @return what was seeded, for a message; empty if the store was not empty
     */
    static Optional<String> seedIfEmpty(ConferenceStore store, Instant now) {
        Directory directory = store.directory();
        if (!directory.users(Page.first(1)).isEmpty()
                || !directory.meetings(Page.first(1)).isEmpty()) {
            return Optional.empty();
        }
        List<User> users = List.of(
                new User(ALICE, "Alice Archer", 34, "female", "alice@example.com"),
                new User(BOB, "Bob Baker", 41, "male", "bob@example.com"),
                new User(CAROL, "Carol Chen", 29, "female", "carol@example.com"),
                new User(DAVE, "Dave Diaz", 52, "male", "dave@example.com"),
                new User(ERIN, "Erin Evans", 38, "non-binary", "erin@example.com"));
        List<Meeting> meetings = List.of(
                Meeting.publicMeeting(STANDUP, "Daily standup", "What we did, what we will do, what blocks us"),
                Meeting.restricted(
                        DESIGN_REVIEW,
                        "Design review",
                        "The storage design, for the team only",
                        Set.of("alice@example.com", "bob@example.com", "carol@example.com")),
                Meeting.publicMeeting(RETRO, "Sprint retro", "What went well and what did not"),
                Meeting.restricted(
                        BOARD, "Board meeting", "Quarterly numbers", Set.of("dave@example.com", "erin@example.com")));
        Duration hour = Duration.ofHours(1);
        List<MeetingInstance> instances = List.of(
                new MeetingInstance(
                        STANDUP,
                        1,
                        now.minus(Duration.ofDays(1)),
                        now.minus(Duration.ofDays(1)).plus(hour)),
                new MeetingInstance(STANDUP, 2, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(50))),
                new MeetingInstance(
                        DESIGN_REVIEW, 1, now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(100))),
                new MeetingInstance(RETRO, 1, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3))),
                new MeetingInstance(
                        BOARD,
                        1,
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(1)).plus(hour)));
        directory.saveUsers(users);
        directory.saveMeetings(meetings);
        directory.saveInstances(instances);

        Conference conference = store.conference();
        conference.join(ALICE, STANDUP);
        conference.join(BOB, STANDUP);
        conference.join(CAROL, STANDUP);
        conference.join(ALICE, DESIGN_REVIEW);
        conference.join(CAROL, DESIGN_REVIEW);
        conference.post(ALICE, STANDUP, "Morning! I am wiring the CLI today.");
        conference.post(BOB, STANDUP, "Reviewing the Redis adapter, then on call.");
        conference.leave(CAROL, STANDUP);
        conference.post(CAROL, DESIGN_REVIEW, "The slides are in the shared folder.");
        return Optional.of(users.size() + " users, " + meetings.size() + " meetings, 2 of them running now");
    }
}
