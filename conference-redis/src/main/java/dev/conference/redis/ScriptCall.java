package dev.conference.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One call of a Lua script: the script, and its KEYS and ARGV in the order its header lists them.
 * A binding implements this once per script, so every caller (the adapter, the scheduler, a test)
 * passes the same keys in the same order.
 */
interface ScriptCall {
    LuaScript script();

    String[] keys();

    String[] args();

    /** Starts the call without waiting (see {@link RedisGateway#start(LuaScript, String[], String...)}). */
    default CompletableFuture<List<Object>> start(RedisGateway redis) {
        return redis.start(script(), keys(), args());
    }

    /** Runs the call and waits for its reply (see {@link RedisGateway#run(LuaScript, String[], String...)}). */
    default List<Object> run(RedisGateway redis) {
        return redis.run(script(), keys(), args());
    }

    /** Runs the call on a connection of one's own (tests, tools). */
    default List<Object> run(RedisClusterCommands<String, String> redis) {
        return script().run(redis, keys(), args());
    }
}
