package dev.conference.memory;

import dev.conference.model.ChatMessage;
import dev.conference.model.Imported;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.ParticipantEvent;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.port.History;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The executable specification of {@link History}; every call under the store's lock. */
final class InMemoryHistory implements History {
    private final InMemoryConferenceStore store;

    InMemoryHistory(InMemoryConferenceStore store) {
        this.store = store;
    }

    @Override
    public List<Imported> importEvents(List<PastEvent> events) {
        List<PastEvent> records = List.copyOf(Objects.requireNonNull(events, "events"));
        Imported[] outcomes = new Imported[records.size()];
        synchronized (store.lock) {
            Instant now = store.now();
            Map<InstanceState, Set<MeetingEvent>> stored = new HashMap<>();
            for (int i : inTimeOrder(records, PastEvent::at)) {
                PastEvent record = records.get(i);
                Optional<InstanceState> holder = store.instancesOf(record.meeting()).stream()
                        .filter(state -> state.instance.spans(record.at()))
                        .findFirst();
                Imported refused = refusal(record.meeting(), record.user(), record.at(), now, holder);
                if (refused != null) {
                    outcomes[i] = refused;
                    continue;
                }
                InstanceState state = holder.get();
                MeetingEvent event = pastEvent(store.nextId(), state, record);
                outcomes[i] = insert(
                        state,
                        state.events,
                        state.importedEvents,
                        record.source(),
                        record.at(),
                        MeetingEvent::at,
                        event);
                if (outcomes[i] == Imported.STORED) {
                    state.importedEvents.add(record.source());
                    stored.computeIfAbsent(state, s -> new HashSet<>()).add(event);
                }
            }
            stored.forEach((state, entries) -> {
                if (state.activeAt(now)) {
                    settleParticipants(state, entries);
                }
            });
        }
        return Arrays.asList(outcomes);
    }

    @Override
    public List<Imported> importMessages(List<PastMessage> messages) {
        List<PastMessage> records = List.copyOf(Objects.requireNonNull(messages, "messages"));
        Imported[] outcomes = new Imported[records.size()];
        synchronized (store.lock) {
            Instant now = store.now();
            for (int i : inTimeOrder(records, PastMessage::at)) {
                PastMessage record = records.get(i);
                Optional<InstanceState> holder = store.instance(record.meeting(), record.instance())
                        .filter(state -> state.instance.spans(record.at()));
                Imported refused = refusal(record.meeting(), record.user(), record.at(), now, holder);
                if (refused != null) {
                    outcomes[i] = refused;
                    continue;
                }
                InstanceState state = holder.get();
                ChatMessage message = new ChatMessage(
                        store.nextId(), record.meeting(), record.instance(), record.user(), record.text(), record.at());
                outcomes[i] = insert(
                        state,
                        state.chat,
                        state.importedMessages.keySet(),
                        record.source(),
                        record.at(),
                        ChatMessage::postedAt,
                        message);
                if (outcomes[i] == Imported.STORED) {
                    state.importedMessages.put(record.source(), record.user());
                }
            }
        }
        return Arrays.asList(outcomes);
    }

    /** Record numbers by time, those of one time in the order given: the order records are placed in. */
    private static <T> List<Integer> inTimeOrder(List<T> records, Function<T, Instant> at) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> at.apply(records.get(i))));
        return order;
    }

    private Imported refusal(MeetingId meeting, UserId user, Instant at, Instant now, Optional<InstanceState> holder) {
        if (!store.users.containsKey(user.value())) {
            return Imported.UNKNOWN_USER;
        }
        if (!store.meetings.containsKey(meeting.value())) {
            return Imported.UNKNOWN_MEETING;
        }
        if (at.isAfter(now)) {
            return Imported.IN_FUTURE;
        }
        return holder.isEmpty() ? Imported.NO_INSTANCE : null;
    }

    /**
     * Places an entry after every entry of {@code entries} whose time is at or before its own, unless
     * its source is among those {@code stored} before or more than {@link #MAX_LATER_ENTRIES} entries would follow it.
     */
    private <T> Imported insert(
            InstanceState state,
            List<T> entries,
            Set<String> stored,
            String source,
            Instant at,
            Function<T, Instant> timeOf,
            T entry) {
        if (stored.contains(source)) {
            return Imported.ALREADY_STORED;
        }
        store.ensureStarted(state);
        int position = entries.size();
        while (position > 0 && timeOf.apply(entries.get(position - 1)).isAfter(at)) {
            position--;
        }
        if (entries.size() - position > MAX_LATER_ENTRIES) {
            return Imported.TOO_FAR_BACK;
        }
        entries.add(position, entry);
        return Imported.STORED;
    }

    private static MeetingEvent pastEvent(String id, InstanceState state, PastEvent record) {
        MeetingId meeting = record.meeting();
        int instance = state.instance.instance();
        return switch (record.type()) {
            case JOINED -> new Joined(id, meeting, instance, record.user(), record.at());
            case LEFT -> new Left(id, meeting, instance, record.user(), record.at());
            case TIMED_OUT -> new TimedOut(id, meeting, instance, record.user(), record.at());
            default -> throw new IllegalStateException("not a past event: " + record.type());
        };
    }

    /**
     * In an instance active now, each user whose last event is one just imported is a participant
     * exactly when it is a JOINED, from its time.
     */
    private static void settleParticipants(InstanceState state, Set<MeetingEvent> imported) {
        Set<UserId> seen = new HashSet<>();
        for (int i = state.events.size() - 1; i >= 0; i--) {
            if (!(state.events.get(i) instanceof ParticipantEvent event) || !seen.add(event.user())) {
                continue;
            }
            if (!imported.contains(event)) {
                continue;
            }
            if (event instanceof Joined) {
                state.participants.put(event.user(), event.at());
            } else {
                state.participants.remove(event.user());
                state.leases.remove(event.user());
                state.attributes.remove(event.user());
            }
        }
    }
}
