package dev.conference.cli;

import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Runs {@code conference} command lines. In-process entry point: tests and {@link Main} call
 * {@link #run}, which never exits the JVM and never throws for a failed command.
 */
public final class Cli {
    private final CliEnvironment environment;

    /** @param environment the process around the CLI; not null */
    public Cli(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Runs one command line and closes whatever it opened (connection, embedded server).
     *
     * @return the exit code: 0 done, 1 failure, 2 usage error, 3 unknown user or meeting, 4 refused
     */
    public int run(String... args) {
        try (Session session = new Session(environment)) {
            return execute(new ConferenceCommand(environment, session, null), args);
        } catch (RuntimeException closing) {
            // Closing the store or stopping the embedded server failed after the command had run.
            environment.err().println("conference: " + ExitCodes.describe(closing));
            environment.err().flush();
            return ExitCodes.FAILURE;
        }
    }

    /** Runs one command line of a shell, on the shell's open session. */
    static int runInShell(ConferenceCommand shell, String... args) {
        return execute(new ConferenceCommand(shell.environment(), shell.session(), shell), args);
    }

    /** The command line for {@code root}, with every command, converter and the exit-code mapping. */
    static CommandLine commandLine(ConferenceCommand root) {
        CliEnvironment environment = root.environment();
        ExitCodes exitCodes = new ExitCodes(environment.err(), root::verbose);
        CommandLine commandLine = new CommandLine(root)
                .registerConverter(UserId.class, new IdArgument<>(UserId::of))
                .registerConverter(MeetingId.class, new IdArgument<>(MeetingId::of))
                .registerConverter(Instant.class, new TimeArgument(environment.clock(), environment.zone()))
                .registerConverter(Duration.class, new DurationArgument())
                .setOut(environment.out())
                .setErr(environment.err())
                .setExecutionExceptionHandler(exitCodes)
                .setParameterExceptionHandler(exitCodes);
        // A message may hold words like "-1" or "--": they are text, not options.
        commandLine.getSubcommands().get("post").setUnmatchedOptionsArePositionalParams(true);
        return commandLine;
    }

    private static int execute(ConferenceCommand root, String... args) {
        int code = commandLine(root).execute(args);
        root.environment().out().flush();
        root.environment().err().flush();
        return code;
    }
}
