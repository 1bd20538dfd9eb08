package dev.conference.seed.load;

import dev.conference.port.ConferenceStore;
import dev.conference.seed.format.SeedFiles;
import dev.conference.seed.load.Importer.Stored;
import dev.conference.seed.load.Validator.Validation;
import dev.conference.seed.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Loads one data set in two streaming passes: {@link #check()} reads every file and reports each
 * problem on the error stream; {@link #store} then stores the valid records through the ports. The
 * caller decides between them whether to store at all. Not thread-safe; one load per instance.
 */
public final class Loader {
    /** Records per call of a batch port method. */
    public static final int DEFAULT_BATCH_SIZE = 2_000;
    /**
     * Threads storing batches while the reader parses the next. Two keep Redis busy while one batch
     * waits for its replies: with one, each batch's listing scripts and its commands run one after
     * the other (measured on 200,000 users, 20,000 meetings and instances, 200,000 events and
     * messages: 1 thread 49.4 s, 2 threads 42.4 s, 4 threads 44.1 s, Redis's main thread then busy
     * 98% of the time).
     */
    public static final int DEFAULT_THREADS = 2;

    private final SeedFiles files;
    private final ZoneId zone;
    private final int batchSize;
    private final int threads;
    private final Problems problems;
    private final Progress progress;
    private Validation validation;

    /**
     * @param zone      the zone local date-times are read in; not null
     * @param batchSize records per batch, 1 or more
     * @param threads   batches in flight at once, 1 or more
     * @param err       where each problem is reported, one line each; not null
     * @param progress  not null
     */
    public Loader(SeedFiles files, ZoneId zone, int batchSize, int threads, PrintWriter err, Progress progress) {
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    "batch size and threads must be 1 or more, got " + batchSize + " and " + threads);
        }
        this.files = Objects.requireNonNull(files, "files");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.batchSize = batchSize;
        this.threads = threads;
        this.problems = new Problems(Objects.requireNonNull(err, "err"));
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * What the check found.
     *
     * @param invalid   records that break a rule
     * @param malformed the files that are not a well-formed JSON array (then nothing may be stored);
     *                  their counts are of the records before the break
     */
    public record Check(
            long users,
            long meetings,
            long instances,
            long events,
            long messages,
            long valid,
            long invalid,
            List<Path> malformed) {
        public Check {
            malformed = List.copyOf(malformed);
        }

        public long records() {
            return users + meetings + instances + events + messages;
        }
    }

    /**
     * What was stored.
     *
     * @param refused  instances the store refused (each reported on the error stream)
     * @param seconds  how long storing the users, meetings and instances took
     * @param events   what the store did with the valid events, one line ("1,200 stored, 3 in no instance")
     * @param messages the same for the valid messages
     */
    public record Store(
            long users, long meetings, long instances, long refused, double seconds, String events, String messages) {}

    /**
     * The first pass.
     *
     * @throws IOException if a file cannot be read (a missing one included)
     */
    public Check check() throws IOException {
        validation = new Validator(files, zone, problems, progress).run();
        long valid = validation.users().valid()
                + validation.meetings().valid()
                + validation.instances().valid()
                + validation.events().valid()
                + validation.messages().valid();
        return new Check(
                validation.users().records(),
                validation.meetings().records(),
                validation.instances().records(),
                validation.events().records(),
                validation.messages().records(),
                valid,
                problems.invalidCount(),
                problems.malformedFiles());
    }

    /**
     * The second pass: stores what {@link #check()} found valid.
     *
     * @throws IllegalStateException                 if {@link #check()} has not run or found a malformed file,
     *                                               or a file changed since
     * @throws dev.conference.model.StoreException if the store cannot answer
     * @throws IOException                           if a file cannot be read
     */
    public Store store(ConferenceStore store) throws IOException {
        if (validation == null || problems.anyMalformed()) {
            throw new IllegalStateException("store() needs a check() that found every file well-formed");
        }
        Stored stored = new Importer(files, zone, batchSize, threads, problems, progress).run(store, validation);
        return new Store(
                stored.users(),
                stored.meetings(),
                stored.instances(),
                problems.refusedCount(),
                stored.seconds(),
                stored.events().summary(),
                stored.messages().summary());
    }
}
