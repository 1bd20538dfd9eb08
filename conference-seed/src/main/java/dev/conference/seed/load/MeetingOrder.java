package dev.conference.seed.load;

import dev.conference.model.EventType;
import dev.conference.model.MeetingId;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.seed.format.RecordPosition;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Hands history records on grouped by meeting, in time order within each meeting (then file
 * order), with bounded memory: runs of {@code runSize} records are sorted in memory and spilled to
 * a temporary file, and the runs are merged. A file in any order then reaches the store as an
 * instance's records together and in order: one import call carries many records and appends
 * them, instead of one call per record that rewrites the end of a log. Not thread-safe.
 */
final class MeetingOrder<T> implements AutoCloseable {
    /** Records sorted in memory at a time: about 40 MB of them. */
    static final int RUN_SIZE = 200_000;

    /** How one kind of record is told apart and written to a run file. */
    interface Codec<T> {
        MeetingId meeting(T value);

        Instant at(T value);

        void write(DataOutputStream out, T value) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private record Entry<T>(T value, RecordPosition position) {}

    private final Codec<T> codec;
    private final Path file;
    private final int runSize;
    private final Comparator<Entry<T>> order;
    private final List<Entry<T>> run = new ArrayList<>();
    private final List<Path> spilled = new ArrayList<>();
    private Path dir;

    /** @param file the file the records come from, which their positions name */
    MeetingOrder(Codec<T> codec, Path file, int runSize) {
        this.codec = codec;
        this.file = file;
        this.runSize = runSize;
        this.order = Comparator.comparing(
                        (Entry<T> e) -> codec.meeting(e.value()).value())
                .thenComparing(e -> codec.at(e.value()))
                .thenComparingLong(e -> e.position().index());
    }

    void add(T value, RecordPosition position) throws IOException {
        run.add(new Entry<>(value, position));
        if (run.size() == runSize) {
            spill();
        }
    }

    /** Hands every record added on, in order. */
    void drain(BiConsumer<T, RecordPosition> out) throws IOException {
        if (spilled.isEmpty()) {
            run.sort(order);
            run.forEach(entry -> out.accept(entry.value(), entry.position()));
            run.clear();
            return;
        }
        if (!run.isEmpty()) {
            spill();
        }
        List<DataInputStream> readers = new ArrayList<>();
        try {
            PriorityQueue<Head<T>> heads = new PriorityQueue<>((a, b) -> order.compare(a.entry, b.entry));
            for (Path path : spilled) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
                readers.add(in);
                Entry<T> first = next(in);
                if (first != null) {
                    heads.add(new Head<>(first, in));
                }
            }
            while (!heads.isEmpty()) {
                Head<T> head = heads.poll();
                out.accept(head.entry.value(), head.entry.position());
                Entry<T> following = next(head.in);
                if (following != null) {
                    heads.add(new Head<>(following, head.in));
                }
            }
        } finally {
            for (DataInputStream in : readers) {
                in.close();
            }
        }
    }

    private record Head<T>(Entry<T> entry, DataInputStream in) {}

    private void spill() throws IOException {
        run.sort(order);
        if (dir == null) {
            dir = Files.createTempDirectory("conference-seed-");
        }
        Path path = dir.resolve("run-" + spilled.size());
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16))) {
            for (Entry<T> entry : run) {
                out.writeLong(entry.position().index());
                out.writeInt(entry.position().line());
                out.writeInt(entry.position().column());
                codec.write(out, entry.value());
            }
        }
        spilled.add(path);
        run.clear();
    }

    private Entry<T> next(DataInputStream in) throws IOException {
        long index;
        try {
            index = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        RecordPosition position = new RecordPosition(file, index, in.readInt(), in.readInt());
        return new Entry<>(codec.read(in), position);
    }

    /** Deletes the run files. */
    @Override
    public void close() {
        try {
            for (Path path : spilled) {
                Files.deleteIfExists(path);
            }
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Codec<PastEvent> EVENTS = new Codec<>() {
        @Override
        public MeetingId meeting(PastEvent value) {
            return value.meeting();
        }

        @Override
        public Instant at(PastEvent value) {
            return value.at();
        }

        @Override
        public void write(DataOutputStream out, PastEvent value) throws IOException {
            out.writeUTF(value.source());
            out.writeUTF(value.meeting().value());
            out.writeUTF(value.user().value());
            out.writeByte(value.type().ordinal());
            out.writeLong(Schedules.micros(value.at()));
        }

        @Override
        public PastEvent read(DataInputStream in) throws IOException {
            return new PastEvent(
                    in.readUTF(),
                    MeetingId.of(in.readUTF()),
                    UserId.of(in.readUTF()),
                    EventType.values()[in.readByte()],
                    Schedules.instant(in.readLong()));
        }
    };

    static final Codec<PastMessage> MESSAGES = new Codec<>() {
        @Override
        public MeetingId meeting(PastMessage value) {
            return value.meeting();
        }

        @Override
        public Instant at(PastMessage value) {
            return value.at();
        }

        @Override
        public void write(DataOutputStream out, PastMessage value) throws IOException {
            out.writeUTF(value.source());
            out.writeUTF(value.meeting().value());
            out.writeInt(value.instance());
            out.writeUTF(value.user().value());
            out.writeUTF(value.text());
            out.writeLong(Schedules.micros(value.at()));
        }

        @Override
        public PastMessage read(DataInputStream in) throws IOException {
            return new PastMessage(
                    in.readUTF(),
                    MeetingId.of(in.readUTF()),
                    in.readInt(),
                    UserId.of(in.readUTF()),
                    in.readUTF(),
                    Schedules.instant(in.readLong()));
        }
    };
}
