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

    record Refused<T>(Refusal refusal) implements Change<T> {
        @Override
        public T orThrow(UserId user, MeetingId meeting) {
            throw refusal.exception(user, meeting);
        }
    }

    /** {@code reply} read as OK and the rest by {@code done}, or as a refusal; any other reply fails. */
    static <T> Change<T> of(List<Object> reply, Function<List<Object>, T> done) {
        String status = Replies.status(reply);
        if (status.equals("OK")) {
            return new Done<>(done.apply(reply));
        }
        return new Refused<>(Refusal.of(status).orElseThrow(() -> Replies.unexpected(reply)));
    }
}
