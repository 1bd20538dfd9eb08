package dev.conference.redis;

import java.util.concurrent.CompletableFuture;

/**
 * Moves the instances whose {@code from} has come from the index's {@code upcoming} to its {@code
 * active} set (promote.lua), one bounded batch per call: 100,000 instances starting at once take a
 * hundred short calls, never one long one that would block every other client.
 */
final class InstancePromotion {
    static final int BATCH = 1_000;

    private final RedisGateway redis;
    private final Keys keys;

    InstancePromotion(RedisGateway redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Completes once nothing due by {@code at} (a script's time argument) is left in {@code upcoming}. */
    CompletableFuture<Void> promoteDue(String at) {
        return redis.start(Scripts.PROMOTE, keys.instanceIndex().schedule(), at, Integer.toString(BATCH))
                .thenCompose(reply ->
                        ((Long) reply.get(0)) < BATCH ? CompletableFuture.<Void>completedFuture(null) : promoteDue(at));
    }
}
