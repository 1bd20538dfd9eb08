/**
 * The policy that ends instances on time: a {@link dev.conference.scheduler.MeetingScheduler} runs a
 * store's {@link dev.conference.port.Lifecycle} passes on a tick, on a thread of its own. Any number of
 * schedulers may run against one store. Built on the ports alone, so it drives any store.
 *
 * <p>Nullness, once for the package: no method returns null, and a null argument throws
 * {@link java.lang.NullPointerException}.
 */
package dev.conference.scheduler;
