package dev.conference.seed;

import dev.conference.model.InvalidInputException;
import dev.conference.model.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The one place failures become exit codes and one-line messages. 0: done. 2: the user's input is wrong
 * (usage, a file that is not there, invalid records, a malformed URI): fix it and run again; nothing
 * was stored unless {@code --skip-invalid} said so. 1: anything else (Redis unreachable, a disk error).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int INVALID_INPUT = 2;

    private ExitCodes() {}

    static int of(Throwable failure) {
        if (failure instanceof InvalidInputException || failure instanceof NoSuchFileException) {
            return INVALID_INPUT;
        }
        return FAILURE;
    }

    /** What went wrong, in one line a person can act on, without a stack trace. */
    static String message(Throwable failure) {
        if (failure instanceof NoSuchFileException e) {
            return "no such file or directory: " + e.getFile();
        }
        if (failure instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (failure instanceof FileAlreadyExistsException e) {
            return e.getFile() + " already exists and is not a directory";
        }
        if (failure instanceof FileSystemException e) {
            return e.getFile() + ": "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        }
        if (failure instanceof StoreException
                || failure instanceof UncheckedIOException
                || failure instanceof InvalidInputException
                || failure instanceof IllegalStateException) {
            return failure.getMessage();
        }
        if (failure instanceof IOException) {
            return failure.getMessage() == null ? failure.toString() : failure.getMessage();
        }
        return "unexpected failure: " + failure + " (run with --verbose to see where)";
    }
}
