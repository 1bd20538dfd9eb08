package dev.conference.seed.load;

import dev.conference.seed.format.MalformedJsonException;
import dev.conference.seed.format.RecordPosition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything wrong with the input, reported as soon as it is found (one line each, on the error
 * stream, so a million bad records never pile up in memory) and remembered only as bits: which record
 * of which file is invalid, so the storing pass can skip exactly those. Thread-safe.
 */
final class Problems {
    private final PrintWriter err;
    private final Map<Path, BitSet> invalid = new HashMap<>();
    private final Set<Path> malformed = new LinkedHashSet<>();
    private long invalidCount;
    private long refusedCount;

    Problems(PrintWriter err) {
        this.err = err;
    }

    synchronized void malformed(MalformedJsonException problem) {
        malformed.add(problem.file());
        err.println(problem.getMessage());
    }

    /** A record that breaks a rule: found before anything is stored. */
    synchronized void invalid(RecordPosition position, String reason) {
        mark(position);
        invalidCount++;
        err.println(position + ": " + reason);
    }

    /** A record the store refused while storing (it conflicts with what the store already held). */
    synchronized void refused(RecordPosition position, String reason) {
        mark(position);
        refusedCount++;
        err.println(position + ": refused by the store: " + reason);
    }

    private void mark(RecordPosition position) {
        invalid.computeIfAbsent(position.file(), file -> new BitSet()).set(Math.toIntExact(position.index()));
    }

    synchronized boolean isInvalid(Path file, long index) {
        BitSet bits = invalid.get(file);
        return bits != null && bits.get(Math.toIntExact(index));
    }

    synchronized boolean isMalformed(Path file) {
        return malformed.contains(file);
    }

    synchronized boolean anyMalformed() {
        return !malformed.isEmpty();
    }

    synchronized List<Path> malformedFiles() {
        return List.copyOf(malformed);
    }

    synchronized long invalidCount() {
        return invalidCount;
    }

    synchronized long refusedCount() {
        return refusedCount;
    }

    synchronized void note(String line) {
        err.println(line);
    }
}
