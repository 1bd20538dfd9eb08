package dev.conference.memory;

import dev.conference.model.ChatMessage;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Participant;
import dev.conference.model.ParticipantCursor;
import dev.conference.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one meeting instance holds. Guarded by the store's lock. */
final class InstanceState {
    MeetingInstance instance;
    boolean started;
    boolean ended;
    final Map<UserId, Instant> participants = new LinkedHashMap<>();
    /** The attributes of the participants who have any (see Conference.update). */
    final Map<UserId, Map<String, String>> attributes = new HashMap<>();
    /** Who was removed with a ban: kept out of this instance (see Conference.remove). */
    final Set<UserId> banned = new HashSet<>();
    /** When each leased participant's presence lapses. */
    final Map<UserId, Instant> leases = new HashMap<>();

    final List<ChatMessage> chat = new ArrayList<>();
    final List<MeetingEvent> events = new ArrayList<>();
    /** Source ids of the events imported into this instance (see InMemoryHistory). */
    final Set<String> importedEvents = new HashSet<>();
    /** Source ids of the messages imported into this instance, with who posted each: erasure forgets them. */
    final Map<String, UserId> importedMessages = new HashMap<>();

    InstanceState(MeetingInstance instance) {
        this.instance = instance;
    }

    /** The participants in order of joining; those who joined in the same microsecond in id order. */
    List<Participant> participantsInOrder() {
        return participants.entrySet().stream()
                .map(entry -> new Participant(
                        entry.getKey(), entry.getValue(), attributes.getOrDefault(entry.getKey(), Map.of())))
                .sorted(Comparator.comparing(ParticipantCursor::of))
                .toList();
    }

    boolean activeAt(Instant now) {
        return !ended && instance.spans(now);
    }

    boolean startedBy(Instant now) {
        return !now.isBefore(instance.from());
    }
}
