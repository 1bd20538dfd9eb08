package dev.conference.redis;

import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.ListenerException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.StoreException;
import dev.conference.model.UnknownMeetingException;
import dev.conference.port.EventListener;
import dev.conference.port.FeedPosition;
import dev.conference.port.LiveEvents;
import dev.conference.port.Subscription;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live subscriptions on Redis: each reads its meeting's feed stream with XREAD BLOCK on a connection
 * and a thread of its own, so a slow listener or a long block holds up nothing else.
 */
final class RedisLiveEvents implements LiveEvents {
    private static final long BLOCK_MILLIS = 1_000;
    private static final int BATCH = 100;
    private static final long RETRY_MILLIS = 500;

    private final Connector connector;
    private final RedisGateway redis;
    private final Keys keys;

    private final Metrics metrics;
    private final Set<Feed> open = ConcurrentHashMap.newKeySet();

    RedisLiveEvents(Connector connector, RedisGateway redis, Keys keys, Metrics metrics) {
        this.metrics = metrics;
        this.connector = connector;
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Subscription subscribe(MeetingId meeting, FeedPosition from, EventListener listener) {
        Objects.requireNonNull(meeting, "meeting id");
        Objects.requireNonNull(from, "feed position");
        Objects.requireNonNull(listener, "listener");
        if (from instanceof FeedPosition.After resume && !StreamIds.valid(resume.id())) {
            throw new InvalidInputException("not an event id: " + resume.id());
        }
        Keys.MeetingKeys k = keys.meeting(meeting);
        if (redis.call(r -> r.exists(k.meeting())) == 0) {
            throw new UnknownMeetingException(meeting);
        }
        String start = from instanceof FeedPosition.After resume
                ? resume.id()
                : from == FeedPosition.oldest() ? "0-0" : lastId(k.feed());
        String gapUntil = from instanceof FeedPosition.After ? gapUntil(k.feed(), start) : null;
        Connector.Link connection = connector.connect();
        Feed feed = new Feed(meeting, k.feed(), start, listener, connection, gapUntil);
        open.add(feed);
        Thread thread = new Thread(feed::run, "conference-subscription-" + meeting);
        metrics.subscriptionOpened();
        thread.setDaemon(true);
        thread.start();
        return feed;
    }

    /**
     * The oldest entry the feed keeps, if it is newer than {@code after}: the feed is trimmed to about
     * its last {@link LiveEvents#FEED_KEEPS} entries, so entries after {@code after} may be gone. (Redis
     * 6.2 does not say what a trim removed, so a resume right after the last entry trimmed is told too.)
     */
    private String gapUntil(String feed, String after) {
        List<StreamMessage<String, String>> oldest = redis.call(
                r -> r.xrange(feed, io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.create(0, 1)));
        if (oldest.isEmpty() || StreamIds.compare(after, oldest.get(0).getId()) >= 0) {
            return null;
        }
        return oldest.get(0).getId();
    }

    /** Closes every subscription still open: the store is closing. */
    void closeAll() {
        open.forEach(Feed::close);
    }

    private String lastId(String feed) {
        List<StreamMessage<String, String>> last = redis.call(
                r -> r.xrevrange(feed, io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.create(0, 1)));
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    private final class Feed implements Subscription {
        private final MeetingId meeting;
        private final String key;
        private final EventListener listener;
        private final Connector.Link connection;
        private volatile String lastSeen;
        private volatile boolean closed;
        /** Held while an event is delivered, so close() returns only between deliveries. */
        private final Object delivery = new Object();

        private volatile Thread deliverer;

        /** The oldest entry kept, when the position resumed from is older; told to the listener first. */
        private final String gapUntil;

        Feed(
                MeetingId meeting,
                String key,
                String start,
                EventListener listener,
                Connector.Link connection,
                String gapUntil) {
            this.meeting = meeting;
            this.key = key;
            this.lastSeen = start;
            this.listener = listener;
            this.connection = connection;
            this.gapUntil = gapUntil;
        }

        /** Delivers until closed; the subscription counts as open from {@code subscribe} until this returns. */
        void run() {
            try {
                deliver();
            } finally {
                open.remove(this);
                metrics.subscriptionClosed();
            }
        }

        private void deliver() {
            deliverer = Thread.currentThread();
            if (gapUntil != null) {
                listener.onGap(gapUntil);
            }
            while (!closed) {
                List<StreamMessage<String, String>> batch;
                try {
                    batch = connection
                            .sync()
                            .xread(
                                    XReadArgs.Builder.block(BLOCK_MILLIS).count(BATCH),
                                    StreamOffset.from(key, lastSeen));
                } catch (RuntimeException e) {
                    // Lettuce fails reads with RedisException, and cancels them when a connection is reset.
                    if (closed) {
                        return;
                    }
                    report(new StoreException(
                            "reading the live events of meeting '" + meeting + "' from Redis at " + connector.server()
                                    + " failed: " + RedisUris.reason(e),
                            e));
                    pause();
                    continue;
                }
                for (StreamMessage<String, String> message :
                        batch == null ? List.<StreamMessage<String, String>>of() : batch) {
                    synchronized (delivery) {
                        if (closed) {
                            return;
                        }
                        deliver(message);
                        lastSeen = message.getId();
                    }
                }
            }
        }

        /** One entry to the listener; what fails is reported and the entry counts as delivered. */
        private void deliver(StreamMessage<String, String> message) {
            MeetingEvent event;
            try {
                event = event(message.getId(), message.getBody());
            } catch (ConferenceException | IllegalArgumentException unreadable) {
                report(
                        unreadable instanceof ConferenceException known
                                ? known
                                : new StoreException(
                                        "unreadable entry " + message.getId() + " in the feed of meeting '" + meeting
                                                + "': " + unreadable.getMessage(),
                                        unreadable));
                return;
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                report(new ListenerException(event, e));
            }
        }

        private MeetingEvent event(String id, Map<String, String> fields) {
            return Replies.event(id, fields, meeting, Integer.parseInt(fields.get("instance")));
        }

        private void report(ConferenceException error) {
            try {
                listener.onError(error);
            } catch (RuntimeException ignored) {
                // A listener's failure to handle an error must not end the subscription.
            }
        }

        private void pause() {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                close();
            }
        }

        @Override
        public String lastSeenId() {
            return lastSeen;
        }

        @Override
        public void close() {
            open.remove(this);
            synchronized (this) {
                if (closed) {
                    // Closed already (by its owner, then by the store): Lettuce warns of a second close.
                    return;
                }
                closed = true;
            }
            // Closing the connection ends a blocked XREAD at once; waiting for it lets a caller close the
            // store right after without Lettuce warning about a connection closed twice.
            connection.connection().close();
            if (Thread.currentThread() != deliverer) {
                synchronized (delivery) {
                    // Waits for a delivery under way, so lastSeenId() is final once close() returns.
                }
            }
        }
    }
}
