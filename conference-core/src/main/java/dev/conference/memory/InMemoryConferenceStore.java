package dev.conference.memory;

import dev.conference.model.CodePointOrder;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.User;
import dev.conference.port.AsyncConference;
import dev.conference.port.BlockingAsyncConference;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    /** @param clock the time every operation takes as now; not null */
    public InMemoryConferenceStore(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        this.clock = clock;
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
    public void close() {
        // Nothing is held outside the heap.
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    String nextId() {
        return Long.toString(++lastId);
    }

    List<InstanceState> instancesOf(MeetingId meeting) {
        return instances.computeIfAbsent(meeting, m -> new ArrayList<>());
    }

    Optional<InstanceState> instance(MeetingId meeting, int order) {
        return instances.getOrDefault(meeting, List.of()).stream()
                .filter(state -> state.instance.order() == order)
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
