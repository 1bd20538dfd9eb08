package dev.conference.redis;

import dev.conference.model.CodePointOrder;
import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import dev.conference.port.Lifecycle;
import dev.conference.port.PassResult;
import dev.conference.redis.Keys.MeetingKeys;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The lifecycle passes on Redis. Each pass claims due members of an index sorted set by moving their
 * score to "now + claim lease" (one script in the index's slot), handles each in its meeting's slot
 * with an idempotent script, then releases the claim only if nobody re-scheduled the member meanwhile.
 * A scheduler that dies between claim and release leaves members that come due again when the claim
 * lease ends; handling them twice changes nothing.
 */
final class RedisLifecycle implements Lifecycle {
    /** Comfortably longer than one batch takes, so a live scheduler keeps what it claimed. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private final RedisGateway redis;
    private final Keys keys;
    private final String retentionMillis;
    private final Metrics metrics;
    private final InstancePromotion promotion;
    private final Listing userListing;
    private final Listing meetingListing;
    /** Where this store's repair walk over the meetings goes on from (null: from the first). */
    private volatile String repairAfter;

    /** The rank in the active set where this store's repair walk over it goes on from. */
    private volatile long activeWalkAt;
    /** Instances each side of now, and leases per running instance, one repair step looks at. */
    private static final int REPAIR_INSTANCES = 3;

    private static final int REPAIR_LEASES = 100;

    private final ScriptTime time;

    RedisLifecycle(RedisGateway redis, Keys keys, ScriptTime time, Duration retention, Metrics metrics) {
        this.redis = redis;
        this.time = time;
        this.promotion = new InstancePromotion(redis, keys);
        this.userListing = new Listing(redis, keys.users());
        this.meetingListing = new Listing(redis, keys.meetings());
        this.metrics = metrics;
        this.keys = keys;
        this.retentionMillis = Long.toString(retention.toMillis());
    }

    /** A claimed member of an index and the score that marks the claim as ours. */
    record Claim(String member, String score) {}

    /** Runs the meeting-slot script that handles one claimed member. */
    @FunctionalInterface
    private interface Handler {
        CompletableFuture<List<Object>> handle(String member, String now);
    }

    /**
     * One pass: claim, handle each claim (all in flight at once), release each claim. A reply whose
     * status is {@code later} carries the member's next due time (it was moved); any other reply means
     * the member is finished with and leaves the index, with {@code cleanAlong}. A reply whose status is
     * {@code changed} counts as done and is shown to {@code onChanged}.
     */
    private PassResult pass(
            List<Claim> claims,
            Instant now,
            Handler handler,
            String later,
            String changed,
            Consumer<List<Object>> onChanged,
            String index,
            String... cleanAlong) {
        String at = time.atMost(now);
        List<CompletableFuture<List<Object>>> handled = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            handled.add(handler.handle(claim.member(), at));
        }
        String[] releaseKeys = new String[1 + cleanAlong.length];
        releaseKeys[0] = index;
        System.arraycopy(cleanAlong, 0, releaseKeys, 1, cleanAlong.length);
        List<CompletableFuture<List<Object>>> released = new ArrayList<>(claims.size());
        int done = 0;
        for (int i = 0; i < claims.size(); i++) {
            List<Object> reply = redis.await(handled.get(i));
            String status = Replies.status(reply);
            if (status.equals(changed)) {
                done++;
                onChanged.accept(reply);
            }
            String next = status.equals(later) ? Replies.string(reply, 1) : "";
            Claim claim = claims.get(i);
            released.add(redis.start(Scripts.RELEASE, releaseKeys, claim.member(), claim.score(), next));
        }
        released.forEach(redis::await);
        return new PassResult(claims.size(), done);
    }

    @Override
    public PassResult startDue(Instant now, int limit) {
        String announce = keys.instanceIndex().announce();
        return pass(
                claim(Scripts.CLAIM, new String[] {announce}, now, limit),
                now,
                (member, at) -> {
                    IndexMember instance = IndexMember.parse(member);
                    MeetingKeys k = keys.meeting(instance.meeting());
                    String n = Integer.toString(instance.instance());
                    return redis.start(
                            Scripts.START_DUE,
                            new String[] {k.starts(), k.ended(), k.started(), k.meeting(), k.events(n)},
                            n,
                            at);
                },
                "NOT_DUE",
                "STARTED",
                started -> {},
                announce);
    }

    @Override
    public PassResult endDue(Instant now, int limit) {
        Keys.InstanceIndex index = keys.instanceIndex();
        return pass(
                claimEnds(now, limit),
                now,
                this::endInstance,
                "NOT_DUE",
                "ENDED",
                // {'ENDED', time ended, ...}: how late the scheduler came.
                ended -> metrics.ended(Duration.between(Micros.parse(Replies.string(ended, 1)), now)),
                index.active(),
                index.spans());
    }

    /**
     * Ends one instance whose {@code to} has passed, or finishes an ending left half-way, calling
     * again while the script has more participants to time out (each call is one bounded batch).
     */
    private CompletableFuture<List<Object>> endInstance(String member, String at) {
        IndexMember instance = IndexMember.parse(member);
        MeetingKeys k = keys.meeting(instance.meeting());
        String n = Integer.toString(instance.instance());
        return new MeetingCalls.EndDue(k, n, at, retentionMillis)
                .start(redis)
                .thenCompose(reply -> Replies.status(reply).equals("MORE")
                        ? endInstance(member, at)
                        : CompletableFuture.completedFuture(reply));
    }

    /** The first half of {@link #endDue}: what a scheduler that dies right after claiming leaves behind. */
    List<Claim> claimEnds(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        redis.await(promotion.promoteDue(time.atMost(now)));
        return claim(Scripts.CLAIM_ENDS, new String[] {keys.instanceIndex().active()}, now, limit);
    }

    @Override
    public PassResult expireLeases(Instant now, int limit) {
        String leases = keys.leaseIndex();
        return pass(
                inLeaseOrder(claim(Scripts.CLAIM, new String[] {leases}, now, limit)),
                now,
                (member, at) -> {
                    LeaseMember lease = LeaseMember.parse(member);
                    MeetingKeys k = keys.meeting(lease.meeting());
                    String n = Integer.toString(lease.instance());
                    return redis.start(
                            Scripts.EXPIRE_LEASE,
                            new String[] {k.ended(), k.meeting(), k.participants(n), k.events(n), k.leases(n)},
                            n,
                            lease.user().value(),
                            at);
                },
                "LATER",
                "EXPIRED",
                expired -> metrics.leaseExpired(),
                leases);
    }

    /**
     * One step of the repair walk over every meeting, {@code limit} meetings per call, wrapping round:
     * for each, the instances its own keys say are open are put back in the instance index if an
     * index write was lost or landed out of order, and the earliest leases of those running are put
     * back in the lease index (only ever earlier: ZADD LT). A whole walk takes (meetings / limit)
     * calls; the scheduler makes one per tick. Each call also settles up to {@code limit} marks of
     * user and meeting changes that stopped half-way (see Listing).
     */
    @Override
    public PassResult repair(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        String after = repairAfter;
        List<String> meetings = meetingListing.after(after, limit);
        repairAfter = meetings.size() < limit ? null : meetings.get(meetings.size() - 1);
        String at = time.atMost(now);
        List<CompletableFuture<List<Object>>> open = new ArrayList<>(meetings.size());
        for (String meeting : meetings) {
            MeetingKeys k = keys.meeting(MeetingId.of(meeting));
            open.add(redis.start(
                    Scripts.OPEN_INSTANCES,
                    new String[] {k.starts(), k.ends(), k.ended(), k.started(), k.meeting(), k.closing()},
                    at,
                    Integer.toString(REPAIR_INSTANCES)));
        }
        // Per meeting, the writes that put its entries back; the meeting counts as repaired if any did.
        List<List<CompletableFuture<Long>>> fixes = new ArrayList<>(meetings.size());
        for (int i = 0; i < meetings.size(); i++) {
            List<CompletableFuture<Long>> ofMeeting = new ArrayList<>();
            fixes.add(ofMeeting);
            MeetingId meeting = MeetingId.of(meetings.get(i));
            List<Object> reply = redis.await(open.get(i));
            String version = (String) reply.get(0);
            for (int j = 1; j + 3 < reply.size(); j += 4) {
                int instance = Integer.parseInt((String) reply.get(j));
                String from = (String) reply.get(j + 1);
                String to = (String) reply.get(j + 2);
                String started = (String) reply.get(j + 3);
                ofMeeting.add(redis.start(
                                Scripts.REINDEX_INSTANCE,
                                keys.instanceIndex().all(),
                                IndexMember.of(meeting, instance),
                                from,
                                to,
                                started,
                                version)
                        .thenApply(changed -> (Long) changed.get(0)));
                // Only an instance whose STARTED is logged can have leases (a join logs it first): the
                // others, most of those near now, cost no read.
                if (started.equals("1")) {
                    ofMeeting.add(reindexLeases(meeting, instance));
                }
            }
        }
        int repaired = 0;
        for (List<CompletableFuture<Long>> ofMeeting : fixes) {
            long changed = 0;
            for (CompletableFuture<Long> write : ofMeeting) {
                changed += redis.await(write);
            }
            repaired += changed > 0 ? 1 : 0;
        }
        PassResult active = dropEndedFromActive(at, limit);
        PassResult users = userListing.repair(
                limit,
                id -> redis.start(r -> r.hexists(keys.user(UserId.of(id)), "email"))
                        .thenApply(exists -> exists ? 1L : 0L));
        PassResult listed = meetingListing.repair(
                limit,
                id -> redis.start(r -> r.exists(keys.meeting(MeetingId.of(id)).meeting())));
        return new PassResult(
                meetings.size() + active.due() + users.due() + listed.due(),
                repaired + active.done() + users.done() + listed.done());
    }

    /**
     * The other half of the walk, over the index's active set by rank: an entry whose instance has
     * ended or been deleted (a late index write put it back after its end) is dropped, so it is not
     * listed active until its {@code to}; an ending left half-way (its caller gave up) is finished
     * first. Returns how many it looked at and how many it dropped.
     */
    private PassResult dropEndedFromActive(String at, int limit) {
        Keys.InstanceIndex index = keys.instanceIndex();
        long from = activeWalkAt;
        List<String> members = redis.call(r -> r.zrange(index.active(), from, from + limit - 1));
        List<CompletableFuture<List<Object>>> states = new ArrayList<>(members.size());
        for (String member : members) {
            IndexMember instance = IndexMember.parse(member);
            MeetingKeys k = keys.meeting(instance.meeting());
            states.add(redis.start(
                    Scripts.INSTANCE_STATE,
                    new String[] {k.starts(), k.ended(), k.closing()},
                    Integer.toString(instance.instance())));
        }
        List<CompletableFuture<List<Object>>> dropped = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            switch (Replies.status(redis.await(states.get(i)))) {
                case "OPEN" -> {}
                case "CLOSING" ->
                    dropped.add(endInstance(member, at)
                            .thenCompose(ended -> new IndexCalls.Unindex(index, member).start(redis)));
                default -> dropped.add(new IndexCalls.Unindex(index, member).start(redis));
            }
        }
        dropped.forEach(redis::await);
        activeWalkAt = members.size() < limit ? 0 : from + members.size() - dropped.size();
        return new PassResult(members.size(), dropped.size());
    }

    /** Puts the earliest leases of a running instance back in the lease index; how many were missing or later. */
    private CompletableFuture<Long> reindexLeases(MeetingId meeting, int instance) {
        String leases = keys.meeting(meeting).leases(Integer.toString(instance));
        return redis.start(r -> r.zrangeWithScores(leases, 0, REPAIR_LEASES - 1))
                .thenCompose(earliest -> {
                    if (earliest.isEmpty()) {
                        return CompletableFuture.completedFuture(0L);
                    }
                    List<ScoredValue<String>> members = new ArrayList<>(earliest.size());
                    for (ScoredValue<String> lease : earliest) {
                        members.add(ScoredValue.just(
                                lease.getScore(),
                                new LeaseMember(meeting, instance, UserId.of(lease.getValue())).encode()));
                    }
                    return redis.start(r ->
                            r.zadd(keys.leaseIndex(), ZAddArgs.Builder.lt().ch(), members.toArray(ScoredValue[]::new)));
                });
    }

    /**
     * The claimed leases in the order they lapse, ties in user id order, so that each instance logs
     * their TIMED_OUT events in time order as the in-memory store does. The index cannot say: its
     * score is only a lower bound of a lease's end (a renewal moves the lease, not the index entry),
     * so the real ends are read from each instance's leases first, all in one round.
     */
    private List<Claim> inLeaseOrder(List<Claim> claims) {
        if (claims.size() < 2) {
            return claims;
        }
        List<LeaseMember> members =
                claims.stream().map(claim -> LeaseMember.parse(claim.member())).toList();
        List<CompletableFuture<Double>> ends = new ArrayList<>(claims.size());
        for (LeaseMember member : members) {
            String leasesOfInstance = keys.meeting(member.meeting()).leases(Integer.toString(member.instance()));
            ends.add(redis.start(r -> r.zscore(leasesOfInstance, member.user().value())));
        }
        List<Integer> order = new ArrayList<>(claims.size());
        List<Double> end = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            order.add(i);
            Double score = redis.await(ends.get(i));
            end.add(score == null ? Double.NEGATIVE_INFINITY : score);
        }
        order.sort(Comparator.comparing((Integer i) -> end.get(i))
                .thenComparing(i -> members.get(i).user().value(), CodePointOrder.INSTANCE));
        return order.stream().map(claims::get).toList();
    }

    private List<Claim> claim(LuaScript script, String[] index, Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        List<Object> reply = redis.run(
                script, index, time.atMost(now), Integer.toString(limit), Long.toString(CLAIM_LEASE.toNanos() / 1_000));
        List<Claim> claims = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            claims.add(new Claim((String) reply.get(i), (String) reply.get(i + 1)));
        }
        return claims;
    }
}
