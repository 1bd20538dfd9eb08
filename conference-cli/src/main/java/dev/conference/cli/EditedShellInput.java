package dev.conference.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * Lines typed on a terminal, edited with JLine: Left/Right, Up/Down through the history, Ctrl-R to
 * search it, Tab to complete, Ctrl-C to clear the line, Ctrl-D to leave. The history is kept in a
 * file, so the next run can recall this one's lines.
 */
final class EditedShellInput implements ShellInput {
    private final Terminal terminal;
    private final LineReader reader;

    EditedShellInput(Terminal terminal, Path historyFile, Completer completer) {
        this.terminal = terminal;
        DefaultParser parser = new DefaultParser();
        // Words are split here only to complete them; the line itself is split by ShellWords, so
        // an unfinished quote is the shell's error to report, not a reason to wait for more.
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        this.reader = LineReaderBuilder.builder()
                .appName("conference")
                .terminal(terminal)
                .parser(parser)
                .completer(completer)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 1_000)
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                // A blank and a repeated line are not worth recalling; # lines are comments.
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException ctrlC) {
            return "";
        } catch (EndOfFileException ctrlD) {
            return null;
        }
    }

    @Override
    public List<String> history() {
        List<String> lines = new ArrayList<>();
        for (History.Entry entry : reader.getHistory()) {
            lines.add(entry.line());
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the shell's history: " + e.getMessage(), e);
        }
    }
}
