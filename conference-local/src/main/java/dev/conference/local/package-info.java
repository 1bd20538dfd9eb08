/**
 * What the applications share and a library user does not need: {@link dev.conference.local.LocalRedis},
 * a Redis server on this machine from the embedded-redis binary, and
 * {@link dev.conference.local.StoreLocation}, the rule that decides which store an application opens.
 *
 * <p>Nullness, once for the package: no method returns null, and no parameter takes null unless its
 * Javadoc says so.
 */
package dev.conference.local;
