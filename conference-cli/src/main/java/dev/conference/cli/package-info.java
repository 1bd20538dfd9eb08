/**
 * The {@code conference} command-line tool: every operation of the ports as a picocli command, plus
 * {@code watch}, {@code scheduler} and {@code shell}. {@link dev.conference.cli.Main} is the entry point;
 * {@code ExitCodes} maps each failure to its exit code in one place. Nothing here is an API.
 *
 * <p>Nullness, once for the package: no method returns null, and no parameter takes null unless its
 * Javadoc says so.
 */
package dev.conference.cli;
