package dev.conference.redis;

import dev.conference.model.Page;
import dev.conference.port.PassResult;
import io.lettuce.core.KeyValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A listing index (every user, every meeting) kept in its own slot, away from the entities it
 * lists, so no script can change both. A change marks its ids first (the mark is the server's time
 * and a token of the call), writes the entities, and then settles the listing for the ids that still
 * carry its mark: listed if the entity exists, unlisted if not. Two changes of one id that overlap
 * may write the entity in either order: the second finds the first's mark and leaves one ending in
 * '*', which neither clears (mark-pending.lua). A change that stops half-way (a caller that gave up,
 * a write that failed) leaves its mark too. The repair walk settles marks older than {@link #GRACE}
 * from whether each entity exists, so a save racing a delete never leaves an entity unlisted or a
 * deleted one listed for longer.
 */
final class Listing {
    /** Longer than any change takes between its first and last step: a younger mark may be in use. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private static final String GRACE_MICROS = Long.toString(GRACE.toNanos() / 1_000);

    private final RedisGateway redis;
    private final Keys.ListingKeys keys;

    Listing(RedisGateway redis, Keys.ListingKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Ids per mark-pending.lua or settle-listing.lua call: each call stays within a few milliseconds. */
    static final int CHUNK = 1_000;

    /** What a change marked: its ids, and the mark of each chunk of {@link #CHUNK} of them. */
    record Marks(List<String> ids, List<String> perChunk) {}

    /** The first step of a change of {@code ids}; returns the marks to settle them with. */
    Marks mark(List<String> ids) {
        List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
            String[] args = new String[chunk.size() + 1];
            args[0] = RandomIds.next();
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            replies.add(redis.start(Scripts.MARK_PENDING, new String[] {keys.pending()}, args));
        }
        List<String> perChunk = new ArrayList<>(replies.size());
        for (CompletableFuture<List<Object>> reply : replies) {
            perChunk.add((String) redis.await(reply).get(0));
        }
        return new Marks(ids, perChunk);
    }

    /** The last step of a change: {@code exists} is whether it left the entities in place. */
    void settle(Marks marks, boolean exists) {
        List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
        List<String> ids = marks.ids();
        for (int start = 0, chunk = 0; start < ids.size(); start += CHUNK, chunk++) {
            String mark = marks.perChunk().get(chunk);
            List<String> args = new ArrayList<>(1 + CHUNK * 3);
            args.add("0");
            for (String id : ids.subList(start, Math.min(ids.size(), start + CHUNK))) {
                args.add(id);
                args.add(mark);
                args.add(exists ? "1" : "0");
            }
            replies.add(redis.start(Scripts.SETTLE_LISTING, keys.both(), args.toArray(String[]::new)));
        }
        replies.forEach(redis::await);
    }

    /** One page of the listing, in id order. */
    List<String> page(Page page) {
        Objects.requireNonNull(page, "page");
        return after(page.after(), page.limit());
    }

    /** Up to {@code limit} ids after {@code after} (from the first when null), in id order. */
    @SuppressWarnings("unchecked")
    List<String> after(String after, int limit) {
        String[] args = after == null
                ? new String[] {Integer.toString(limit), "0", ""}
                : new String[] {Integer.toString(limit), "1", after};
        return (List<String>) (List<?>) redis.run(Scripts.LISTING_PAGE, new String[] {keys.listing()}, args);
    }

    /**
     * One step of the repair walk: up to {@code limit} marks, picked at random (only changes under way
     * or stopped half-way have one), each settled from whether its entity exists if it is older than
     * {@link #GRACE}. Returns how many marks it looked at and how many ids it listed or unlisted.
     * First up to {@code limit} ids that the layout before buckets listed get a mark of their own, so
     * they are listed again as the walk settles them.
     */
    PassResult repair(int limit, Function<String, CompletableFuture<Long>> exists) {
        redis.run(Scripts.ADOPT_LISTING, new String[] {keys.earlier(), keys.pending()}, Integer.toString(limit));
        List<KeyValue<String, String>> marks = redis.call(r -> r.hrandfieldWithvalues(keys.pending(), limit));
        if (marks.isEmpty()) {
            return new PassResult(0, 0);
        }
        List<CompletableFuture<Long>> found = new ArrayList<>(marks.size());
        for (KeyValue<String, String> mark : marks) {
            found.add(exists.apply(mark.getKey()));
        }
        List<String> args = new ArrayList<>(1 + marks.size() * 3);
        args.add(GRACE_MICROS);
        for (int i = 0; i < marks.size(); i++) {
            args.add(marks.get(i).getKey());
            args.add(marks.get(i).getValue());
            args.add(redis.await(found.get(i)) > 0 ? "1" : "0");
        }
        List<Object> reply = redis.run(Scripts.SETTLE_LISTING, keys.both(), args.toArray(String[]::new));
        return new PassResult(marks.size(), Math.toIntExact((Long) reply.get(0)));
    }
}
