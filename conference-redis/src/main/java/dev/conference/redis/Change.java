package dev.conference.redis;

import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import java.util.List;
import java.util.function.Function;

/** A changing script's own result: what it did (its reply began with OK), or why it changed nothing. */
sealed interface Change<T> {
    /** What it did; a refusal's exception for {@code user}'s change in {@code meeting} is thrown instead. */
    T orThrow(UserId user, MeetingId meeting);

    record Done<T>(T value) implements Change<T> {
        @Override
        public T orThrow(UserId user, MeetingId meeting) {
            return value;
        }
    }

    /** Why, and what the script said of it after the status word ('' if nothing: see Refusal). */
    record Refused<T>(Refusal refusal, String detail) implements Change<T> {
        Refused(Refusal refusal) {
            this(refusal, "");
        }

        @Override
        public T orThrow(UserId user, MeetingId meeting) {
            throw exception(user, meeting);
        }

        RuntimeException exception(UserId user, MeetingId meeting) {
            return refusal.exception(user, meeting, detail);
        }
    }

    /** {@code reply} read as OK and the rest by {@code done}, or as a refusal; any other reply fails. */
    static <T> Change<T> of(List<Object> reply, Function<List<Object>, T> done) {
        String status = Replies.status(reply);
        if (status.equals("OK")) {
            return new Done<>(done.apply(reply));
        }
        return new Refused<>(
                Refusal.of(status).orElseThrow(() -> Replies.unexpected(reply)),
                reply.size() > 1 ? Replies.string(reply, 1) : "");
    }
}
