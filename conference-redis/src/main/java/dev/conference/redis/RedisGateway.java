package dev.conference.redis;

import dev.conference.model.ConferenceException;
import dev.conference.model.StoreException;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.output.KeyValueListOutput;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The one way the adapter talks to Redis: runs commands and scripts on a shared, thread-safe
 * connection and turns every Lettuce failure into a {@link StoreException} whose message names the
 * server (never its password), so no caller ever handles an {@code io.lettuce} type.
 */
final class RedisGateway {
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;
    private final String server;
    private final Duration timeout;
    private final ToIntFunction<String> slot;

    RedisGateway(
            RedisClusterCommands<String, String> sync,
            RedisClusterAsyncCommands<String, String> async,
            String server,
            Duration timeout,
            ToIntFunction<String> slot) {
        this.sync = sync;
        this.async = async;
        this.server = server;
        this.timeout = timeout;
        this.slot = slot;
    }

    /** At most this many calls share one EVALSHA in {@link #startEach}. */
    static final int EACH_CALLS = 200;

    /** A batch of {@link #startEach} closes once its calls have this many args. */
    static final int EACH_ARGS = 4_000;

    /**
     * Starts many calls of one script, batched by slot (each call's keys share one): a batch of up to
     * {@link #EACH_CALLS} calls goes as one EVALSHA of the script's {@link LuaScript#each}. On one
     * server every call is of the one slot. Answers each call's reply, in the order of the calls; a
     * batch that fails fails each of its calls.
     */
    List<CompletableFuture<List<Object>>> startEach(List<? extends ScriptCall> calls) {
        List<CompletableFuture<List<Object>>> replies = new ArrayList<>(calls.size());
        Map<Integer, List<Sent>> bySlot = new LinkedHashMap<>();
        for (ScriptCall call : calls) {
            // A binding builds its KEYS and ARGV on each ask: ask once.
            Sent sent = new Sent(call.keys(), call.args(), new CompletableFuture<>());
            replies.add(sent.reply());
            bySlot.computeIfAbsent(slot.applyAsInt(sent.keys()[0]), s -> new ArrayList<>())
                    .add(sent);
        }
        for (List<Sent> ofSlot : bySlot.values()) {
            int start = 0;
            int args = 0;
            for (int end = 0; end < ofSlot.size(); end++) {
                args += ofSlot.get(end).args().length;
                if (end + 1 - start == EACH_CALLS || args >= EACH_ARGS || end + 1 == ofSlot.size()) {
                    sendEach(calls.get(0).script(), ofSlot.subList(start, end + 1));
                    start = end + 1;
                    args = 0;
                }
            }
        }
        return replies;
    }

    /** One call of a {@link #startEach} batch: its KEYS and ARGV, and where its reply goes. */
    private record Sent(String[] keys, String[] args, CompletableFuture<List<Object>> reply) {}

    private void sendEach(LuaScript script, List<Sent> batch) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        List<String> counts = new ArrayList<>(1 + batch.size() * 2);
        counts.add(Integer.toString(batch.size()));
        for (Sent call : batch) {
            counts.add(Integer.toString(call.keys().length));
            counts.add(Integer.toString(call.args().length));
            keys.addAll(Arrays.asList(call.keys()));
            args.addAll(Arrays.asList(call.args()));
        }
        counts.addAll(args);
        start(script.each(), keys.toArray(String[]::new), counts.toArray(String[]::new))
                .whenComplete((reply, failure) -> {
                    for (int j = 0; j < batch.size(); j++) {
                        if (failure != null) {
                            batch.get(j).reply().completeExceptionally(failure);
                        } else {
                            batch.get(j).reply().complete(script.items(reply.get(j)));
                        }
                    }
                });
    }

    <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw translate(e);
        }
    }

    <T> T call(java.util.function.Function<RedisClusterCommands<String, String>, T> command) {
        return call(() -> command.apply(sync));
    }

    List<Object> run(LuaScript script, String[] keys, String... args) {
        return call(() -> script.run(sync, keys, args));
    }

    /**
     * Starts a script without waiting, so many can share one round trip; join with {@link #await}.
     * A failure arrives as a {@link StoreException}.
     */
    CompletableFuture<List<Object>> start(LuaScript script, String[] keys, String... args) {
        return translated(script.start(async, keys, args));
    }

    /**
     * Starts an HMGET of {@code fields}, whose reply starts afresh each time the command is written
     * (FreshOutput): the typed command would keep the items of a reply cut off by a dropped
     * connection ahead of the reply Lettuce's second send gets, and a caller reading by index would
     * take one field's value for another's.
     */
    CompletableFuture<List<KeyValue<String, String>>> hmget(String key, String... fields) {
        List<String> names = List.of(fields);
        FreshOutput<List<KeyValue<String, String>>> output =
                new FreshOutput<>(() -> new KeyValueListOutput<>(ResendMarks.CODEC, names));
        return translated(async.dispatch(
                        CommandType.HMGET, output, output.args().addKey(key).addKeys(fields))
                .toCompletableFuture());
    }

    /** Starts a command without waiting; join with {@link #await}. A failure arrives as a {@link StoreException}. */
    <T> CompletableFuture<T> start(
            java.util.function.Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        return translated(command.apply(async).toCompletableFuture());
    }

    private <T> CompletableFuture<T> translated(CompletableFuture<T> pending) {
        return pending.exceptionallyCompose(failure -> {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(cause instanceof RedisException redis ? translate(redis) : cause);
        });
    }

    <T> T await(CompletionStage<T> pending) {
        try {
            return pending.toCompletableFuture().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConferenceException conference) {
                throw conference;
            }
            throw cause instanceof RedisException redis
                    ? translate(redis)
                    : new StoreException("Redis at " + server + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new StoreException("Redis at " + server + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for Redis at " + server, e);
        }
    }

    private StoreException translate(RedisException e) {
        if (e instanceof RedisCommandTimeoutException) {
            return new StoreException("Redis at " + server + " did not answer within " + timeout, e);
        }
        if (e instanceof RedisConnectionException) {
            return new StoreException("cannot connect to Redis at " + server, e);
        }
        return new StoreException("Redis at " + server + " failed: " + e.getMessage(), e);
    }
}
