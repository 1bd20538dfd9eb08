package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Started;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.NotParticipantException;
import dev.conference.model.Participant;
import dev.conference.model.UserId;
import dev.conference.port.PassResult;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link dev.conference.port.Lifecycle} must do, driven by a scheduler ticking on a test clock. */
public abstract class LifecycleContract extends StoreContract {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int LIMIT = 100;

    private final UserId alice = UserId.of("alice");
    private final UserId bob = UserId.of("bob");
    private final MeetingId standup = MeetingId.of("standup");

    /** Alice and Bob exist; "standup" is public and runs from T0 for an hour. */
    private Meeting givenARunningPublicMeeting() {
        directory.saveUser(aUser("alice"));
        directory.saveUser(aUser("bob"));
        Meeting meeting = aPublicMeeting("standup");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, HOUR));
        return meeting;
    }

    private MeetingScheduler scheduler() {
        return MeetingScheduler.manual(
                store.lifecycle(), SchedulerOptions.defaults().withClock(clock));
    }

    private List<Class<?>> eventTypes(int instance) {
        return conference.events(standup, instance).stream()
                .<Class<?>>map(Object::getClass)
                .toList();
    }

    @Test
    void thousandsOfInstancesThatStartAndEndTogetherAreAllListedAndAllEnded() {
        int count = 2_500;
        List<Meeting> meetings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            meetings.add(aPublicMeeting(String.format("m%05d", i)));
        }
        directory.saveMeetings(meetings);
        directory.saveInstances(meetings.stream()
                .map(meeting -> anInstance(meeting, 1, T0, HOUR))
                .toList());

        clock.set(T0.plusSeconds(1));
        assertThat(conference.activeMeetings())
                .extracting(instance -> instance.meeting().value())
                .containsExactlyElementsOf(
                        meetings.stream().map(meeting -> meeting.id().value()).toList());

        clock.set(T0.plus(HOUR));
        int ended = 0;
        for (PassResult pass = store.lifecycle().endDue(clock.instant(), 1_000);
                pass.due() > 0;
                pass = store.lifecycle().endDue(clock.instant(), 1_000)) {
            ended += pass.done();
        }
        assertThat(ended).isEqualTo(count);
        assertThat(conference.activeMeetings()).isEmpty();
    }

    @Test
    void theTickAfterTheEndEndsTheInstance() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        MeetingScheduler scheduler = scheduler();

        clock.set(T0.plus(HOUR).minusMillis(1));
        assertThat(scheduler.tick().ended()).isZero();
        assertThat(conference.participants(standup)).hasSize(2);

        clock.set(T0.plus(HOUR).plusMillis(300));
        assertThat(scheduler.tick().ended()).isEqualTo(1);

        List<MeetingEvent> events = conference.events(standup, 1);
        assertThat(eventTypes(1))
                .containsExactly(
                        Started.class, Joined.class, Joined.class, TimedOut.class, TimedOut.class, Ended.class);
        assertThat(events.subList(3, 6)).extracting(MeetingEvent::at).containsOnly(T0.plus(HOUR));
        assertThat(conference.activeMeetings()).isEmpty();
        assertThatThrownBy(() -> conference.join(alice, standup)).isInstanceOf(MeetingNotActiveException.class);
        assertThat(scheduler.tick().ended()).isZero();
        assertThat(conference.events(standup, 1)).isEqualTo(events);
    }

    @Test
    void logsStartedOnceAtTheStart() {
        Meeting meeting = aPublicMeeting("later");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0.plus(HOUR), HOUR));
        MeetingScheduler scheduler = scheduler();

        scheduler.tick();
        assertThat(conference.events(meeting.id(), 1)).isEmpty();

        clock.set(T0.plus(HOUR));
        assertThat(scheduler.tick().started()).isEqualTo(1);
        scheduler.tick();
        assertThat(conference.events(meeting.id(), 1))
                .singleElement()
                .isEqualTo(new Started(conference.events(meeting.id(), 1).get(0).id(), meeting.id(), 1, T0.plus(HOUR)));
    }

    @Test
    void handlesAnInstanceScheduledInThePast() {
        Meeting meeting = aPublicMeeting("history");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0.minus(HOUR.multipliedBy(3)), HOUR));

        scheduler().tick();

        assertThat(conference.events(meeting.id(), 1))
                .extracting(Object::getClass)
                .containsExactly(Started.class, Ended.class);
        assertThat(scheduler().tick()).isEqualTo(new MeetingScheduler.TickResult(0, 0, 0));
    }

    @Test
    void anInstanceEndedByHandIsNotEndedAgain() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.end(standup);
        List<MeetingEvent> before = conference.events(standup, 1);

        clock.set(T0.plus(HOUR.multipliedBy(2)));
        scheduler().tick();

        assertThat(conference.events(standup, 1)).isEqualTo(before);
    }

    @Test
    void anExtendedInstanceKeepsItsParticipantsPastTheOldEnd() {
        Meeting meeting = givenARunningPublicMeeting();
        conference.join(alice, standup);
        directory.saveInstance(anInstance(meeting, 1, T0, HOUR.multipliedBy(2)));
        MeetingScheduler scheduler = scheduler();

        clock.set(T0.plus(HOUR).plusSeconds(1));
        scheduler.tick();
        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice);

        clock.set(T0.plus(HOUR.multipliedBy(2)));
        scheduler.tick();
        assertThat(conference.participants(standup)).isEmpty();
        assertThat(eventTypes(1)).endsWith(TimedOut.class, Ended.class);
    }

    @Test
    void aShortenedInstanceEndsAtItsNewEnd() {
        Meeting meeting = givenARunningPublicMeeting();
        conference.join(alice, standup);
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofMinutes(10)));

        clock.set(T0.plus(Duration.ofMinutes(10)));
        scheduler().tick();

        assertThat(eventTypes(1)).endsWith(TimedOut.class, Ended.class);
        assertThat(conference.events(standup, 1).get(2).at()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void passesHandleAtMostTheirLimit() {
        for (int i = 0; i < 5; i++) {
            Meeting meeting = aPublicMeeting("m" + i);
            directory.saveMeeting(meeting);
            directory.saveInstance(anInstance(meeting, 1, T0.minus(HOUR), HOUR.plusMinutes(i)));
        }
        clock.set(T0.plus(HOUR));

        assertThat(store.lifecycle().endDue(clock.instant(), 2)).isEqualTo(new PassResult(2, 2));
        assertThat(store.lifecycle().endDue(clock.instant(), 2)).isEqualTo(new PassResult(2, 2));
        assertThat(store.lifecycle().endDue(clock.instant(), 2)).isEqualTo(new PassResult(1, 1));
        assertThat(store.lifecycle().endDue(clock.instant(), 2)).isEqualTo(PassResult.NOTHING);
    }

    @Test
    void aLapsedPresenceLeaseTimesTheParticipantOut() {
        givenARunningPublicMeeting();
        conference.join(alice, standup, Duration.ofSeconds(30));
        conference.join(bob, standup);
        MeetingScheduler scheduler = scheduler();

        clock.advance(Duration.ofSeconds(29));
        assertThat(scheduler.tick().leasesExpired()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(scheduler.tick().leasesExpired()).isEqualTo(1);
        assertThat(scheduler.tick().leasesExpired()).isZero();

        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(bob);
        MeetingEvent last = conference.events(standup).get(3);
        assertThat(last).isInstanceOf(TimedOut.class);
        assertThat(((TimedOut) last).user()).isEqualTo(alice);
        assertThat(last.at()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aShorterRenewalLapsesAtItsOwnEnd() {
        givenARunningPublicMeeting();
        conference.join(alice, standup, Duration.ofMinutes(4));
        conference.renew(alice, standup, Duration.ofSeconds(90));
        MeetingScheduler scheduler = scheduler();

        clock.advance(Duration.ofSeconds(100));

        assertThat(scheduler.tick().leasesExpired())
                .as("the lease now ends 90 s after the renewal, not 4 min after the join")
                .isEqualTo(1);
        assertThat(conference.events(standup).get(2).at()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void aRenewedLeaseKeepsTheParticipantIn() {
        givenARunningPublicMeeting();
        conference.join(alice, standup, Duration.ofSeconds(30));
        MeetingScheduler scheduler = scheduler();

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(20));
            conference.renew(alice, standup, Duration.ofSeconds(30));
            scheduler.tick();
        }
        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice);

        clock.advance(Duration.ofSeconds(30));
        scheduler.tick();
        assertThat(conference.participants(standup)).isEmpty();
    }

    @Test
    void aHeartbeatGivesALeaseToAParticipantWhoJoinedWithout() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        MeetingScheduler scheduler = scheduler();

        clock.advance(Duration.ofMinutes(5));
        scheduler.tick();
        conference.renew(alice, standup, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        scheduler.tick();

        assertThat(conference.participants(standup)).isEmpty();
    }

    @Test
    void aParticipantWhoLeftIsNotTimedOutLater() {
        givenARunningPublicMeeting();
        conference.join(alice, standup, Duration.ofSeconds(30));
        conference.leave(alice, standup);

        clock.advance(Duration.ofMinutes(1));
        scheduler().tick();

        assertThat(eventTypes(1)).doesNotContain(TimedOut.class);
    }

    @Test
    void refusesBadLeasesAndHeartbeatsFromOutsiders() {
        givenARunningPublicMeeting();

        assertThatThrownBy(() -> conference.join(alice, standup, Duration.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("presence lease");
        assertThatThrownBy(() -> conference.renew(alice, standup, Duration.ofSeconds(30)))
                .isInstanceOf(NotParticipantException.class);
        assertThat(conference.events(standup)).isEmpty();
    }
}
