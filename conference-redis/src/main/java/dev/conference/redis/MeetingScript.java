package dev.conference.redis;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A call of a script over one meeting's keys, whose reply past the shared opening decodes as {@code T}. */
interface MeetingScript<T> extends ScriptCall {
    /** The script's own reply (not the opening's RETRY or UNKNOWN_MEETING) as its result. */
    T decode(List<Object> reply);

    /** Starts the call and decodes its answer (see {@link Answer}). */
    default CompletableFuture<Answer<T>> answer(RedisGateway redis) {
        return start(redis).thenApply(reply -> Answer.of(reply, this::decode));
    }
}
