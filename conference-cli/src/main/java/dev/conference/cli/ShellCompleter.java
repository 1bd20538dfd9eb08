package dev.conference.cli;

import dev.conference.model.ConferenceException;
import dev.conference.model.MeetingId;
import dev.conference.model.Page;
import dev.conference.model.UserId;
import dev.conference.port.Directory;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion from the commands' own definitions: command words, then the options of the command
 * being typed, and in the place of a user or meeting id the ids in the store that start with what was
 * typed (one bounded query, at most {@link #IDS} ids).
 */
final class ShellCompleter implements Completer {
    static final int IDS = 50;
    private static final List<String> BUILT_IN = List.of("help", "history", "exit", "quit");

    private final CommandSpec root;
    private final Set<String> hidden;
    private final Directory directory;

    /**
     * @param root      the command line's root
     * @param hidden    commands the shell does not run
     * @param directory where ids come from
     */
    ShellCompleter(CommandSpec root, Set<String> hidden, Directory directory) {
        this.root = root;
        this.hidden = hidden;
        this.directory = directory;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, line.wordIndex());
        String typed = line.word().substring(0, line.wordCursor());
        CommandSpec command = root;
        int positional = 0;
        boolean sawCommand = false;
        for (String word : before) {
            if (word.startsWith("-")) {
                continue;
            }
            CommandSpec sub = command.subcommands().containsKey(word)
                    ? command.subcommands().get(word).getCommandSpec()
                    : null;
            if (sub != null && positional == 0) {
                command = sub;
                sawCommand = true;
            } else {
                positional++;
            }
        }
        if (typed.startsWith("-")) {
            for (OptionSpec option : command.options()) {
                for (String name : option.names()) {
                    candidates.add(new Candidate(name, name, null, first(option.description()), null, null, true));
                }
            }
            return;
        }
        if (positional == 0 && !command.subcommands().isEmpty()) {
            command.subcommands().forEach((name, sub) -> {
                if (!hidden.contains(name)) {
                    String summary = first(sub.getCommandSpec().usageMessage().description());
                    candidates.add(new Candidate(name, name, null, summary, null, null, true));
                }
            });
            if (!sawCommand) {
                BUILT_IN.forEach(word -> candidates.add(new Candidate(word)));
            }
            return;
        }
        Class<?> type = positionalType(command, positional);
        try {
            if (type == UserId.class) {
                ids(
                        typed,
                        id -> directory.user(UserId.of(id)).isPresent(),
                        page -> directory.users(page).stream()
                                .map(user -> user.id().value())
                                .toList(),
                        candidates);
            } else if (type == MeetingId.class) {
                ids(
                        typed,
                        id -> directory.meeting(MeetingId.of(id)).isPresent(),
                        page -> directory.meetings(page).stream()
                                .map(meeting -> meeting.id().value())
                                .toList(),
                        candidates);
            }
        } catch (ConferenceException e) {
            // No suggestions rather than an error in the middle of a line: an id too long to be one, or
            // a store that does not answer (the command itself will say so).
        }
    }

    private static Class<?> positionalType(CommandSpec command, int index) {
        for (PositionalParamSpec parameter : command.positionalParameters()) {
            if (parameter.index().contains(index)) {
                return parameter.type();
            }
        }
        return null;
    }

    /**
     * Ids that start with {@code typed}: the store lists ids in code point order, so they are the run
     * that follows {@code typed} itself, which a page after it leaves out and is looked up apart.
     */
    private static void ids(
            String typed, Predicate<String> exists, Function<Page, List<String>> page, List<Candidate> out) {
        if (!typed.isEmpty() && exists.test(typed)) {
            out.add(new Candidate(typed));
        }
        for (String id : page.apply(typed.isEmpty() ? Page.first(IDS) : new Page(typed, IDS))) {
            if (!id.startsWith(typed)) {
                break;
            }
            out.add(new Candidate(id));
        }
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? null : lines[0];
    }
}
