package dev.conference.cli;

import dev.conference.model.InvalidInputException;
import dev.conference.model.Page;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --limit} and {@code --after} for the commands that list: the library's {@link Page} from the
 * terminal, so a chat of 100,000 messages is read a page at a time. A full page says on stderr how to
 * read on.
 */
final class PageOptions {
    static final int DEFAULT_LIMIT = 100;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_LIMIT,
            description = "Show at most N, 1 to " + Page.MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(
            names = "--after",
            paramLabel = "ID",
            description = "Start after this id: the last one of the page before (default: from the first)")
    String after;

    /** The page asked for; an out-of-range limit or a blank id is an InvalidInputException (exit 2). */
    Page page() {
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw new InvalidInputException(
                    "--limit must be 1 or more and at most " + Page.MAX_LIMIT + ", got " + limit);
        }
        if (after != null && after.isBlank()) {
            throw new InvalidInputException("--after must name an id, got a blank one");
        }
        return new Page(after, limit);
    }

    /** When {@code items} filled the page, tells on stderr how to read the next one. */
    <T> void hintIfFull(List<T> items, Function<T, String> id, PrintWriter notes) {
        if (items.size() == limit) {
            notes.println("(a full page of " + limit + "; for the next: --after "
                    + ShellWords.quote(id.apply(items.get(items.size() - 1))) + ")");
            notes.flush();
        }
    }
}
