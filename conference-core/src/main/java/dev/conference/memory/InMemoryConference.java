package dev.conference.memory;

import dev.conference.model.ActiveCursor;
import dev.conference.model.AlreadyParticipantException;
import dev.conference.model.BannedException;
import dev.conference.model.ChatMessage;
import dev.conference.model.Ending;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.Posted;
import dev.conference.model.MeetingEvent.Removed;
import dev.conference.model.MeetingEvent.Updated;
import dev.conference.model.MeetingFullException;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.NotAllowedException;
import dev.conference.model.NotParticipantException;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.ParticipantAttributes;
import dev.conference.model.ParticipantCursor;
import dev.conference.model.PresenceLease;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.UnknownUserException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

final class InMemoryConference implements Conference {
    private final InMemoryConferenceStore store;

    InMemoryConference(InMemoryConferenceStore store) {
        this.store = store;
    }

    @Override
    public Participant join(UserId userId, MeetingId meetingId, IdempotencyKey key) {
        return joinWith(userId, meetingId, null, key);
    }

    @Override
    public Participant join(UserId userId, MeetingId meetingId, Duration lease, IdempotencyKey key) {
        return joinWith(userId, meetingId, PresenceLease.require(lease), key);
    }

    /** Joins, with a presence lease when {@code lease} is not null. */
    private Participant joinWith(UserId userId, MeetingId meetingId, Duration lease, IdempotencyKey key) {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(meetingId, "meeting id");
        Objects.requireNonNull(key, "idempotency key");
        synchronized (store.lock) {
            // Whether the user and meeting exist is asked afresh, as the Redis store does before a replay.
            User user = knownUser(userId);
            Meeting meeting = knownMeeting(meetingId);
            return store.once("join", meetingId, key, () -> {
                Instant now = store.now();
                InstanceState state = active(meetingId, now);
                if (!meeting.admits(user.email())) {
                    throw new NotAllowedException(userId, meetingId);
                }
                if (state.banned.contains(userId)) {
                    throw new BannedException(userId, meetingId);
                }
                if (state.participants.containsKey(userId)) {
                    throw new AlreadyParticipantException(userId, meetingId);
                }
                if (meeting.capacity().isPresent()
                        && state.participants.size() >= meeting.capacity().getAsInt()) {
                    throw new MeetingFullException(
                            userId, meetingId, meeting.capacity().getAsInt());
                }
                store.ensureStarted(state);
                state.participants.put(userId, now);
                if (lease != null) {
                    state.leases.put(userId, now.plus(lease));
                }
                store.log(state, id -> new Joined(id, meetingId, state.instance.instance(), userId, now));
                return new Participant(userId, now);
            });
        }
    }

    @Override
    public void renew(UserId userId, MeetingId meetingId, Duration lease) {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(meetingId, "meeting id");
        Objects.requireNonNull(lease, "presence lease");
        PresenceLease.require(lease);
        synchronized (store.lock) {
            knownUser(userId);
            knownMeeting(meetingId);
            Instant now = store.now();
            InstanceState state = active(meetingId, now);
            if (!state.participants.containsKey(userId)) {
                throw new NotParticipantException(userId, meetingId);
            }
            state.leases.put(userId, now.plus(lease));
        }
    }

    @Override
    public void leave(UserId userId, MeetingId meetingId, IdempotencyKey key) {
        takeOut(
                "leave",
                userId,
                meetingId,
                false,
                key,
                (state, now) -> id -> new Left(id, meetingId, state.instance.instance(), userId, now));
    }

    @Override
    public void remove(UserId userId, MeetingId meetingId, boolean ban, IdempotencyKey key) {
        takeOut(
                "remove",
                userId,
                meetingId,
                ban,
                key,
                (state, now) -> id -> new Removed(id, meetingId, state.instance.instance(), userId, now));
    }

    /**
     * Takes a participant out of the active instance (with their lease and attributes, and banned
     * if {@code ban}) and logs the event {@code event} makes, once per {@code key}.
     */
    private void takeOut(
            String operation,
            UserId userId,
            MeetingId meetingId,
            boolean ban,
            IdempotencyKey key,
            BiFunction<InstanceState, Instant, Function<String, MeetingEvent>> event) {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(meetingId, "meeting id");
        Objects.requireNonNull(key, "idempotency key");
        synchronized (store.lock) {
            knownUser(userId);
            knownMeeting(meetingId);
            store.once(operation, meetingId, key, () -> {
                Instant now = store.now();
                InstanceState state = active(meetingId, now);
                if (state.participants.remove(userId) == null) {
                    throw new NotParticipantException(userId, meetingId);
                }
                state.leases.remove(userId);
                state.attributes.remove(userId);
                if (ban) {
                    state.banned.add(userId);
                }
                store.log(state, event.apply(state, now));
                return null;
            });
        }
    }

