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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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
        long now;
        boolean gap = false;
        Set<Integer> first = Set.of();
        synchronized (store.lock) {
            if (!store.meetings.containsKey(meeting.value())) {
                throw new UnknownMeetingException(meeting);
            }
            List<MeetingEvent> feed = store.feeds.getOrDefault(meeting, List.of());
            now = feed.isEmpty() ? 0 : Long.parseLong(feed.get(feed.size() - 1).id());
            if (from instanceof FeedPosition.After resume) {
                after = position(resume.id());
                // A meeting deleted since: resuming in its feed may have missed any of it.
                Long trimmed = store.feedTrimmedThrough.get(meeting);
                gap = trimmed != null && after <= trimmed;
            } else if (from == FeedPosition.oldest()) {
                after = 0;
                first = latestTwoStarted(meeting);
            } else {
                after = now;
            }
        }
        Feed subscription = new Feed(meeting, after, listener, gap, first, from == FeedPosition.oldest() ? now : 0);
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

    /**
     * The latest two instances started by now, whose events a subscription from the oldest delivers
     * from their start, as the Redis store's does (see FeedPosition.oldest). Called under the lock.
     */
    private Set<Integer> latestTwoStarted(MeetingId meeting) {
        Instant now = store.now();
        return store.instancesOf(meeting).stream()
                .filter(state -> !state.instance.from().isAfter(now))
                .sorted(Comparator.comparing((InstanceState state) -> state.instance.from())
                        .reversed())
                .limit(2)
                .map(state -> state.instance.instance())
                .collect(Collectors.toUnmodifiableSet());
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

        /** Whether the position resumed from may have lost events: told to the listener before the first event. */
        private boolean gap;

        /** Of the events up to {@link #since}, only those of these instances are delivered (from the oldest). */
        private final Set<Integer> first;

        private final long since;

        Feed(MeetingId meeting, long after, EventListener listener, boolean gap, Set<Integer> first, long since) {
            this.meeting = meeting;
            this.lastSeen = after;
            this.listener = listener;
            this.gap = gap;
            this.first = first;
            this.since = since;
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
                        if (gap) {
                            gap = false;
                            listener.onGap(event.id());
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
                    .filter(event -> Long.parseLong(event.id()) > lastSeen
                            && (Long.parseLong(event.id()) > since || first.contains(event.instance())))
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
