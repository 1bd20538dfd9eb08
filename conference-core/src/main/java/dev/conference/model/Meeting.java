package dev.conference.model;

import java.util.OptionalInt;
import java.util.Set;

/**
 * A meeting: public, or restricted to an audience of emails. Its occurrences in time are
 * {@link MeetingInstance}s.
 *
 * @param audience the emails admitted to a restricted meeting; kept for a public one too (the
 *                 original data lists one), where it admits no one more than everybody
 * @param capacity how many participants an instance holds at most (1 to {@link #MAX_CAPACITY}); a join
 *                 beyond it is refused. Empty: no limit
 */
public record Meeting(
        MeetingId id, String title, String description, boolean isPublic, Set<String> audience, OptionalInt capacity) {
    public static final int MAX_DESCRIPTION_LENGTH = 4096;
    public static final int MAX_AUDIENCE = 10_000;
    public static final int MAX_CAPACITY = 1_000_000;

    public Meeting {
        Check.notNull("meeting id", id);
        Check.text("meeting title", title, 200);
        Check.bounded("meeting description", description, MAX_DESCRIPTION_LENGTH);
        Check.notNull("meeting audience", audience);
        if (audience.size() > MAX_AUDIENCE) {
            throw new InvalidInputException(
                    "meeting audience must list at most " + MAX_AUDIENCE + " emails, got " + audience.size());
        }
        audience.forEach(email -> Email.require("audience email", email));
        if (audience.stream().map(Email::normalize).distinct().count() < audience.size()) {
            throw new InvalidInputException("meeting audience lists an email twice, in different cases: " + audience);
        }
        audience = Set.copyOf(audience);
        Check.notNull("meeting capacity", capacity);
        if (capacity.isPresent() && (capacity.getAsInt() < 1 || capacity.getAsInt() > MAX_CAPACITY)) {
            throw new InvalidInputException(
                    "meeting capacity must be between 1 and " + MAX_CAPACITY + ", got " + capacity.getAsInt());
        }
    }

    /** A meeting without a capacity: any number may join. */
    public Meeting(MeetingId id, String title, String description, boolean isPublic, Set<String> audience) {
        this(id, title, description, isPublic, audience, OptionalInt.empty());
    }

    /** This meeting with at most {@code capacity} participants per instance. */
    public Meeting withCapacity(int capacity) {
        return new Meeting(id, title, description, isPublic, audience, OptionalInt.of(capacity));
    }

    public static Meeting publicMeeting(MeetingId id, String title, String description) {
        return new Meeting(id, title, description, true, Set.of());
    }

    public static Meeting restricted(MeetingId id, String title, String description, Set<String> audience) {
        return new Meeting(id, title, description, false, audience);
    }

    /** Whether a user with this email may join: anyone if public, else the audience, ignoring case. */
    public boolean admits(String email) {
        if (isPublic) {
            return true;
        }
        String wanted = Email.normalize(email);
        return audience.stream().anyMatch(member -> Email.normalize(member).equals(wanted));
    }
}
