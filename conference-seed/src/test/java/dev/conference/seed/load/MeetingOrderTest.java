package dev.conference.seed.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.EventType;
import dev.conference.model.MeetingId;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.seed.format.RecordPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MeetingOrderTest {
    private static final Path FILE = Path.of("events_log.json");

    @Test
    void handsRecordsOnByMeetingThenTimeThenFileOrderWhateverTheRuns() throws IOException {
        Random random = new Random(7);
        List<PastEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(new PastEvent(
                    "e" + i,
                    MeetingId.of("m" + random.nextInt(30)),
                    UserId.of("u" + random.nextInt(50)),
                    EventType.values()[random.nextInt(3)],
                    Instant.parse("2026-12-01T10:00:00Z").plusSeconds(random.nextInt(100))));
        }
        for (int runSize : new int[] {7, 1_000, 5_000}) {
            List<String> order = new ArrayList<>();
            List<PastEvent> drained = new ArrayList<>();
            try (MeetingOrder<PastEvent> sorted = new MeetingOrder<>(MeetingOrder.EVENTS, FILE, runSize)) {
                for (int i = 0; i < events.size(); i++) {
                    sorted.add(events.get(i), new RecordPosition(FILE, i, 2 + 6 * i, 5));
                }
                sorted.drain((event, position) -> {
                    drained.add(event);
                    order.add(
                            event.meeting().value() + " " + event.at() + " " + String.format("%05d", position.index()));
                    assertThat(position.line()).isEqualTo(2 + 6 * (int) position.index());
                    assertThat(events.get((int) position.index())).isEqualTo(event);
                });
            }
            assertThat(drained).as("run size %d", runSize).containsExactlyInAnyOrderElementsOf(events);
            assertThat(order).as("run size %d", runSize).isSorted();
        }
    }

    @Test
    void keepsMessagesWholeAndLeavesNoFileBehind() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (Stream<Path> files = Files.list(temp)) {
            before = files.filter(path -> path.getFileName().toString().startsWith("conference-seed-"))
                    .count();
        }
        PastMessage message = new PastMessage(
                "m1",
                MeetingId.of("{x} y"),
                3,
                UserId.of("\u00eb\uD83C\uDF89"),
                "h\u00e9llo \uD83C\uDF89".repeat(300),
                Instant.EPOCH);
        List<PastMessage> drained = new ArrayList<>();
        try (MeetingOrder<PastMessage> sorted = new MeetingOrder<>(MeetingOrder.MESSAGES, FILE, 1)) {
            sorted.add(message, new RecordPosition(FILE, 0, 2, 5));
            sorted.add(message, new RecordPosition(FILE, 1, 8, 5));
            sorted.drain((value, position) -> drained.add(value));
        }
        assertThat(drained).containsExactly(message, message);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.filter(path -> path.getFileName().toString().startsWith("conference-seed-"))
                            .count())
                    .isEqualTo(before);
        }
    }
}
