package dev.conference.testing;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Builders for test data with sensible defaults; override only what a test is about. */
public final class Fixtures {
    private Fixtures() {}

    public static User aUser(String id) {
        return aUser(id, id.replaceAll("[^A-Za-z0-9]", "x") + "@example.com");
    }

    public static User aUser(String id, String email) {
        return new User(UserId.of(id), "Name of " + id, 30, "Female", email);
    }

    public static Meeting aPublicMeeting(String id) {
        return Meeting.publicMeeting(MeetingId.of(id), "Title of " + id, "About " + id);
    }

    public static Meeting aRestrictedMeeting(String id, String... audience) {
        return Meeting.restricted(MeetingId.of(id), "Title of " + id, "About " + id, Set.of(audience));
    }

    /** An instance running from {@code from} for {@code length}. */
    public static MeetingInstance anInstance(Meeting meeting, int order, Instant from, Duration length) {
        return new MeetingInstance(meeting.id(), order, from, from.plus(length));
    }
}
