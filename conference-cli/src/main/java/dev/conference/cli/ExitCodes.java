package dev.conference.cli;

import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.NotFoundException;
import dev.conference.model.RefusedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where a failure becomes an exit code and a message: one line on stderr, the stack
 * trace only with {@code --verbose}, never a password.
 */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int SUCCESS = 0;
    /** Anything else: the store cannot be reached, a bug. */
    static final int FAILURE = 1;
    /** The command line is wrong or a value is invalid; nothing was stored. */
    static final int USAGE = 2;
    /** An unknown user or meeting. */
    static final int NOT_FOUND = 3;
    /** Refused: not allowed, not active, already in, not in. */
    static final int REFUSED = 4;

    private final PrintWriter err;
    private final BooleanSupplier verbose;

    ExitCodes(PrintWriter err, BooleanSupplier verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    static int of(Throwable failure) {
        if (failure instanceof ParameterException || failure instanceof InvalidInputException) {
            return USAGE;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof RefusedException) {
            return REFUSED;
        }
        return FAILURE;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        String command = failure.getCommandLine().getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(command).append(": ").append(oneLine(failure.getMessage()));
        if (failure instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ")
                        .append(String.join(" or ", suggestions))
                        .append("?)");
            }
        }
        line.append(" (see '").append(command).append(" --help')");
        report(line.toString(), failure);
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parsed) {
        if (failure instanceof ParameterException parameter) {
            return handleParseException(parameter, parsed.originalArgs().toArray(String[]::new));
        }
        report("conference: " + describe(failure), failure);
        return of(failure);
    }

    private void report(String line, Throwable failure) {
        err.println(Secrets.mask(line));
        if (verbose.getAsBoolean()) {
            // Stack traces may quote a URI too.
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.mask(trace.toString()));
        }
        err.flush();
    }

    /** What went wrong, for the operator: our own messages are sentences; anything else is a bug. */
    static String describe(Throwable failure) {
        if (failure instanceof ConferenceException || failure instanceof UncheckedIOException) {
            return oneLine(failure.getMessage());
        }
        return "unexpected error (run with --verbose for details): " + oneLine(String.valueOf(failure));
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        return firstLine.isEmpty() ? "(no message)" : firstLine;
    }
}
