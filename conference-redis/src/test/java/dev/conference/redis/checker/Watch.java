package dev.conference.redis.checker;

import dev.conference.model.ConferenceException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.EventListener;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * A live subscription the checker keeps open on one store, and everything it delivered: events
 * (written without their ids, which each store makes up), gaps and errors. Resuming closes the
 * subscription and opens another after one of the events delivered, as an application does after
 * a reconnect, so what it delivers afterwards must follow on without a gap or a repeat.
 */
final class Watch implements AutoCloseable {
    private final ConferenceStore store;
    private final MeetingId meeting;
    private final List<MeetingEvent> events = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Subscription subscription;

    private Watch(ConferenceStore store, MeetingId meeting) {
        this.store = store;
        this.meeting = meeting;
    }

    /** Subscribes from the oldest position (see FeedPosition.oldest). */
    static Watch open(ConferenceStore store, MeetingId meeting) {
        Watch watch = new Watch(store, meeting);
        watch.subscription = store.liveEvents().subscribe(meeting, FeedPosition.oldest(), watch.listener());
        return watch;
    }

    /** How many events it has delivered so far. */
    synchronized int delivered() {
        return events.size();
    }

    /**
     * Closes the subscription and resumes after the {@code index}-th event delivered, forgetting
     * those after it (they are delivered again). Returns the outcome of the subscribe call (the
     * meeting may have been deleted meanwhile: then nothing is delivered until a resumption succeeds).
     */
    String resumeAfter(int index) {
        close();
        String after;
        synchronized (this) {
            events.subList(index + 1, events.size()).clear();
            after = events.get(index).id();
        }
        try {
            subscription = store.liveEvents().subscribe(meeting, FeedPosition.after(after), listener());
            return "resumed";
        } catch (ConferenceException e) {
            subscription = null;
            return e.getClass().getSimpleName();
        }
    }

    private EventListener listener() {
        return new EventListener() {
            @Override
            public void onEvent(MeetingEvent event) {
                synchronized (Watch.this) {
                    events.add(event);
                }
            }

            @Override
            public void onError(ConferenceException error) {
                synchronized (Watch.this) {
                    notes.add("error " + error.getClass().getSimpleName());
                }
            }

            @Override
            public void onGap(String oldestKeptId) {
                synchronized (Watch.this) {
                    notes.add("gap");
                }
            }
        };
    }

    /** What it delivered, as text that compares across stores. */
    synchronized String outcome() {
        List<String> out = new ArrayList<>(events.size() + notes.size());
        for (MeetingEvent event : events) {
            out.add(Step.event(event));
        }
        out.addAll(notes);
        return meeting + " " + out;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
