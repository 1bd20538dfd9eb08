package dev.conference.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Lines from a reader, for input that is not a terminal (a script piped in): no editing, no history file. */
final class PlainShellInput implements ShellInput {
    private final BufferedReader in;
    private final PrintWriter out;
    private final List<String> history = new ArrayList<>();

    PlainShellInput(Reader in, PrintWriter out) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
        this.out = out;
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
            } else if (!line.isBlank() && !line.strip().startsWith("#")) {
                history.add(line.strip());
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commands: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> history() {
        return List.copyOf(history);
    }

    @Override
    public void close() {}
}
