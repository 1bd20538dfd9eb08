package dev.conference.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shell}: reads command lines from standard input until {@code exit}, {@code quit} or the end
 * of input, and runs each on the one store opened at the start. A failed line prints its error and
 * the shell goes on.
 */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = {
            "An interactive prompt for the same commands, one per line.",
            "Built in: help [COMMAND], history, exit, quit.",
            "Quote text with \"double\" or 'single' quotes."
        })
final class ShellCommand implements Callable<Integer> {
    static final String PROMPT = "conference> ";
    /** Commands that make no sense on a line of the shell. */
    private static final Set<String> RUN_ELSEWHERE = Set.of("shell", "watch", "scheduler");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConferenceCommand root = (ConferenceCommand) spec.root().userObject();
        if (root.inShell()) {
            throw new ParameterException(spec.commandLine(), "the shell is running already");
        }
        root.store();
        PrintWriter out = root.environment().out();
        out.println("conference shell on "
                + root.session().location().map(Object::toString).orElse("?")
                + ". Type help for the commands, exit to leave.");
        try (ShellInput input = open(root)) {
            while (true) {
                String line = input.readLine(PROMPT);
                if (line == null) {
                    break;
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.equals("exit") || trimmed.equals("quit")) {
                    break;
                }
                run(root, trimmed, input);
            }
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    /** Line editing on a terminal, with the history of earlier runs; plain lines otherwise. */
    private ShellInput open(ConferenceCommand root) {
        CliEnvironment environment = root.environment();
        Optional<Terminal> terminal;
        try {
            terminal = environment.terminal().open();
        } catch (IOException | RuntimeException e) {
            environment.err().println("shell: no line editing (" + e.getMessage() + "); reading plain lines");
            terminal = Optional.empty();
        }
        if (terminal.isEmpty()) {
            return new PlainShellInput(environment.in(), environment.out());
        }
        ShellCompleter completer =
                new ShellCompleter(spec.root(), RUN_ELSEWHERE, root.store().directory());
        return new EditedShellInput(terminal.get(), historyFile(root), completer);
    }

    private static Path historyFile(ConferenceCommand root) {
        Path file = root.session().shellHistory();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent() + " for the shell's history", e);
        }
        return file;
    }

    private static void run(ConferenceCommand root, String line, ShellInput input) {
        PrintWriter out = root.environment().out();
        List<String> words;
        try {
            words = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            root.environment().err().println("shell: " + e.getMessage());
            root.environment().err().flush();
            return;
        }
        if (words.get(0).equals("history")) {
            List<String> history = input.history();
            for (int i = 0; i < history.size(); i++) {
                out.printf("%4d  %s%n", i + 1, history.get(i));
            }
            out.flush();
            return;
        }
        if (words.get(0).equals("help")) {
            help(root, words.subList(1, words.size()));
            return;
        }
        Cli.runInShell(root, words.toArray(String[]::new));
    }

    private static void help(ConferenceCommand root, List<String> topic) {
        PrintWriter out = root.environment().out();
        if (!topic.isEmpty()) {
            List<String> args = new ArrayList<>(topic);
            args.add("--help");
            Cli.runInShell(root, args.toArray(String[]::new));
            return;
        }
        CommandLine commands = Cli.commandLine(new ConferenceCommand(root.environment(), root.session(), root));
        out.println("Commands (each takes --help):");
        commands.getSubcommands().forEach((name, command) -> {
            if (!RUN_ELSEWHERE.contains(name)) {
                String[] description = command.getCommandSpec().usageMessage().description();
                out.printf("  %-13s %s%n", name, description.length == 0 ? "" : description[0]);
            }
        });
        out.println("  history       The lines typed so far");
        out.println("  exit, quit    Leave the shell");
        out.println("(watch and scheduler run until Ctrl-C: start them in a terminal of their own.)");
        out.flush();
    }
}
