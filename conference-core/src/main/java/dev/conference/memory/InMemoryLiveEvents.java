package dev.conference.memory;

import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.ListenerException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.UnknownMeetingException;
import dev.conference.port.EventListener;
import dev.conference.port.FeedPosition;
import dev.conference.port.LiveEvents;
import dev.conference.port.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Subscriptions to the in-memory feeds, each delivered by a thread of its own. */
final class InMemoryLiveEvents implements LiveEvents {
    private final InMemoryConferenceStore store;

    private final Set<Feed> open = ConcurrentHashMap.newKeySet();

    InMemoryLiveEvents(InMemoryConferenceStore store) {
        this.store = store;
    }

    @Override
    public Subscription subscribe(MeetingId meeting, FeedPosition from, EventListener listener) {
        Objects.requireNonNull(meeting, "meeting id");
        Objects.requireNonNull(from, "feed position");
        Objects.requireNonNull(listener, "listener");
        long after;
        String gapUntil = null;
        synchronized (store.lock) {
            if (!store.meetings.containsKey(meeting.value())) {
                throw new UnknownMeetingException(meeting);
            }
            List<MeetingEvent> feed = store.feeds.getOrDefault(meeting, List.of());
            if (from instanceof FeedPosition.After resume) {
                after = position(resume.id());
                // The same rule as the Redis store's: resuming before the oldest event kept may have lost some.
                Long trimmed = store.feedTrimmedThrough.get(meeting);
                if (trimmed != null && after <= trimmed && !feed.isEmpty()) {
                    gapUntil = feed.get(0).id();
                }
            } else if (from == FeedPosition.oldest() || feed.isEmpty()) {
                after = 0;
            } else {
                after = Long.parseLong(feed.get(feed.size() - 1).id());
            }
        }
        Feed subscription = new Feed(meeting, after, listener, gapUntil);
        open.add(subscription);
        Thread thread = new Thread(subscription::run, "conference-subscription-" + meeting);
        thread.setDaemon(true);
        thread.start();
        return subscription;
    }

    /** Closes every subscription still open, as closing the store does. */
    void closeAll() {
        open.forEach(Feed::close);
    }

    private static long position(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("not an event id: " + id);
        }
    }

    private final class Feed implements Subscription {
        private final MeetingId meeting;
        private final EventListener listener;
        private volatile long lastSeen;
        private volatile boolean closed;
        /** Held while an event is delivered, so close() returns only between deliveries. */
        private final Object delivery = new Object();

        private volatile Thread deliverer;

        /** The oldest event kept, when the position resumed from is older; told to the listener first. */
        private final String gapUntil;

        Feed(MeetingId meeting, long after, EventListener listener, String gapUntil) {
            this.meeting = meeting;
            this.lastSeen = after;
            this.listener = listener;
            this.gapUntil = gapUntil;
        }

        void run() {
            try {
                deliver();
            } finally {
                open.remove(this);
            }
        }

        private void deliver() {
            deliverer = Thread.currentThread();
            if (gapUntil != null) {
                listener.onGap(gapUntil);
            }
            while (!closed) {
                List<MeetingEvent> fresh;
                synchronized (store.lock) {
                    while (!closed && (fresh = newer()).isEmpty()) {
                        try {
                            store.lock.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    fresh = newer();
                }
                for (MeetingEvent event : fresh) {
                    synchronized (delivery) {
                        if (closed) {
                            return;
                        }
                        try {
                            listener.onEvent(event);
                        } catch (RuntimeException e) {
                            report(new ListenerException(event, e));
                        }
                        lastSeen = Long.parseLong(event.id());
                    }
                }
            }
        }

        private void report(ConferenceException error) {
            try {
                listener.onError(error);
            } catch (RuntimeException ignored) {
                // A listener's failure to handle an error must not end the subscription.
            }
        }

        /** Called under the lock. */
        private List<MeetingEvent> newer() {
            return store.feeds.getOrDefault(meeting, List.of()).stream()
                    .filter(event -> Long.parseLong(event.id()) > lastSeen)
                    .toList();
        }

        @Override
        public String lastSeenId() {
            return Long.toString(lastSeen);
        }

        @Override
        public void close() {
            closed = true;
            synchronized (store.lock) {
                store.lock.notifyAll();
            }
            if (Thread.currentThread() != deliverer) {
                synchronized (delivery) {
                    // Waits for a delivery under way, so lastSeenId() is final once close() returns.
                }
            }
        }
    }
}
