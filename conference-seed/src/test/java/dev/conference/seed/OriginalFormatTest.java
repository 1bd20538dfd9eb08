package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files shaped exactly as the original Python tool writes them ({@code json.dump(..., indent=4)}, 0/1
 * flags, an audience on public meetings too, naive date-times with microseconds, or none when they are
 * 0, events that name their meeting only in their id, a leave with no join before it) load as they are.
 */
class OriginalFormatTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @TempDir
    Path dir;

    @Test
    void filesInTheOriginalFormatLoadAsTheyAre() throws IOException {
        Files.writeString(dir.resolve("users.json"), """
                [
                    {
                        "userID": "Xq3vB7pK",
                        "name": "LMNOPQ",
                        "age": 52,
                        "gender": "Female",
                        "email": "lmnopq@teamsEmail.com"
                    },
                    {
                        "userID": "9TzR2wYd",
                        "name": "RSTUVW",
                        "age": 19,
                        "gender": "Male",
                        "email": "rstuvw@teamsEmail.com"
                    }
                ]""");
        Files.writeString(dir.resolve("meetings.json"), """
                [
                    {
                        "meeting_id": "Hk8sD2mQ",
                        "title": "QWERTY",
                        "description": "This meeting is about ASDFGH",
                        "isPublic": 0,
                        "audience": [
                            "rstuvw@teamsEmail.com"
                        ]
                    },
                    {
                        "meeting_id": "p0Lz7NcE",
                        "title": "ZXCVBN",
                        "description": "This meeting is about POIUYT",
                        "isPublic": 1,
                        "capacity": 25,
                        "audience": [
                            "lmnopq@teamsEmail.com",
                            "rstuvw@teamsEmail.com"
                        ]
                    }
                ]""");
        Files.writeString(dir.resolve("meetings_instances.json"), """
                [
                    {
                        "meeting_id": "Hk8sD2mQ",
                        "order_id": 1,
                        "fromdatetime": "2024-05-12T11:40:27.778235",
                        "todatetime": "2024-05-12T11:48:27.778235"
                    },
                    {
                        "meeting_id": "p0Lz7NcE",
                        "order_id": 1,
                        "fromdatetime": "2024-05-12T11:36:27",
                        "todatetime": "2024-05-12T12:02:00.000001"
                    }
                ]""");
        Files.writeString(dir.resolve("events_log.json"), """
                [
                    {
                        "event_id": "event_p0Lz7NcE_Xq3vB7pK_0",
                        "userID": "Xq3vB7pK",
                        "event_type": 2,
                        "timestamp": "2024-05-12T11:44:27.781245"
                    },
                    {
                        "event_id": "event_Hk8sD2mQ_9TzR2wYd_0",
                        "userID": "9TzR2wYd",
                        "event_type": 1,
                        "timestamp": "2024-05-12T11:44:27.781245"
                    }
                ]""");

        SeedRun.Result result = seed().run("load", dir, "--redis", REDIS.uri(), "--zone", "Europe/Athens");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("2 users, 2 meetings, 2 instances, 2 events, 0 messages (local times in Europe/Athens)");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.directory().user(UserId.of("Xq3vB7pK")))
                    .contains(new User(UserId.of("Xq3vB7pK"), "LMNOPQ", 52, "Female", "lmnopq@teamsEmail.com"));
            assertThat(store.directory().user(UserId.of("9TzR2wYd"))).isPresent();
            assertThat(store.directory().meeting(MeetingId.of("Hk8sD2mQ")))
                    .contains(new Meeting(
                            MeetingId.of("Hk8sD2mQ"),
                            "QWERTY",
                            "This meeting is about ASDFGH",
                            false,
                            Set.of("rstuvw@teamsEmail.com")));
            assertThat(store.directory().meeting(MeetingId.of("p0Lz7NcE")).orElseThrow())
                    .satisfies(meeting -> {
                        assertThat(meeting.isPublic()).isTrue();
                        assertThat(meeting.capacity()).hasValue(25);
                        assertThat(meeting.audience())
                                .containsExactlyInAnyOrder("lmnopq@teamsEmail.com", "rstuvw@teamsEmail.com");
                    });
            // Athens is three hours ahead of UTC in May; the microseconds are kept.
            assertThat(store.directory().instances(MeetingId.of("Hk8sD2mQ")))
                    .containsExactly(new MeetingInstance(
                            MeetingId.of("Hk8sD2mQ"),
                            1,
                            Instant.parse("2024-05-12T08:40:27.778235Z"),
                            Instant.parse("2024-05-12T08:48:27.778235Z")));
            assertThat(store.directory().instances(MeetingId.of("p0Lz7NcE")))
                    .containsExactly(new MeetingInstance(
                            MeetingId.of("p0Lz7NcE"),
                            1,
                            Instant.parse("2024-05-12T08:36:27Z"),
                            Instant.parse("2024-05-12T09:02:00.000001Z")));
            // Events of 2024 are history: nobody is joined into a meeting that is not running.
            assertThat(store.conference().participants(MeetingId.of("Hk8sD2mQ")))
                    .isEmpty();
        }
    }

    @Test
    void theOriginalToolsPublishedFilesLoadWhenTheyAreAtHand() {
        // The project's shared folder sits beside the repository; a bare clone has no such folder.
        Path published =
                Path.of("../../shared/original-format").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(published.resolve("users.json")), "no " + published);

        SeedRun.Result result = seed().run("load", published, "--redis", REDIS.uri(), "--zone", "UTC");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "5 users, 7 meetings, 7 instances, 5 events",
                        "0 invalid",
                        "stored 5 users, 7 meetings, 7 instances");
    }
}
