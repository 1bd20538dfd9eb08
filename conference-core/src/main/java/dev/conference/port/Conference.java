package dev.conference.port;

import dev.conference.model.ChatMessage;
import dev.conference.model.Ending;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * What happens live in meetings: who is in, what they say, what happened. "Active" means an instance
 * of the meeting spans the store's clock now and has not been ended. Participants, chat and events
 * belong to an instance: a new instance starts empty, and earlier instances stay readable.
 *
 * <p>Implementations are thread-safe, and each changing operation is atomic: it happens entirely or
 * not at all, and concurrent callers see it whole. Arguments must not be null (a null throws {@link NullPointerException}). Refusals are
 * {@link dev.conference.model.RefusedException}s or
 * {@link dev.conference.model.NotFoundException}s and record nothing; every method may throw
 * {@link dev.conference.model.StoreException} when the store cannot answer.
 *
 * <p>A changing operation whose outcome is unknown (the store did not answer in time) throws
 * {@link dev.conference.model.OutcomeUnknownException}: it may have been applied. Each changing
 * operation has a form that takes an {@link IdempotencyKey}; retrying with the same key is safe.
 */
public interface Conference {

    /**
     * Makes the user a participant of the meeting's active instance and records a JOINED event.
     *
     * @return the participant with their join time
     * @throws dev.conference.model.UnknownUserException        unknown user
     * @throws dev.conference.model.UnknownMeetingException     unknown meeting
     * @throws dev.conference.model.MeetingNotActiveException   no instance is active
     * @throws dev.conference.model.NotAllowedException         restricted meeting, email not in its audience
     * @throws dev.conference.model.AlreadyParticipantException already in; the first join time stays
     * @throws dev.conference.model.MeetingFullException        the instance holds the meeting's capacity
     * @throws dev.conference.model.BannedException             removed from this instance with a ban
     */
    default Participant join(UserId user, MeetingId meeting) {
        return join(user, meeting, IdempotencyKey.fresh());
    }

    /** Joins like {@link #join(UserId, MeetingId)}, safe to retry with the same {@code key}. */
    Participant join(UserId user, MeetingId meeting, IdempotencyKey key);

    /**
     * Joins like {@link #join(UserId, MeetingId)}, with a presence lease: unless {@link #renew} extends it,
     * the participant is removed with a TIMED_OUT event once {@code lease} has passed (by the
     * {@link Lifecycle} pass that a {@link dev.conference.scheduler.MeetingScheduler} runs). Meant for clients that may vanish
     * without leaving.
     *
     * @param lease how long the presence holds without a heartbeat; positive, at most a day
     */
    default Participant join(UserId user, MeetingId meeting, java.time.Duration lease) {
        return join(user, meeting, lease, IdempotencyKey.fresh());
    }

    /** Joins with a presence lease, safe to retry with the same {@code key}. */
    Participant join(UserId user, MeetingId meeting, java.time.Duration lease, IdempotencyKey key);

    /**
     * A heartbeat: the participant's presence lease now ends {@code lease} from now. Works for a
     * participant who joined without a lease too, who from then on needs heartbeats.
     *
     * @throws dev.conference.model.MeetingNotActiveException no instance is active
     * @throws dev.conference.model.NotParticipantException   the user is not in the meeting
     */
    void renew(UserId user, MeetingId meeting, java.time.Duration lease);

    /**
     * Removes a current participant and records a LEFT event.
     *
     * @throws dev.conference.model.MeetingNotActiveException no instance is active
     * @throws dev.conference.model.NotParticipantException   the user is not in the meeting
     */
    default void leave(UserId user, MeetingId meeting) {
        leave(user, meeting, IdempotencyKey.fresh());
    }

    /** Leaves like {@link #leave(UserId, MeetingId)}, safe to retry with the same {@code key}. */
    void leave(UserId user, MeetingId meeting, IdempotencyKey key);

    /**
     * Takes a participant out and records a REMOVED event (not a LEFT): a moderator's act. They may
     * join again; see {@link #remove(UserId, MeetingId, boolean)} to keep them out.
     *
     * @throws dev.conference.model.MeetingNotActiveException no instance is active
     * @throws dev.conference.model.NotParticipantException   the user is not in the meeting
     */
    default void remove(UserId user, MeetingId meeting) {
        remove(user, meeting, false);
    }

    /**
     * Removes like {@link #remove(UserId, MeetingId)}; with {@code ban}, the user cannot join this
     * instance again (a join is refused with {@link dev.conference.model.BannedException}) until it
     * ends. The meeting's next instance admits them as before.
     */
    default void remove(UserId user, MeetingId meeting, boolean ban) {
        remove(user, meeting, ban, IdempotencyKey.fresh());
    }

    /** Removes like {@link #remove(UserId, MeetingId, boolean)}, safe to retry with the same {@code key}. */
    void remove(UserId user, MeetingId meeting, boolean ban, IdempotencyKey key);

