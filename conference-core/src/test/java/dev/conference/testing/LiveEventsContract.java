package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.ListenerException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.Posted;
import dev.conference.model.MeetingEvent.Started;
import dev.conference.model.MeetingId;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.EventListener;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link dev.conference.port.LiveEvents} must do. */
public abstract class LiveEventsContract extends StoreContract {
    /** Only how long a delivery may take; a passing test waits for round trips, not for this. */
    private static final long PATIENCE_SECONDS = 10;

    private final UserId alice = UserId.of("alice");
    private final MeetingId standup = MeetingId.of("standup");

    private void givenARunningPublicMeeting() {
        directory.saveUser(aUser("alice"));
        Meeting meeting = aPublicMeeting("standup");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofHours(1)));
    }

    private static List<MeetingEvent> take(BlockingQueue<MeetingEvent> received, int count)
            throws InterruptedException {
        List<MeetingEvent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MeetingEvent event = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(event).as("event %d of %d", i + 1, count).isNotNull();
            out.add(event);
        }
        return out;
    }

    @Test
    void deliversAMeetingsEventsInOrderFromNow() throws InterruptedException {
        givenARunningPublicMeeting();
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();
        try (Subscription ignored = store.liveEvents().subscribe(standup, FeedPosition.latest(), received::add)) {
            conference.join(alice, standup);
            conference.post(alice, standup, "hello");
            conference.leave(alice, standup);
            conference.end(standup);

            List<MeetingEvent> events = take(received, 5);
            assertThat(events)
                    .extracting(Object::getClass)
                    .containsExactly(Started.class, Joined.class, Posted.class, Left.class, Ended.class);
            assertThat(((Posted) events.get(2)).message().text()).isEqualTo("hello");
            assertThat(events).extracting(MeetingEvent::meeting).containsOnly(standup);
            assertThat(events).extracting(MeetingEvent::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void aSubscriberThatReconnectsFromItsLastIdGetsEveryEventOnce() throws InterruptedException {
        givenARunningPublicMeeting();
        BlockingQueue<MeetingEvent> first = new LinkedBlockingQueue<>();
        Subscription subscription = store.liveEvents().subscribe(standup, FeedPosition.latest(), first::add);
        conference.join(alice, standup);
        List<MeetingEvent> before = take(first, 2);
        subscription.close();
        String resumeAfter = subscription.lastSeenId();
        assertThat(resumeAfter).isEqualTo(before.get(1).id());

        conference.post(alice, standup, "while away 1");
        conference.post(alice, standup, "while away 2");
        BlockingQueue<MeetingEvent> second = new LinkedBlockingQueue<>();
        try (Subscription resumed =
                store.liveEvents().subscribe(standup, FeedPosition.after(resumeAfter), second::add)) {
            conference.leave(alice, standup);
            List<MeetingEvent> after = take(second, 3);

            assertThat(after).extracting(Object::getClass).containsExactly(Posted.class, Posted.class, Left.class);
            assertThat(second.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(resumed.lastSeenId()).isEqualTo(after.get(2).id());
        }
    }

    @Test
    void deliversEveryKeptEventFromTheOldest() throws InterruptedException {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.post(alice, standup, "before anyone listened");
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();

        try (Subscription ignored = store.liveEvents().subscribe(standup, FeedPosition.oldest(), received::add)) {
            assertThat(take(received, 3))
                    .extracting(Object::getClass)
                    .containsExactly(Started.class, Joined.class, Posted.class);
        }
    }

    @Test
    void anErasedUsersMessagesAreNoLongerDelivered() throws InterruptedException {
        givenARunningPublicMeeting();
        UserId bob = UserId.of("bob");
        directory.saveUser(aUser("bob"));
        conference.join(alice, standup);
        conference.join(bob, standup);
        conference.post(alice, standup, "erased with alice");
        conference.post(bob, standup, "kept");
        directory.deleteUser(alice);
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();

        try (Subscription ignored = store.liveEvents().subscribe(standup, FeedPosition.oldest(), received::add)) {
            List<MeetingEvent> events = take(received, 5);
            assertThat(events)
                    .extracting(Object::getClass)
                    .containsExactly(Started.class, Joined.class, Joined.class, Posted.class, Left.class);
            assertThat(((Posted) events.get(3)).message().text()).isEqualTo("kept");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aDeletedInstancesEventsAreNoLongerDelivered() throws InterruptedException {
        givenARunningPublicMeeting();
        Meeting meeting = aPublicMeeting("standup");
        directory.saveInstance(anInstance(meeting, 2, T0.plus(Duration.ofHours(2)), Duration.ofHours(1)));
        conference.join(alice, standup);
        directory.deleteInstance(standup, 1);
        clock.advance(Duration.ofHours(2));
        conference.join(alice, standup);
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();

        try (Subscription ignored = store.liveEvents().subscribe(standup, FeedPosition.oldest(), received::add)) {
            List<MeetingEvent> events = take(received, 2);
            assertThat(events).extracting(Object::getClass).containsExactly(Started.class, Joined.class);
            assertThat(events).extracting(MeetingEvent::instance).containsOnly(2);
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aSlowListenerDoesNotStallOthers() throws InterruptedException {
        givenARunningPublicMeeting();
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<MeetingEvent> fast = new LinkedBlockingQueue<>();
        try (Subscription slow = store.liveEvents().subscribe(standup, FeedPosition.latest(), event -> await(release));
                Subscription quick = store.liveEvents().subscribe(standup, FeedPosition.latest(), fast::add)) {
            conference.join(alice, standup);
            conference.post(alice, standup, "one");
            conference.post(alice, standup, "two");

            assertThat(take(fast, 4)).hasSize(4);
            release.countDown();
        } finally {
            release.countDown();
        }
    }

    @Test
    void refusesUnknownMeetingsAndBadIds() {
        givenARunningPublicMeeting();

        assertThatThrownBy(
                        () -> store.liveEvents().subscribe(MeetingId.of("nowhere"), FeedPosition.latest(), event -> {}))
                .isInstanceOf(UnknownMeetingException.class);
        assertThatThrownBy(() -> store.liveEvents().subscribe(standup, FeedPosition.after("not an id"), event -> {}))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesIdsBeyondWhatTheStoreCanHold() {
        givenARunningPublicMeeting();

        for (String tooLarge : List.of("99999999999999999999-0", "99999999999999999999", "18446744073709551616-0")) {
            assertThatThrownBy(() -> store.liveEvents().subscribe(standup, FeedPosition.after(tooLarge), event -> {}))
                    .as(tooLarge)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aListenerThatThrowsIsToldAndDeliveryGoesOn() throws InterruptedException {
        givenARunningPublicMeeting();
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();
        BlockingQueue<ConferenceException> errors = new LinkedBlockingQueue<>();
        EventListener fragile = new EventListener() {
            @Override
            public void onEvent(MeetingEvent event) {
                received.add(event);
                if (event instanceof Joined) {
                    throw new IllegalStateException("the listener's own bug");
                }
            }

            @Override
            public void onError(ConferenceException error) {
                errors.add(error);
            }
        };

        try (Subscription ignored = store.liveEvents().subscribe(standup, FeedPosition.latest(), fragile)) {
            conference.join(alice, standup);
            conference.post(alice, standup, "still heard");

            assertThat(take(received, 3)).hasExactlyElementsOfTypes(Started.class, Joined.class, Posted.class);
            ConferenceException error = errors.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(error).isInstanceOf(ListenerException.class).hasMessageContaining("JOINED");
            assertThat(error.getCause()).hasMessage("the listener's own bug");
        }
    }

    @Test
    void closingTheStoreEndsItsSubscriptions() throws InterruptedException {
        givenARunningPublicMeeting();
        // Threads of other tests' subscriptions may still be winding down: count only this store's.
        Set<Thread> before = Set.copyOf(subscriptionThreads());
        ConferenceStore other = open(clock);
        other.directory().saveMeeting(aPublicMeeting("standup"));
        other.liveEvents().subscribe(standup, FeedPosition.latest(), event -> {});
        List<Thread> ours = subscriptionThreads().stream()
                .filter(thread -> !before.contains(thread))
                .toList();
        assertThat(ours).hasSize(1);

        other.close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (ours.get(0).isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ours.get(0).isAlive())
                .as("the subscription still delivers after close")
                .isFalse();
    }

    private static List<Thread> subscriptionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("conference-subscription-standup"))
                .toList();
    }

    @Test
    void fromTheOldestDeliversTheInstanceBeforeTheLatestStartedAndWhatFollows() throws InterruptedException {
        givenARunningPublicMeeting();
        Meeting meeting = directory.meeting(standup).orElseThrow();
        directory.saveInstance(anInstance(meeting, 2, T0.plus(Duration.ofHours(1)), Duration.ofHours(1)));
        directory.saveInstance(anInstance(meeting, 3, T0.plus(Duration.ofHours(2)), Duration.ofHours(1)));
        conference.join(alice, standup);
        conference.end(standup);
        clock.advance(Duration.ofHours(1));
        conference.join(alice, standup);
        conference.end(standup);
        clock.advance(Duration.ofHours(1));
        conference.join(alice, standup);
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();

        try (Subscription ignored = store.liveEvents().subscribe(standup, FeedPosition.oldest(), received::add)) {
            List<MeetingEvent> events = take(received, 6);
            assertThat(events)
                    .extracting(event -> event.getClass().getSimpleName() + " " + event.instance())
                    .containsExactly("Started 2", "Joined 2", "TimedOut 2", "Ended 2", "Started 3", "Joined 3");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
