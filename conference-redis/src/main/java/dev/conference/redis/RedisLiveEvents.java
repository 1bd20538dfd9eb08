package dev.conference.redis;

import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
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
import java.util.regex.Pattern;

/**
 * Live subscriptions on Redis: each reads its meeting's feed stream with XREAD BLOCK on a connection
 * and a thread of its own, so a slow listener or a long block holds up nothing else.
 */
final class RedisLiveEvents implements LiveEvents {
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    private static final long BLOCK_MILLIS = 1_000;
    private static final int BATCH = 100;
    private static final long RETRY_MILLIS = 500;

    private final Connector connector;
    private final RedisGateway redis;
    private final Keys keys;

    private final Metrics metrics;

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
        if (from instanceof FeedPosition.After resume
                && !STREAM_ID.matcher(resume.id()).matches()) {
            throw new InvalidInputException("not an event id: " + resume.id());
        }
        Keys.MeetingKeys k = keys.meeting(meeting);
        if (redis.call(r -> r.exists(k.meeting())) == 0) {
            throw new UnknownMeetingException(meeting);
        }
        String start = from instanceof FeedPosition.After resume
                ? resume.id()
                : from == FeedPosition.oldest() ? "0-0" : lastId(k.feed());
        Connector.Link connection = connector.connect();
        Feed feed = new Feed(meeting, k.feed(), start, listener, connection);
        Thread thread = new Thread(feed::run, "conference-subscription-" + meeting);
        metrics.subscriptionOpened();
        thread.setDaemon(true);
        thread.start();
        return feed;
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

        Feed(MeetingId meeting, String key, String start, EventListener listener, Connector.Link connection) {
            this.meeting = meeting;
            this.key = key;
            this.lastSeen = start;
            this.listener = listener;
            this.connection = connection;
        }

        /** Delivers until closed; the subscription counts as open from {@code subscribe} until this returns. */
        void run() {
            try {
                deliver();
            } finally {
                metrics.subscriptionClosed();
            }
        }

        private void deliver() {
            deliverer = Thread.currentThread();
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
                        listener.onEvent(event(message.getId(), message.getBody()));
                        lastSeen = message.getId();
                    }
                }
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
                closed = true;
            }
        }

        @Override
        public String lastSeenId() {
            return lastSeen;
        }

        @Override
        public void close() {
            closed = true;
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
