package dev.conference.cli;

import java.io.IOException;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Opens the terminal the shell edits its lines on, or says there is none (input piped in, a script):
 * then the shell reads plain lines. Called only by {@code shell}, so no other command loads JLine.
 */
@FunctionalInterface
public interface ShellTerminal {
    /** No terminal: the shell reads plain lines from {@link CliEnvironment#in()}. */
    ShellTerminal NONE = Optional::empty;

    Optional<Terminal> open() throws IOException;

    /** The process's terminal, when both its input and output are one. */
    static ShellTerminal system() {
        return () -> System.console() == null
                ? Optional.empty()
                : Optional.of(TerminalBuilder.builder().system(true).build());
    }
}
