package dev.conference.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log level of the whole process. Quiet by default (LogConfigurator: WARN, on stderr) so that stdout
 * carries only results; {@code --verbose} lets the libraries say what they do.
 */
final class Logging {
    private Logging() {}

    static void verbose(boolean verbose) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(verbose ? Level.INFO : Level.WARN);
        }
    }
}
