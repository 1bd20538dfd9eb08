package dev.conference.redis;

import dev.conference.model.ConferenceException;
import dev.conference.model.StoreException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

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
    private final Supplier<Connector.Link> bulkOpener;
    private final Object bulkLock = new Object();
    private Connector.Link bulk;

    RedisGateway(
            RedisClusterCommands<String, String> sync,
            RedisClusterAsyncCommands<String, String> async,
            String server,
            Duration timeout,
            Supplier<Connector.Link> bulkOpener) {
        this.sync = sync;
        this.async = async;
        this.server = server;
        this.timeout = timeout;
        this.bulkOpener = bulkOpener;
    }

    /**
     * Sends a batch of commands in one write and waits for all their replies. The shared connection
     * writes and flushes each command on its own; for bulk loads that, not Redis, is the limit, so
     * batches go over a connection of their own with auto-flush off, one batch issued at a time.
     */
    void batch(
            java.util.function.Function<RedisClusterAsyncCommands<String, String>, List<? extends CompletionStage<?>>>
                    commands) {
        List<? extends CompletionStage<?>> sent;
        synchronized (bulkLock) {
            if (bulk == null) {
                bulk = bulkOpener.get();
                bulk.connection().setAutoFlushCommands(false);
            }
            sent = commands.apply(bulk.async());
            bulk.connection().flushCommands();
        }
        for (CompletionStage<?> reply : sent) {
            awaitFlushing(translated(reply.toCompletableFuture()));
        }
    }

    /**
     * Waits for a batched reply, flushing the batch connection again while it is missing. On a
     * cluster, a command for a node whose connection was still opening when the batch was flushed is
     * written after the flush and would wait forever (Lettuce issue 2420); another flush sends it.
     */
    private void awaitFlushing(CompletableFuture<?> reply) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reply.isDone() && System.nanoTime() < deadline) {
            try {
                reply.get(REFLUSH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillMissing) {
                synchronized (bulkLock) {
                    if (bulk != null) {
                        bulk.connection().flushCommands();
                    }
                }
            } catch (ExecutionException failed) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        await(reply);
    }

    private static final long REFLUSH_MILLIS = 50;

    /** Closes the batch connection, if one was opened. */
    void close() {
        synchronized (bulkLock) {
            if (bulk != null) {
                bulk.connection().close();
                bulk = null;
            }
        }
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
