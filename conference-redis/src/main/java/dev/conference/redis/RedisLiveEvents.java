package dev.conference.redis;

import dev.conference.model.ChatMessage;
import dev.conference.model.ConferenceException;
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
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live subscriptions on Redis: each reads the logs and chats of its meeting's instances with XREAD
 * BLOCK, on a connection and a thread of its own, so a slow listener or a long block holds up nothing
 * else. Every live entry carries the meeting's {@code seq} (next_seq in prelude.lua), which orders
 * them across streams as they happened; a subscription delivers by it, and its position is the last
 * {@code seq} delivered (see {@link FeedCursor}).
 *
 * <p>Before each read it asks the meeting which instances may hold entries after its position
 * (follow.lua): the instance current then, those that became current or were written to otherwise
 * since (the meeting's {@code turns} and {@code late}, see keep_latest in prelude.lua), and the next to
 * start. It reads those only, and delivers no further than the meeting's {@code seq} as it was then:
 * a later entry may be in an instance it does not follow yet.
 */
final class RedisLiveEvents implements LiveEvents {
    private static final long BLOCK_MILLIS = 1_000;
    private static final int BATCH = 100;
    private static final long RETRY_MILLIS = 500;

    private final Connector connector;
    private final RedisGateway redis;
    private final Keys keys;
    private final ScriptTime time;

    private final Metrics metrics;
    private final Set<Feed> open = ConcurrentHashMap.newKeySet();

    RedisLiveEvents(Connector connector, RedisGateway redis, Keys keys, ScriptTime time, Metrics metrics) {
        this.metrics = metrics;
        this.connector = connector;
        this.redis = redis;
        this.keys = keys;
        this.time = time;
    }

    @Override
    public Subscription subscribe(MeetingId meeting, FeedPosition from, EventListener listener) {
        Objects.requireNonNull(meeting, "meeting id");
        Objects.requireNonNull(from, "feed position");
        Objects.requireNonNull(listener, "listener");
        FeedCursor resume = from instanceof FeedPosition.After after ? FeedCursor.parse(after.id()) : null;
        Keys.MeetingKeys k = keys.meeting(meeting);
        Follow meetingNow = follow(k, 0);
        if (meetingNow == null) {
            throw new UnknownMeetingException(meeting);
        }
        Feed feed;
        if (resume == null) {
            // From the oldest: what the latest two instances started hold now, then everything after.
            Set<Integer> first = from == FeedPosition.oldest() ? meetingNow.latest() : Set.of();
            long cursor = from == FeedPosition.oldest() ? 0 : meetingNow.seq();
            feed = new Feed(meeting, k, meetingNow.born(), cursor, meetingNow.seq(), first, listener, false);
        } else if (resume.born() != meetingNow.born() || resume.seq() > meetingNow.seq()) {
            // A position in a meeting deleted since: the one made again under its id is new throughout.
            feed = new Feed(meeting, k, meetingNow.born(), 0, 0, Set.of(), listener, true);
        } else {
            feed = new Feed(
                    meeting,
                    k,
                    meetingNow.born(),
                    resume.seq(),
                    resume.seq(),
                    Set.of(),
                    listener,
                    resume.seq() < meetingNow.forgot());
            feed.checkKept = true;
        }
        open.add(feed);
        Thread thread = new Thread(feed::run, "conference-subscription-" + meeting);
        metrics.subscriptionOpened();
        thread.setDaemon(true);
        thread.start();
        return feed;
    }

    /** What follow.lua answers: the meeting's counts, and the instances to read after a {@code seq}. */
    private record Follow(long born, long seq, long forgot, List<Integer> instances, Set<Integer> latest) {}

    /** The meeting's state and the instances that may hold live entries after {@code after}; null if no such meeting. */
    private Follow follow(Keys.MeetingKeys k, long after) {
        List<Object> reply = redis.run(Scripts.FOLLOW, new String[] {k.meeting()}, Long.toString(after), time.now());
        if (reply.size() == 1) {
            return null;
        }
        return new Follow(
                Long.parseLong((String) reply.get(0)),
                Long.parseLong((String) reply.get(1)),
                Long.parseLong((String) reply.get(2)),
                numbers(reply.get(3)),
                Set.copyOf(numbers(reply.get(4))));
    }

    private static List<Integer> numbers(Object list) {
        List<Integer> out = new ArrayList<>();
        for (Object item : (List<?>) list) {
            out.add(Integer.parseInt(String.valueOf(item)));
        }
        return out;
    }

    /** Closes every subscription still open: the store is closing. */
    void closeAll() {
        open.forEach(Feed::close);
    }

    /** An instance a subscription reads: where it is in the log and the chat. */
    private static final class Followed {
        final int instance;
        final String log;
        final String chat;
        /** Entries at or below this {@code seq} are passed over (see Feed.first). */
        final long floor;

        String logAt;
        String chatAt;

        Followed(int instance, String log, String chat, long floor) {
            this.instance = instance;
            this.log = log;
            this.chat = chat;
            this.floor = floor;
        }
    }

    /** An entry a read brought that is due for delivery. */
    private record Pending(long seq, Followed instance, StreamMessage<String, String> entry, boolean chat) {}

    /** The {@code seq} of a live entry; null for one that has none (imported, or of the layout before). */
    private static Long seqOf(StreamMessage<String, String> entry) {
        String seq = entry.getBody().get("seq");
        if (seq == null || entry.getBody().containsKey("src")) {
            return null;
        }
        try {
            return Long.parseLong(seq);
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private final class Feed implements Subscription {
        private final MeetingId meeting;
        private final Keys.MeetingKeys k;
        private final EventListener listener;
        private final Connector.Link connection;
        /** When the meeting was made (see FeedCursor); a meeting made again is followed afresh. */
        private long born;

        private volatile String lastSeen;
        private volatile boolean closed;
        /** Held while an event is delivered, so close() returns only between deliveries. */
        private final Object delivery = new Object();

        private volatile Thread deliverer;

        /** The {@code seq} of the last event delivered (or of the position started from). */
        private long seq;
        /**
         * Up to this {@code seq} only the instances of {@link #first} are delivered, from their start
         * (a subscription from the oldest); above it, every instance.
         */
        private long since;

        private Set<Integer> first;
        /** The instances read, by number. */
        private final Map<Integer, Followed> followed = new HashMap<>();
        /** Whether the position resumed from is no longer kept: told to the listener before the first event. */
        private boolean gap;
        /** Whether the first look at the instances must check that their logs are still kept (a resumption). */
        boolean checkKept;

        Feed(
                MeetingId meeting,
                Keys.MeetingKeys k,
                long born,
                long seq,
                long since,
                Set<Integer> first,
                EventListener listener,
                boolean gap) {
            this.meeting = meeting;
            this.k = k;
            this.born = born;
            this.seq = seq;
            this.since = since;
            this.first = first;
            this.listener = listener;
            this.gap = gap;
            this.connection = connector.connect();
            this.lastSeen = new FeedCursor(born, seq).toString();
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
            while (!closed) {
                List<StreamMessage<String, String>> batch;
                long upTo;
                try {
                    Follow state = follow(k, Math.max(seq, since));
                    if (state == null) {
                        // The meeting was deleted: nothing comes until one is made again under its id.
                        pause(BLOCK_MILLIS);
                        continue;
                    }
                    if (state.born() != born) {
                        // Deleted and made again: the new meeting is followed from its start, as in every store.
                        born = state.born();
                        seq = 0;
                        since = 0;
                        first = Set.of();
                        followed.clear();
                        state = follow(k, 0);
                        if (state == null) {
                            continue;
                        }
                    }
                    upTo = state.seq();
                    look(state);
                    if (followed.isEmpty()) {
                        pause(BLOCK_MILLIS);
                        continue;
                    }
                    batch = connection
                            .sync()
                            .xread(XReadArgs.Builder.block(BLOCK_MILLIS).count(BATCH), offsets());
                } catch (RuntimeException e) {
                    // Lettuce fails reads with RedisException, and cancels them when a connection is reset.
                    if (closed) {
                        return;
                    }
                    report(readFailed(e));
                    pause(RETRY_MILLIS);
                    continue;
                }
                if (batch != null && !batch.isEmpty() && !take(batch, upTo)) {
                    return;
                }
            }
        }

        /**
         * Reads from the instances follow.lua named (and, up to {@link #since}, those of {@link
         * #first}), each placed after what was delivered; lets go of the others, which hold nothing
         * after it.
         */
        private void look(Follow state) {
            Set<Integer> wanted = new HashSet<>(state.instances());
            // The latest two started are read too: the current one may have no turn yet (a cache of
            // the layout before turns), and reading an instance more never delivers a wrong entry.
            wanted.addAll(state.latest());
            if (seq < since) {
                wanted.addAll(first);
            }
            followed.keySet().retainAll(wanted);
            for (int n : wanted) {
                if (!followed.containsKey(n)) {
                    String number = Integer.toString(n);
                    Followed instance =
                            new Followed(n, k.events(number), k.chat(number), first.contains(n) ? 0 : since);
                    instance.logAt = placed(instance, instance.log);
                    instance.chatAt = placed(instance, instance.chat);
                    if (checkKept && !gap && expired(number)) {
                        gap = true;
                    }
                    followed.put(n, instance);
                }
            }
            checkKept = false;
        }

        /** Whether an instance's log is gone because it ended and its retention passed. */
        private boolean expired(String n) {
            return connection.sync().exists(k.events(n)) == 0
                    && connection.sync().sismember(k.ended(), n);
        }

        /**
         * The id after which {@code stream} holds only entries to deliver: the newest live entry at or
         * below the position (or the instance's floor), found from the end (a position just behind
         * the present reads one page).
         */
        private String placed(Followed instance, String stream) {
            long below = Math.max(seq, instance.floor);
            if (below == 0) {
                return "0-0";
            }
            Range.Boundary<String> upper = Range.Boundary.unbounded();
            while (true) {
                List<StreamMessage<String, String>> page = connection
                        .sync()
                        .xrevrange(stream, Range.from(Range.Boundary.unbounded(), upper), Limit.create(0, BATCH));
                for (StreamMessage<String, String> entry : page) {
                    Long entrySeq = seqOf(entry);
                    if (entrySeq != null && entrySeq <= below) {
                        return entry.getId();
                    }
                }
                if (page.size() < BATCH) {
                    return "0-0";
                }
                upper = Range.Boundary.excluding(page.get(page.size() - 1).getId());
            }
        }

        @SuppressWarnings("unchecked")
        private StreamOffset<String>[] offsets() {
            List<StreamOffset<String>> offsets = new ArrayList<>(2 * followed.size());
            for (Followed instance : followed.values()) {
                offsets.add(StreamOffset.from(instance.log, instance.logAt));
                offsets.add(StreamOffset.from(instance.chat, instance.chatAt));
            }
            return offsets.toArray(StreamOffset[]::new);
        }

        /**
         * Delivers what a read brought in the order of {@code seq}, up to {@code upTo} (the meeting's
         * count when the instances were looked up) and to where each stream that came back full was
         * read (what follows there may come before the rest), and moves each stream's position past
         * what it delivered or passed over; false if the subscription was closed meanwhile. Entries
         * without a {@code seq} (imported history, and entries of the layout before it) are passed
         * over, and so are those at or below the last delivered (an entry an import moved to a later
         * id, see import.lua) or the instance's floor.
         */
        private boolean take(List<StreamMessage<String, String>> batch, long upTo) {
            Map<String, List<StreamMessage<String, String>>> byStream = new HashMap<>();
            for (StreamMessage<String, String> entry : batch) {
                byStream.computeIfAbsent(entry.getStream(), s -> new ArrayList<>())
                        .add(entry);
            }
            long bound = upTo;
            for (List<StreamMessage<String, String>> entries : byStream.values()) {
                if (entries.size() == BATCH) {
                    long last = seq;
                    for (StreamMessage<String, String> entry : entries) {
                        Long entrySeq = seqOf(entry);
                        if (entrySeq != null) {
                            last = Math.max(last, entrySeq);
                        }
                    }
                    bound = Math.min(bound, last);
                }
            }
            List<Pending> due = new ArrayList<>();
            for (Followed instance : followed.values()) {
                due(instance, byStream.get(instance.log), bound, false, due);
                due(instance, byStream.get(instance.chat), bound, true, due);
            }
            due.sort(Comparator.comparingLong(Pending::seq));
            for (Pending pending : due) {
                synchronized (delivery) {
                    if (closed) {
                        return false;
                    }
                    seq = pending.seq();
                    lastSeen = new FeedCursor(born, seq).toString();
                    MeetingEvent event = event(pending, lastSeen);
                    if (event != null) {
                        if (gap) {
                            gap = false;
                            listener.onGap(event.id());
                        }
                        deliver(event);
                    }
                }
            }
            for (Followed instance : followed.values()) {
                instance.logAt = passed(byStream.get(instance.log), instance.logAt, bound);
                instance.chatAt = passed(byStream.get(instance.chat), instance.chatAt, bound);
            }
            return true;
        }

        private void due(
                Followed instance,
                List<StreamMessage<String, String>> entries,
                long bound,
                boolean chat,
                List<Pending> due) {
            if (entries == null) {
                return;
            }
            long after = Math.max(seq, instance.floor);
            for (StreamMessage<String, String> entry : entries) {
                Long entrySeq = seqOf(entry);
                if (entrySeq != null && entrySeq > after && entrySeq <= bound) {
                    due.add(new Pending(entrySeq, instance, entry, chat));
                }
            }
        }

        /** A stream's position after a read: past its entries up to the first one held back. */
        private String passed(List<StreamMessage<String, String>> entries, String at, long bound) {
            if (entries == null) {
                return at;
            }
            for (StreamMessage<String, String> entry : entries) {
                Long entrySeq = seqOf(entry);
                if (entrySeq != null && entrySeq > bound) {
                    break;
                }
                at = entry.getId();
            }
            return at;
        }

        /** The event an entry holds, delivered with {@code id}; null, and reported, if it cannot be read. */
        private MeetingEvent event(Pending pending, String id) {
            StreamMessage<String, String> entry = pending.entry();
            Map<String, String> fields = entry.getBody();
            int instance = pending.instance().instance;
            try {
                if (!pending.chat()) {
                    return Replies.event(id, entry.getId(), fields, meeting, instance);
                }
                return new MeetingEvent.Posted(
                        id,
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
                                        "unreadable entry " + entry.getId() + " of instance " + instance
                                                + " of meeting '" + meeting + "': " + unreadable.getMessage(),
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

        private void pause(long millis) {
            try {
                Thread.sleep(millis);
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
