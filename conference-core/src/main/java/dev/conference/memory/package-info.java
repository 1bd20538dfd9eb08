/**
 * The in-memory store: the executable specification of the ports, for tests and for trying the
 * library without a server. {@link dev.conference.memory.InMemoryConferenceStore} is the entry point;
 * it is thread-safe (one lock for the whole store) and keeps nothing once closed.
 *
 * <p>Nullness, once for the package: no method returns null, and a null argument throws
 * {@link java.lang.NullPointerException}.
 */
package dev.conference.memory;
