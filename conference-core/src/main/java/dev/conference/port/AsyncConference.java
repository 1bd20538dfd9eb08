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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The operations of {@link Conference}, without blocking the caller: each returns at once and
 * completes when the store has answered, so one thread can keep many operations in flight. The
 * semantics, refusals and atomicity are those of {@link Conference}, method for method.
 *
 * <p>Implementations are thread-safe. A null argument throws {@link NullPointerException} at once,
 * and so may another invalid argument ({@link dev.conference.model.InvalidInputException}: a blank
 * chat text, a lease out of range); every other failure completes the stage exceptionally with the
 * {@link dev.conference.model.ConferenceException} that {@link Conference} would throw: a refusal, or
 * a {@link dev.conference.model.StoreException} when the store cannot answer.
 */
public interface AsyncConference {

    /** See {@link Conference#join(UserId, MeetingId)}. */
    default CompletionStage<Participant> join(UserId user, MeetingId meeting) {
        return join(user, meeting, IdempotencyKey.fresh());
    }

    /** See {@link Conference#join(UserId, MeetingId, IdempotencyKey)}. */
    CompletionStage<Participant> join(UserId user, MeetingId meeting, IdempotencyKey key);

    /** See {@link Conference#join(UserId, MeetingId, Duration)}. */
    default CompletionStage<Participant> join(UserId user, MeetingId meeting, Duration lease) {
        return join(user, meeting, lease, IdempotencyKey.fresh());
    }

    /** See {@link Conference#join(UserId, MeetingId, Duration, IdempotencyKey)}. */
    CompletionStage<Participant> join(UserId user, MeetingId meeting, Duration lease, IdempotencyKey key);

    /** See {@link Conference#renew}. */
    CompletionStage<Void> renew(UserId user, MeetingId meeting, Duration lease);

    /** See {@link Conference#leave}. */
    default CompletionStage<Void> leave(UserId user, MeetingId meeting) {
        return leave(user, meeting, IdempotencyKey.fresh());
    }

    /** See {@link Conference#leave(UserId, MeetingId, IdempotencyKey)}. */
    CompletionStage<Void> leave(UserId user, MeetingId meeting, IdempotencyKey key);

    /** See {@link Conference#remove(UserId, MeetingId)}. */
    default CompletionStage<Void> remove(UserId user, MeetingId meeting) {
        return remove(user, meeting, false);
    }

    /** See {@link Conference#remove(UserId, MeetingId, boolean)}. */
    default CompletionStage<Void> remove(UserId user, MeetingId meeting, boolean ban) {
        return remove(user, meeting, ban, IdempotencyKey.fresh());
    }

    /** See {@link Conference#remove(UserId, MeetingId, boolean, IdempotencyKey)}. */
    CompletionStage<Void> remove(UserId user, MeetingId meeting, boolean ban, IdempotencyKey key);

    /** See {@link Conference#update(UserId, MeetingId, java.util.Map)}. */
    default CompletionStage<Participant> update(UserId user, MeetingId meeting, java.util.Map<String, String> changes) {
        return update(user, meeting, changes, IdempotencyKey.fresh());
    }

    /** See {@link Conference#update(UserId, MeetingId, java.util.Map, IdempotencyKey)}. */
    CompletionStage<Participant> update(
            UserId user, MeetingId meeting, java.util.Map<String, String> changes, IdempotencyKey key);

    /** See {@link Conference#participants}. */
    CompletionStage<List<Participant>> participants(MeetingId meeting);

    /** See {@link Conference#participants(MeetingId, Page)}. */
    CompletionStage<List<Participant>> participants(MeetingId meeting, Page page);

    /** See {@link Conference#participantCount}. */
    CompletionStage<Integer> participantCount(MeetingId meeting);

    /** See {@link Conference#activeMeetings()}. */
    CompletionStage<List<MeetingInstance>> activeMeetings();

    /** See {@link Conference#activeMeetings(Page)}. */
    CompletionStage<List<MeetingInstance>> activeMeetings(Page page);

    /** See {@link Conference#end}. */
    default CompletionStage<Optional<Ending>> end(MeetingId meeting) {
        return end(meeting, IdempotencyKey.fresh());
    }

    /** See {@link Conference#end(MeetingId, IdempotencyKey)}. */
    CompletionStage<Optional<Ending>> end(MeetingId meeting, IdempotencyKey key);

    /** See {@link Conference#post}. */
    default CompletionStage<ChatMessage> post(UserId user, MeetingId meeting, String text) {
        return post(user, meeting, text, IdempotencyKey.fresh());
    }

    /** See {@link Conference#post(UserId, MeetingId, String, IdempotencyKey)}. */
    CompletionStage<ChatMessage> post(UserId user, MeetingId meeting, String text, IdempotencyKey key);

    /** See {@link Conference#chat(MeetingId)}. */
    CompletionStage<List<ChatMessage>> chat(MeetingId meeting);

    /** See {@link Conference#chat(MeetingId, Page)}. */
    CompletionStage<List<ChatMessage>> chat(MeetingId meeting, Page page);

    /** See {@link Conference#chat(MeetingId, int, Page)}. */
    CompletionStage<List<ChatMessage>> chat(MeetingId meeting, int instance, Page page);

    /** See {@link Conference#joinTimes()}. */
    CompletionStage<List<MeetingParticipants>> joinTimes();

    /** See {@link Conference#joinTimes(Page)}. */
    CompletionStage<List<MeetingParticipants>> joinTimes(Page page);

    /** See {@link Conference#messages}. */
    CompletionStage<List<ChatMessage>> messages(MeetingId meeting, UserId user);

    /** See {@link Conference#events(MeetingId)}. */
    CompletionStage<List<MeetingEvent>> events(MeetingId meeting);

    /** See {@link Conference#events(MeetingId, Page)}. */
    CompletionStage<List<MeetingEvent>> events(MeetingId meeting, Page page);

    /** See {@link Conference#events(MeetingId, int)}. */
    CompletionStage<List<MeetingEvent>> events(MeetingId meeting, int instance);

    /** See {@link Conference#events(MeetingId, int, Page)}. */
    CompletionStage<List<MeetingEvent>> events(MeetingId meeting, int instance, Page page);
}
