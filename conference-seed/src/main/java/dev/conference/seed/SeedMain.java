package dev.conference.seed;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code conference-seed}: generates data sets in the original tool's format and loads them through the
 * conference ports. {@link #run} is the whole program for a given environment, so tests run it
 * in-process.
 */
@Command(
        name = "conference-seed",
        mixinStandardHelpOptions = true,
        version = "conference-seed 0.1.0",
        description = "Generates and loads users, meetings, meeting instances and events in the original tool's"
                + " JSON format.",
        footer = "Exit codes: 0 done; 2 usage error or invalid input (nothing stored); 1 any other failure.")
public final class SeedMain implements Runnable {
    @Spec
    private CommandSpec spec;

    private SeedMain() {}

    public static void main(String[] args) {
        System.exit(run(SeedEnvironment.system(), args));
    }

    /** Runs one command line and returns its exit code; prints only to the environment's streams. */
    public static int run(SeedEnvironment environment, String... args) {
        CommandLine commandLine = new CommandLine(new SeedMain())
                .addSubcommand(new GenerateCommand(environment))
                .addSubcommand(new LoadCommand(environment))
                .setOut(environment.out())
                .setErr(environment.err())
                .setParameterExceptionHandler(usageError())
                .setExecutionExceptionHandler(failure());
        int code = commandLine.execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    /** No subcommand: say what there is. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: generate or load");
    }

    private static IParameterExceptionHandler usageError() {
        return (problem, args) -> {
            CommandLine command = problem.getCommandLine();
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + problem.getMessage());
            command.getErr().println("see '" + command.getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.INVALID_INPUT;
        };
    }

    private static IExecutionExceptionHandler failure() {
        return (failure, command, parsed) -> {
            if (failure instanceof CommandLine.ParameterException usage) {
                return usageError().handleParseException(usage, new String[0]);
            }
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + ExitCodes.message(failure));
            if (command.getCommand() instanceof Verbosity verbosity && verbosity.verbose()) {
                failure.printStackTrace(command.getErr());
            }
            return ExitCodes.of(failure);
        };
    }
}
