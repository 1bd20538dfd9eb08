package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The usage example of the root README, compiled and run; the README must quote it verbatim. */
class ReadmeExampleTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    static List<ChatMessage> example(String redisUri) {
        // README:begin usage
        try (ConferenceStore store = RedisConferenceStore.connect(redisUri)) {
            Directory directory = store.directory();
            Conference conference = store.conference();

            UserId alice = UserId.of("alice");
            MeetingId standup = MeetingId.of("standup");
            directory.saveUser(new User(alice, "Alice", 34, "Female", "alice@example.com"));
            directory.saveMeeting(Meeting.restricted(
                    standup, "Daily stand-up", "What we did, what we do", Set.of("Alice@Example.com")));
            Instant now = Instant.now();
            directory.saveInstance(new MeetingInstance(standup, 1, now, now.plus(Duration.ofMinutes(15))));

            conference.join(alice, standup); // refused unless active and alice is in the audience
            conference.post(alice, standup, "Good morning!");
            System.out.println(conference.participants(standup));
            List<ChatMessage> chat = conference.chat(standup);
            conference.end(standup); // alice leaves with a TIMED_OUT event
            return chat;
        }
        // README:end
    }

    static List<MeetingEvent> liveExample(ConferenceStore store, MeetingId standup, UserId alice)
            throws InterruptedException {
        // README:begin live
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();
        try (MeetingScheduler scheduler = MeetingScheduler.start(store.lifecycle(), SchedulerOptions.defaults());
                Subscription live = store.liveEvents().subscribe(standup, FeedPosition.latest(), received::add)) {
            store.conference().join(alice, standup, Duration.ofSeconds(30)); // renew(...) every ~10 s
            MeetingEvent first = received.take(); // STARTED, then JOINED, ...
            // Keep it: subscribe(standup, FeedPosition.after(resumeFrom), listener) resumes after a reconnect.
            String resumeFrom = live.lastSeenId();
        }
        // README:end
        return List.copyOf(received);
    }

    @Test
    void theLiveExampleRuns() throws InterruptedException {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            UserId alice = UserId.of("alice");
            MeetingId standup = MeetingId.of("standup");
            store.directory().saveUser(new User(alice, "Alice", 34, "Female", "alice@example.com"));
            store.directory().saveMeeting(Meeting.publicMeeting(standup, "Stand-up", ""));
            Instant now = Instant.now();
            store.directory().saveInstance(new MeetingInstance(standup, 1, now, now.plus(Duration.ofMinutes(15))));

            liveExample(store, standup, alice);

            assertThat(store.conference().participants(standup)).hasSize(1);
        }
    }

    static double metricsExample(String redisUri, MeetingId standup) {
        // README:begin metrics
        MeterRegistry registry = new SimpleMeterRegistry(); // or the application's own registry
        RedisOptions options = RedisOptions.builder().meterRegistry(registry).build();
        try (ConferenceStore store = RedisConferenceStore.connect(redisUri, options)) {
            store.conference().participants(standup);
        }
        Timer reads = registry.get("conference.operations")
                .tags("operation", "participants", "outcome", "ok")
                .timer();
        System.out.println(reads.count() + " reads, " + reads.mean(TimeUnit.MICROSECONDS) + " µs on average");
        // README:end
        return reads.count();
    }

    @Test
    void theMetricsExampleRuns() {
        example(REDIS.uri());

        assertThat(metricsExample(REDIS.uri(), MeetingId.of("standup"))).isEqualTo(1);
    }

    @Test
    void theExampleRuns() {
        assertThat(example(REDIS.uri())).extracting(ChatMessage::text).containsExactly("Good morning!");
    }

    @Test
    void theReadmeQuotesTheExamples() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/conference/redis/ReadmeExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        Matcher region = Pattern.compile("// README:begin (\\w+)\n(.*?)\n\\s*// README:end", Pattern.DOTALL)
                .matcher(source);
        int regions = 0;
        while (region.find()) {
            regions++;
            assertThat(readme)
                    .as("README quotes the example '%s'", region.group(1))
                    .contains(region.group(2).stripIndent() + "\n");
        }
        assertThat(regions).isEqualTo(3);
    }
}
