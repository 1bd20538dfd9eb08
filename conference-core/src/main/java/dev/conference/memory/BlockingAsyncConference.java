package dev.conference.memory;

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
import dev.conference.port.AsyncConference;
import dev.conference.port.Conference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * An {@link AsyncConference} for a store whose operations do not wait on I/O (the in-memory one):
 * each call runs at once on the caller's thread and returns a completed stage.
 */
final class BlockingAsyncConference implements AsyncConference {
    private final Conference conference;

    BlockingAsyncConference(Conference conference) {
        this.conference = conference;
    }

    /** Runs the operation now; a null argument throws at once, as the port says, anything else fails the stage. */
    private static <T> CompletionStage<T> now(Supplier<T> operation) {
        try {
            return CompletableFuture.completedFuture(operation.get());
        } catch (NullPointerException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Participant> join(UserId user, MeetingId meeting, IdempotencyKey key) {
        return now(() -> conference.join(user, meeting, key));
    }

    @Override
    public CompletionStage<Participant> join(UserId user, MeetingId meeting, Duration lease, IdempotencyKey key) {
        return now(() -> conference.join(user, meeting, lease, key));
    }

    @Override
    public CompletionStage<Void> renew(UserId user, MeetingId meeting, Duration lease) {
        return now(() -> {
            conference.renew(user, meeting, lease);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> leave(UserId user, MeetingId meeting, IdempotencyKey key) {
        return now(() -> {
            conference.leave(user, meeting, key);
            return null;
        });
    }

    @Override
    public CompletionStage<List<Participant>> participants(MeetingId meeting) {
        return now(() -> conference.participants(meeting));
    }

    @Override
    public CompletionStage<Void> remove(UserId user, MeetingId meeting, boolean ban, IdempotencyKey key) {
        return now(() -> {
            conference.remove(user, meeting, ban, key);
            return null;
        });
    }

    @Override
    public CompletionStage<Participant> update(
            UserId user, MeetingId meeting, java.util.Map<String, String> changes, IdempotencyKey key) {
        return now(() -> conference.update(user, meeting, changes, key));
    }

    @Override
    public CompletionStage<List<Participant>> participants(MeetingId meeting, Page page) {
        return now(() -> conference.participants(meeting, page));
    }

    @Override
    public CompletionStage<List<MeetingInstance>> activeMeetings(Page page) {
        return now(() -> conference.activeMeetings(page));
    }

    @Override
    public CompletionStage<List<MeetingParticipants>> joinTimes(Page page) {
        return now(() -> conference.joinTimes(page));
    }

    @Override
    public CompletionStage<Integer> participantCount(MeetingId meeting) {
        return now(() -> conference.participantCount(meeting));
    }

    @Override
    public CompletionStage<List<MeetingInstance>> activeMeetings() {
        return now(conference::activeMeetings);
    }

    @Override
    public CompletionStage<Optional<Ending>> end(MeetingId meeting, IdempotencyKey key) {
        return now(() -> conference.end(meeting, key));
    }

    @Override
    public CompletionStage<ChatMessage> post(UserId user, MeetingId meeting, String text, IdempotencyKey key) {
        return now(() -> conference.post(user, meeting, text, key));
    }

    @Override
    public CompletionStage<List<ChatMessage>> chat(MeetingId meeting) {
        return now(() -> conference.chat(meeting));
    }

    @Override
    public CompletionStage<List<ChatMessage>> chat(MeetingId meeting, Page page) {
        return now(() -> conference.chat(meeting, page));
    }

    @Override
    public CompletionStage<List<ChatMessage>> chat(MeetingId meeting, int instance, Page page) {
        return now(() -> conference.chat(meeting, instance, page));
    }

    @Override
    public CompletionStage<List<MeetingParticipants>> joinTimes() {
        return now(conference::joinTimes);
    }

    @Override
    public CompletionStage<List<ChatMessage>> messages(MeetingId meeting, UserId user) {
        return now(() -> conference.messages(meeting, user));
    }

    @Override
    public CompletionStage<List<MeetingEvent>> events(MeetingId meeting) {
        return now(() -> conference.events(meeting));
    }

    @Override
    public CompletionStage<List<MeetingEvent>> events(MeetingId meeting, Page page) {
        return now(() -> conference.events(meeting, page));
    }

    @Override
    public CompletionStage<List<MeetingEvent>> events(MeetingId meeting, int instance) {
        return now(() -> conference.events(meeting, instance));
    }

    @Override
    public CompletionStage<List<MeetingEvent>> events(MeetingId meeting, int instance, Page page) {
        return now(() -> conference.events(meeting, instance, page));
    }
}
