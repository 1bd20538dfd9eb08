package dev.conference.seed.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.model.Imported;
import dev.conference.model.InvalidInputException;
import dev.conference.model.MeetingInstance;
import dev.conference.model.NotFoundException;
import dev.conference.model.PastEvent;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import dev.conference.port.History;
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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The second pass: reads the files again and stores their valid records through the ports, in
 * batches (the batch methods pipeline), a few batches at a time. Users, then meetings, then instances,
 * each file complete before the next, so an instance is stored only once its meeting is. Every save is
 * an upsert by id, so storing the same files again leaves the same state.
 *
 * <p>Then the history: events, then messages, imported through {@link History} with their own
 * times and ids, so a second load adds nothing. The store places each event in the instance of its
 * meeting that holds its time, and makes the users whose last event in an instance running now is a
 * JOINED its participants, from that time. What it cannot place is counted, and the first few are
 * reported with their place in the file.
 */
final class Importer {
    private final SeedFiles files;
    private final ZoneId zone;
    private final int batchSize;
    private final int threads;
    private final Problems problems;
    private final Progress progress;

    Importer(SeedFiles files, ZoneId zone, int batchSize, int threads, Problems problems, Progress progress) {
        this.files = files;
        this.zone = zone;
        this.batchSize = batchSize;
        this.threads = threads;
        this.problems = problems;
        this.progress = progress;
    }

    /** What the second pass stored. */
    record Stored(long users, long meetings, long instances, double seconds, Imports events, Imports messages) {}

    private static PastEvent pastEvent(SourceEvent event) {
        return new PastEvent(event.id(), event.meeting(), event.user(), event.type(), event.at());
    }

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
            long started = System.nanoTime();
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
            double seconds = (System.nanoTime() - started) / 1e9;
            History history = store.history();
            Imports events = importHistory(
                    workers,
                    files.events(),
                    validation.events().valid(),
                    "event",
                    record -> pastEvent(OriginalFormat.event(record, zone)),
                    MeetingOrder.EVENTS,
                    event -> "of meeting '" + event.meeting() + "' at " + event.at(),
                    history::importEvents);
            Imports messages = importHistory(
                    workers,
                    files.messages(),
                    validation.messages().valid(),
                    "message",
                    record -> OriginalFormat.message(record, zone),
                    MeetingOrder.MESSAGES,
                    message -> "in instance " + message.instance() + " of meeting '" + message.meeting() + "' at "
                            + message.at(),
                    history::importMessages);
            return new Stored(users, meetings, instances - problems.refusedCount(), seconds, events, messages);
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

    /**
     * Imports the valid records of a history file (events, or messages) through {@link History}, in
     * batches, grouped by meeting and in time order (MeetingOrder); the store places each and
     * answers what it did with it.
     */
    private <T> Imports importHistory(
            ExecutorService workers,
            Path file,
            long valid,
            String what,
            Parse<T> parse,
            MeetingOrder.Codec<T> codec,
            Function<T, String> subject,
            Function<List<T>, List<Imported>> port)
            throws IOException {
        Imports imports = new Imports(what, problems);
        if (valid == 0) {
            return imports;
        }
        long started = System.nanoTime();
        progress.start("importing " + file.getFileName(), valid);
        try {
            Batches<T> batches = new Batches<>(
                    workers,
                    threads + 1,
                    batchSize,
                    batch -> {
                        List<Imported> outcomes = port.apply(values(batch));
                        for (int i = 0; i < batch.size(); i++) {
                            imports.count(
                                    outcomes.get(i),
                                    batch.get(i).position(),
                                    subject.apply(batch.get(i).value()));
                        }
                    },
                    progress);
            try (MeetingOrder<T> sorted = new MeetingOrder<>(codec, file, MeetingOrder.RUN_SIZE)) {
                read(file, (position, record) -> {
                    try {
                        sorted.add(parse.parse(record), position);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                sorted.drain((value, position) -> batches.add(value, position));
            }
            batches.finish();
            imports.took((System.nanoTime() - started) / 1e9);
            return imports;
        } finally {
            progress.finish();
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
