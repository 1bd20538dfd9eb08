package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conference.model.ChatMessage;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Posted;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rediss://} against the embedded server, whose linux-amd64 binary is built with TLS (it links
 * libssl). The test makes its own self-signed certificate with the {@code openssl} command; where that
 * command is missing the test is skipped, saying so, since the JDK offers no API to make one.
 */
class TlsTest {
    private static final String PASSWORD = "tls-pw";

    @TempDir
    static Path dir;

    private static Path certificate;
    private static ConfiguredRedis server;
    private static int tlsPort;

    @BeforeAll
    static void startServerWithTls() {
        certificate = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        makeSelfSignedCertificate(certificate, key);
        tlsPort = ConfiguredRedis.freePort();
        try {
            server = ConfiguredRedis.start(List.of(
                    "requirepass " + PASSWORD,
                    "tls-port " + tlsPort,
                    "tls-cert-file \"" + certificate + "\"",
                    "tls-key-file \"" + key + "\"",
                    "tls-ca-cert-file \"" + certificate + "\"",
                    "tls-auth-clients no"));
        } catch (UncheckedIOException e) {
            skip("the embedded Redis binary for this platform does not start with TLS settings: " + e.getMessage());
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void worksOverTlsWithTheServerCertificateVerified() throws InterruptedException {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .sslOptions(SslOptions.builder()
                        .jdkSslProvider()
                        .trustManager(certificate.toFile())
                        .build())
                .build());
        RedisURI uri = RedisURI.Builder.redis("127.0.0.1", tlsPort)
                .withSsl(true)
                .withVerifyPeer(SslVerifyMode.FULL)
                .withPassword(PASSWORD.toCharArray())
                .build();
        try (ConferenceStore store = RedisConferenceStore.create(client, uri, RedisOptions.defaults())) {
            runAScenario(store, "verified");
        } finally {
            client.shutdown();
        }
        assertThat(overThePlainPort("HGET", "conference:user:{verified}", "p")).endsWith("Name of verified");
    }

    @Test
    void aRedissUriWorksThroughConnect() throws InterruptedException {
        try (ConferenceStore store =
                RedisConferenceStore.connect("rediss://:" + PASSWORD + "@127.0.0.1:" + tlsPort + "?verifyPeer=NONE")) {
            runAScenario(store, "by-uri");
        }
        assertThat(overThePlainPort("HGET", "conference:user:{by-uri}", "p")).endsWith("Name of by-uri");
    }

    @Test
    void anUntrustedCertificateOrPlainTextToTheTlsPortIsAClearStoreException() {
        Throwable untrusted =
                catchThrowable(() -> RedisConferenceStore.connect("rediss://:" + PASSWORD + "@127.0.0.1:" + tlsPort)
                        .close());
        assertThat(untrusted)
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to Redis at 127.0.0.1:" + tlsPort + ": ")
                .hasMessageContaining("certification path");
        assertThat(untrusted.getMessage()).doesNotContain(PASSWORD);

        Throwable plain = catchThrowable(() -> RedisConferenceStore.connect(
                        RedisURI.create("redis://:" + PASSWORD + "@127.0.0.1:" + tlsPort),
                        RedisOptions.builder()
                                .commandTimeout(Duration.ofSeconds(1))
                                .build())
                .close());
        assertThat(plain)
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to Redis at 127.0.0.1:" + tlsPort);
        assertThat(plain.getMessage()).doesNotContain(PASSWORD);
    }

    private static void runAScenario(ConferenceStore store, String name) throws InterruptedException {
        UserId user = UserId.of(name);
        Meeting meeting = aPublicMeeting("tls " + name);
        store.directory().saveUser(aUser(name));
        store.directory().saveMeeting(meeting);
        store.directory()
                .saveInstance(new MeetingInstance(
                        meeting.id(),
                        1,
                        Instant.now().minusSeconds(60),
                        Instant.now().plusSeconds(3600)));
        LinkedBlockingQueue<MeetingEvent> live = new LinkedBlockingQueue<>();
        try (Subscription subscription = store.liveEvents().subscribe(meeting.id(), FeedPosition.latest(), live::add)) {
            store.conference().join(user, meeting.id());
            store.conference().post(user, meeting.id(), "over TLS");
            assertThat(store.conference().chat(meeting.id()))
                    .extracting(ChatMessage::text)
                    .containsExactly("over TLS");
            assertThat(store.directory().users(Page.first(10)))
                    .extracting(u -> u.id())
                    .contains(user);
            List<MeetingEvent> received = new ArrayList<>();
            for (MeetingEvent event = live.poll(10, TimeUnit.SECONDS);
                    event != null;
                    event = received.size() < 3 ? live.poll(10, TimeUnit.SECONDS) : null) {
                received.add(event);
            }
            assertThat(received)
                    .as("started, joined, posted, delivered over TLS")
                    .last()
                    .isInstanceOf(Posted.class);
        }
        assertThat(store.conference().end(meeting.id()).orElseThrow().timedOut())
                .isEqualTo(1);
    }

    private static String overThePlainPort(String... command) {
        RedisClient client = RedisClient.create(RedisURI.Builder.redis("127.0.0.1", server.port())
                .withPassword(PASSWORD.toCharArray())
                .build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().hget(command[1], command[2]);
        } finally {
            client.shutdown();
        }
    }

    /** A key and a certificate for 127.0.0.1 and localhost, valid for two days, made by openssl. */
    private static void makeSelfSignedCertificate(Path certificate, Path key) {
        List<String> command = List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            skip("the openssl command is not available (" + e.getMessage() + "); it makes the test's certificate");
            return;
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(certificate)) {
                skip("openssl could not make a self-signed certificate (it may be older than 1.1.1): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void skip(String reason) {
        System.err.println("TlsTest skipped: " + reason);
        Assumptions.abort("TlsTest skipped: " + reason);
    }
}
