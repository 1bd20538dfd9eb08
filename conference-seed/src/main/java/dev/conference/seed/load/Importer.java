package dev.conference.seed.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.model.AlreadyParticipantException;
import dev.conference.model.EventType;
import dev.conference.model.InvalidInputException;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.NotFoundException;
import dev.conference.model.RefusedException;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import dev.conference.seed.format.InvalidRecordException;
import dev.conference.seed.format.JsonRecords;
import dev.conference.seed.format.MalformedJsonException;
import dev.conference.seed.format.OriginalFormat;
import dev.conference.seed.format.RecordPosition;
import dev.conference.seed.format.SeedFiles;
import dev.conference.seed.format.SourceEvent;
import dev.conference.seed.load.Batches.Positioned;
import dev.conference.seed.load.Validator.Validation;
import dev.conference.seed.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The second pass: reads the files again and stores their valid records through the ports, in
 * batches (the batch methods pipeline), a few batches at a time. Users, then meetings, then instances,
 * each file complete before the next, so an instance is stored only once its meeting is. Every save is
 * an upsert by id, so storing the same files again leaves the same state.
 *
 * <p>Events are history and the ports record events only as they happen, so they are not replayed
 * one by one. What they say about now is: a user whose last event in a meeting's instance that is
 * active now is a JOINED is present in it, and is joined through {@link AsyncConference#join} (the join is
 * recorded at load time; a user already present is left as is). Everything else in the log is history
 * that was validated and is not stored.
 */
final class Importer {
    private static final int JOINS_IN_FLIGHT = 256;
    private final SeedFiles files;
    private final ZoneId zone;
    private final Clock clock;
    private final int batchSize;
    private final int threads;
    private final Problems problems;
    private final Progress progress;

    Importer(
            SeedFiles files,
            ZoneId zone,
            Clock clock,
            int batchSize,
            int threads,
            Problems problems,
            Progress progress) {
        this.files = files;
        this.zone = zone;
        this.clock = clock;
        this.batchSize = batchSize;
        this.threads = threads;
        this.problems = problems;
        this.progress = progress;
    }

    /** What the second pass stored. */
    record Stored(
            long users,
            long meetings,
            long instances,
            long eventsInActiveInstances,
            long presentJoined,
            long presentAlready,
            long presentRefused) {}

    @FunctionalInterface
    private interface Parse<T> {
        T parse(JsonNode record) throws InvalidRecordException;
    }

