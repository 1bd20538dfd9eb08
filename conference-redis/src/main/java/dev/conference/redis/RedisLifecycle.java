package dev.conference.redis;

import dev.conference.port.Lifecycle;
import dev.conference.redis.Keys.MeetingKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

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

    RedisLifecycle(RedisGateway redis, Keys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retentionMillis = Long.toString(retention.toMillis());
    }

    /** A claimed member of an index and the score that marks the claim as ours. */
    record Claim(String member, String score) {
    }

    @Override
    public int startDue(Instant now, int limit) {
        String[] index = keys.instanceIndex();
        List<Claim> claims = claim(Scripts.CLAIM, new String[] {index[3]}, now, limit);
        String at = Micros.of(now);
        List<CompletableFuture<List<Object>>> pending = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            IndexMember member = IndexMember.parse(claim.member());
            MeetingKeys k = keys.meeting(member.meeting());
            String n = Integer.toString(member.order());
            pending.add(redis.start(Scripts.START_DUE,
                    new String[] {k.starts(), k.ended(), k.started(), k.feed(), k.events(n)}, n, at));
        }
        List<CompletableFuture<?>> released = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            List<Object> reply = redis.await(pending.get(i));
            // NOT_DUE: the instance was moved later; it waits in the index under its new start.
            String next = Replies.status(reply).equals("NOT_DUE") ? Replies.string(reply, 1) : "";
            released.add(release(claims.get(i), next, index[3]));
        }
        released.forEach(redis::await);
        return claims.size();
    }

    @Override
    public int endDue(Instant now, int limit) {
        List<Claim> claims = claimEnds(now, limit);
        String at = Micros.of(now);
        List<CompletableFuture<List<Object>>> pending = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            IndexMember member = IndexMember.parse(claim.member());
            MeetingKeys k = keys.meeting(member.meeting());
            String n = Integer.toString(member.order());
            pending.add(redis.start(Scripts.END_DUE, new String[] {k.starts(), k.ends(), k.ended(), k.started(),
                    k.feed(), k.participants(n), k.events(n), k.leases(n), k.chat(n), k.byUser(n)},
                    n, at, retentionMillis));
        }
        String[] index = keys.instanceIndex();
        List<CompletableFuture<?>> released = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            List<Object> reply = redis.await(pending.get(i));
            String next = Replies.status(reply).equals("NOT_DUE") ? Replies.string(reply, 1) : "";
            released.add(release(claims.get(i), next, index[1], index[2]));
        }
        released.forEach(redis::await);
        return claims.size();
    }

    /** The first half of {@link #endDue}: what a scheduler that dies right after claiming leaves behind. */
    List<Claim> claimEnds(Instant now, int limit) {
        return claim(Scripts.CLAIM_ENDS, keys.instanceIndex(), now, limit);
    }

    @Override
    public int expireLeases(Instant now, int limit) {
        List<Claim> claims = claim(Scripts.CLAIM, new String[] {keys.leaseIndex()}, now, limit);
        String at = Micros.of(now);
        List<CompletableFuture<List<Object>>> pending = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            LeaseMember lease = LeaseMember.parse(claim.member());
            MeetingKeys k = keys.meeting(lease.meeting());
            String n = Integer.toString(lease.order());
            pending.add(redis.start(Scripts.EXPIRE_LEASE, new String[] {k.ended(), k.feed(), k.participants(n),
                    k.events(n), k.leases(n)}, n, lease.user().value(), at));
        }
        List<CompletableFuture<?>> released = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            List<Object> reply = redis.await(pending.get(i));
            // LATER: renewed meanwhile; the index learns the new end.
            String next = Replies.status(reply).equals("LATER") ? Replies.string(reply, 1) : "";
            released.add(release(claims.get(i), next, keys.leaseIndex()));
        }
        released.forEach(redis::await);
        return claims.size();
    }

    private List<Claim> claim(LuaScript script, String[] index, Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        List<Object> reply = redis.run(script, index, Micros.of(now), Integer.toString(limit),
                Micros.of(now.plus(CLAIM_LEASE)));
        List<Claim> claims = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            claims.add(new Claim((String) reply.get(i), (String) reply.get(i + 1)));
        }
        return claims;
    }

    /** Releases a claim on {@code index[0]}: re-scheduled at {@code next}, or removed (with {@code index[1..]}). */
    private CompletableFuture<List<Object>> release(Claim claim, String next, String... index) {
        return redis.start(Scripts.RELEASE, index, claim.member(), claim.score(), next);
    }
}
