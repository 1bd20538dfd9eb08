package dev.conference.redis;

import dev.conference.model.ChatMessage;
import dev.conference.model.ConferenceException;
import dev.conference.model.Ending;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The conference port's boundary: each operation is timed and its outcome reported to
 * {@link Metrics}, and whatever fails in decoding a reply reaches the caller as a
 * {@link StoreException}, like every other failure of the store.
 */
final class ObservedConference implements AsyncConference {
    private final AsyncConference conference;
    private final Metrics metrics;

    ObservedConference(AsyncConference conference, Metrics metrics) {
        this.conference = conference;
        this.metrics = metrics;
    }

    private <T> CompletableFuture<T> observe(String operation, Supplier<? extends CompletionStage<T>> call) {
        long start = System.nanoTime();
        CompletableFuture<T> pending;
        try {
            pending = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            // An argument refused before anything was sent: thrown at once, as the port says.
            metrics.completed(operation, System.nanoTime() - start, e);
            throw e;
        }
        CompletableFuture<T> settled = new CompletableFuture<>();
        pending.whenComplete((value, thrown) -> {
            Throwable failure =
                    thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            if (failure != null && !(failure instanceof ConferenceException)) {
                failure = new StoreException("the reply to " + operation + " could not be read: " + failure, failure);
            }
            metrics.completed(operation, System.nanoTime() - start, failure);
            if (failure == null) {
                settled.complete(value);
            } else {
                settled.completeExceptionally(failure);
            }
        });
        return settled;
    }

    @Override
    public CompletableFuture<Participant> join(UserId user, MeetingId meeting, IdempotencyKey key) {
        return observe("join", () -> conference.join(user, meeting, key));
    }

    @Override
    public CompletableFuture<Participant> join(UserId user, MeetingId meeting, Duration lease, IdempotencyKey key) {
        return observe("join", () -> conference.join(user, meeting, lease, key));
    }

    @Override
    public CompletableFuture<Void> renew(UserId user, MeetingId meeting, Duration lease) {
        return observe("renew", () -> conference.renew(user, meeting, lease));
    }

    @Override
    public CompletableFuture<Void> leave(UserId user, MeetingId meeting, IdempotencyKey key) {
        return observe("leave", () -> conference.leave(user, meeting, key));
    }

    @Override
    public CompletableFuture<List<Participant>> participants(MeetingId meeting) {
        return observe("participants", () -> conference.participants(meeting));
    }

    @Override
    public CompletableFuture<Void> remove(UserId user, MeetingId meeting, boolean ban, IdempotencyKey key) {
        return observe("remove", () -> conference.remove(user, meeting, ban, key));
    }

    @Override
    public CompletableFuture<Participant> update(
            UserId user, MeetingId meeting, java.util.Map<String, String> changes, IdempotencyKey key) {
        return observe("update", () -> conference.update(user, meeting, changes, key));
    }

    @Override
    public CompletableFuture<List<Participant>> participants(MeetingId meeting, Page page) {
        return observe("participants", () -> conference.participants(meeting, page));
    }

    @Override
    public CompletableFuture<List<MeetingInstance>> activeMeetings(Page page) {
        return observe("activeMeetings", () -> conference.activeMeetings(page));
    }

    @Override
    public CompletableFuture<List<MeetingParticipants>> joinTimes(Page page) {
        return observe("joinTimes", () -> conference.joinTimes(page));
    }

    @Override
    public CompletableFuture<Integer> participantCount(MeetingId meeting) {
        return observe("participantCount", () -> conference.participantCount(meeting));
    }

    @Override
    public CompletableFuture<List<MeetingInstance>> activeMeetings() {
        return observe("activeMeetings", conference::activeMeetings);
    }

    @Override
    public CompletableFuture<Optional<Ending>> end(MeetingId meeting, IdempotencyKey key) {
        return observe("end", () -> conference.end(meeting, key));
    }

    @Override
    public CompletableFuture<ChatMessage> post(UserId user, MeetingId meeting, String text, IdempotencyKey key) {
        return observe("post", () -> conference.post(user, meeting, text, key));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> chat(MeetingId meeting) {
        return observe("chat", () -> conference.chat(meeting));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> chat(MeetingId meeting, Page page) {
        return observe("chat", () -> conference.chat(meeting, page));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> chat(MeetingId meeting, int instance, Page page) {
        return observe("chat", () -> conference.chat(meeting, instance, page));
    }

    @Override
    public CompletableFuture<List<MeetingParticipants>> joinTimes() {
        return observe("joinTimes", conference::joinTimes);
    }

    @Override
    public CompletableFuture<List<ChatMessage>> messages(MeetingId meeting, UserId user) {
        return observe("messages", () -> conference.messages(meeting, user));
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting) {
        return observe("events", () -> conference.events(meeting));
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, Page page) {
        return observe("events", () -> conference.events(meeting, page));
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, int instance) {
        return observe("events", () -> conference.events(meeting, instance));
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, int instance, Page page) {
        return observe("events", () -> conference.events(meeting, instance, page));
    }
}
