package dev.conference.port;

import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The users, meetings and meeting instances a conference knows. Implementations are thread-safe.
 * Arguments must not be null (a null throws {@link NullPointerException}). Every method may throw
 * {@link dev.conference.model.StoreException} when the store cannot answer.
 */
public interface Directory {

    /** Creates the user or replaces the one with the same id. */
    void saveUser(User user);

    /** Saves many users at once; equivalent to {@link #saveUser} for each, but faster on a remote store. */
    default void saveUsers(List<User> users) {
        users.forEach(this::saveUser);
    }

    Optional<User> user(UserId id);

    /** Users in id order (by code point, see {@link dev.conference.model.CodePointOrder}), a page at a time; {@link Page#after()} is a user id. */
    List<User> users(Page page);

    /**
     * Deletes the user and every chat message they posted, in every meeting and instance, live feeds
     * included (a data-protection request); returns whether the user existed. Event logs keep the
     * user's id in their JOINED, LEFT and TIMED_OUT events, and a user deleted while in a meeting stays
     * listed there until they leave or the instance ends.
     */
    boolean deleteUser(UserId id);

    /** Creates the meeting or replaces the one with the same id (title, description, audience). */
    void saveMeeting(Meeting meeting);

    default void saveMeetings(List<Meeting> meetings) {
        meetings.forEach(this::saveMeeting);
    }

    Optional<Meeting> meeting(MeetingId id);

    /** Meetings in id order, a page at a time; {@link Page#after()} is a meeting id. */
    List<Meeting> meetings(Page page);

    /** Deletes the meeting with all its instances, participants, chat and events; returns whether it existed. */
    boolean deleteMeeting(MeetingId id);

    /**
     * Schedules an instance, or moves the one with the same meeting and order to new times (a running
     * instance can be extended or shortened this way).
     *
     * @throws dev.conference.model.UnknownMeetingException if the meeting does not exist
     * @throws dev.conference.model.InvalidInputException   if it would overlap another instance of the meeting
     */
    void saveInstance(MeetingInstance instance);

    /**
     * Saves each instance as {@link #saveInstance} does. An instance that is refused does not stop the
     * others: every one that can be saved is, then the first refusal is thrown.
     *
     * @throws dev.conference.model.UnknownMeetingException if an instance's meeting does not exist
     * @throws dev.conference.model.InvalidInputException   if an instance would overlap another
     */
    default void saveInstances(List<MeetingInstance> instances) {
        ConferenceException first = null;
        for (MeetingInstance instance : instances) {
            try {
                saveInstance(instance);
            } catch (UnknownMeetingException | InvalidInputException refused) {
                first = first == null ? refused : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The meeting's instances in time order; empty for an unknown meeting. */
    List<MeetingInstance> instances(MeetingId meeting);

    /**
     * Deletes one instance with its participants, chat and events (which live subscriptions no
     * longer deliver); returns whether it existed.
     */
    boolean deleteInstance(MeetingId meeting, int instance);
}
