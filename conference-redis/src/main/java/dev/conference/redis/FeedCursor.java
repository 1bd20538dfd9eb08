package dev.conference.redis;

import dev.conference.model.InvalidInputException;

/**
 * Where a live subscription is (see RedisLiveEvents), as the id of the event it delivered last:
 * {@code <born>:<seq>}, when the meeting was made (save-meeting.lua: a meeting made again under the
 * same id counts afresh) and the {@code seq} of that event (every live entry takes the meeting's
 * next: next_seq in prelude.lua).
 */
record FeedCursor(long born, long seq) {

    /** The cursor an event id stands for. */
    static FeedCursor parse(String id) {
        int colon = id.indexOf(':');
        try {
            if (colon > 0) {
                FeedCursor cursor =
                        new FeedCursor(Long.parseLong(id.substring(0, colon)), Long.parseLong(id.substring(colon + 1)));
                if (cursor.born >= 0 && cursor.seq >= 0) {
                    return cursor;
                }
            }
        } catch (NumberFormatException notANumber) {
            // Told below, as any other id of another form.
        }
        throw new InvalidInputException("not an event id: " + id);
    }

    @Override
    public String toString() {
        return born + ":" + seq;
    }
}
