package dev.conference.redis;

import java.util.List;
import java.util.function.Function;

/**
 * What a script over one meeting's keys answered: its own result, or one of the answers of the
 * opening every such script shares (open_change and current in prelude.lua), decoded here once.
 */
sealed interface Answer<T> {
    /** The script ran on the instance the caller expected; {@code value} is its own result. */
    record Result<T>(T value) implements Answer<T> {}

    /** Another instance is current: nothing changed, and the call goes again on {@code instance}. */
    record Retry<T>(String instance) implements Answer<T> {}

    /** No such meeting. */
    record UnknownMeeting<T>() implements Answer<T> {}

    /** The same answer, its result (if it is one) mapped by {@code f}. */
    default <U> Answer<U> map(Function<T, U> f) {
        if (this instanceof Result<T> result) {
            return new Result<>(f.apply(result.value()));
        }
        if (this instanceof Retry<T> retry) {
            return new Retry<>(retry.instance());
        }
        return new UnknownMeeting<>();
    }

    /** {@code reply} read as the opening's answer, or else as the script's own by {@code decode}. */
    static <T> Answer<T> of(List<Object> reply, Function<List<Object>, T> decode) {
        return switch (Replies.status(reply)) {
            case "RETRY" -> new Retry<>(Replies.string(reply, 1));
            case "UNKNOWN_MEETING" -> new UnknownMeeting<>();
            default -> new Result<>(decode.apply(reply));
        };
    }
}
