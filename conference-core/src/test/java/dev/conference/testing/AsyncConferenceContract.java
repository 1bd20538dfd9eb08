package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aRestrictedMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.AlreadyParticipantException;
import dev.conference.model.ChatMessage;
import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.Started;
import dev.conference.model.MeetingFullException;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.NotAllowedException;
import dev.conference.model.NotParticipantException;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.UnknownUserException;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.PassResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AsyncConference} must do: each operation of {@link dev.conference.port.Conference},
 * with the same answers, and refusals as stages that fail with the same exceptions.
 */
public abstract class AsyncConferenceContract extends StoreContract {
    private static final Duration HOUR = Duration.ofHours(1);

    private final UserId alice = UserId.of("alice");
    private final UserId bob = UserId.of("bob");
    private final MeetingId standup = MeetingId.of("standup");
    private AsyncConference async;

    @BeforeEach
    final void givenARunningPublicMeeting() {
        async = store.async();
        directory.saveUser(aUser("alice"));
        directory.saveUser(aUser("bob"));
        Meeting meeting = aPublicMeeting("standup");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, HOUR));
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** The exception a stage failed with; fails the test if it completed normally. */
    private static Throwable failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the stage completed normally");
    }

    @Test
    void theLiveOperationsAnswerAsTheBlockingOnesDo() {
        clock.advance(Duration.ofMinutes(1));

        Participant joined = done(async.join(alice, standup));
        ChatMessage posted = done(async.post(alice, standup, "hello"));

        assertThat(joined).isEqualTo(new Participant(alice, T0.plus(Duration.ofMinutes(1))));
        assertThat(done(async.participants(standup)))
                .containsExactly(joined)
                .isEqualTo(conference.participants(standup));
        assertThat(done(async.participantCount(standup))).isEqualTo(1);
        assertThat(done(async.activeMeetings()))
                .isEqualTo(conference.activeMeetings())
                .hasSize(1);
        assertThat(done(async.joinTimes()))
                .containsExactly(new MeetingParticipants(standup, 1, T0.plus(HOUR), List.of(joined)))
                .isEqualTo(conference.joinTimes());
        assertThat(done(async.chat(standup))).containsExactly(posted).isEqualTo(conference.chat(standup));
        assertThat(done(async.chat(standup, Page.first(10)))).containsExactly(posted);
        assertThat(done(async.messages(standup, alice))).containsExactly(posted);

        done(async.leave(alice, standup));

        List<MeetingEvent> events = done(async.events(standup));
        assertThat(events).isEqualTo(conference.events(standup));
        assertThat(events).hasExactlyElementsOfTypes(Started.class, Joined.class, Left.class);
        assertThat(done(async.participants(standup))).isEmpty();
    }

    @Test
    void refusalsFailTheStageWithTheExceptionTheBlockingPortThrows() {
        directory.saveMeeting(aRestrictedMeeting("board", "carol@example.com"));
        directory.saveInstance(anInstance(aRestrictedMeeting("board"), 1, T0, HOUR));
        done(async.join(alice, standup));

        assertThat(failure(async.join(UserId.of("nobody"), standup))).isInstanceOf(UnknownUserException.class);
        assertThat(failure(async.join(alice, MeetingId.of("nowhere")))).isInstanceOf(UnknownMeetingException.class);
        assertThat(failure(async.join(alice, standup))).isInstanceOf(AlreadyParticipantException.class);
        assertThat(failure(async.join(alice, MeetingId.of("board")))).isInstanceOf(NotAllowedException.class);
        assertThat(failure(async.leave(bob, standup))).isInstanceOf(NotParticipantException.class);
        assertThat(failure(async.post(bob, standup, "hi"))).isInstanceOf(NotParticipantException.class);
        assertThat(failure(async.renew(bob, standup, Duration.ofSeconds(30))))
                .isInstanceOf(NotParticipantException.class);

        clock.advance(HOUR);
        assertThat(failure(async.messages(standup, alice))).isInstanceOf(MeetingNotActiveException.class);
        assertThat(failure(async.leave(alice, standup))).isInstanceOf(MeetingNotActiveException.class);
        assertThat(conference.events(standup)).hasSize(2);
    }

    @Test
    void anInvalidArgumentIsRefusedBeforeAnythingIsStored() {
        done(async.join(alice, standup));

        assertThatThrownBy(() -> done(async.post(alice, standup, " ")))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(InvalidInputException.class),
                        e -> assertThat(e.getCause()).isInstanceOf(InvalidInputException.class));
        assertThatThrownBy(() -> done(async.join(bob, standup, Duration.ZERO)))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(InvalidInputException.class),
                        e -> assertThat(e.getCause()).isInstanceOf(InvalidInputException.class));

        assertThat(conference.chat(standup)).isEmpty();
        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice);
    }

    @Test
    void aLeasedJoinLapsesWithoutHeartbeatsAndHoldsWithThem() {
        done(async.join(alice, standup, Duration.ofSeconds(30)));
        done(async.join(bob, standup, Duration.ofSeconds(30)));

        clock.advance(Duration.ofSeconds(20));
        done(async.renew(bob, standup, Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(20));

        assertThat(store.lifecycle().expireLeases(clock.instant(), 10).done()).isEqualTo(1);
        assertThat(done(async.participants(standup)))
                .extracting(Participant::user)
                .containsExactly(bob);
    }

    @Test
    void endEndsTheRunningInstanceOnceAndEarlierInstancesStayReadable() {
        done(async.join(alice, standup));
        ChatMessage first = done(async.post(alice, standup, "in the first"));

        assertThat(done(async.end(standup))).hasValueSatisfying(ending -> {
            assertThat(ending.instance()).isEqualTo(1);
            assertThat(ending.timedOut()).isEqualTo(1);
        });
        assertThat(done(async.end(standup))).isEmpty();

        clock.advance(HOUR);
        directory.saveInstance(
                new MeetingInstance(standup, 2, clock.instant(), clock.instant().plus(HOUR)));
        done(async.join(bob, standup));

        assertThat(done(async.chat(standup))).isEmpty();
        assertThat(done(async.chat(standup, 1, Page.first(10)))).containsExactly(first);
        assertThat(done(async.events(standup, 1))).isEqualTo(conference.events(standup, 1));
        assertThat(done(async.events(standup, 2)))
                .extracting(MeetingEvent::instance)
                .containsOnly(2);
        assertThat(done(async.events(standup, 3))).isEmpty();
    }

    @Test
    void manyOperationsInFlightAreEachRecordedOnce() {
        done(async.join(alice, standup));
        List<CompletableFuture<ChatMessage>> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            posts.add(async.post(alice, standup, "message " + i).toCompletableFuture());
        }

        List<ChatMessage> posted = posts.stream().map(CompletableFuture::join).toList();

        assertThat(conference.chat(standup))
                .containsExactlyInAnyOrderElementsOf(posted)
                .hasSize(200);
        assertThat(store.lifecycle().endDue(clock.instant(), 10)).isEqualTo(PassResult.NOTHING);
    }

    @Test
    void aCrowdJoiningAtOnceFillsTheCapacityExactly() {
        Meeting meeting = aPublicMeeting("town-hall").withCapacity(10);
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, HOUR));
        List<UserId> crowd = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            crowd.add(UserId.of("person-" + i));
            directory.saveUser(aUser("person-" + i));
        }

        List<CompletableFuture<Participant>> joins = crowd.stream()
                .map(user -> async.join(user, meeting.id()).toCompletableFuture())
                .toList();
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new))
                .exceptionally(refused -> null)
                .join();

        List<Participant> in = joins.stream()
                .filter(join -> !join.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .toList();
        assertThat(in).hasSize(10);
        assertThat(joins.stream().filter(CompletableFuture::isCompletedExceptionally))
                .hasSize(40)
                .allSatisfy(join -> assertThat(failure(join)).isInstanceOf(MeetingFullException.class));
        assertThat(conference.participants(meeting.id())).containsExactlyInAnyOrderElementsOf(in);
        assertThat(conference.participantCount(meeting.id())).isEqualTo(10);
        assertThat(conference.events(meeting.id()))
                .filteredOn(Joined.class::isInstance)
                .hasSize(10);
    }
}
