package dev.conference.cli;

import java.util.List;

/** Where the shell reads its lines: a terminal with line editing, or plain lines from piped input. */
interface ShellInput extends AutoCloseable {

    /**
     * Shows the prompt and reads one line.
     *
     * @return the line as typed; an empty line when Ctrl-C cleared it; null at the end of input
     *     (Ctrl-D)
     */
    String readLine(String prompt);

    /** The lines entered so far, oldest first (with line editing, earlier runs' lines too). */
    List<String> history();

    @Override
    void close();
}
