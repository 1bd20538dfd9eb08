/**
 * The ports on Redis 6.2 or newer, standalone or Cluster, with Lettuce.
 * {@link dev.conference.redis.RedisConferenceStore} is the entry point and
 * {@link dev.conference.redis.RedisOptions} its settings; {@link dev.conference.redis.Redaction} keeps
 * passwords out of what an application prints. Everything else here is package-private and may change.
 *
 * <p>The store and its ports are thread-safe: share one store per application. Nullness, once for
 * the package: no method returns null, and a null argument throws {@link java.lang.NullPointerException}
 * unless its Javadoc says the parameter may be null. No {@code io.lettuce} exception reaches a caller:
 * every failure is a {@link dev.conference.model.ConferenceException}, and a {@link
 * dev.conference.model.StoreException}'s message names the server, never its password.
 */
package dev.conference.redis;
