package dev.conference.redis;

import dev.conference.model.ChatMessage;
import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.ListenerException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.StoreException;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.UserId;
import dev.conference.port.EventListener;
import dev.conference.port.FeedPosition;
import dev.conference.port.LiveEvents;
import dev.conference.port.Subscription;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live subscriptions on Redis: each reads its meeting's feed stream with XREAD BLOCK on a connection
 * and a thread of its own, so a slow listener or a long block holds up nothing else. The feed holds
 * notes of where each entry went (see feed_note in prelude.lua); the entries are read from there.
 */
final class RedisLiveEvents implements LiveEvents {
    private static final long BLOCK_MILLIS = 1_000;
    private static final int BATCH = 100;
    private static final long RETRY_MILLIS = 500;
    /** How many times an entry is followed to a new id (each import that moves it gives one). */
    private static final int MAX_MOVES = 8;

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
        List<StreamMessage<String, String>> oldest =
                redis.call(r -> r.xrange(feed, Range.create("-", "+"), io.lettuce.core.Limit.create(0, 1)));
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
        List<StreamMessage<String, String>> last =
                redis.call(r -> r.xrevrange(feed, Range.create("-", "+"), io.lettuce.core.Limit.create(0, 1)));
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
                    report(readFailed(e));
                    pause();
                    continue;
                }
                if (batch == null || batch.isEmpty()) {
                    continue;
                }
                List<MeetingEvent> events;
                try {
                    events = entries(batch);
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    report(readFailed(e));
                    pause();
                    continue;
                }
                for (int i = 0; i < batch.size(); i++) {
                    synchronized (delivery) {
                        if (closed) {
                            return;
                        }
                        if (events.get(i) != null) {
                            deliver(events.get(i));
                        }
                        lastSeen = batch.get(i).getId();
                    }
                }
            }
        }

        /**
         * The events a batch of feed notes point to, in the batch's order: each note names the
         * instance and whether the entry is in its chat or its log, and the entry has the note's id
         * (or its {@code ref}) unless an import moved it or erase took it: then the instance's
         * {@code imported} holds {@code moved:<id>}, its new id or '' (see import.lua, erase.lua). One
         * pipelined round reads both, and one more round is made per move. Null for an entry no
         * longer there (an erased user's message, a log past retention) and for one unreadable, which
         * is reported.
         */
        private List<MeetingEvent> entries(List<StreamMessage<String, String>> batch) {
            Keys.MeetingKeys k = keys.meeting(meeting);
            int size = batch.size();
            String[] streams = new String[size];
            String[] ids = new String[size];
            String[] instances = new String[size];
            List<StreamMessage<String, String>> found = new ArrayList<>(Collections.nCopies(size, null));
            for (int i = 0; i < size; i++) {
                StreamMessage<String, String> note = batch.get(i);
                Map<String, String> fields = note.getBody();
                if (fields.containsKey("type")) {
                    // A feed entry of the layout before notes: the event itself.
                    found.set(i, note);
                    continue;
                }
                instances[i] = fields.getOrDefault("instance", "");
                streams[i] = "1".equals(fields.get("chat")) ? k.chat(instances[i]) : k.events(instances[i]);
                ids[i] = fields.getOrDefault("ref", note.getId());
            }
            // Each round reads, for each note still sought, where an import moved its entry (or that
            // it is gone: '') and what is at its id; the move wins, and is followed in the next round.
            for (int move = 0; move <= MAX_MOVES; move++) {
                List<Integer> sought = new ArrayList<>();
                List<CompletableFuture<String>> forwards = new ArrayList<>();
                List<CompletableFuture<List<StreamMessage<String, String>>>> reads = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (found.get(i) == null && ids[i] != null) {
                        sought.add(i);
                        forwards.add(connection
                                .async()
                                .hget(
                                        k.imported(instances[i]),
                                        "moved:" + (streams[i].equals(k.chat(instances[i])) ? "m:" : "e:") + ids[i])
                                .toCompletableFuture());
                        reads.add(connection
                                .async()
                                .xrange(streams[i], Range.create(ids[i], ids[i]))
                                .toCompletableFuture());
                    }
                }
                boolean moved = false;
                for (int j = 0; j < sought.size(); j++) {
                    int i = sought.get(j);
                    String forward = forwards.get(j).join();
                    List<StreamMessage<String, String>> entry = reads.get(j).join();
                    if (forward != null) {
                        ids[i] = forward.isEmpty() ? null : forward;
                        moved |= ids[i] != null;
                    } else if (entry.isEmpty() || entry.get(0).getBody().containsKey("src")) {
                        // Gone (its log past retention, its instance deleted); an imported entry is never noted.
                        ids[i] = null;
                    } else {
                        found.set(i, entry.get(0));
                    }
                }
                if (!moved) {
                    break;
                }
            }
            List<MeetingEvent> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(found.get(i) == null ? null : event(batch.get(i), found.get(i)));
            }
            return out;
        }

        /** The event a note points to; null, and reported, if it cannot be read. */
        private MeetingEvent event(StreamMessage<String, String> note, StreamMessage<String, String> entry) {
            Map<String, String> fields = entry.getBody();
            try {
                if (note == entry) {
                    return Replies.event(
                            note.getId(), note.getId(), fields, meeting, Integer.parseInt(fields.get("instance")));
                }
                int instance = Integer.parseInt(note.getBody().get("instance"));
                if (!"1".equals(note.getBody().get("chat"))) {
                    return Replies.event(note.getId(), entry.getId(), fields, meeting, instance);
                }
                return new MeetingEvent.Posted(
                        note.getId(),
                        new ChatMessage(
                                entry.getId(),
                                meeting,
                                instance,
                                UserId.of(fields.get("user")),
                                fields.get("text"),
                                Replies.at(entry.getId(), fields)));
            } catch (ConferenceException | IllegalArgumentException | NullPointerException unreadable) {
                report(
                        unreadable instanceof ConferenceException known
                                ? known
                                : new StoreException(
                                        "unreadable entry " + note.getId() + " in the feed of meeting '" + meeting
                                                + "': " + unreadable.getMessage(),
                                        unreadable));
                return null;
            }
        }

        /** One event to the listener; what the listener throws is reported. */
        private void deliver(MeetingEvent event) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                report(new ListenerException(event, e));
            }
        }

        private StoreException readFailed(RuntimeException e) {
            return new StoreException(
                    "reading the live events of meeting '" + meeting + "' from Redis at " + connector.server()
                            + " failed: " + RedisUris.reason(e),
                    e);
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
