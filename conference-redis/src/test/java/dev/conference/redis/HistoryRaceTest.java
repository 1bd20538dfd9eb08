package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.EventType;
import dev.conference.model.Imported;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Imports of the same records racing each other, and live joins and posts racing them: every record
 * is stored exactly once whoever gets there first, answered STORED to exactly one caller, and the log
 * and chat come out in timestamp order with the live entries among them.
 */
class HistoryRaceTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final MeetingId STANDUP = MeetingId.of("standup");

    @Test
    void racingImportsStoreEachRecordOnceAndKeepTheLogInOrder() throws Exception {
        Instant from = Instant.now().minus(Duration.ofHours(1));
        try (ConferenceStore a = RedisConferenceStore.connect(REDIS.uri());
                ConferenceStore b = RedisConferenceStore.connect(REDIS.uri())) {
            Meeting meeting = aPublicMeeting("standup");
            a.directory().saveMeeting(meeting);
            a.directory().saveInstance(anInstance(meeting, 1, from, Duration.ofHours(2)));
            List<PastEvent> events = new ArrayList<>();
            List<PastMessage> messages = new ArrayList<>();
            Random random = new Random(5);
            for (int u = 0; u < 40; u++) {
                a.directory().saveUser(aUser("u" + u));
            }
            for (int i = 0; i < 600; i++) {
                UserId user = UserId.of("u" + random.nextInt(40));
                Instant at = from.plusSeconds(1 + random.nextInt(3000));
                events.add(new PastEvent("e" + i, STANDUP, user, EventType.values()[random.nextInt(3)], at));
                messages.add(new PastMessage("m" + i, STANDUP, 1, user, "old " + i, at));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Imported>>> answers = new ArrayList<>();
                for (ConferenceStore store : List.of(a, b, a, b)) {
                    List<PastEvent> mine = new ArrayList<>(events);
                    Collections.shuffle(mine, random);
                    answers.add(pool.submit(() -> {
                        List<Imported> out = new ArrayList<>();
                        for (int start = 0; start < mine.size(); start += 50) {
                            out.addAll(store.history().importEvents(mine.subList(start, start + 50)));
                        }
                        return out;
                    }));
                }
                Future<?> live = pool.submit(() -> {
                    for (int u = 40; u < 60; u++) {
                        b.directory().saveUser(aUser("u" + u));
                        b.conference().join(UserId.of("u" + u), STANDUP);
                        b.conference().post(UserId.of("u" + u), STANDUP, "live " + u);
                    }
                    return null;
                });
                List<Imported> all = new ArrayList<>();
                for (Future<List<Imported>> answer : answers) {
                    all.addAll(answer.get());
                }
                live.get();
                assertThat(all.stream().filter(outcome -> outcome == Imported.STORED))
                        .hasSize(events.size());
                assertThat(all.stream().filter(outcome -> outcome == Imported.ALREADY_STORED))
                        .hasSize(3 * events.size());
            } finally {
                pool.shutdownNow();
            }
            a.history().importMessages(messages.subList(0, 300));
            b.history().importMessages(messages);

            List<MeetingEvent> log = a.conference().events(STANDUP);
            assertThat(log.get(0).type()).isEqualTo(EventType.STARTED);
            assertThat(log.subList(1, log.size())).extracting(MeetingEvent::at).isSorted();
            assertThat(log.stream().filter(event -> event.type() == EventType.JOINED))
                    .hasSizeGreaterThanOrEqualTo(20);
            assertThat(log).hasSize(1 + events.size() + 20);
            assertThat(a.conference().chat(STANDUP))
                    .extracting(message -> message.text())
                    .hasSize(messages.size() + 20)
                    .doesNotHaveDuplicates();
            assertThat(a.conference().chat(STANDUP))
                    .extracting(message -> message.postedAt())
                    .isSorted();
            // Each live joiner's last event is their live JOINED: they are all in.
            assertThat(a.conference().participants(STANDUP).stream()
                            .map(p -> p.user().value())
                            .collect(Collectors.toSet()))
                    .containsAll(java.util.stream.IntStream.range(40, 60)
                            .mapToObj(u -> "u" + u)
                            .toList());
        }
    }
}
