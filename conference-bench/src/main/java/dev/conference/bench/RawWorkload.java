package dev.conference.bench;

import dev.conference.model.IdempotencyKey;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * The physical limit: the library's scripts sent with EVALSHA on one pipelined Lettuce connection,
 * with the keys and arguments the library would send, and nothing around them but a check that the
 * script answered OK (a refused or RETRY answer does less work and must not count). Every fixture
 * instance is order 1, so the expected order is known and no RETRY happens.
 */
final class RawWorkload implements Workload {
    private static final String ORDER = "1";
    /** Joins without a presence lease, as {@code AsyncConference.join} does. */
    private static final String NO_LEASE = "";
    /** The library's replay window with its default command timeout (twice 5 s), in µs. */
    private static final String REPLAY_WINDOW = "10000000";

    private final RedisAsyncCommands<String, String> redis;
    private final RawScripts scripts;
    private final UnaryOperator<String> knownEmail;

    /**
     * @param knownEmail null to read each joining user's email first (an HMGET of the email, the life
     *                   and the instance's note, as the library does: the bench's users have joined
     *                   before, so no note-joined.lua follows), or
     *                   the email of each user, to run the join script alone
     */
    RawWorkload(RedisAsyncCommands<String, String> redis, RawScripts scripts, UnaryOperator<String> knownEmail) {
        this.redis = redis;
        this.scripts = scripts;
        this.knownEmail = knownEmail;
    }

    private static String now() {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
    }

    /** A fresh operation id per changing call, the library's own. */
    private static String operationId() {
        return IdempotencyKey.fresh().value();
    }

    private CompletionStage<List<Object>> run(String sha, String[] keys, String... args) {
        return redis.<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys, args);
    }

    /** A changing script, whose reply is one string of items joined by newlines, as the library reads it. */
    private CompletionStage<String> runFlatOk(String sha, String[] keys, String... args) {
        return redis.<String>evalsha(sha, ScriptOutputType.VALUE, keys, args).thenApply(reply -> {
            if (!reply.equals("OK") && !reply.startsWith("OK\n")) {
                throw new IllegalStateException("script answered " + reply.replace('\n', ' '));
            }
            return reply;
        });
    }

    private CompletionStage<List<Object>> runOk(String sha, String[] keys, String... args) {
        return run(sha, keys, args).thenApply(reply -> {
            if (!"OK".equals(reply.get(0))) {
                throw new IllegalStateException("script answered " + reply);
            }
            return reply;
        });
    }

    /** A command sent once, as the library's mark says on its first write (ResendMarks). */
    private static final String FIRST_SEND = "0";

    /** The life a user saved without one has; the raw baseline never erases, so any value does. */
    private static final String NO_LIFE = "";

    @Override
    public CompletionStage<?> join(String user, String meeting) {
        CompletionStage<String> email = knownEmail == null
                ? redis.hmget(RawKeys.user(user), "email", "p", "life", ORDER + "|" + meeting)
                        .thenApply(fields -> fields.get(0).getValue())
                : CompletableFuture.completedFuture(knownEmail.apply(user));
        return email.thenCompose(address -> runFlatOk(
                scripts.join,
                new String[] {
                    RawKeys.meeting(meeting),
                    RawKeys.replayEven(meeting),
                    RawKeys.replayOdd(meeting),
                    RawKeys.ofInstance(meeting, ORDER, "participants"),
                    RawKeys.ofInstance(meeting, ORDER, "events"),
                    RawKeys.ofInstance(meeting, ORDER, "leases"),
                    RawKeys.meeting(meeting) + ":erased:" + RawKeys.userField(user)
                },
                now(),
                ORDER,
                operationId(),
                REPLAY_WINDOW,
                user,
                address.toLowerCase(Locale.ROOT),
                NO_LEASE,
                NO_LIFE,
                FIRST_SEND));
    }

    @Override
    public CompletionStage<?> leave(String user, String meeting) {
        return runFlatOk(
                scripts.leave,
                new String[] {
                    RawKeys.meeting(meeting),
                    RawKeys.replayEven(meeting),
                    RawKeys.replayOdd(meeting),
                    RawKeys.ofInstance(meeting, ORDER, "participants"),
                    RawKeys.ofInstance(meeting, ORDER, "events"),
                    RawKeys.ofInstance(meeting, ORDER, "leases")
                },
                now(),
                ORDER,
                operationId(),
                REPLAY_WINDOW,
                user,
                FIRST_SEND);
    }

    @Override
    public CompletionStage<?> post(String user, String meeting, String text) {
        return runFlatOk(
                scripts.post,
                new String[] {
                    RawKeys.meeting(meeting),
                    RawKeys.replayEven(meeting),
                    RawKeys.replayOdd(meeting),
                    RawKeys.ofInstance(meeting, ORDER, "participants"),
                    RawKeys.ofInstance(meeting, ORDER, "chat")
                },
                now(),
                ORDER,
                operationId(),
                REPLAY_WINDOW,
                user,
                text,
                FIRST_SEND);
    }

    @Override
    public CompletionStage<?> chat(String meeting) {
        return runOk(
                scripts.readLatest,
                new String[] {
                    RawKeys.meeting(meeting), RawKeys.starts(meeting), RawKeys.ofInstance(meeting, ORDER, "chat")
                },
                now(),
                ORDER,
                "",
                Integer.toString(CHAT_PAGE));
    }

    @Override
    public CompletionStage<?> participants(String meeting) {
        return participants(meeting, ORDER, now());
    }

    private CompletionStage<List<Object>> participants(String meeting, String order, String now) {
        return runOk(
                scripts.participants,
                new String[] {
                    RawKeys.meeting(meeting),
                    RawKeys.ofInstance(meeting, order, "participants"),
                    RawKeys.ofInstance(meeting, order, "attributes")
                },
                now,
                order,
                "",
                "",
                "");
    }

    @Override
    public CompletionStage<?> activeMeetings() {
        return active(now());
    }

    /** Promotion, then the first page of the active set: what the library runs for a small index. */
    private CompletionStage<List<Object>> active(String now) {
        String[] index = RawKeys.instanceIndex();
        return run(scripts.promote, new String[] {index[0], index[1], index[2]}, now, PAGE)
                .thenCompose(promoted -> run(scripts.active, new String[] {index[1], index[2]}, now, "", "0", PAGE));
    }

    private static final String PAGE = "1000";

    /** The active index, then every active instance's participants in one pipelined round. */
    @Override
    public CompletionStage<?> joinTimes() {
        String now = now();
        return active(now).thenCompose(active -> {
            List<CompletableFuture<List<Object>>> pending = new ArrayList<>(active.size() / 3);
            for (int i = 1; i < active.size(); i += 3) {
                String member = (String) active.get(i);
                int bar = member.indexOf('|');
                pending.add(participants(member.substring(bar + 1), member.substring(0, bar), now)
                        .toCompletableFuture());
            }
            return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
        });
    }
}
