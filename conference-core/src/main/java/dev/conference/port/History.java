package dev.conference.port;

import dev.conference.model.Imported;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import java.util.List;

/**
 * What happened before the store knew of it: events and chat messages another system recorded,
 * imported as they were recorded, with their own times. Both methods are idempotent by each
 * record's {@code source} id within its instance: a second import of the same records stores
 * nothing and answers {@link Imported#ALREADY_STORED} for each. So a call that failed (a {@link
 * dev.conference.model.StoreException}) is retried as it is, and calls racing each other with the
 * same records store each once: exactly one of them is answered STORED for it.
 *
 * <p>An imported record takes its place in timestamp order: after every entry of the log (or chat)
 * whose time is at or before its own, so records of the same time keep the order they came in.
 * An entry that comes to stand after an imported one may get a new id (a store whose ids only grow
 * has none left between two neighbours), so a reader's cursor into a log being imported into may
 * skip or repeat entries.
 * STARTED is logged first if it was not, at the instance's {@code from}. History is stored as it
 * was recorded: a LEFT with no JOINED before it is stored as it is, and imported records are not
 * delivered to live subscriptions.
 *
 * <p>In an instance active now, a user whose last event in the log is an imported JOINED becomes a
 * participant with its time as their join time, and one whose last event is an imported LEFT or
 * TIMED_OUT stops being one. An instance that has ended (or whose {@code to} has passed) only gets
 * the entries: no TIMED_OUT is logged and no participant changes. An ended instance's imported log
 * and chat are kept for the store's retention from the import.
 *
 * <p>A record that cannot be stored is answered with why, in the list the call returns (one entry
 * per record, in order); nothing else changes for it, and the rest of the call goes on.
 */
public interface History {
    /** How far back from the end of a log an import may place a record: bounded work per call. */
    int MAX_LATER_ENTRIES = 1_000;

    /** Imports participant events, each into the instance of its meeting whose {@code [from, to)} holds its time. */
    List<Imported> importEvents(List<PastEvent> events);

    /** Imports chat messages, each into the instance it names, which must hold its time. */
    List<Imported> importMessages(List<PastMessage> messages);
}
