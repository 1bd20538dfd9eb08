package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The usage example of the root README, compiled and run; the README must quote it verbatim. */
class ReadmeExampleTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    static List<ChatMessage> example(String redisUri) {
        // README:begin
        try (ConferenceStore store = RedisConferenceStore.connect(redisUri)) {
            Directory directory = store.directory();
            Conference conference = store.conference();

            UserId alice = UserId.of("alice");
            MeetingId standup = MeetingId.of("standup");
            directory.saveUser(new User(alice, "Alice", 34, "Female", "alice@example.com"));
            directory.saveMeeting(Meeting.restricted(standup, "Daily stand-up", "What we did, what we do",
                    Set.of("Alice@Example.com")));
            Instant now = Instant.now();
            directory.saveInstance(new MeetingInstance(standup, 1, now, now.plus(Duration.ofMinutes(15))));

            conference.join(alice, standup);            // refused unless active and alice is in the audience
            conference.post(alice, standup, "Good morning!");
            System.out.println(conference.participants(standup));
            List<ChatMessage> chat = conference.chat(standup);
            conference.end(standup);                     // alice leaves with a TIMEOUT event
            return chat;
        }
        // README:end
    }

    @Test
    void theExampleRuns() {
        assertThat(example(REDIS.uri())).extracting(ChatMessage::text).containsExactly("Good morning!");
    }

    @Test
    void theReadmeQuotesTheExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/conference/redis/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// README:begin\n") + "// README:begin\n".length(),
                source.indexOf("        // README:end"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains(example.stripTrailing().stripIndent() + "\n");
    }
}
