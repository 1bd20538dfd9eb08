/**
 * The domain: users, meetings, instances, participants, chat messages and events as immutable values
 * (safe to share between threads), and the exceptions every store reports.
 *
 * <p>Nullness, once for the package: no method returns null, and no parameter takes it unless its
 * Javadoc says so. The values check their fields when constructed, since they are built from input:
 * a missing or malformed field throws {@link dev.conference.model.InvalidInputException} naming it.
 *
 * <p>Every failure a store reports is a {@link dev.conference.model.ConferenceException}:
 * {@link dev.conference.model.NotFoundException} and {@link dev.conference.model.RefusedException}
 * (the request does not fit the state; nothing was recorded),
 * {@link dev.conference.model.InvalidInputException} (a value breaks a rule) and
 * {@link dev.conference.model.StoreException} (the store could not answer).
 */
package dev.conference.model;