    @Override
    public Participant update(UserId userId, MeetingId meetingId, Map<String, String> changes, IdempotencyKey key) {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(meetingId, "meeting id");
        Objects.requireNonNull(changes, "attributes");
        Objects.requireNonNull(key, "idempotency key");
        Map<String, String> checked = ParticipantAttributes.changes(changes);
        synchronized (store.lock) {
            knownUser(userId);
            knownMeeting(meetingId);
            return store.once("update", meetingId, key, () -> {
                Instant now = store.now();
                InstanceState state = active(meetingId, now);
                Instant joinedAt = state.participants.get(userId);
                if (joinedAt == null) {
                    throw new NotParticipantException(userId, meetingId);
                }
                Map<String, String> after =
                        ParticipantAttributes.applied(state.attributes.getOrDefault(userId, Map.of()), checked);
                if (after.isEmpty()) {
                    state.attributes.remove(userId);
                } else {
                    state.attributes.put(userId, after);
                }
                store.log(state, id -> new Updated(id, meetingId, state.instance.instance(), userId, now, checked));
                return new Participant(userId, joinedAt, after);
            });
        }
    }

    @Override
    public List<Participant> participants(MeetingId meetingId) {
        Objects.requireNonNull(meetingId, "meeting id");
        synchronized (store.lock) {
            knownMeeting(meetingId);
            return store.active(meetingId, store.now())
                    .map(InMemoryConference::participantsOf)
                    .orElse(List.of());
        }
    }

    @Override
    public List<Participant> participants(MeetingId meetingId, Page page) {
        Objects.requireNonNull(meetingId, "meeting id");
        Objects.requireNonNull(page, "page");
        ParticipantCursor after = page.after() == null ? null : ParticipantCursor.parse(page.after());
        synchronized (store.lock) {
            knownMeeting(meetingId);
            return store
                    .active(meetingId, store.now())
                    .map(InMemoryConference::participantsOf)
                    .orElse(List.of())
                    .stream()
                    .filter(participant ->
                            after == null || ParticipantCursor.of(participant).compareTo(after) > 0)
                    .limit(page.limit())
                    .toList();
        }
    }

    @Override
    public List<MeetingInstance> activeMeetings(Page page) {
        Objects.requireNonNull(page, "page");
        ActiveCursor after = page.after() == null ? null : ActiveCursor.parse(page.after());
        return activeMeetings().stream()
                .filter(instance -> after == null || ActiveCursor.of(instance).compareTo(after) > 0)
                .limit(page.limit())
                .toList();
    }

    @Override
    public List<MeetingParticipants> joinTimes(Page page) {
        Objects.requireNonNull(page, "page");
        ActiveCursor after = page.after() == null ? null : ActiveCursor.parse(page.after());
        return joinTimes().stream()
                .filter(times ->
                        after == null || ActiveCursor.parse(times.cursor()).compareTo(after) > 0)
                .limit(page.limit())
                .toList();
    }

    @Override
    public int participantCount(MeetingId meetingId) {
        Objects.requireNonNull(meetingId, "meeting id");
        synchronized (store.lock) {
            knownMeeting(meetingId);
            return store.active(meetingId, store.now())
                    .map(state -> state.participants.size())
                    .orElse(0);
        }
    }

    @Override
    public List<MeetingInstance> activeMeetings() {
        synchronized (store.lock) {
            return activeStates().stream().map(state -> state.instance).toList();
        }
    }

    @Override
    public Optional<Ending> end(MeetingId meetingId, IdempotencyKey key) {
        Objects.requireNonNull(meetingId, "meeting id");
        Objects.requireNonNull(key, "idempotency key");
        synchronized (store.lock) {
            knownMeeting(meetingId);
            return store.once("end", meetingId, key, () -> {
                Instant now = store.now();
                Optional<InstanceState> running = store.active(meetingId, now);
                if (running.isEmpty()) {
                    return Optional.<Ending>empty();
                }
                InstanceState state = running.get();
                return Optional.of(new Ending(meetingId, state.instance.instance(), now, store.end(state, now)));
            });
        }
    }

    @Override
    public ChatMessage post(UserId userId, MeetingId meetingId, String text, IdempotencyKey key) {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(meetingId, "meeting id");
        ChatMessage.requireText(Objects.requireNonNull(text, "text"));
        Objects.requireNonNull(key, "idempotency key");
        synchronized (store.lock) {
            knownUser(userId);
            knownMeeting(meetingId);
            return store.once("post", meetingId, key, () -> {
                Instant now = store.now();
                InstanceState state = active(meetingId, now);
                if (!state.participants.containsKey(userId)) {
                    throw new NotParticipantException(userId, meetingId);
                }
                ChatMessage message =
                        new ChatMessage(store.nextId(), meetingId, state.instance.instance(), userId, text, now);
                state.chat.add(message);
                store.feed(meetingId, new Posted(store.nextId(), message));
                return message;
            });
        }
    }

