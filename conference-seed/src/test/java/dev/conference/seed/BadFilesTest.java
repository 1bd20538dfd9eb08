package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each broken data set is refused whole with a report naming the file and the place, exit code 2, and
 * nothing stored; {@code --skip-invalid} stores the rest.
 */
class BadFilesTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    // Laid out as the original tool writes: a user takes 7 lines, a meeting 9, an instance or event 6,
    // so record N of users.json starts on line 2 + 7 (N - 1), column 5.
    static final String USERS = """
            [
                {
                    "userID": "u1",
                    "name": "ANNA",
                    "age": 30,
                    "gender": "Female",
                    "email": "anna@teamsEmail.com"
                },
                {
                    "userID": "u2",
                    "name": "BORIS",
                    "age": 41,
                    "gender": "Male",
                    "email": "boris@teamsEmail.com"
                },
                {
                    "userID": "u3",
                    "name": "CARLA",
                    "age": 25,
                    "gender": "Female",
                    "email": "carla@teamsEmail.com"
                }
            ]""";
    static final String MEETINGS = """
            [
                {
                    "meeting_id": "m1",
                    "title": "PLANNING",
                    "description": "This meeting is about PLANS",
                    "isPublic": 1,
                    "audience": [
                        "anna@teamsEmail.com"
                    ]
                },
                {
                    "meeting_id": "m2",
                    "title": "REVIEW",
                    "description": "This meeting is about CODE",
                    "isPublic": 0,
                    "audience": [
                        "boris@teamsEmail.com"
                    ]
                }
            ]""";
    static final String INSTANCES = """
            [
                {
                    "meeting_id": "m1",
                    "order_id": 1,
                    "fromdatetime": "2024-05-12T11:40:27.778235",
                    "todatetime": "2024-05-12T11:48:27.778235"
                },
                {
                    "meeting_id": "m1",
                    "order_id": 2,
                    "fromdatetime": "2024-05-13T11:40:27.778235",
                    "todatetime": "2024-05-13T11:48:27.778235"
                },
                {
                    "meeting_id": "m2",
                    "order_id": 1,
                    "fromdatetime": "2024-05-12T11:39:27.778235",
                    "todatetime": "2024-05-12T11:41:27.778235"
                }
            ]""";
    static final String EVENTS = """
            [
                {
                    "event_id": "event_m1_u1_0",
                    "userID": "u1",
                    "event_type": 1,
                    "timestamp": "2024-05-12T11:44:27.781245"
                },
                {
                    "event_id": "event_m2_u2_0",
                    "userID": "u2",
                    "event_type": 2,
                    "timestamp": "2024-05-12T11:44:27.781245"
                }
            ]""";

    @TempDir
    Path dir;

    static Stream<Arguments> brokenDataSets() {
        return Stream.of(
                broken(
                        "truncated JSON",
                        "users.json",
                        USERS.substring(0, USERS.indexOf("\"age\": 41")),
                        "users.json:12:9: malformed JSON: Unexpected end-of-input"),
                broken(
                        "a missing comma",
                        "users.json",
                        USERS.replace("\"age\": 41,", "\"age\": 41"),
                        "users.json:13:9: malformed JSON: Unexpected character ('\"'"),
                broken(
                        "not an array",
                        "users.json",
                        "{\"userID\": \"u1\"}",
                        "users.json:1:1: malformed JSON: expected a JSON array of records, found an object"),
                broken(
                        "an empty file",
                        "events_log.json",
                        "",
                        "events_log.json:1:1: malformed JSON: the file is empty"),
                broken(
                        "a field named twice",
                        "users.json",
                        USERS.replace("\"age\": 41,", "\"age\": 41, \"age\": 42,"),
                        "users.json:12:25: malformed JSON: Duplicate field 'age'"),
                broken(
                        "a number as text",
                        "users.json",
                        USERS.replace("\"age\": 41", "\"age\": \"41\""),
                        "users.json:9:5: record 2: field 'age' must be a whole number, got the string \"41\""),
                broken(
                        "a fraction for a whole number",
                        "users.json",
                        USERS.replace("\"age\": 41", "\"age\": 41.5"),
                        "users.json:9:5: record 2: field 'age' must be a whole number, got the number 41.5"),
                broken(
                        "a record that is not an object",
                        "users.json",
                        USERS.replace("[\n", "[\n    \"u0\",\n"),
                        "users.json:2:5: record 1: expected an object, got the string \"u0\""),
                broken(
                        "a missing field",
                        "meetings.json",
                        MEETINGS.replace("\"title\": \"REVIEW\",\n", ""),
                        "meetings.json:11:5: record 2: missing field 'title'"),
                broken(
                        "a null field",
                        "meetings.json",
                        MEETINGS.replace("\"REVIEW\"", "null"),
                        "meetings.json:11:5: record 2: field 'title' is null"),
                broken(
                        "isPublic neither 0 nor 1",
                        "meetings.json",
                        MEETINGS.replace("\"isPublic\": 0", "\"isPublic\": 2"),
                        "meetings.json:11:5: record 2: field 'isPublic' must be 0 or 1, got the number 2"),
                broken(
                        "a capacity that is not a whole number",
                        "meetings.json",
                        MEETINGS.replace("\"isPublic\": 0", "\"isPublic\": 0, \"capacity\": \"ten\""),
                        "meetings.json:11:5: record 2: field 'capacity' must be a whole number, got the string \"ten\""),
                broken(
                        "a capacity out of range",
                        "meetings.json",
                        MEETINGS.replace("\"isPublic\": 0", "\"isPublic\": 0, \"capacity\": 0"),
                        "meetings.json:11:5: record 2: meeting capacity must be between 1 and 1000000, got 0"),
                broken(
                        "a bad email",
                        "users.json",
                        USERS.replace("carla@teamsEmail.com", "carla.teamsEmail.com"),
                        "users.json:16:5: record 3: user email must look like name@domain: carla.teamsEmail.com"),
                broken(
                        "a bad audience email",
                        "meetings.json",
                        MEETINGS.replace("\"boris@teamsEmail.com\"", "\"boris\""),
                        "meetings.json:11:5: record 2: audience email must look like name@domain: boris"),
                broken(
                        "an age out of range",
                        "users.json",
                        USERS.replace("\"age\": 25", "\"age\": -1"),
                        "users.json:16:5: record 3: user age must be between 0 and 150, got -1"),
                broken(
                        "from not before to",
                        "meetings_instances.json",
                        INSTANCES.replace("2024-05-13T11:48:27.778235", "2024-05-13T11:40:27.778235"),
                        "meetings_instances.json:8:5: record 2: instance from must be before to"),
                broken(
                        "a time that is not a date-time",
                        "meetings_instances.json",
                        INSTANCES.replace("2024-05-13T11:48:27.778235", "tomorrow"),
                        "meetings_instances.json:8:5: record 2: field 'todatetime' must be a date-time like"
                                + " 2024-05-12T11:40:27.778235, got 'tomorrow'"),
                broken(
                        "an order below 1",
                        "meetings_instances.json",
                        INSTANCES.replace("\"order_id\": 2", "\"order_id\": 0"),
                        "meetings_instances.json:8:5: record 2: instance number must be 1 or more, got 0"),
                broken(
                        "an instance of an unknown meeting",
                        "meetings_instances.json",
                        INSTANCES.replace("\"meeting_id\": \"m2\"", "\"meeting_id\": \"m9\""),
                        "meetings_instances.json:14:5: record 3: meeting_id 'm9' is not a valid meeting of meetings.json"),
                broken(
                        "overlapping instances of one meeting",
                        "meetings_instances.json",
                        INSTANCES.replace("2024-05-13T11:40:27.778235", "2024-05-12T11:45:00"),
                        "meetings_instances.json:8:5: record 2: instance 2 of meeting 'm1' (2024-05-12T11:45:00Z .."
                                + " 2024-05-13T11:48:27.778235Z) overlaps its instance 1"),
                broken(
                        "an event of an unknown user",
                        "events_log.json",
                        EVENTS.replace("u2", "u9"),
                        "events_log.json:8:5: record 2: userID 'u9' is not a valid user of users.json"),
                broken(
                        "an event of an unknown meeting",
                        "events_log.json",
                        EVENTS.replace("event_m2_", "event_m9_"),
                        "events_log.json:8:5: record 2: meeting 'm9' (from event_id) is not a valid meeting of meetings.json"),
                broken(
                        "an event id of another user",
                        "events_log.json",
                        EVENTS.replace("event_m2_u2_0", "event_m2_u1_0"),
                        "events_log.json:8:5: record 2: field 'event_id' must be event_<meeting_id>_<userID>_<n> with"
                                + " this record's userID 'u2', got 'event_m2_u1_0'"),
                broken(
                        "an unknown event type",
                        "events_log.json",
                        EVENTS.replace("\"event_type\": 2", "\"event_type\": 7"),
                        "events_log.json:8:5: record 2: field 'event_type' must be 1 (join), 2 (leave) or 3 (timeout), got 7"),
                broken(
                        "a user given twice",
                        "users.json",
                        USERS.replace("\"u3\"", "\"u1\""),
                        "users.json:16:5: record 3: userID 'u1' is given twice: an earlier record has it"),
                broken(
                        "a meeting given twice",
                        "meetings.json",
                        MEETINGS.replace("\"m2\"", "\"m1\""),
                        "meetings.json:11:5: record 2: meeting_id 'm1' is given twice"),
                broken(
                        "an instance given twice",
                        "meetings_instances.json",
                        INSTANCES.replace("\"order_id\": 2", "\"order_id\": 1"),
                        "meetings_instances.json:8:5: record 2: instance 1 of meeting 'm1' is given twice"),
                broken(
                        "an event given twice",
                        "events_log.json",
                        EVENTS.replace("event_m2_u2_0", "event_m1_u2_0")
                                .replace("\"u1\"", "\"u2\"")
                                .replace("event_m1_u1_0", "event_m1_u2_0"),
                        "events_log.json:8:5: record 2: event_id 'event_m1_u2_0' is given twice"),
                broken(
                        "a message of an unknown user",
                        "messages.json",
                        message("x1", "m1", 1, "u9", "hi", "2024-05-12T11:41:00"),
                        "messages.json:2:5: record 1: userID 'u9' is not a valid user of users.json"),
                broken(
                        "a message in an instance the files do not hold",
                        "messages.json",
                        message("x1", "m1", 3, "u1", "hi", "2024-05-12T11:41:00"),
                        "messages.json:2:5: record 1: instance 3 of meeting 'm1' is not a valid instance of"
                                + " meetings_instances.json"),
                broken(
                        "a message outside its instance",
                        "messages.json",
                        message("x1", "m1", 2, "u1", "hi", "2024-05-12T11:41:00"),
                        "messages.json:2:5: record 1: timestamp 2024-05-12T11:41:00Z is outside instance 2 of meeting"
                                + " 'm1'"),
                broken(
                        "a message with a blank text",
                        "messages.json",
                        message("x1", "m1", 1, "u1", "  ", "2024-05-12T11:41:00"),
                        "messages.json:2:5: record 1: chat text must not be blank"),
                broken(
                        "a message with no id",
                        "messages.json",
                        message("x1", "m1", 1, "u1", "hi", "2024-05-12T11:41:00")
                                .replace("\"message_id\": \"x1\",", ""),
                        "messages.json:2:5: record 1: missing field 'message_id'"));
    }

    /** messages.json with one message, of these fields; a record starts on line 2, column 5. */
    private static String message(String id, String meeting, int order, String user, String text, String at) {
        return """
                [
                    {
                        "message_id": "%s",
                        "meeting_id": "%s",
                        "order_id": %d,
                        "userID": "%s",
                        "text": "%s",
                        "timestamp": "%s"
                    }
                ]""".formatted(id, meeting, order, user, text, at);
    }

    private static Arguments broken(String what, String file, String content, String expected) {
        return Arguments.of(what, Map.of(file, content), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDataSets")
    void aBrokenDataSetIsReportedAndNothingIsStored(String what, Map<String, String> replaced, String expected)
            throws IOException {
        write(replaced);

        SeedRun.Result result = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.errLines())
                .as(result.err())
                .anySatisfy(line -> assertThat(line).startsWith(dir + "/" + expected));
        assertThat(result.errLines().get(result.errLines().size() - 1)).startsWith("nothing stored: ");
        assertThat(result.err()).doesNotContain("\tat ", "Exception");
        assertNothingStored();
    }

    @Test
    void everyInvalidRecordIsListedNotOnlyTheFirst() throws IOException {
        write(Map.of(
                "users.json", USERS.replace("\"age\": 41", "\"age\": \"41\"").replace("carla@", "carla")));

        SeedRun.Result result = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines())
                .containsExactly(
                        dir + "/users.json:9:5: record 2: field 'age' must be a whole number, got the string \"41\"",
                        dir + "/users.json:16:5: record 3: user email must look like name@domain: carlateamsEmail.com",
                        // an event of a user whose record is invalid is invalid too
                        dir + "/events_log.json:8:5: record 2: userID 'u2' is not a valid user of users.json",
                        "nothing stored: 3 invalid records (see above); --skip-invalid stores the 7 valid ones");
        assertThat(result.out()).contains("3 users, 2 meetings, 3 instances, 2 events", "3 invalid");
        assertNothingStored();
    }

    @Test
    void skipInvalidStoresTheValidRecordsAndReportsTheRest() throws IOException {
        write(Map.of(
                "users.json",
                USERS.replace("\"age\": 41", "\"age\": \"41\""),
                "meetings.json",
                MEETINGS.replace("\"title\": \"REVIEW\",\n", "")));

        SeedRun.Result result = seed().run("load", dir, "--redis", REDIS.uri(), "--skip-invalid");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.errLines())
                .containsExactly(
                        dir + "/users.json:9:5: record 2: field 'age' must be a whole number, got the string \"41\"",
                        dir + "/meetings.json:11:5: record 2: missing field 'title'",
                        dir
                                + "/meetings_instances.json:14:5: record 3: meeting_id 'm2' is not a valid meeting of meetings.json",
                        dir + "/events_log.json:8:5: record 2: userID 'u2' is not a valid user of users.json",
                        "skipped 4 invalid records (see above)");
        assertThat(result.out()).contains("stored 2 users, 1 meetings, 2 instances");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.directory().users(Page.first(10)))
                    .extracting(user -> user.id().value())
                    .containsExactly("u1", "u3");
            assertThat(store.directory().meetings(Page.first(10)))
                    .extracting(meeting -> meeting.id().value())
                    .containsExactly("m1");
            assertThat(store.directory().instances(MeetingId.of("m1"))).hasSize(2);
            assertThat(store.directory().user(UserId.of("u2"))).isEmpty();
        }
    }

    @Test
    void skipInvalidStillRefusesAMalformedFile() throws IOException {
        write(Map.of("events_log.json", EVENTS.substring(0, 40)));

        SeedRun.Result result = seed().run("load", dir, "--redis", REDIS.uri(), "--skip-invalid");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "events_log.json:", "malformed JSON", "nothing stored: a file is not a well-formed JSON array");
        assertThat(result.out()).contains("; 0 invalid; malformed: events_log.json");
        assertNothingStored();
    }

    @Test
    void anInstanceThatOverlapsOneAlreadyStoredIsRefusedByTheStoreAndReported() throws IOException {
        write(Map.of());
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveMeeting(Meeting.publicMeeting(MeetingId.of("m1"), "OLD", "stored before"));
            store.directory()
                    .saveInstance(new MeetingInstance(
                            MeetingId.of("m1"),
                            9,
                            Instant.parse("2024-05-12T11:00:00Z"),
                            Instant.parse("2024-05-12T11:45:00Z")));
        }

        SeedRun.Result result = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines())
                .containsExactly(
                        dir + "/meetings_instances.json:2:5: record 1: refused by the store: instance 1 of meeting 'm1'"
                                + " (2024-05-12T11:40:27.778235Z .. 2024-05-12T11:48:27.778235Z) overlaps its instance 9"
                                + " (2024-05-12T11:00:00Z .. 2024-05-12T11:45:00Z)",
                        dir + "/events_log.json:8:5: record 2: event of meeting 'm2' at 2024-05-12T11:44:27.781245Z not"
                                + " stored: no instance of its meeting holds its time",
                        "the store refused 1 instances (see above)");
        assertThat(result.out()).contains("stored 3 users, 2 meetings, 2 instances");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.directory().instances(MeetingId.of("m1")))
                    .extracting(MeetingInstance::instance)
                    .containsExactly(9, 2);
        }
    }

    @Test
    void theValidBaseSetLoads() throws IOException {
        write(Map.of());

        SeedRun.Result result = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("stored 3 users, 2 meetings, 3 instances");
    }

    private void write(Map<String, String> replaced) throws IOException {
        Map<String, String> files = Map.of(
                "users.json",
                USERS,
                "meetings.json",
                MEETINGS,
                "meetings_instances.json",
                INSTANCES,
                "events_log.json",
                EVENTS);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), replaced.getOrDefault(file.getKey(), file.getValue()));
        }
        if (replaced.containsKey("messages.json")) {
            Files.writeString(dir.resolve("messages.json"), replaced.get("messages.json"));
        }
    }

    private static void assertNothingStored() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.directory().users(Page.first(10))).isEmpty();
            assertThat(store.directory().meetings(Page.first(10))).isEmpty();
        }
    }
}
