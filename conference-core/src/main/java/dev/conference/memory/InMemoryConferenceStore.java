package dev.conference.memory;

import dev.conference.model.CodePointOrder;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.Started;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Participant;
import dev.conference.model.RefusedException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import dev.conference.port.History;
import dev.conference.port.Lifecycle;
import dev.conference.port.LiveEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The executable specification of the ports: every operation under one lock, so each is atomic and
 * the store is thread-safe. Meant for tests and for embedding where nothing needs to outlive the JVM.
 */
public final class InMemoryConferenceStore implements ConferenceStore {
    final Object lock = new Object();
    final TreeMap<String, User> users = new TreeMap<>(CodePointOrder.INSTANCE);
    final TreeMap<String, Meeting> meetings = new TreeMap<>(CodePointOrder.INSTANCE);
    final Map<MeetingId, List<InstanceState>> instances = new TreeMap<>();
    private final Clock clock;
    private long lastId;
    private final Directory directory = new InMemoryDirectory(this);
    private final Conference conference = new InMemoryConference(this);
    private final AsyncConference async = new BlockingAsyncConference(conference);
    private final Lifecycle lifecycle = new InMemoryLifecycle(this);
    private final InMemoryLiveEvents liveEvents = new InMemoryLiveEvents(this);
    private final History history = new InMemoryHistory(this);
    /** Every meeting's live feed: its events and messages in order, with ids of their own. */
    final Map<MeetingId, List<MeetingEvent>> feeds = new HashMap<>();

    /**
     * The last id of each deleted meeting's feed: what a resumption may have missed. Events taken out
     * for other reasons (an erased user's messages, a deleted instance's events) were not missed, just
     * gone.
     */
    final Map<MeetingId, Long> feedTrimmedThrough = new HashMap<>();

    /** @param clock the time every operation takes as now; not null */
    public InMemoryConferenceStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public Conference conference() {
        return conference;
    }

    @Override
    public AsyncConference async() {
        return async;
    }

    @Override
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public LiveEvents liveEvents() {
        return liveEvents;
    }

    @Override
    public History history() {
        return history;
    }

    /** Ends the live subscriptions; nothing else is held outside the heap. */
    @Override
    public void close() {
        liveEvents.closeAll();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** What an operation run under a caller's idempotency key answered, until it is forgotten. */
    private record Remembered(Instant forgetAt, Object answer, RefusedException refusal) {}

    /** By operation, meeting and key; oldest first, so forgetting stops at the first one still kept. */
    private final Map<String, Remembered> remembered = new LinkedHashMap<>();

    /**
     * Runs a change once per caller's key: a retry with the key within {@link
     * IdempotencyKey#REMEMBERED} gets the first answer again, refusal included, and changes nothing.
     * Called under the lock.
     */
    @SuppressWarnings("unchecked")
    <T> T once(String operation, MeetingId meeting, IdempotencyKey key, Supplier<T> change) {
        if (!key.chosenByCaller()) {
            return change.get();
        }
        Instant now = now();
        for (Iterator<Remembered> oldest = remembered.values().iterator(); oldest.hasNext(); ) {
            if (oldest.next().forgetAt().isAfter(now)) {
                break;
            }
            oldest.remove();
        }
        String name = operation + '\n' + meeting.value() + '\n' + key.value();
        Remembered before = remembered.get(name);
        if (before != null) {
            if (before.refusal() != null) {
                throw before.refusal();
            }
            return (T) before.answer();
        }
        Instant forgetAt = now.plus(IdempotencyKey.REMEMBERED);
        try {
            T answer = change.get();
            remembered.put(name, new Remembered(forgetAt, answer, null));
            return answer;
        } catch (RefusedException refused) {
            remembered.put(name, new Remembered(forgetAt, null, refused));
            throw refused;
        }
    }

    String nextId() {
        return Long.toString(++lastId);
    }

    /** Appends to an instance's log and to its meeting's feed, and wakes the subscribers. */
    void log(InstanceState state, Function<String, MeetingEvent> event) {
        state.events.add(event.apply(nextId()));
        feed(state.instance.meeting(), event.apply(nextId()));
    }

    /** Appends to the meeting's live feed (it keeps what the instances keep), and wakes the subscribers. */
    void feed(MeetingId meeting, MeetingEvent event) {
        feeds.computeIfAbsent(meeting, m -> new ArrayList<>()).add(event);
        lock.notifyAll();
    }

    /** Logs STARTED the first time anything happens in an instance, so it always comes first. */
    void ensureStarted(InstanceState state) {
        if (!state.started) {
            state.started = true;
            MeetingInstance instance = state.instance;
            log(state, id -> new Started(id, instance.meeting(), instance.instance(), instance.from()));
        }
    }

    /** Every participant leaves with a TIMED_OUT at {@code at}; then ENDED. */
    /** Times every participant out, logs ENDED; returns how many timed out. */
    int end(InstanceState state, Instant at) {
        ensureStarted(state);
        MeetingId meeting = state.instance.meeting();
        int instance = state.instance.instance();
        // In the order of participants, as the Redis store times them out.
        List<UserId> participants =
                state.participantsInOrder().stream().map(Participant::user).toList();
        for (UserId user : participants) {
            String id = nextId();
            state.events.add(new TimedOut(id, meeting, instance, user, at));
            feed(meeting, new TimedOut(nextId(), meeting, instance, user, at));
        }
        state.participants.clear();
        state.leases.clear();
        state.attributes.clear();
        log(state, id -> new Ended(id, meeting, instance, at));
        state.ended = true;
        return participants.size();
    }

    List<InstanceState> instancesOf(MeetingId meeting) {
        return instances.computeIfAbsent(meeting, m -> new ArrayList<>());
    }

    Optional<InstanceState> instance(MeetingId meeting, int instance) {
        return instances.getOrDefault(meeting, List.of()).stream()
                .filter(state -> state.instance.instance() == instance)
                .findFirst();
    }

    /** The instance that started last by now, ended or not: the one whose chat and events are "current". */
    Optional<InstanceState> latestStarted(MeetingId meeting, Instant now) {
        return instances.getOrDefault(meeting, List.of()).stream()
                .filter(state -> state.startedBy(now))
                .max(Comparator.comparing(state -> state.instance.from()));
    }

    Optional<InstanceState> active(MeetingId meeting, Instant now) {
        return latestStarted(meeting, now).filter(state -> state.activeAt(now));
    }
}
