package dev.conference.model;

/**
 * What an import did with one record (see {@link dev.conference.port.History}). A record with more
 * than one fault gets the first of: unknown user, unknown meeting, in the future, no instance.
 */
public enum Imported {
    /** Stored now. */
    STORED,
    /** Its source id was stored in that instance before (or earlier in the same call): nothing changed. */
    ALREADY_STORED,
    /** No instance of its meeting holds its time (for a message: the instance it names does not exist or does not hold it). */
    NO_INSTANCE,
    /** Its time is after the store's now: history cannot hold it yet. */
    IN_FUTURE,
    /**
     * More than {@link dev.conference.port.History#MAX_LATER_ENTRIES} entries of the log (or chat)
     * are later than it: a live log is not rewritten that far back.
     */
    TOO_FAR_BACK,
    /** The store holds no user of that id. */
    UNKNOWN_USER,
    /** The store holds no meeting of that id. */
    UNKNOWN_MEETING
}
