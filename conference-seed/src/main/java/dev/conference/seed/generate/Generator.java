package dev.conference.seed.generate;

import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.seed.format.EventCodes;
import dev.conference.seed.format.RecordWriter;
import dev.conference.seed.format.SeedFiles;
import dev.conference.seed.format.SourceEvent;
import dev.conference.seed.generate.Dataset.EventRow;
import dev.conference.seed.generate.Dataset.MeetingRow;
import dev.conference.seed.generate.Dataset.MessageRow;
import dev.conference.seed.generate.Dataset.Span;
import dev.conference.seed.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a random data set in the original tool's four files and messages.json. Records are made one at a time and
 * streamed out, so memory does not grow with the counts. "Now" comes from the clock, so a test can
 * pin it and get the same bytes for the same seed.
 */
public final class Generator {
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock what "now" is: instances are placed around it, events before it; not null
     * @param zone  the zone the files' local date-times are written in; not null
     */
    public Generator(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** What was written. */
    public record Summary(int users, int meetings, int instances, int activeInstances, long events, long messages) {}

    /**
     * Writes the four files into {@code dir} (created if missing), replacing files of the same names.
     *
     * @param progress told how far each file is; not null
     * @throws IOException if a file cannot be written; earlier files of that name are then left as they were
     */
    public Summary generate(Path dir, GenerateSpec spec, Progress progress) throws IOException {
        Files.createDirectories(dir);
        SeedFiles files = new SeedFiles(dir);
        Dataset data = new Dataset(spec);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        write(files.users(), spec.users(), progress, out -> {
            for (int user = 0; user < spec.users(); user++) {
                out.user(data.user(user));
                progress.advance(1);
            }
        });
        write(files.meetings(), spec.meetings(), progress, out -> {
            for (int meeting = 0; meeting < spec.meetings(); meeting++) {
                MeetingRow row = data.meeting(meeting);
                List<String> audience = new ArrayList<>(row.audience().length);
                for (int user : row.audience()) {
                    audience.add(data.user(user).email());
                }
                out.meeting(row.id().value(), row.title(), row.description(), row.isPublic(), audience);
                progress.advance(1);
            }
        });
        int[] active = {0};
        write(files.instances(), spec.instances(), progress, out -> {
            for (int i = 0; i < spec.instances(); i++) {
                int meeting = i % spec.meetings();
                int order = i / spec.meetings() + 1;
                Span span = data.span(meeting, order);
                if (span.from() <= 0 && span.to() > 0) {
                    active[0]++;
                }
                out.instance(
                        new MeetingInstance(data.meetingId(meeting), order, at(now, span.from()), at(now, span.to())));
                progress.advance(1);
            }
        });
        write(files.events(), spec.events(), progress, out -> {
            long n = 0;
            for (long visit = 0; n < spec.events(); visit++) {
                for (EventRow row : data.visit(visit)) {
                    if (n == spec.events()) {
                        break;
                    }
                    UserId user = data.userId(row.user());
                    out.event(new SourceEvent(
                            SourceEvent.idOf(data.meetingId(row.meeting()), user, n),
                            data.meetingId(row.meeting()),
                            user,
                            EventCodes.ofCode(row.type()),
                            at(now, row.at())));
                    n++;
                    progress.advance(1);
                }
            }
        });
        long[] messages = {0};
        write(files.messages(), spec.messages(), progress, out -> {
            for (long n = 0; n < spec.messages(); n++) {
                MessageRow row = data.message(n, spec.messages());
                if (row == null) {
                    continue;
                }
                MeetingId meeting = data.meetingId(row.meeting());
                out.message(new PastMessage(
                        "message_" + meeting.value() + "_1_" + n,
                        meeting,
                        1,
                        data.userId(row.user()),
                        row.text(),
                        at(now, row.at())));
                messages[0]++;
                progress.advance(1);
            }
        });
        return new Summary(spec.users(), spec.meetings(), spec.instances(), active[0], spec.events(), messages[0]);
    }

    private static Instant at(Instant now, long offsetMicros) {
        return now.plus(offsetMicros, ChronoUnit.MICROS);
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(RecordWriter out) throws IOException;
    }

    private void write(Path file, long records, Progress progress, Body body) throws IOException {
        RecordWriter out = RecordWriter.open(file, zone);
        progress.start("writing " + file.getFileName(), records);
        try {
            body.writeTo(out);
            out.close();
            progress.finish();
        } catch (IOException | RuntimeException e) {
            progress.finish();
            out.abandon();
            throw e;
        }
    }
}
