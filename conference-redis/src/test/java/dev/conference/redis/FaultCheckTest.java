package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
import dev.conference.model.ConferenceException;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.Imported;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.Posted;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.OutcomeUnknownException;
import dev.conference.model.Participant;
import dev.conference.model.PastMessage;
import dev.conference.model.RefusedException;
import dev.conference.model.StoreException;
import dev.conference.model.UnknownUserException;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * The concurrent half of the checker: sixteen threads join (some with short presence leases),
 * renew, leave, post (with idempotency keys, retried after an unknown outcome), import past
 * messages (retried as they are after a failure) and erase users, over
 * two stores whose clocks differ by 30 s, while a scheduler ticks and faults are injected at random:
 * the store's connections killed (CLIENT KILL), the server killed and restarted from its AOF
 * (appendfsync always), and the cross-slot index keys made unwritable for a while (an ACL change).
 * Two of the six meetings are also ended now and then. Afterwards, with one repair walk and one
 * pass that expires every lease, the invariants: each meeting's participants are its log replayed;
 * an ended instance's participants each timed out once and its ENDED is its last event; every
 * acknowledged message, posted or imported, is in its chat exactly once; nothing of an erased user
 * is left anywhere (an imported message's source id included), and
 * nothing they tried after their erasure succeeded; every lease was expired (none left that no
 * scheduler would ever expire); every open instance is listed with its true span.
 *
 * <p>About 20 s in {@code mvn verify}; {@code -Dchecker.minutes=10} soaks. A failure prints the seed
 * of the fault schedule (the interleaving of the threads cannot be replayed).
 */
class FaultCheckTest {
    private static final String PASSWORD = "fault-check-pw";
    private static final String FULL_ACCESS = "~conference:*";
    /** Everything but the keys that span meetings ({instance-index}, {lease-index}). */
    private static final String[] NO_INDEX = {
        "conference:user:*", "conference:meeting:*", "conference:{users}*", "conference:{meetings}*"
    };

    private static final int THREADS = 16;
    private static final int USERS = 12;
    private static final int ERASABLE = 4;
    /** Meetings; the last two of them may be ended during a round. */
    private static final int MEETINGS = 6;

    private static final int ENDABLE = 2;
    private static final Duration LEASE = Duration.ofSeconds(3);

    private final long seed = Long.getLong("checker.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final List<UserId> users = new ArrayList<>();
    private final List<MeetingId> meetings = new ArrayList<>();
    private final Map<MeetingId, Set<String>> attempted = new ConcurrentHashMap<>();
    private final Map<MeetingId, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final List<MeetingInstance> instances = new ArrayList<>();
    /** Erased users, each from the moment its deleteUser returned. */
    private final Set<UserId> erased = ConcurrentHashMap.newKeySet();

    private final List<String> violations = new ArrayList<>();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();

    /** Texts of the messages imported as history: not news, so not delivered live. */
    private final Set<String> imported = ConcurrentHashMap.newKeySet();

    /** What a live subscription per meeting, open from the start of a round through its faults, delivered. */
    private final Map<MeetingId, List<MeetingEvent>> delivered = new ConcurrentHashMap<>();

    private int port;
    private Path dir;
    private volatile RedisServer server;

    @Test
    void invariantsHoldUnderConcurrencyAndFaults() throws Exception {
        Duration budget = Long.getLong("checker.minutes") != null
                ? Duration.ofMinutes(Long.getLong("checker.minutes"))
                : Duration.ofSeconds(Long.getLong("checker.faults.seconds", 20));
        dir = Files.createTempDirectory("conference-fault-check");
        port = ConfiguredRedis.freePort();
        server = start();
        String appUri = "redis://app:" + PASSWORD + "@127.0.0.1:" + port;
        RedisClient adminClient = RedisClient.create("redis://127.0.0.1:" + port);
        RedisOptions.Builder options = RedisOptions.builder().commandTimeout(Duration.ofSeconds(1));
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + budget.toNanos();
        int rounds = 0;
        try (StatefulRedisConnection<String, String> admin = adminClient.connect();
                ConferenceStore store = RedisConferenceStore.connect(RedisURI.create(appUri), options.build());
                ConferenceStore skewed = RedisConferenceStore.connect(
                        RedisURI.create(appUri), options.clock(ahead).build());
                // The last pass of a round makes every lease due: a store whose own clock is two
                // minutes ahead (the default store would not run ahead of the server's clock).
                ConferenceStore later = RedisConferenceStore.connect(
                        RedisURI.create(appUri),
                        RedisOptions.builder()
                                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)))
                                .build())) {
            // Rounds of at most 20 s on an emptied server, so each round's checks stay small however
            // long the soak.
            do {
                long left = deadline - System.nanoTime();
                round(admin.sync(), store, skewed, later, Duration.ofNanos(Math.min(left, ROUND.toNanos())));
                rounds++;
            } while (System.nanoTime() < deadline);
            System.out.println("fault check (seed " + seed + "): " + rounds + " rounds, " + operations
                    + " operations (" + storeFailures + " failed on a fault), faults " + faults + ", " + checks
                    + " checks (" + live + " live events delivered), 0 violations");
        } finally {
            adminClient.shutdown();
            server.stop();
        }
    }

    private static final Duration ROUND = Duration.ofSeconds(20);

    private void round(
            RedisCommands<String, String> admin,
            ConferenceStore store,
            ConferenceStore skewed,
            ConferenceStore later,
            Duration length)
            throws Exception {
        admin.flushall();
        users.clear();
        meetings.clear();
        instances.clear();
        attempted.clear();
        acknowledged.clear();
        erased.clear();
        stop.set(false);
        givenUsersAndMeetings(store);
        delivered.clear();
        imported.clear();
        List<Subscription> subscriptions = new ArrayList<>();
        for (MeetingId meeting : meetings) {
            List<MeetingEvent> events = Collections.synchronizedList(new ArrayList<>());
            delivered.put(meeting, events);
            subscriptions.add(store.liveEvents().subscribe(meeting, FeedPosition.latest(), events::add));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        // A tick may fail on a fault (the store cannot answer), never for another reason.
        MeetingScheduler.TickListener ticks = new MeetingScheduler.TickListener() {
            @Override
            public void ticked(Instant now, MeetingScheduler.TickResult result) {}

            @Override
            public void failed(Instant now, RuntimeException failure) {
                if (!(failure instanceof StoreException)) {
                    // Where it came from, since the interleaving that caused it cannot be replayed.
                    violation("a scheduler tick failed with " + failure + " at "
                            + java.util.Arrays.stream(failure.getStackTrace())
                                    .limit(6)
                                    .map(String::valueOf)
                                    .collect(java.util.stream.Collectors.joining(" < ")));
                }
            }
        };
        try (MeetingScheduler scheduler = MeetingScheduler.start(
                store.lifecycle(), SchedulerOptions.defaults().withTick(Duration.ofMillis(200)), ticks)) {
            for (int t = 0; t < THREADS; t++) {
                Conference conference = (t % 2 == 0 ? store : skewed).conference();
                workers.add(pool.submit(() -> work(conference, store)));
            }
            injectFaults(admin, length);
            // The round ends inside an index outage, so writes to the indexes that it cut off are
            // still unrepaired when the workers stop: the repair walk must find them.
            refuseIndexWrites(admin);
            pause(500);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
            restoreAccess(admin);
        } finally {
            pool.shutdownNow();
        }
        try {
            thenTheInvariantsHold(store, later, admin);
        } finally {
            subscriptions.forEach(Subscription::close);
        }
    }

    private RedisServer start() throws IOException {
        return ConfiguredRedis.durable(
                port, dir, "user app on >" + PASSWORD + " " + FULL_ACCESS + " &* +@all -@dangerous");
    }

    private void givenUsersAndMeetings(ConferenceStore store) {
        for (int i = 0; i < USERS; i++) {
            users.add(UserId.of("user " + i));
            store.directory().saveUser(aUser("user " + i));
        }
        Instant now = Instant.now();
        for (int i = 0; i < MEETINGS; i++) {
            MeetingId meeting = MeetingId.of("meeting {" + i + "}");
            meetings.add(meeting);
            attempted.put(meeting, ConcurrentHashMap.newKeySet());
            acknowledged.put(meeting, ConcurrentHashMap.newKeySet());
            store.directory().saveMeeting(aPublicMeeting(meeting.value()));
            MeetingInstance instance = new MeetingInstance(
                    meeting,
                    1,
                    now.minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    now.plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            instances.add(instance);
            store.directory().saveInstance(instance);
        }
    }

    // --- the workers

    private Void work(Conference conference, ConferenceStore store) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get()) {
            UserId user = users.get(random.nextInt(users.size()));
            MeetingId meeting = meetings.get(random.nextInt(meetings.size()));
            boolean erasedBefore = erased.contains(user);
            operations.incrementAndGet();
            try {
                int pick = random.nextInt(100);
                if (pick < 25) {
                    if (random.nextBoolean()) {
                        conference.join(user, meeting, LEASE);
                    } else {
                        conference.join(user, meeting);
                    }
                } else if (pick < 36) {
                    conference.leave(user, meeting);
                } else if (pick < 39) {
                    // Rarely with a ban: it keeps that user out of the meeting for the rest of the run.
                    conference.remove(user, meeting, random.nextInt(30) == 0);
                } else if (pick < 42) {
                    conference.update(user, meeting, Map.of("hand", random.nextBoolean() ? "raised" : ""));
                } else if (pick < 55) {
                    conference.renew(user, meeting, LEASE);
                } else if (pick < 90) {
                    post(conference, user, meeting);
                } else if (pick < 99) {
                    if (importPast(store, user, meeting) && erasedBefore) {
                        violation("an import of " + user + "'s message was stored after they were erased");
                    }
                    continue;
                } else if (random.nextBoolean()) {
                    erase(store, users.get(random.nextInt(ERASABLE)));
                    continue;
                } else {
                    end(conference, meetings.get(MEETINGS - 1 - random.nextInt(ENDABLE)));
                    continue;
                }
                if (erasedBefore) {
                    violation("an operation by " + user + " succeeded after they were erased");
                }
            } catch (RefusedException | UnknownUserException refused) {
                // An answer, as good as a success.
            } catch (ConferenceException fault) {
                storeFailures.incrementAndGet();
            }
        }
        return null;
    }

    /** Posts under a key of its own, retried with it while the outcome is unknown. */
    private void post(Conference conference, UserId user, MeetingId meeting) {
        String text = user.value() + " #" + sequence.incrementAndGet();
        IdempotencyKey key = IdempotencyKey.of(UUID.randomUUID().toString());
        attempted.get(meeting).add(text);
        for (int attempt = 1; ; attempt++) {
            try {
                conference.post(user, meeting, text, key);
                acknowledged.get(meeting).add(text);
                return;
            } catch (OutcomeUnknownException unknown) {
                if (attempt == 5) {
                    throw unknown;
                }
                pause(100);
            }
        }
    }

    /**
     * Imports a message of the user from the last minute, retried as it is while the store fails (an
     * import is idempotent by its source id); returns whether the store has it. Its text is unique, as
     * a post's, so the chat checks count it too, and erasure must take it, its source id included.
     */
    private boolean importPast(ConferenceStore store, UserId user, MeetingId meeting) {
        String text = user.value() + " #" + sequence.incrementAndGet();
        Instant at = Instant.now()
                .minusMillis(1 + ThreadLocalRandom.current().nextInt(50_000))
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        PastMessage message = new PastMessage("past " + text, meeting, 1, user, text, at);
        attempted.get(meeting).add(text);
        imported.add(text);
        for (int attempt = 1; ; attempt++) {
            try {
                Imported outcome =
                        store.history().importMessages(List.of(message)).get(0);
                boolean stored = outcome == Imported.STORED || outcome == Imported.ALREADY_STORED;
                if (stored) {
                    acknowledged.get(meeting).add(text);
                }
                return stored;
            } catch (ConferenceException fault) {
                storeFailures.incrementAndGet();
                if (attempt == 5) {
                    return false;
                }
                pause(100);
            }
        }
    }

    /** Ends a meeting's instance under a key of its own, retried with it while the outcome is unknown. */
    private void end(Conference conference, MeetingId meeting) {
        IdempotencyKey key = IdempotencyKey.of(UUID.randomUUID().toString());
        for (int attempt = 1; ; attempt++) {
            try {
                conference.end(meeting, key);
                return;
            } catch (OutcomeUnknownException unknown) {
                if (attempt == 5) {
                    throw unknown;
                }
                pause(100);
            }
        }
    }

    /** Erases a user, retrying while the store fails, as a data-protection job would. */
    private void erase(ConferenceStore store, UserId user) {
        while (!stop.get()) {
            try {
                store.directory().deleteUser(user);
                erased.add(user);
                return;
            } catch (ConferenceException fault) {
                storeFailures.incrementAndGet();
                pause(50);
            }
        }
    }

    private synchronized void violation(String what) {
        violations.add(what);
    }

    // --- the faults

    private void injectFaults(RedisCommands<String, String> admin, Duration budget) throws Exception {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            pause(200 + random.nextInt(600));
            int pick = random.nextInt(10);
            if (pick < 5) {
                count("connections killed");
                ignoringFailure(
                        () -> admin.clientKill(KillArgs.Builder.typeNormal().skipme()));
            } else if (pick < 8) {
                count("index writes refused");
                ignoringFailure(() -> refuseIndexWrites(admin));
                pause(200 + random.nextInt(400));
                restoreAccess(admin);
            } else {
                count("server restarts");
                Crash.kill("redis://127.0.0.1:" + port);
                server = start();
            }
        }
        restoreAccess(admin);
    }

    /** The app keeps its meetings' and users' keys, and loses those that span meetings. */
    private static void refuseIndexWrites(RedisCommands<String, String> admin) {
        AclSetuserArgs noIndex = AclSetuserArgs.Builder.resetKeys();
        for (String pattern : NO_INDEX) {
            noIndex.keyPattern(pattern);
        }
        admin.aclSetuser("app", noIndex);
    }

    private void restoreAccess(RedisCommands<String, String> admin) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                admin.aclSetuser("app", AclSetuserArgs.Builder.resetKeys().keyPattern("conference:*"));
                return;
            } catch (RuntimeException notYet) {
                pause(100);
            }
        }
        throw new AssertionError("could not give the app its keys back (seed " + seed + ")");
    }

    private void count(String fault) {
        faults.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
    }

    private static void ignoringFailure(Runnable fault) {
        try {
            fault.run();
        } catch (RuntimeException serverGone) {
            // The server is restarting: the next fault finds it back.
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the invariants

    private long checks;
    /** Events and messages the live subscriptions delivered, over every round. */
    private long live;

    private void thenTheInvariantsHold(
            ConferenceStore store, ConferenceStore later, RedisCommands<String, String> admin) {
        String context = "seed " + seed;
        assertThat(violations).as(context).isEmpty();
        // One repair walk puts back any index write a fault cut off; then every lease is made due.
        store.lifecycle().repair(Instant.now(), 1_000);
        store.lifecycle().repair(Instant.now(), 1_000);
        // Past every claim a killed tick left, and every lease (the skewed store's run 30 s ahead).
        Instant twoMinutesOn = Instant.now().plus(Duration.ofMinutes(2));
        while (later.lifecycle().expireLeases(twoMinutesOn, 1_000).due() > 0) {
            // drain
        }
        Conference conference = store.conference();
        String everything = Keyspace.everythingStored(admin);
        List<MeetingId> running = new ArrayList<>();
        for (MeetingId meeting : meetings) {
            Set<UserId> present = conference.participants(meeting).stream()
                    .map(Participant::user)
                    .collect(Collectors.toSet());
            List<MeetingEvent> log = conference.events(meeting);
            assertThat(replay(log, context))
                    .as("participants of %s replayed from its log (%s)", meeting, context)
                    .isEqualTo(present);
            long ends = log.stream().filter(Ended.class::isInstance).count();
            assertThat(ends).as("ENDED events of %s (%s)", meeting, context).isLessThanOrEqualTo(1);
            if (ends == 1) {
                // Every participant timed out once (the replay refuses a TIMED_OUT of one not in), then ENDED.
                assertThat(log.get(log.size() - 1))
                        .as("last event of ended %s (%s)", meeting, context)
                        .isInstanceOf(Ended.class);
                assertThat(present)
                        .as("participants of ended %s (%s)", meeting, context)
                        .isEmpty();
            } else {
                running.add(meeting);
            }
            assertThat(present).as("erased users in %s (%s)", meeting, context).doesNotContainAnyElementsOf(erased);
            assertThat(admin.zcard(new Keys("conference:").meeting(meeting).leases("1")))
                    .as("leases no scheduler expired in %s (%s)", meeting, context)
                    .isZero();
            List<String> chat =
                    conference.chat(meeting).stream().map(ChatMessage::text).toList();
            assertThat(chat).as("chat of %s (%s)", meeting, context).doesNotHaveDuplicates();
            assertThat(attempted.get(meeting))
                    .as("attempted in %s (%s)", meeting, context)
                    .containsAll(chat);
            Set<String> lost = new HashSet<>(acknowledged.get(meeting));
            chat.forEach(lost::remove);
            lost.removeIf(text -> erased.stream().anyMatch(user -> text.startsWith(user.value() + " #")));
            assertThat(lost)
                    .as("acknowledged messages missing in %s (%s)", meeting, context)
                    .isEmpty();
            checks += 6L + chat.size() + present.size();
        }
        for (MeetingId meeting : meetings) {
            thenItsSubscriptionDeliveredEverythingOnce(conference, meeting, context);
        }
        for (UserId user : erased) {
            assertThat(everything).as("what is left of %s (%s)", user, context).doesNotContain(user.value() + " #");
            checks++;
        }
        assertThat(conference.activeMeetings())
                .as("instances listed after the repair walk (%s)", context)
                .containsExactlyInAnyOrderElementsOf(instances.stream()
                        .filter(instance -> running.contains(instance.meeting()))
                        .toList());
        checks++;
    }

    /**
     * The meeting's live subscription, through every fault, delivered each event of its log once and
     * in the log's order, and each message of its chat once and in the chat's order (it may also have
     * delivered messages that erasure took from the chat since, each once).
     */
    private void thenItsSubscriptionDeliveredEverythingOnce(Conference conference, MeetingId meeting, String context) {
        List<MeetingEvent> logged = conference.events(meeting);
        assertThat(logged)
                .as("UPDATED events of erased users in %s's log (%s)", meeting, context)
                .noneMatch(event -> event instanceof MeetingEvent.Updated updated && erased.contains(updated.user()));
        // The UPDATEDs of a user who may be erased may have been delivered and then erased from the log
        // (or, erasure cut short by the round's end, some of them): they are left out on both sides.
        List<String> log = logged.stream()
                .filter(event -> !mayBeErasedUpdate(event))
                .map(FaultCheckTest::told)
                .toList();
        List<String> chat = conference.chat(meeting).stream()
                .map(ChatMessage::text)
                .filter(text -> !imported.contains(text))
                .toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<MeetingEvent> got;
        do {
            got = List.copyOf(delivered.get(meeting));
            if (got.stream()
                                    .filter(event -> !(event instanceof Posted) && !mayBeErasedUpdate(event))
                                    .count()
                            >= log.size()
                    && got.stream().filter(Posted.class::isInstance).count() >= chat.size()) {
                break;
            }
            pause(50);
        } while (System.nanoTime() < deadline);
        assertThat(got.stream()
                        .filter(event -> !(event instanceof Posted) && !mayBeErasedUpdate(event))
                        .map(FaultCheckTest::told)
                        .toList())
                .as("events of %s delivered live (%s)", meeting, context)
                .isEqualTo(log);
        List<String> texts = got.stream()
                .filter(Posted.class::isInstance)
                .map(event -> ((Posted) event).message().text())
                .toList();
        assertThat(texts)
                .as("messages of %s delivered live (%s)", meeting, context)
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(imported);
        assertThat(texts.stream().filter(new HashSet<>(chat)::contains).toList())
                .as("messages of %s delivered live, of those in its chat (%s)", meeting, context)
                .isEqualTo(chat);
        checks += got.size();
        live += got.size();
    }

    /** An UPDATED of one of the users a round may erase (the first ERASABLE). */
    private boolean mayBeErasedUpdate(MeetingEvent event) {
        return event instanceof MeetingEvent.Updated updated
                && users.subList(0, ERASABLE).contains(updated.user());
    }

    /** An event as a log and a subscription both tell it (their ids differ). */
    private static String told(MeetingEvent event) {
        return event.getClass().getSimpleName() + " " + event.instance() + " " + event.at() + " "
                + (event instanceof MeetingEvent.ParticipantEvent participant ? participant.user() : "");
    }

    private Set<UserId> replay(List<MeetingEvent> events, String context) {
        Map<UserId, Boolean> in = new HashMap<>();
        for (MeetingEvent event : events) {
            checks++;
            if (event instanceof Joined joined) {
                assertThat(in.put(joined.user(), true))
                        .as("JOINED of %s while in (%s)", joined.user(), context)
                        .isNotEqualTo(true);
            } else if (event instanceof Left left) {
                assertThat(in.put(left.user(), false))
                        .as("LEFT of %s while out (%s)", left.user(), context)
                        .isEqualTo(true);
            } else if (event instanceof MeetingEvent.ParticipantEvent out && !(event instanceof MeetingEvent.Updated)) {
                assertThat(in.put(out.user(), false))
                        .as("%s of %s while out (%s)", out.type(), out.user(), context)
                        .isEqualTo(true);
            }
        }
        return in.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
