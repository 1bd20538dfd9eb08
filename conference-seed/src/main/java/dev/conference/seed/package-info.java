/**
 * The {@code conference-seed} tool: {@code generate} writes the original tool's JSON files,
 * {@code load} validates them and stores them through the ports. Nothing here is an API.
 *
 * <p>Nullness, once for the package and its subpackages: no method returns null, and no parameter
 * takes null unless its Javadoc says so.
 */
package dev.conference.seed;
