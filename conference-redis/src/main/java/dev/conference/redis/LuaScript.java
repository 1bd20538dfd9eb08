package dev.conference.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Lua script from this package's resources, run by its SHA1. When the server does not know it
 * (first use, restart, failover) it is sent once with EVAL, which routes by key like any command,
 * so it is loaded on the node that owns the keys and never needs every node up.
 */
final class LuaScript {
    private static final String TIME = resource("time");
    private static final LuaPrelude TIMED = new LuaPrelude(TIME);
    private static final LuaPrelude MEETING = new LuaPrelude(TIME + "\n" + resource("prelude"));
    private static final LuaPrelude INDEX = new LuaPrelude(TIME + "\n" + resource("index-prelude"));
    private static final LuaPrelude LISTING = new LuaPrelude(TIME + "\n" + resource("listing-prelude"));

    /** What the script's text starts with: the shared definitions it uses ('' for none). */
    private final String shared;

    private final String body;
    private final String source;
    private final byte[] sourceBytes;
    private final String sha;
    /** Whether the script replies with one string of items joined by newlines (see flat in prelude.lua). */
    private final boolean flat;
    /** The script that runs this one once per call of a batch (see {@link #each}), made on first use. */
    private volatile LuaScript each;

    private LuaScript(String shared, String body) {
        this(shared, body, shared + body, false);
    }

    private LuaScript(String shared, String body, String source, boolean flat) {
        this.shared = shared;
        this.body = body;
        this.source = source;
        this.sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        this.sha = sha1(source);
        this.flat = flat;
    }

    /**
     * The same script, whose reply is one string of items joined by newlines, read here as the list
     * of its items: Redis 6.2 writes a table reply element by element, at several times the cost.
     */
    LuaScript flat() {
        return new LuaScript(shared, body, source, true);
    }

    /**
     * This script run once per call of a batch, in one EVALSHA (each.lua): the calls' KEYS one after
     * the other, ARGV their counts and then their args; it answers each call's reply. Bulk loads send
     * thousands of small calls, and each costs a command on the server and more in the client.
     */
    LuaScript each() {
        LuaScript made = each;
        if (made == null) {
            String source = shared + "local function once(KEYS, ARGV)\n" + body + "\nend\n" + resource("each");
            made = new LuaScript(shared, body, source, false);
            each = made;
        }
        return made;
    }

    /** A reply of this script as a list of items (one call's reply, too, out of those of {@link #each}). */
    @SuppressWarnings("unchecked")
    List<Object> items(Object reply) {
        return flat ? List.of((Object[]) ((String) reply).split("\n", -1)) : (List<Object>) reply;
    }

    /** A meeting script: what it uses of the shared prelude (and time.lua), then the named script. */
    static LuaScript meeting(String name) {
        return withPrelude(MEETING, name);
    }

    /** A script over the cross-meeting index: what it uses of the index prelude, then the script. */
    static LuaScript index(String name) {
        return withPrelude(INDEX, name);
    }

    /** A script over a listing's buckets: what it uses of the listing prelude (and time.lua), then the script. */
    static LuaScript listing(String name) {
        return withPrelude(LISTING, name);
    }

    /** A script that reads the server's clock (time.lua) and nothing else shared. */
    static LuaScript timed(String name) {
        return withPrelude(TIMED, name);
    }

    private static LuaScript withPrelude(LuaPrelude prelude, String name) {
        String body = resource(name);
        return new LuaScript(prelude.neededBy(body), body);
    }

    /** The text loaded on the server (what {@link ScriptSource} gives the bench). */
    String source() {
        return source;
    }

    /** A script that stands alone. */
    static LuaScript plain(String name) {
        return new LuaScript("", resource(name));
    }

    List<Object> run(RedisClusterCommands<String, String> redis, String[] keys, String... args) {
        try {
            FreshOutput<Object> output = output();
            return items(redis.dispatch(CommandType.EVALSHA, output, evalsha(output, keys, args)));
        } catch (RedisNoScriptException e) {
            FreshOutput<Object> output = output();
            return items(redis.dispatch(CommandType.EVAL, output, eval(output, keys, args)));
        }
    }

    CompletableFuture<List<Object>> start(
            RedisClusterAsyncCommands<String, String> redis, String[] keys, String... args) {
        FreshOutput<Object> first = output();
        return redis.dispatch(CommandType.EVALSHA, first, evalsha(first, keys, args))
                .toCompletableFuture()
                .exceptionallyCompose(failure -> {
                    if (!(unwrap(failure) instanceof RedisNoScriptException)) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    FreshOutput<Object> again = output();
                    return redis.dispatch(CommandType.EVAL, again, eval(again, keys, args))
                            .toCompletableFuture();
                })
                .thenApply(this::items);
    }

    /**
     * The reply's output, started afresh each time the command is written (FreshOutput): a script
     * sent again after a dropped connection must not find part of its first reply there.
     */
    private FreshOutput<Object> output() {
        return new FreshOutput<>(flat ? LuaScript::value : LuaScript::nested);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CommandOutput<String, String, Object> value() {
        return (CommandOutput) new ValueOutput<>(ResendMarks.CODEC);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CommandOutput<String, String, Object> nested() {
        return (CommandOutput) new NestedMultiOutput<>(ResendMarks.CODEC);
    }

    private CommandArgs<String, String> evalsha(FreshOutput<Object> output, String[] keys, String[] args) {
        return output.args().add(sha).add(keys.length).addKeys(keys).addValues(args);
    }

    private CommandArgs<String, String> eval(FreshOutput<Object> output, String[] keys, String[] args) {
        return output.args().add(sourceBytes).add(keys.length).addKeys(keys).addValues(args);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The text of {@code lua/<name>.lua} in this package's resources. */
    static String resource(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream("lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script resource lua/" + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
