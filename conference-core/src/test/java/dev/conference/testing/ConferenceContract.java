package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aRestrictedMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.conference.model.AlreadyParticipantException;
import dev.conference.model.BannedException;
import dev.conference.model.ChatMessage;
import dev.conference.model.Ending;
import dev.conference.model.EventType;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.Removed;
import dev.conference.model.MeetingEvent.Started;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingEvent.Updated;
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
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link dev.conference.port.Conference} must do: the nine operations and the event log. */
public abstract class ConferenceContract extends StoreContract {
    private static final Duration HOUR = Duration.ofHours(1);

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

    private void later(Duration duration) {
        clock.advance(duration);
    }

    // 1. join

    @Test
    void joinsARunningPublicMeeting() {
        givenARunningPublicMeeting();
        later(Duration.ofMinutes(5));

        Participant participant = conference.join(alice, standup);

        assertThat(participant).isEqualTo(new Participant(alice, T0.plus(Duration.ofMinutes(5))));
        assertThat(conference.participants(standup)).containsExactly(participant);
        List<MeetingEvent> events = conference.events(standup);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new Started(events.get(0).id(), standup, 1, T0));
        assertThat(events.get(1)).isInstanceOfSatisfying(Joined.class, joined -> {
            assertThat(joined.user()).isEqualTo(alice);
            assertThat(joined.meeting()).isEqualTo(standup);
            assertThat(joined.instance()).isEqualTo(1);
            assertThat(joined.at()).isEqualTo(participant.joinedAt());
        });
    }

    @Test
    void joinsARestrictedMeetingWhenTheEmailIsInItsAudienceIgnoringCase() {
        directory.saveUser(aUser("carol", "Carol@Example.COM"));
        Meeting board = aRestrictedMeeting("board", "carol@example.com");
        directory.saveMeeting(board);
        directory.saveInstance(anInstance(board, 1, T0, HOUR));

        conference.join(UserId.of("carol"), board.id());

        assertThat(conference.participants(board.id()))
                .extracting(Participant::user)
                .containsExactly(UserId.of("carol"));
    }

    @Test
    void refusesAUserOutsideTheAudienceAndRecordsNothing() {
        directory.saveUser(aUser("mallory"));
        Meeting board = aRestrictedMeeting("board", "carol@example.com");
        directory.saveMeeting(board);
        directory.saveInstance(anInstance(board, 1, T0, HOUR));

        assertThatThrownBy(() -> conference.join(UserId.of("mallory"), board.id()))
                .isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("mallory")
                .hasMessageContaining("board");
        assertThat(conference.participants(board.id())).isEmpty();
        assertThat(conference.events(board.id())).isEmpty();
    }

    @Test
    void refusesUnknownUsersAndMeetings() {
        givenARunningPublicMeeting();

        assertThatThrownBy(() -> conference.join(UserId.of("ghost"), standup))
                .isInstanceOf(UnknownUserException.class)
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> conference.join(alice, MeetingId.of("nowhere")))
                .isInstanceOf(UnknownMeetingException.class)
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> conference.participants(MeetingId.of("nowhere")))
                .isInstanceOf(UnknownMeetingException.class);
        assertThat(conference.events(standup)).isEmpty();
    }

    @Test
    void refusesToJoinBeforeTheStartAndFromTheEnd() {
        Meeting meeting = givenARunningPublicMeeting();
        directory.saveInstance(anInstance(meeting, 2, T0.plus(Duration.ofHours(5)), HOUR));

        clock.set(T0.minusNanos(1000));
        assertThatThrownBy(() -> conference.join(alice, standup)).isInstanceOf(MeetingNotActiveException.class);
        clock.set(T0.plus(HOUR));
        assertThatThrownBy(() -> conference.join(alice, standup))
                .isInstanceOf(MeetingNotActiveException.class)
                .hasMessageContaining("standup");
        clock.set(T0);
        assertThat(conference.join(alice, standup).joinedAt()).isEqualTo(T0);
    }

    @Test
    void refusesASecondJoinAndKeepsTheFirstJoinTime() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        later(Duration.ofMinutes(1));

        assertThatThrownBy(() -> conference.join(alice, standup))
                .isInstanceOf(AlreadyParticipantException.class)
                .hasMessageContaining("alice");
        assertThat(conference.participants(standup)).containsExactly(new Participant(alice, T0));
        assertThat(conference.events(standup))
                .extracting(Object::getClass)
                .containsExactly(Started.class, Joined.class);
    }

    @Test
    void joinsAgainAfterLeaving() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        later(Duration.ofMinutes(1));
        conference.leave(alice, standup);
        later(Duration.ofMinutes(1));

        conference.join(alice, standup);

        assertThat(conference.participants(standup))
                .containsExactly(new Participant(alice, T0.plus(Duration.ofMinutes(2))));
        assertThat(conference.events(standup))
                .extracting(Object::getClass)
                .containsExactly(Started.class, Joined.class, Left.class, Joined.class);
    }

    // 2. leave

    @Test
    void leavesWithALeaveEvent() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        later(Duration.ofMinutes(3));

        conference.leave(alice, standup);

        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(bob);
        assertThat(conference.events(standup).get(3)).isInstanceOfSatisfying(Left.class, left -> {
            assertThat(left.user()).isEqualTo(alice);
            assertThat(left.at()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        });
    }

    @Test
    void refusesToLeaveWithoutJoiningAndRecordsNothing() {
        givenARunningPublicMeeting();

        assertThatThrownBy(() -> conference.leave(alice, standup))
                .isInstanceOf(NotParticipantException.class)
                .hasMessageContaining("alice");
        assertThat(conference.events(standup)).isEmpty();
    }

    @Test
    void refusesToLeaveAMeetingThatIsNotActive() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        later(HOUR);

        assertThatThrownBy(() -> conference.leave(alice, standup)).isInstanceOf(MeetingNotActiveException.class);
    }

    // removal

    @Test
    void removesAParticipantWithARemovedEventAndTheyMayJoinAgain() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        later(Duration.ofMinutes(2));

        conference.remove(alice, standup);

        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(bob);
        MeetingEvent removed = conference.events(standup).get(3);
        assertThat(removed).isEqualTo(new Removed(removed.id(), standup, 1, alice, T0.plus(Duration.ofMinutes(2))));
        assertThat(removed.type()).isEqualTo(EventType.REMOVED);
        conference.join(alice, standup);
        assertThat(conference.participantCount(standup)).isEqualTo(2);
    }

    @Test
    void aBannedUserCannotJoinAgainUntilTheInstanceEnds() {
        Meeting meeting = givenARunningPublicMeeting();
        directory.saveInstance(anInstance(meeting, 2, T0.plus(HOUR), HOUR));
        conference.join(alice, standup);
        conference.join(bob, standup);

        conference.remove(alice, standup, true);
        List<MeetingEvent> events = conference.events(standup);

        assertThatThrownBy(() -> conference.join(alice, standup))
                .isInstanceOf(BannedException.class)
                .hasMessageContaining("alice")
                .hasMessageContaining("standup");
        assertThat(conference.events(standup)).isEqualTo(events);
        assertThatThrownBy(() -> conference.post(alice, standup, "let me in"))
                .isInstanceOf(NotParticipantException.class);
        // Others come and go as before.
        conference.leave(bob, standup);
        conference.join(bob, standup);

        later(HOUR);
        conference.join(alice, standup);
        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice);
    }

    @Test
    void removingSomeoneNotInOrFromAMeetingNotActiveIsRefusedAndRecordsNothing() {
        givenARunningPublicMeeting();
        conference.join(bob, standup);

        assertThatThrownBy(() -> conference.remove(alice, standup, true)).isInstanceOf(NotParticipantException.class);
        conference.join(alice, standup); // a refused removal bans no one
        assertThat(conference.events(standup)).hasSize(3);

        later(HOUR);
        assertThatThrownBy(() -> conference.remove(alice, standup)).isInstanceOf(MeetingNotActiveException.class);
        assertThatThrownBy(() -> conference.remove(alice, MeetingId.of("nowhere")))
                .isInstanceOf(UnknownMeetingException.class);
    }

    @Test
    void aRemovalRetriedWithItsKeyRemovesOnce() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        IdempotencyKey key = IdempotencyKey.of("remove-alice");

        conference.remove(alice, standup, true, key);
        conference.remove(alice, standup, true, key);

        assertThat(conference.events(standup))
                .filteredOn(Removed.class::isInstance)
                .hasSize(1);
    }

    // attributes

    @Test
    void attributesAreSetRemovedAndAnnouncedByUpdatedEvents() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        later(Duration.ofMinutes(1));

        Participant updated = conference.update(alice, standup, Map.of("muted", "true", "hand", "raised"));

        assertThat(updated).isEqualTo(new Participant(alice, T0, Map.of("hand", "raised", "muted", "true")));
        assertThat(conference.participants(standup)).containsExactly(updated, new Participant(bob, T0));
        assertThat(conference
                        .update(alice, standup, Map.of("hand", "", "role", "presenter"))
                        .attributes())
                .isEqualTo(Map.of("muted", "true", "role", "presenter"));
        List<MeetingEvent> events = conference.events(standup);
        assertThat(events.subList(3, 5))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .isEqualTo(new Updated(
                                        first.id(),
                                        standup,
                                        1,
                                        alice,
                                        T0.plus(Duration.ofMinutes(1)),
                                        Map.of("muted", "true", "hand", "raised"))),
                        second -> assertThat(((Updated) second).changes())
                                .isEqualTo(Map.of("hand", "", "role", "presenter")));
        assertThat(conference.joinTimes().get(0).participants())
                .contains(conference.participants(standup).get(0));
    }

    @Test
    void anUpdateRetriedWithItsKeyUpdatesOnceAndAnswersWithTheAttributes() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        IdempotencyKey key = IdempotencyKey.of("raise-hand");

        Participant first = conference.update(alice, standup, Map.of("hand", "raised"), key);
        Participant again = conference.update(alice, standup, Map.of("hand", "raised"), key);

        assertThat(again).isEqualTo(first);
        assertThat(first.attributes()).isEqualTo(Map.of("hand", "raised"));
        assertThat(conference.events(standup))
                .filteredOn(Updated.class::isInstance)
                .hasSize(1);
    }

    @Test
    void attributesGoWithTheParticipant() {
        Meeting meeting = givenARunningPublicMeeting();
        directory.saveInstance(anInstance(meeting, 2, T0.plus(HOUR), HOUR));
        conference.join(alice, standup);
        conference.join(bob, standup);
        conference.update(alice, standup, Map.of("muted", "true"));
        conference.update(bob, standup, Map.of("muted", "true"));

        conference.leave(alice, standup);
        conference.join(alice, standup);
        conference.remove(bob, standup);
        conference.join(bob, standup);
        assertThat(conference.participants(standup))
                .allSatisfy(p -> assertThat(p.attributes()).isEmpty());

        conference.update(alice, standup, Map.of("hand", "raised"));
        later(HOUR);
        conference.join(alice, standup);
        assertThat(conference.participants(standup).get(0).attributes()).isEmpty();
    }

    @Test
    void attributeChangesThatBreakARuleAreRefusedAndRecordNothing() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        Map<String, String> sixteen = new java.util.HashMap<>();
        for (int i = 0; i < 16; i++) {
            sixteen.put("key-" + i, "value");
        }
        conference.update(alice, standup, sixteen);
        List<MeetingEvent> before = conference.events(standup);

        assertThatThrownBy(() -> conference.update(alice, standup, Map.of("one-more", "x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 16");
        assertThatThrownBy(() -> conference.update(alice, standup, Map.of("k".repeat(65), "x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("attribute key");
        assertThatThrownBy(() -> conference.update(alice, standup, Map.of("k", "v".repeat(257))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("value of attribute 'k'");
        assertThatThrownBy(() -> conference.update(alice, standup, Map.of(" ", "v")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> conference.update(alice, standup, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThat(conference.events(standup)).isEqualTo(before);
        assertThat(conference.participants(standup).get(0).attributes()).isEqualTo(sixteen);
        // Removing one makes room for another in the same change.
        assertThat(conference
                        .update(alice, standup, Map.of("key-0", "", "one-more", "x"))
                        .attributes())
                .hasSize(16)
                .containsEntry("one-more", "x");

        assertThatThrownBy(() -> conference.update(bob, standup, Map.of("muted", "true")))
                .isInstanceOf(NotParticipantException.class);
        later(HOUR);
        assertThatThrownBy(() -> conference.update(alice, standup, Map.of("muted", "true")))
                .isInstanceOf(MeetingNotActiveException.class);
    }

    // 3. participants

    @Test
    void listsParticipantsInOrderOfJoiningWithTheirJoinTimes() {
        givenARunningPublicMeeting();
        conference.join(bob, standup);
        later(Duration.ofSeconds(30));
        conference.join(alice, standup);

        assertThat(conference.participants(standup))
                .containsExactly(new Participant(bob, T0), new Participant(alice, T0.plusSeconds(30)));
    }

    @Test
    void aNewInstanceStartsWithNoParticipantsAndAnEmptyChat() {
        Meeting meeting = givenARunningPublicMeeting();
        directory.saveInstance(anInstance(meeting, 2, T0.plus(HOUR), HOUR));
        conference.join(alice, standup);
        conference.post(alice, standup, "first instance");

        later(HOUR);

        assertThat(conference.participants(standup)).isEmpty();
        assertThat(conference.chat(standup)).isEmpty();
        assertThat(conference.events(standup)).isEmpty();
        assertThat(conference.chat(standup, 1, Page.first(10)))
                .extracting(ChatMessage::text)
                .containsExactly("first instance");
        assertThat(conference.events(standup, 1)).hasSize(2);
    }

    @Test
    void countsTheParticipantsOfTheActiveInstance() {
        Meeting meeting = givenARunningPublicMeeting();
        directory.saveInstance(anInstance(meeting, 2, T0.plus(HOUR), HOUR));
        assertThat(conference.participantCount(standup)).isZero();
        conference.join(alice, standup);
        conference.join(bob, standup);
        assertThat(conference.participantCount(standup)).isEqualTo(2);
        conference.leave(alice, standup);
        assertThat(conference.participantCount(standup)).isEqualTo(1);

        later(HOUR);

        assertThat(conference.participantCount(standup)).isZero();
        assertThatThrownBy(() -> conference.participantCount(MeetingId.of("nowhere")))
                .isInstanceOf(UnknownMeetingException.class);
    }

    @Test
    void pagesThroughTheParticipantsInOrderOfJoiningEvenAsSomeLeave() {
        givenARunningPublicMeeting();
        List<UserId> crowd = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UserId user = UserId.of("p" + (7 - i)); // ids against the order of joining
            directory.saveUser(aUser(user.value()));
            crowd.add(user);
        }
        // Three in one microsecond (ordered by id), then one a second.
        for (int i = 0; i < crowd.size(); i++) {
            if (i >= 3) {
                later(Duration.ofSeconds(1));
            }
            conference.join(crowd.get(i), standup);
        }
        List<Participant> all = conference.participants(standup);

        List<Participant> first = conference.participants(standup, Page.first(2));
        assertThat(first).isEqualTo(all.subList(0, 2));
        // The last one read leaves: their cursor still marks the place.
        conference.leave(first.get(1).user(), standup);
        List<Participant> second =
                conference.participants(standup, Page.first(2).next(first.get(1).cursor()));
        assertThat(second).isEqualTo(all.subList(2, 4));
        List<Participant> rest = conference.participants(
                standup, Page.first(10).next(second.get(1).cursor()));
        assertThat(rest).isEqualTo(all.subList(4, 7));
        assertThat(conference.participants(
                        standup, Page.first(10).next(rest.get(2).cursor())))
                .isEmpty();

        assertThatThrownBy(() -> conference.participants(standup, Page.first(2).next("alice")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cursor");
        later(HOUR);
        assertThat(conference.participants(standup, Page.first(2))).isEmpty();
    }

    @Test
    void pagesThroughACrowdThatJoinedInOneMicrosecond() {
        givenARunningPublicMeeting();
        List<User> crowd = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            crowd.add(aUser("c" + i));
        }
        directory.saveUsers(crowd);
        crowd.forEach(user -> conference.join(user.id(), standup));

        List<Participant> paged = new ArrayList<>();
        Page page = Page.first(7);
        for (List<Participant> got = conference.participants(standup, page);
                !got.isEmpty();
                got = conference.participants(standup, page)) {
            paged.addAll(got);
            page = page.next(got.get(got.size() - 1).cursor());
        }

        assertThat(paged).hasSize(300).isEqualTo(conference.participants(standup));
    }

    // capacity

    /** "standup" runs from T0 for an hour and holds at most two; Alice, Bob and Carol exist. */
    private Meeting givenAMeetingForTwo() {
        directory.saveUsers(List.of(aUser("alice"), aUser("bob"), aUser("carol")));
        Meeting meeting = aPublicMeeting("standup").withCapacity(2);
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, HOUR));
        return meeting;
    }

    @Test
    void aJoinBeyondTheCapacityIsRefusedAndRecordsNothing() {
        givenAMeetingForTwo();
        conference.join(alice, standup);
        conference.join(bob, standup);
        List<MeetingEvent> before = conference.events(standup);

        assertThatThrownBy(() -> conference.join(UserId.of("carol"), standup))
                .isInstanceOf(MeetingFullException.class)
                .hasMessageContaining("standup")
                .hasMessageContaining("capacity 2")
                .hasMessageContaining("carol");
        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice, bob);
        assertThat(conference.events(standup)).isEqualTo(before);
        // A participant joining again is told so, not that the meeting is full.
        assertThatThrownBy(() -> conference.join(alice, standup)).isInstanceOf(AlreadyParticipantException.class);
    }

    @Test
    void aLeaveMakesRoomAndEachInstanceHasTheCapacityAnew() {
        Meeting meeting = givenAMeetingForTwo();
        directory.saveInstance(anInstance(meeting, 2, T0.plus(HOUR), HOUR));
        conference.join(alice, standup);
        conference.join(bob, standup);
        conference.leave(alice, standup);

        conference.join(UserId.of("carol"), standup);
        assertThatThrownBy(() -> conference.join(alice, standup)).isInstanceOf(MeetingFullException.class);

        later(HOUR);
        conference.join(alice, standup);
        conference.join(bob, standup);
        assertThat(conference.participantCount(standup)).isEqualTo(2);
    }

    @Test
    void aCapacityTakesEffectWhenSavedAndGoesWhenSavedWithout() {
        Meeting meeting = givenARunningPublicMeeting();
        directory.saveUser(aUser("carol"));
        conference.join(alice, standup);
        conference.join(bob, standup);

        directory.saveMeeting(meeting.withCapacity(2));
        assertThatThrownBy(() -> conference.join(UserId.of("carol"), standup)).isInstanceOf(MeetingFullException.class);
        assertThat(directory.meeting(standup)).contains(meeting.withCapacity(2));

        directory.saveMeeting(meeting);
        conference.join(UserId.of("carol"), standup);
        assertThat(conference.participantCount(standup)).isEqualTo(3);
        assertThat(directory.meeting(standup)).contains(meeting);
    }

    // 4. active meetings

    @Test
    void listsTheMeetingsActiveNow() {
        givenARunningPublicMeeting();
        Meeting later = aPublicMeeting("later");
        Meeting earlier = aPublicMeeting("earlier");
        Meeting longer = aPublicMeeting("longer");
        directory.saveMeetings(List.of(later, earlier, longer));
        directory.saveInstance(anInstance(later, 1, T0.plus(HOUR), HOUR));
        directory.saveInstance(anInstance(earlier, 1, T0.minus(HOUR), HOUR));
        directory.saveInstance(anInstance(longer, 1, T0.minus(HOUR), HOUR.multipliedBy(3)));

        assertThat(conference.activeMeetings())
                .extracting(MeetingInstance::meeting)
                .containsExactly(standup, longer.id());

        later(HOUR);
        assertThat(conference.activeMeetings())
                .extracting(MeetingInstance::meeting)
                .containsExactly(later.id(), longer.id());
    }

    @Test
    void anEndedMeetingIsNotActive() {
        givenARunningPublicMeeting();
        conference.end(standup);

        assertThat(conference.activeMeetings()).isEmpty();
    }

    // 5. end

    @Test
    void endingTimesOutEveryParticipantOnce() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        later(Duration.ofMinutes(10));

        Ending ending = conference.end(standup).orElseThrow();

        Instant endedAt = T0.plus(Duration.ofMinutes(10));
        assertThat(ending.timedOut()).isEqualTo(2);
        assertThat(ending.at()).isEqualTo(endedAt);
        assertThat(conference.participants(standup)).isEmpty();
        List<MeetingEvent> events = conference.events(standup);
        assertThat(events)
                .extracting(Object::getClass)
                .containsExactly(
                        Started.class, Joined.class, Joined.class, TimedOut.class, TimedOut.class, Ended.class);
        assertThat(events.subList(3, 5))
                .extracting(event -> ((TimedOut) event).user(), MeetingEvent::at)
                .containsExactlyInAnyOrder(tuple(alice, endedAt), tuple(bob, endedAt));
    }

    @Test
    void endingAnEndedMeetingChangesNothing() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.end(standup);
        List<MeetingEvent> before = conference.events(standup);

        assertThat(conference.end(standup)).isEmpty();
        assertThat(conference.events(standup)).isEqualTo(before);
    }

    @Test
    void anEndedMeetingRefusesJoinsAndPosts() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.end(standup);

        assertThatThrownBy(() -> conference.join(alice, standup)).isInstanceOf(MeetingNotActiveException.class);
        assertThatThrownBy(() -> conference.post(alice, standup, "hello?"))
                .isInstanceOf(MeetingNotActiveException.class);
    }

    @Test
    void endingAMeetingThatNeverStartedDoesNothing() {
        directory.saveMeeting(aPublicMeeting("future"));

        assertThat(conference.end(MeetingId.of("future"))).isEmpty();
        assertThatThrownBy(() -> conference.end(MeetingId.of("nowhere"))).isInstanceOf(UnknownMeetingException.class);
    }

    // 6. post

    @Test
    void postsAMessage() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        later(Duration.ofSeconds(7));

        ChatMessage message = conference.post(alice, standup, "hello, {world}: ünïcödé 🎉\nsecond line");

        assertThat(message.user()).isEqualTo(alice);
        assertThat(message.meeting()).isEqualTo(standup);
        assertThat(message.instance()).isEqualTo(1);
        assertThat(message.postedAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(conference.chat(standup)).containsExactly(message);
    }

    @Test
    void refusesPostsFromNonParticipants() {
        givenARunningPublicMeeting();

        assertThatThrownBy(() -> conference.post(alice, standup, "hi")).isInstanceOf(NotParticipantException.class);
        assertThat(conference.chat(standup)).isEmpty();
    }

    @Test
    void refusesBlankAndOversizedTexts() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);

        assertThatThrownBy(() -> conference.post(alice, standup, " \n\t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> conference.post(alice, standup, "x".repeat(4097)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("4096");
        assertThat(conference.post(alice, standup, "x".repeat(4096)).text()).hasSize(4096);
        assertThat(conference.chat(standup)).hasSize(1);
    }

    // 7. chat

    @Test
    void readsTheChatInChronologicalOrder() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        for (int i = 0; i < 5; i++) {
            conference.post(i % 2 == 0 ? alice : bob, standup, "message " + i);
            later(Duration.ofSeconds(1));
        }

        assertThat(conference.chat(standup))
                .extracting(ChatMessage::text)
                .containsExactly("message 0", "message 1", "message 2", "message 3", "message 4");
        assertThat(conference.chat(standup)).extracting(ChatMessage::postedAt).isSorted();
    }

    @Test
    void pagesThroughALongChat() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        for (int i = 0; i < 25; i++) {
            conference.post(alice, standup, "message " + i);
        }

        List<String> read = new ArrayList<>();
        Page page = Page.first(10);
        List<ChatMessage> batch;
        while (!(batch = conference.chat(standup, page)).isEmpty()) {
            batch.forEach(message -> read.add(message.text()));
            page = page.next(batch.get(batch.size() - 1).id());
        }

        assertThat(read)
                .hasSize(25)
                .startsWith("message 0")
                .endsWith("message 24")
                .doesNotHaveDuplicates();
    }

    @Test
    void pagesThroughAnEventLogOfTheLatestAndOfAnyInstance() {
        givenARunningPublicMeeting();
        for (int i = 0; i < 12; i++) {
            conference.join(alice, standup);
            conference.leave(alice, standup);
        }
        List<MeetingEvent> whole = conference.events(standup);

        List<MeetingEvent> latest = new ArrayList<>();
        List<MeetingEvent> ofInstance = new ArrayList<>();
        for (Page page = Page.first(5); ; ) {
            List<MeetingEvent> batch = conference.events(standup, page);
            assertThat(conference.events(standup, 1, page)).isEqualTo(batch);
            if (batch.isEmpty()) {
                break;
            }
            assertThat(batch).hasSizeLessThanOrEqualTo(5);
            latest.addAll(batch);
            ofInstance.addAll(conference.events(standup, 1, page));
            page = page.next(batch.get(batch.size() - 1).id());
        }

        assertThat(whole).hasSize(25);
        assertThat(latest).isEqualTo(whole).isEqualTo(ofInstance);
        assertThat(conference.events(standup, 2, Page.first(5))).isEmpty();
    }

    @Test
    void theChatStaysReadableAfterTheMeetingEnds() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.post(alice, standup, "minutes");
        later(Duration.ofHours(3));

        assertThat(conference.chat(standup)).extracting(ChatMessage::text).containsExactly("minutes");
    }

    // 8. join times

    @Test
    void listsJoinTimesForEveryActiveMeeting() {
        givenARunningPublicMeeting();
        Meeting other = aPublicMeeting("other");
        Meeting over = aPublicMeeting("over");
        directory.saveMeetings(List.of(other, over));
        directory.saveInstance(anInstance(other, 4, T0, HOUR.multipliedBy(2)));
        directory.saveInstance(anInstance(over, 1, T0.minus(HOUR), HOUR));
        conference.join(alice, standup);
        later(Duration.ofMinutes(1));
        conference.join(bob, other.id());

        assertThat(conference.joinTimes())
                .containsExactly(
                        new MeetingParticipants(standup, 1, T0.plus(HOUR), List.of(new Participant(alice, T0))),
                        new MeetingParticipants(
                                other.id(),
                                4,
                                T0.plus(HOUR.multipliedBy(2)),
                                List.of(new Participant(bob, T0.plusSeconds(60)))));
    }

    @Test
    void pagesThroughTheActiveMeetingsAndTheirJoinTimesInOrderOfEnd() {
        givenARunningPublicMeeting();
        List<Meeting> more = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            more.add(aPublicMeeting("m" + (6 - i)));
        }
        directory.saveMeetings(more);
        // Three end together (ordered by id), three an hour apart.
        for (int i = 0; i < more.size(); i++) {
            directory.saveInstance(anInstance(more.get(i), 1, T0, HOUR.multipliedBy(i < 3 ? 2 : 3 + i)));
        }
        conference.join(alice, standup);
        List<MeetingInstance> all = conference.activeMeetings();
        assertThat(all).hasSize(7);

        List<MeetingInstance> first = conference.activeMeetings(Page.first(3));
        List<MeetingInstance> second =
                conference.activeMeetings(Page.first(3).next(first.get(2).cursor()));
        List<MeetingInstance> third =
                conference.activeMeetings(Page.first(3).next(second.get(2).cursor()));
        assertThat(first).isEqualTo(all.subList(0, 3));
        assertThat(second).isEqualTo(all.subList(3, 6));
        assertThat(third).isEqualTo(all.subList(6, 7));

        List<MeetingParticipants> times = conference.joinTimes(Page.first(2));
        assertThat(times).isEqualTo(conference.joinTimes().subList(0, 2));
        assertThat(conference.joinTimes(Page.first(10).next(times.get(1).cursor())))
                .isEqualTo(conference.joinTimes().subList(2, 7));
        assertThatThrownBy(() -> conference.activeMeetings(Page.first(2).next("standup")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cursor");
    }

    // 9. messages of one user

    @Test
    void listsOneUsersMessagesInOrder() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        conference.post(alice, standup, "a1");
        conference.post(bob, standup, "b1");
        conference.post(alice, standup, "a2");

        assertThat(conference.messages(standup, alice))
                .extracting(ChatMessage::text)
                .containsExactly("a1", "a2");
        assertThat(conference.messages(standup, bob))
                .extracting(ChatMessage::text)
                .containsExactly("b1");
    }

    @Test
    void refusesToListMessagesOfAMeetingThatIsNotActive() {
        givenARunningPublicMeeting();
        later(HOUR);

        assertThatThrownBy(() -> conference.messages(standup, alice)).isInstanceOf(MeetingNotActiveException.class);
        assertThatThrownBy(() -> conference.messages(standup, UserId.of("ghost")))
                .isInstanceOf(UnknownUserException.class);
    }

    @Test
    void deletingAUserDeletesTheirMessagesEverywhere() {
        Meeting meeting = givenARunningPublicMeeting();
        Meeting other = aPublicMeeting("other");
        directory.saveMeeting(other);
        directory.saveInstance(anInstance(other, 1, T0, HOUR));
        conference.join(alice, standup);
        conference.join(bob, standup);
        conference.join(alice, other.id());
        conference.post(alice, standup, "alice in standup");
        conference.post(bob, standup, "bob in standup");
        conference.post(alice, other.id(), "alice in other");

        assertThat(directory.deleteUser(alice)).isTrue();

        assertThat(conference.chat(standup)).extracting(ChatMessage::text).containsExactly("bob in standup");
        assertThat(conference.chat(other.id())).isEmpty();
        assertThat(conference.messages(standup, bob)).hasSize(1);
        assertThatThrownBy(() -> conference.messages(standup, alice)).isInstanceOf(UnknownUserException.class);
        assertThat(meeting.id()).isEqualTo(standup);
    }

    @Test
    void deletingAUserDeletesTheAttributesTheyGaveAndTheirUpdates() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        conference.update(alice, standup, Map.of("note", "alice's own words"));
        conference.update(bob, standup, Map.of("note", "bob's"));

        directory.deleteUser(alice);

        assertThat(conference.events(standup))
                .filteredOn(Updated.class::isInstance)
                .extracting(event -> ((Updated) event).user())
                .containsExactly(bob);
        assertThat(conference.participants(standup)).containsExactly(new Participant(bob, T0, Map.of("note", "bob's")));
    }

    @Test
    void aUserMadeAgainAfterErasureIsNotBannedByTheirFormerLife() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.remove(alice, standup, true);

        directory.deleteUser(alice);
        directory.saveUser(aUser("alice"));

        conference.join(alice, standup);
        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice);
    }

    @Test
    void anErasedParticipantLeavesWithALeftEventAndIsThenUnknownEverywhere() {
        givenARunningPublicMeeting();
        Meeting other = aPublicMeeting("other");
        directory.saveMeeting(other);
        directory.saveInstance(anInstance(other, 1, T0, HOUR));
        conference.join(alice, standup, Duration.ofMinutes(1));
        conference.join(bob, standup);
        conference.join(alice, other.id());
        later(Duration.ofMinutes(2));

        directory.deleteUser(alice);

        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(bob);
        assertThat(conference.participants(other.id())).isEmpty();
        List<MeetingEvent> events = conference.events(standup);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(Left.class, left -> {
            assertThat(left.user()).isEqualTo(alice);
            assertThat(left.at()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        });
        assertThat(conference.events(other.id()))
                .extracting(Object::getClass)
                .containsExactly(Started.class, Joined.class, Left.class);
        assertThatThrownBy(() -> conference.post(alice, standup, "still here?"))
                .isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.renew(alice, standup, HOUR)).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.leave(alice, standup)).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.join(alice, standup)).isInstanceOf(UnknownUserException.class);
        assertThat(conference.chat(standup)).isEmpty();
    }

    @Test
    void aUserCreatedAgainAfterErasureStartsAFreshLife() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.post(alice, standup, "first life");
        directory.deleteUser(alice);
        directory.saveUser(aUser("alice"));

        assertThatThrownBy(() -> conference.post(alice, standup, "not a participant"))
                .isInstanceOf(NotParticipantException.class);
        conference.join(alice, standup);
        conference.post(alice, standup, "second life");
        assertThat(conference.chat(standup)).extracting(ChatMessage::text).containsExactly("second life");

        directory.deleteUser(alice);

        assertThat(conference.chat(standup)).isEmpty();
        assertThat(conference.participants(standup)).isEmpty();
    }

    // retries with an idempotency key

    @Test
    void aRetryWithTheSameKeyChangesNothingAndAnswersAsTheFirstAttemptDid() {
        givenARunningPublicMeeting();
        IdempotencyKey joining = IdempotencyKey.of("join-1");
        IdempotencyKey posting = IdempotencyKey.of("post-1");
        IdempotencyKey leaving = IdempotencyKey.of("leave-1");
        IdempotencyKey ending = IdempotencyKey.of("end-1");

        Participant joined = conference.join(alice, standup, joining);
        conference.join(bob, standup);
        later(Duration.ofMinutes(1));
        assertThat(conference.join(alice, standup, joining)).isEqualTo(joined);
        ChatMessage posted = conference.post(alice, standup, "once", posting);
        later(Duration.ofMinutes(1));
        assertThat(conference.post(alice, standup, "once", posting)).isEqualTo(posted);
        conference.leave(alice, standup, leaving);
        conference.leave(alice, standup, leaving);
        Optional<Ending> ended = conference.end(standup, ending);
        assertThat(conference.end(standup, ending)).isEqualTo(ended);

        assertThat(conference.chat(standup)).containsExactly(posted);
        assertThat(conference.events(standup))
                .extracting(Object::getClass)
                .containsExactly(Started.class, Joined.class, Joined.class, Left.class, TimedOut.class, Ended.class);
        assertThat(ended).isPresent();
    }

    @Test
    void aRefusalIsTheAnswerToEveryRetryWithItsKey() {
        givenARunningPublicMeeting();
        IdempotencyKey key = IdempotencyKey.of("early post");
        assertThatThrownBy(() -> conference.post(alice, standup, "too early", key))
                .isInstanceOf(NotParticipantException.class);
        conference.join(alice, standup);

        assertThatThrownBy(() -> conference.post(alice, standup, "too early", key))
                .isInstanceOf(NotParticipantException.class);
        assertThat(conference
                        .post(alice, standup, "now", IdempotencyKey.of("next post"))
                        .text())
                .isEqualTo("now");
        assertThat(conference.chat(standup)).extracting(ChatMessage::text).containsExactly("now");
    }

    @Test
    void aKeyNamesOneOperationOnOneMeeting() {
        givenARunningPublicMeeting();
        Meeting other = aPublicMeeting("other");
        directory.saveMeeting(other);
        directory.saveInstance(anInstance(other, 1, T0, HOUR));
        IdempotencyKey key = IdempotencyKey.of("same key");
        conference.join(alice, standup, key);
        conference.join(alice, other.id(), key);
        conference.post(alice, standup, "here", key);
        conference.post(alice, other.id(), "there", key);
        conference.leave(alice, standup, key);

        assertThat(conference.chat(standup)).extracting(ChatMessage::text).containsExactly("here");
        assertThat(conference.chat(other.id())).extracting(ChatMessage::text).containsExactly("there");
        assertThat(conference.participants(standup)).isEmpty();
        assertThat(conference.participants(other.id()))
                .extracting(Participant::user)
                .containsExactly(alice);
    }

    @Test
    void idempotencyKeysAreCheckedWhenMade() {
        assertThatThrownBy(() -> IdempotencyKey.of("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("x".repeat(201))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("a\nb")).isInstanceOf(InvalidInputException.class);
        assertThat(IdempotencyKey.of("ok-1").value()).isEqualTo("ok-1");
    }

    @Test
    void readingTheChatOrLogOfAnUnknownMeetingIsRefused() {
        MeetingId nowhere = MeetingId.of("nowhere");
        directory.saveUser(aUser("alice"));

        assertThatThrownBy(() -> conference.chat(nowhere)).isInstanceOf(UnknownMeetingException.class);
        assertThatThrownBy(() -> conference.chat(nowhere, 1, Page.first(10)))
                .isInstanceOf(UnknownMeetingException.class);
        assertThatThrownBy(() -> conference.events(nowhere)).isInstanceOf(UnknownMeetingException.class);
        assertThatThrownBy(() -> conference.events(nowhere, 1)).isInstanceOf(UnknownMeetingException.class);
        assertThatThrownBy(() -> conference.messages(nowhere, alice)).isInstanceOf(UnknownMeetingException.class);
        assertThatThrownBy(() -> conference.end(nowhere)).isInstanceOf(UnknownMeetingException.class);
    }

    // event log and odd ids

    @Test
    void keepsTheEventLogInOrderWithDistinctIds() {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.join(bob, standup);
        conference.leave(alice, standup);
        conference.end(standup);

        List<MeetingEvent> events = conference.events(standup);
        assertThat(events)
                .extracting(Object::getClass)
                .containsExactly(Started.class, Joined.class, Joined.class, Left.class, TimedOut.class, Ended.class);
        assertThat(events).extracting(MeetingEvent::id).doesNotHaveDuplicates();
        assertThat(conference.events(standup, 1)).isEqualTo(events);
        assertThat(conference.events(standup, 9)).isEmpty();
    }

    @Test
    void oddIdsNeverShareAMeeting() {
        List<String> ids = DirectoryContract.ODD_IDS;
        for (String id : ids) {
            directory.saveUser(aUser(id));
            Meeting meeting = aPublicMeeting(id);
            directory.saveMeeting(meeting);
            directory.saveInstance(anInstance(meeting, 1, T0, HOUR));
        }
        for (String id : ids) {
            conference.join(UserId.of(id), MeetingId.of(id));
            conference.post(UserId.of(id), MeetingId.of(id), "in " + id);
        }

        for (String id : ids) {
            MeetingId meeting = MeetingId.of(id);
            assertThat(conference.participants(meeting))
                    .extracting(Participant::user)
                    .containsExactly(UserId.of(id));
            assertThat(conference.chat(meeting)).extracting(ChatMessage::text).containsExactly("in " + id);
            assertThat(conference.messages(meeting, UserId.of(id))).hasSize(1);
        }
        assertThat(conference.activeMeetings()).hasSize(ids.size());
        assertThat(conference.joinTimes())
                .allSatisfy(entry -> assertThat(entry.participants()).hasSize(1));
    }

    @Test
    void anExtendedInstanceKeepsItsParticipantsPastTheOldEnd() {
        Meeting meeting = givenARunningPublicMeeting();
        conference.join(alice, standup);
        directory.saveInstance(anInstance(meeting, 1, T0, HOUR.multipliedBy(2)));
        later(HOUR.plusMinutes(30));

        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice);
        assertThat(conference.activeMeetings())
                .extracting(MeetingInstance::meeting)
                .containsExactly(standup);
    }

    @Test
    void aShortenedInstanceStopsEarly() {
        Meeting meeting = givenARunningPublicMeeting();
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofMinutes(10)));
        later(Duration.ofMinutes(10));

        assertThat(conference.activeMeetings()).isEmpty();
        assertThatThrownBy(() -> conference.join(alice, standup)).isInstanceOf(MeetingNotActiveException.class);
    }
}
