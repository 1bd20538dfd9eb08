package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingInstance;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import io.lettuce.core.cluster.SlotHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key schema's promises: one slot per meeting, and no keyspace walk anywhere in the adapter. */
class KeySchemaTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Test
    void everyKeyOfAMeetingSharesItsSlot() {
        List<String> ids = List.of("plain", "{braced}", "a}b{c", "%7B", "x:y", "会议");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            Instant now = Instant.now();
            for (String id : ids) {
                UserId user = UserId.of("u " + id);
                store.directory().saveUser(aUser("u " + id));
                Meeting meeting = aPublicMeeting(id);
                store.directory().saveMeeting(meeting);
                store.directory()
                        .saveInstance(new MeetingInstance(meeting.id(), 1, now.minusSeconds(5), now.plusSeconds(3600)));
                store.conference().join(user, meeting.id());
                store.conference().post(user, meeting.id(), "hello");
            }
            Keys keys = new Keys("conference:");
            for (String id : ids) {
                String base = keys.meeting(aPublicMeeting(id).id()).base();
                List<String> meetingKeys = REDIS.admin().sync().keys(escapeGlob(base) + "*");
                assertThat(meetingKeys)
                        .as("keys of meeting %s", id)
                        .hasSizeGreaterThanOrEqualTo(8)
                        .allSatisfy(key -> assertThat(SlotHash.getSlot(key)).isEqualTo(SlotHash.getSlot(base)));
            }
        }
    }

    @Test
    void theAdapterNeverWalksTheKeyspace() throws IOException {
        Path main = Path.of("src/main");
        // Lettuce's KEYS takes a pattern: a binding's keys() (ScriptCall) takes none.
        Pattern walk = Pattern.compile("\\.scan\\(|\\.keys\\((?!\\))|['\"](SCAN|KEYS)['\"]", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> offenders = files.filter(Files::isRegularFile)
                    .filter(file -> walk.matcher(read(file)).find())
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String escapeGlob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
