package dev.conference.port;

import dev.conference.model.InvalidInputException;
import java.util.Objects;

/**
 * Where a subscription starts in a meeting's live feed (see {@link LiveEvents#subscribe}): at its end,
 * at its oldest kept event, or after an event delivered before. Immutable.
 */
public sealed interface FeedPosition {

    /** Only events that happen from now on. */
    static FeedPosition latest() {
        return Latest.INSTANCE;
    }

    /**
     * The events the latest instance started and the one before it hold (as far as the store keeps
     * them), oldest first, then every event as it happens.
     */
    static FeedPosition oldest() {
        return Oldest.INSTANCE;
    }

    /**
     * The events after the one with this id: pass the {@link Subscription#lastSeenId()} of an earlier
     * subscription to resume it without missing or repeating an event.
     *
     * @param id an event id as a subscription delivered it; not null
     * @throws InvalidInputException if {@code id} is blank (the store checks its form when subscribing)
     */
    static FeedPosition after(String id) {
        return new After(id);
    }

    /** See {@link #latest()}. */
    enum Latest implements FeedPosition {
        INSTANCE;

        @Override
        public String toString() {
            return "latest";
        }
    }

    /** See {@link #oldest()}. */
    enum Oldest implements FeedPosition {
        INSTANCE;

        @Override
        public String toString() {
            return "oldest";
        }
    }

    /** See {@link #after(String)}. */
    record After(String id) implements FeedPosition {
        public After {
            Objects.requireNonNull(id, "event id");
            if (id.isBlank()) {
                throw new InvalidInputException("an event id to resume after must not be blank");
            }
        }

        @Override
        public String toString() {
            return "after " + id;
        }
    }
}
