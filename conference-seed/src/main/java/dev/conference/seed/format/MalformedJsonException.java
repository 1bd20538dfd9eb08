package dev.conference.seed.format;

import java.nio.file.Path;

/**
 * A file is not JSON, or not a JSON array, so none of its records can be trusted. The message is one
 * line: {@code file:line:column: what is wrong}.
 */
public final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public MalformedJsonException(Path file, long line, long column, String reason) {
        // Jackson says column 0 before the first character; people and editors count from 1.
        super(file + ":" + Math.max(1, line) + ":" + Math.max(1, column) + ": malformed JSON: " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