    Stored run(ConferenceStore store, Validation validation) throws IOException {
        Directory directory = store.directory();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "conference-seed-store");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long users = store(
                    workers,
                    files.users(),
                    validation.users().valid(),
                    OriginalFormat::user,
                    batch -> directory.saveUsers(values(batch)));
            long meetings = store(
                    workers,
                    files.meetings(),
                    validation.meetings().valid(),
                    OriginalFormat::meeting,
                    batch -> directory.saveMeetings(values(batch)));
            long instances = store(
                    workers,
                    files.instances(),
                    validation.instances().valid(),
                    record -> OriginalFormat.instance(record, zone),
                    batch -> saveInstances(directory, batch));
            Presence presence = replayPresence(store.async(), validation);
            return new Stored(
                    users,
                    meetings,
                    instances - problems.refusedCount(),
                    presence.considered,
                    presence.joined.get(),
                    presence.already.get(),
                    presence.refused.get());
        } finally {
            workers.shutdownNow();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> long store(ExecutorService workers, Path file, long valid, Parse<T> parse, Batches.Saver<T> saver)
            throws IOException {
        progress.start("storing " + file.getFileName(), valid);
        try {
            Batches<T> batches = new Batches<>(workers, threads + 1, batchSize, saver, progress);
            long[] stored = {0};
            read(file, (position, record) -> {
                batches.add(parse.parse(record), position);
                stored[0]++;
            });
            batches.finish();
            return stored[0];
        } finally {
            progress.finish();
        }
    }

    /**
     * An instance the store refuses (it overlaps an instance the store already held that the files do
     * not move, say) is found by saving the batch again one by one: saves are upserts, so the others are
     * only written again.
     */
    private void saveInstances(Directory directory, List<Positioned<MeetingInstance>> batch) {
        try {
            directory.saveInstances(values(batch));
        } catch (InvalidInputException | NotFoundException refused) {
            for (Positioned<MeetingInstance> one : batch) {
                try {
                    directory.saveInstance(one.value());
                } catch (InvalidInputException | NotFoundException e) {
                    problems.refused(one.position(), e.getMessage());
                }
            }
        }
    }

    /** The last event of one user in one meeting's active instance. */
    private record Last(EventType type, Instant at, RecordPosition position) {}

    private record Key(MeetingId meeting, UserId user) {}

    private static final class Presence {
        long considered;
        final AtomicLong joined = new AtomicLong();
        final AtomicLong already = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
    }

    private Presence replayPresence(AsyncConference async, Validation validation) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Schedules schedules = validation.schedules();
        Map<Key, Last> last = new HashMap<>();
        Presence presence = new Presence();
        read(files.events(), (position, record) -> {
            SourceEvent event = OriginalFormat.event(record, zone);
            int active = schedules.activeAt(event.meeting(), now);
            if (active == 0
                    || event.at().isAfter(now)
                    || Schedules.micros(event.at()) < schedules.from(event.meeting(), active)) {
                return;
            }
            presence.considered++;
            last.merge(
                    new Key(event.meeting(), event.user()),
                    new Last(event.type(), event.at(), position),
                    (earlier, later) -> later.at().isBefore(earlier.at()) ? earlier : later);
        });
        List<Map.Entry<Key, Last>> joins = new ArrayList<>();
        for (Map.Entry<Key, Last> entry : last.entrySet()) {
            if (entry.getValue().type() == EventType.JOINED) {
                joins.add(entry);
            }
        }
        progress.start("joining present users", joins.size());
        try {
            joinAll(async, joins, presence);
        } finally {
            progress.finish();
        }
        return presence;
    }

    /** Joins without waiting for each: a bounded number in flight, each answer counted as it comes. */
    private void joinAll(AsyncConference async, List<Map.Entry<Key, Last>> joins, Presence presence) {
        Semaphore inFlight = new Semaphore(JOINS_IN_FLIGHT);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (Map.Entry<Key, Last> entry : joins) {
            inFlight.acquireUninterruptibly();
            if (failure.get() != null) {
                inFlight.release();
                break;
            }
            Key key = entry.getKey();
            async.join(key.user(), key.meeting()).whenComplete((joined, error) -> {
                try {
                    Throwable cause =
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (cause == null) {
                        presence.joined.incrementAndGet();
                    } else if (cause instanceof AlreadyParticipantException) {
                        presence.already.incrementAndGet();
                    } else if (cause instanceof RefusedException || cause instanceof NotFoundException) {
                        presence.refused.incrementAndGet();
                        problems.note(entry.getValue().position() + ": JOINED not replayed: " + cause.getMessage());
                    } else {
                        failure.compareAndSet(
                                null,
                                cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause));
                    }
                    progress.advance(1);
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquireUninterruptibly(JOINS_IN_FLIGHT);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @FunctionalInterface
    private interface ValidRecord {
        void accept(RecordPosition position, JsonNode record) throws InvalidRecordException;
    }

    /** Calls {@code handler} for each record the first pass found valid. */
    private void read(Path file, ValidRecord handler) throws IOException {
        try {
            JsonRecords.forEach(file, (position, record, bytes) -> {
                if (problems.isInvalid(file, position.index())) {
                    return;
                }
                try {
                    handler.accept(position, record);
                } catch (InvalidRecordException e) {
                    throw new FileChangedException(file);
                }
            });
        } catch (MalformedJsonException e) {
            throw new FileChangedException(file);
        }
    }

    private static <T> List<T> values(List<Positioned<T>> batch) {
        List<T> out = new ArrayList<>(batch.size());
        batch.forEach(one -> out.add(one.value()));
        return out;
    }

    /** A file read differently the second time: someone changed it during the load. */
    static final class FileChangedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        FileChangedException(Path file) {
            super(file + " changed while it was being loaded; load it again");
        }
    }
}
