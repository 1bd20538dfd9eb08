package dev.conference.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.EventType;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.seed.format.RecordWriter;
import dev.conference.seed.format.SourceEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator writes what Python's {@code json.dump(records, f, indent=4)} writes, byte for byte. */
class RecordWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesRecordsLaidOutAsTheOriginalTool() throws IOException {
        Path file = dir.resolve("mixed.json");
        ZoneId athens = ZoneId.of("Europe/Athens");
        try (RecordWriter out = RecordWriter.open(file, athens)) {
            out.user(new User(UserId.of("aB3dE5fG"), "HIJKLM", 33, "Male", "hijklm@teamsEmail.com"));
            out.meeting(
                    "nO7pQ9rS",
                    "TUVWXY",
                    "This meeting is about ZABCDE",
                    false,
                    List.of("hijklm@teamsEmail.com", "other@teamsEmail.com"));
            out.meeting("tU1vW3xY", "EMPTYA", "This meeting is about NOBODY", true, List.of());
            out.instance(new MeetingInstance(
                    MeetingId.of("nO7pQ9rS"),
                    1,
                    Instant.parse("2024-05-12T08:40:27.778235Z"),
                    Instant.parse("2024-05-12T08:48:27Z")));
            out.event(new SourceEvent(
                    "event_nO7pQ9rS_aB3dE5fG_0",
                    MeetingId.of("nO7pQ9rS"),
                    UserId.of("aB3dE5fG"),
                    EventType.LEFT,
                    Instant.parse("2024-05-12T08:44:27.781245Z")));
        }

        assertThat(Files.readString(file)).isEqualTo("""
                [
                    {
                        "userID": "aB3dE5fG",
                        "name": "HIJKLM",
                        "age": 33,
                        "gender": "Male",
                        "email": "hijklm@teamsEmail.com"
                    },
                    {
                        "meeting_id": "nO7pQ9rS",
                        "title": "TUVWXY",
                        "description": "This meeting is about ZABCDE",
                        "isPublic": 0,
                        "audience": [
                            "hijklm@teamsEmail.com",
                            "other@teamsEmail.com"
                        ]
                    },
                    {
                        "meeting_id": "tU1vW3xY",
                        "title": "EMPTYA",
                        "description": "This meeting is about NOBODY",
                        "isPublic": 1,
                        "audience": []
                    },
                    {
                        "meeting_id": "nO7pQ9rS",
                        "order_id": 1,
                        "fromdatetime": "2024-05-12T11:40:27.778235",
                        "todatetime": "2024-05-12T11:48:27.000000"
                    },
                    {
                        "event_id": "event_nO7pQ9rS_aB3dE5fG_0",
                        "userID": "aB3dE5fG",
                        "event_type": 2,
                        "timestamp": "2024-05-12T11:44:27.781245"
                    }
                ]""");
    }

    @Test
    void anAbandonedFileLeavesTheEarlierOneInPlace() throws IOException {
        Path file = dir.resolve("users.json");
        Files.writeString(file, "[]");

        RecordWriter out = RecordWriter.open(file, ZoneId.of("UTC"));
        out.user(new User(UserId.of("x"), "X", 1, "Male", "x@example.com"));
        out.abandon();

        assertThat(Files.readString(file)).isEqualTo("[]");
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }
}