    /**
     * Changes a participant's attributes ({@code muted=true}, {@code hand=raised}, ...): each key of
     * {@code changes} is set to its value, or removed if the value is empty, and an UPDATED event
     * records the changes. A participant holds at most 16 keys; they go when the participant does.
     *
     * @return the participant with their attributes now
     * @throws dev.conference.model.InvalidInputException     a key or value breaks a rule of
     *                                                        {@link dev.conference.model.ParticipantAttributes}, or
     *                                                        the participant would hold more than 16 keys
     * @throws dev.conference.model.MeetingNotActiveException no instance is active
     * @throws dev.conference.model.NotParticipantException   the user is not in the meeting
     */
    default Participant update(UserId user, MeetingId meeting, java.util.Map<String, String> changes) {
        return update(user, meeting, changes, IdempotencyKey.fresh());
    }

    /** Updates like {@link #update(UserId, MeetingId, java.util.Map)}, safe to retry with the same {@code key}. */
    Participant update(UserId user, MeetingId meeting, java.util.Map<String, String> changes, IdempotencyKey key);

    /** The current participants of the meeting's active instance in order of joining; empty if none is active. */
    List<Participant> participants(MeetingId meeting);

    /**
     * A page of {@link #participants(MeetingId)}: up to {@code page.limit()} of them in order of
     * joining, after the participant whose {@link Participant#cursor()} is {@code page.after()} (from
     * the first when it is null). A cursor keeps its place when its participant leaves, so a reader
     * paging through a crowd misses no one who stays.
     *
     * @throws dev.conference.model.InvalidInputException {@code page.after()} is not a participant's cursor
     */
    List<Participant> participants(MeetingId meeting, Page page);

    /**
     * How many participants the meeting's active instance has; 0 if none is active. Its cost does not
     * grow with the number: a crowded instance is counted without being read.
     */
    int participantCount(MeetingId meeting);

    /** The active instances, one per meeting, in order of their end time. */
    List<MeetingInstance> activeMeetings();

    /**
     * A page of {@link #activeMeetings()}: up to {@code page.limit()} after the instance whose
     * {@link MeetingInstance#cursor()} is {@code page.after()} (from the first when it is null).
     *
     * @throws dev.conference.model.InvalidInputException {@code page.after()} is not an instance's cursor
     */
    List<MeetingInstance> activeMeetings(Page page);

    /**
     * Ends the meeting's active instance now: every participant leaves with one TIMED_OUT event, then an
     * ENDED event is recorded and the instance accepts no one. Does nothing if no instance is active.
     *
     * @return the instance ended, with the TIMED_OUT events recorded (one per participant), or empty if
     *         none was active
     */
    default Optional<Ending> end(MeetingId meeting) {
        return end(meeting, IdempotencyKey.fresh());
    }

    /** Ends like {@link #end(MeetingId)}, safe to retry with the same {@code key}. */
    Optional<Ending> end(MeetingId meeting, IdempotencyKey key);

    /**
     * Posts a message in the meeting's active instance.
     *
     * @throws dev.conference.model.InvalidInputException     blank text, or longer than 4,096 characters
     * @throws dev.conference.model.MeetingNotActiveException no instance is active
     * @throws dev.conference.model.NotParticipantException   the user is not in the meeting
     */
    default ChatMessage post(UserId user, MeetingId meeting, String text) {
        return post(user, meeting, text, IdempotencyKey.fresh());
    }

    /** Posts like {@link #post(UserId, MeetingId, String)}, safe to retry with the same {@code key}. */
    ChatMessage post(UserId user, MeetingId meeting, String text, IdempotencyKey key);

    /** The whole chat of the meeting's active or latest started instance, oldest first. */
    List<ChatMessage> chat(MeetingId meeting);

    /** A page of the chat of the meeting's active or latest started instance, oldest first. */
    List<ChatMessage> chat(MeetingId meeting, Page page);

    /** A page of the chat of one instance, oldest first; empty if the instance does not exist. */
    List<ChatMessage> chat(MeetingId meeting, int instance, Page page);

    /** For each active meeting, its current participants and when each joined. */
    List<MeetingParticipants> joinTimes();

    /**
     * A page of {@link #joinTimes()}: the meetings of {@link #activeMeetings(Page)}, each with its
     * participants; {@code page.after()} is the {@link MeetingParticipants#cursor()} of the last one
     * before (or an instance's {@link MeetingInstance#cursor()}: they are the same).
     */
    List<MeetingParticipants> joinTimes(Page page);

    /**
     * The messages one user posted in the meeting's active instance, oldest first.
     *
     * @throws dev.conference.model.MeetingNotActiveException no instance is active
     */
    List<ChatMessage> messages(MeetingId meeting, UserId user);

    /** The event log of the meeting's active or latest started instance, oldest first. */
    List<MeetingEvent> events(MeetingId meeting);

    /**
     * A page of the event log of the meeting's active or latest started instance, oldest first;
     * {@link Page#after()} is an event id.
     */
    List<MeetingEvent> events(MeetingId meeting, Page page);

    /** The event log of one instance, oldest first; empty if the instance does not exist. */
    List<MeetingEvent> events(MeetingId meeting, int instance);

    /** A page of the event log of one instance, oldest first; empty if the instance does not exist. */
    List<MeetingEvent> events(MeetingId meeting, int instance, Page page);
}
