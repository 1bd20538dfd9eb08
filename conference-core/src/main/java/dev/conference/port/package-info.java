/**
 * The ports: what an application asks of a conference store ({@link dev.conference.port.Directory},
 * {@link dev.conference.port.Conference}, {@link dev.conference.port.AsyncConference},
 * {@link dev.conference.port.Lifecycle}, {@link dev.conference.port.LiveEvents}), reached through one
 * {@link dev.conference.port.ConferenceStore}. The in-memory store and the Redis store implement them,
 * and the contract suites in the test-jar hold both to the same behaviour.
 *
 * <p>Every implementation is thread-safe. Nullness, once for the package: no method returns null, and
 * a null argument throws {@link java.lang.NullPointerException} unless the method's Javadoc says the
 * parameter may be null. Failures are {@link dev.conference.model.ConferenceException}s; each method
 * names the refusals it makes, and any method may throw {@link dev.conference.model.StoreException}
 * when the store cannot answer.
 */
package dev.conference.port;
