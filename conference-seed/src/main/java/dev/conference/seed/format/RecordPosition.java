package dev.conference.seed.format;

import java.nio.file.Path;

/**
 * Where a record starts: its file, its place in the file's array and the line and column of its
 * opening brace.
 *
 * @param index  0 for the first record of the file
 * @param line   1 for the first line
 * @param column 1 for the first column
 */
public record RecordPosition(Path file, long index, int line, int column) {

    /** {@code file:line:column: record N} with N counted from 1, as a person counts records. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": record " + (index + 1);
    }
}