    @Override
    public List<ChatMessage> chat(MeetingId meetingId) {
        return ofLatest(meetingId, state -> List.copyOf(state.chat));
    }

    @Override
    public List<ChatMessage> chat(MeetingId meetingId, Page page) {
        Objects.requireNonNull(page, "page");
        return ofLatest(meetingId, state -> slice(state.chat, ChatMessage::id, page));
    }

    @Override
    public List<ChatMessage> chat(MeetingId meetingId, int instance, Page page) {
        Objects.requireNonNull(page, "page");
        return ofInstance(meetingId, instance, state -> slice(state.chat, ChatMessage::id, page));
    }

    @Override
    public List<MeetingParticipants> joinTimes() {
        synchronized (store.lock) {
            return activeStates().stream()
                    .map(state -> new MeetingParticipants(
                            state.instance.meeting(),
                            state.instance.instance(),
                            state.instance.to(),
                            participantsOf(state)))
                    .toList();
        }
    }

    @Override
    public List<ChatMessage> messages(MeetingId meetingId, UserId userId) {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(meetingId, "meeting id");
        synchronized (store.lock) {
            knownUser(userId);
            knownMeeting(meetingId);
            return active(meetingId, store.now()).chat.stream()
                    .filter(message -> message.user().equals(userId))
                    .toList();
        }
    }

    @Override
    public List<MeetingEvent> events(MeetingId meetingId) {
        return ofLatest(meetingId, state -> List.copyOf(state.events));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meetingId, Page page) {
        Objects.requireNonNull(page, "page");
        return ofLatest(meetingId, state -> slice(state.events, MeetingEvent::id, page));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meetingId, int instance) {
        return ofInstance(meetingId, instance, state -> List.copyOf(state.events));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meetingId, int instance, Page page) {
        Objects.requireNonNull(page, "page");
        return ofInstance(meetingId, instance, state -> slice(state.events, MeetingEvent::id, page));
    }

    /** A read of the meeting's active or latest started instance; empty if none has started. */
    private <T> List<T> ofLatest(MeetingId meetingId, Function<InstanceState, List<T>> read) {
        synchronized (store.lock) {
            knownMeeting(meetingId);
            return store.latestStarted(meetingId, store.now()).map(read).orElse(List.of());
        }
    }

    /** A read of one instance of the meeting; empty if it does not exist. */
    private <T> List<T> ofInstance(MeetingId meetingId, int instance, Function<InstanceState, List<T>> read) {
        synchronized (store.lock) {
            knownMeeting(meetingId);
            return store.instance(meetingId, instance).map(read).orElse(List.of());
        }
    }

    private User knownUser(UserId id) {
        Objects.requireNonNull(id, "user id");
        User user = store.users.get(id.value());
        if (user == null) {
            throw new UnknownUserException(id);
        }
        return user;
    }

    private Meeting knownMeeting(MeetingId id) {
        Objects.requireNonNull(id, "meeting id");
        Meeting meeting = store.meetings.get(id.value());
        if (meeting == null) {
            throw new UnknownMeetingException(id);
        }
        return meeting;
    }

    private InstanceState active(MeetingId meeting, Instant now) {
        return store.active(meeting, now).orElseThrow(() -> new MeetingNotActiveException(meeting));
    }

    private List<InstanceState> activeStates() {
        Instant now = store.now();
        return store.instances.keySet().stream()
                .map(meeting -> store.active(meeting, now))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing((InstanceState state) -> ActiveCursor.of(state.instance)))
                .toList();
    }

    private static List<Participant> participantsOf(InstanceState state) {
        return state.participantsInOrder();
    }

    /**
     * Items after the one with the page's cursor. Ids here are decimal counters in the order entries
     * were made, and an imported entry may stand before entries of lower ids, so the cursor is found
     * by position; one whose entry is gone (an erased message) resumes at the first higher id.
     */
    private static <T> List<T> slice(List<T> items, Function<T, String> id, Page page) {
        int start = 0;
        if (page.after() != null) {
            long after = cursor(page.after());
            start = items.size();
            for (int i = 0; i < items.size(); i++) {
                long here = Long.parseLong(id.apply(items.get(i)));
                if (here == after) {
                    start = i + 1;
                    break;
                }
                if (here > after && start == items.size()) {
                    start = i;
                }
            }
        }
        return List.copyOf(items.subList(start, start + Math.min(items.size() - start, page.limit())));
    }

    private static long cursor(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("page cursor is not an entry id: " + after);
        }
    }
}
