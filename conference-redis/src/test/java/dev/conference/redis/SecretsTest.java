package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingInstance;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import dev.conference.testing.Fixtures;
import io.lettuce.core.RedisURI;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A password given in a URI appears in no exception (message, causes, {@code toString()}, stack
 * trace), no log line down to DEBUG and nothing printed to the console: with a wrong password, with
 * the right one to a closed port, in a working session whose server goes away, and in malformed URIs.
 *
 * <p>Not covered here, on purpose: Lettuce at TRACE logs every byte it sends, AUTH included; an
 * application must never run {@code io.lettuce.core.protocol} at TRACE in production.
 */
class SecretsTest {
    /** The server's password, with characters that must be percent-encoded in a URI. */
    private static final String PASSWORD = "Q7xK/Zebra42@Wv9q";

    private static final String ENCODED = "Q7xK%2FZebra42%40Wv9q";
    private static final String WRONG = "Xylo8Wrong5Pw";
    /** Pieces of the secrets: none may show up anywhere, whole or in part. */
    private static final List<String> FRAGMENTS = List.of("Q7xK", "Zebra42", "Wv9q", "Xylo8", "Wrong5Pw");

    private static ConfiguredRedis server;

    @BeforeAll
    static void startServer() {
        server = ConfiguredRedis.start(List.of("requirepass \"" + PASSWORD + "\""));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutBeingShown() {
        String[] uris = {
            "redis://:" + WRONG + "@127.0.0.1:" + server.port(),
            "redis://default:" + WRONG + "@127.0.0.1:" + server.port(),
            "redis://default:" + WRONG + "@127.0.0.1:" + server.port() + "/0?timeout=2s",
        };
        try (LogCapture logs = LogCapture.start()) {
            for (String uri : uris) {
                Throwable refused =
                        catchThrowable(() -> RedisConferenceStore.connect(uri).close());
                assertThat(refused)
                        .as(uri)
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("127.0.0.1:" + server.port())
                        .hasMessageContaining("WRONGPASS");
                assertThat(refused.getMessage()).as("one line").doesNotContain("\n");
                assertShowsNoSecret(uri, everythingAbout(refused));
            }
            Throwable refused = catchThrowable(() -> RedisConferenceStore.connect(
                            RedisURI.Builder.redis("127.0.0.1", server.port())
                                    .withPassword(WRONG.toCharArray())
                                    .build(),
                            RedisOptions.defaults())
                    .close());
            assertThat(refused).isInstanceOf(StoreException.class);
            assertShowsNoSecret("RedisURI with a wrong password", everythingAbout(refused));
            assertSawLettuceAndNoSecret(logs);
        }
    }

    @Test
    void theRightPasswordToAClosedPortIsNotShown() {
        int closed = ConfiguredRedis.freePort();
        try (LogCapture logs = LogCapture.start()) {
            for (String uri : List.of(
                    "redis://:" + ENCODED + "@127.0.0.1:" + closed,
                    "redis://default:" + ENCODED + "@127.0.0.1:" + closed + "/3",
                    "rediss://default:" + ENCODED + "@127.0.0.1:" + closed)) {
                Throwable refused =
                        catchThrowable(() -> RedisConferenceStore.connect(uri).close());
                assertThat(refused)
                        .as(uri)
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("127.0.0.1:" + closed);
                assertShowsNoSecret(uri, everythingAbout(refused));
            }
            assertSawLettuceAndNoSecret(logs);
        }
    }

    @Test
    void aWorkingSessionShowsThePasswordNowhereNotEvenWhenItsServerGoesAway() throws InterruptedException {
        ConfiguredRedis doomed = ConfiguredRedis.start(List.of("requirepass \"" + PASSWORD + "\""));
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch subscriptionFailed = new CountDownLatch(1);
        try (LogCapture logs = LogCapture.start()) {
            RedisURI uri = RedisURI.create("redis://default:" + ENCODED + "@127.0.0.1:" + doomed.port());
            try (ConferenceStore store = RedisConferenceStore.connect(
                    uri,
                    RedisOptions.builder().commandTimeout(Duration.ofSeconds(1)).build())) {
                Meeting meeting = Fixtures.aPublicMeeting("standup");
                store.directory().saveUser(Fixtures.aUser("ann"));
                store.directory().saveMeeting(meeting);
                store.directory()
                        .saveInstance(new MeetingInstance(
                                meeting.id(),
                                1,
                                Instant.now().minusSeconds(60),
                                Instant.now().plusSeconds(3600)));
                store.conference().join(UserId.of("ann"), meeting.id());
                store.conference().post(UserId.of("ann"), meeting.id(), "hello");
                Subscription subscription = store.liveEvents()
                        .subscribe(meeting.id(), FeedPosition.oldest(), new dev.conference.port.EventListener() {
                            @Override
                            public void onEvent(dev.conference.model.MeetingEvent event) {}

                            @Override
                            public void onError(ConferenceException error) {
                                failures.add(error);
                                subscriptionFailed.countDown();
                            }
                        });

                doomed.close();
                failures.add(catchThrowable(() -> store.conference().post(UserId.of("ann"), meeting.id(), "lost")));
                failures.add(catchThrowable(() -> store.directory().user(UserId.of("ann"))));
                assertThat(subscriptionFailed.await(20, TimeUnit.SECONDS))
                        .as("the subscription reports its failure")
                        .isTrue();
                subscription.close();
            }
            assertThat(failures).hasSizeGreaterThanOrEqualTo(3).allSatisfy(failure -> {
                assertThat(failure)
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("127.0.0.1:" + doomed.port());
                assertShowsNoSecret("after the server went away", everythingAbout(failure));
            });
            assertSawLettuceAndNoSecret(logs);
        }
    }

    @Test
    void malformedUrisAreRefusedWithoutShowingTheirPassword() {
        int closed = ConfiguredRedis.freePort();
        List<String> uris = List.of(
                "redis://user:" + ENCODED + "@",
                "redis://user:" + ENCODED + "@:" + closed,
                "http://user:" + ENCODED + "@127.0.0.1:" + closed,
                "redis://user:" + ENCODED + "@[::1:" + closed,
                "redis://user:" + ENCODED + "@127.0.0.1:99999999",
                "redis://user:" + ENCODED + "@127.0.0.1:" + closed + "/x",
                "redis://user:" + ENCODED + "@127.0.0.1:" + closed + "/99999",
                "redis://user:" + ENCODED + "%@127.0.0.1:" + closed,
                "redis://user:" + ENCODED + "%zz@127.0.0.1:" + closed,
                "redis://user:" + ENCODED + "@127.0.0.1:" + closed + "?timeout=soon",
                "redis-sentinel://user:" + ENCODED + "@127.0.0.1:" + closed + "#mymaster");
        try (LogCapture logs = LogCapture.start()) {
            for (String uri : uris) {
                Throwable refused =
                        catchThrowable(() -> RedisConferenceStore.connect(uri).close());
                assertThat(refused).as(uri).isInstanceOfAny(InvalidInputException.class, StoreException.class);
                assertShowsNoSecret(uri, everythingAbout(refused));
            }
            assertShowsNoSecret("logs", logs.text());
        }
    }

    /**
     * A password holding a character that should have been percent-encoded ({@code / ? #}, a space),
     * a URI missing its {@code //} and a scheme other than redis:// or rediss:// are refused with a
     * message that hides the credentials. Found by this test when such passwords were echoed, or read
     * by Lettuce as the host and sent to DNS.
     */
    @Test
    void uriswhosePasswordWasNotEncodedAreRefusedWithoutShowingIt() {
        int closed = ConfiguredRedis.freePort();
        List<String> uris = List.of(
                "redis://:" + PASSWORD + "@127.0.0.1:" + closed,
                "redis://:Q7xK Zebra42@127.0.0.1:" + closed,
                "redis://:Q7xK#Zebra42@127.0.0.1:" + closed,
                "redis://:Q7xK?Zebra42@127.0.0.1:" + closed,
                "redis//user:" + ENCODED + "@127.0.0.1:" + closed,
                "redis-socket:///tmp/no-such.sock?password=" + ENCODED);
        try (LogCapture logs = LogCapture.start()) {
            for (String uri : uris) {
                Throwable refused =
                        catchThrowable(() -> RedisConferenceStore.connect(uri).close());
                assertThat(refused).as(uri).isInstanceOf(InvalidInputException.class);
                assertShowsNoSecret(uri, everythingAbout(refused));
            }
            assertShowsNoSecret("logs", logs.text());
        }
    }

    /** The exception's toString, messages and stack trace, with every cause and suppressed exception. */
    private static String everythingAbout(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static void assertShowsNoSecret(String where, String text) {
        for (String fragment : FRAGMENTS) {
            assertThat(text).as("%s must not show '%s'", where, fragment).doesNotContain(fragment);
        }
    }

    private static void assertSawLettuceAndNoSecret(LogCapture logs) {
        // Without this, a logging setup that sends Lettuce elsewhere would make the test pass unseen.
        assertThat(logs.recordsFrom("io.lettuce"))
                .as("Lettuce's log records reach java.util.logging")
                .isPositive();
        assertShowsNoSecret("logs", logs.text());
    }
}
