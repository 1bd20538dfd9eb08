package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.conference.model.ChatMessage;
import dev.conference.model.EventType;
import dev.conference.model.Imported;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.ParticipantEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.port.History;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link History} must do: past events and messages, in place, once. */
public abstract class HistoryContract extends StoreContract {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant YESTERDAY = T0.minus(Duration.ofDays(1));

    private final UserId alice = UserId.of("alice");
    private final UserId bob = UserId.of("bob");
    private final MeetingId standup = MeetingId.of("standup");
    private History history;

    /**
     * Alice and Bob exist; "standup" ran yesterday for an hour (instance 1) and runs from T0 for an
     * hour (instance 2); the clock is half an hour into instance 2.
     */
    @BeforeEach
    final void givenAMeetingThatRanYesterdayAndRunsNow() {
        history = store.history();
        directory.saveUser(aUser("alice"));
        directory.saveUser(aUser("bob"));
        Meeting meeting = aPublicMeeting("standup");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, YESTERDAY, HOUR));
        directory.saveInstance(anInstance(meeting, 2, T0, HOUR));
        clock.advance(Duration.ofMinutes(30));
    }

    private PastEvent event(String source, UserId user, EventType type, Instant at) {
        return new PastEvent(source, standup, user, type, at);
    }

    private static List<Object> kindsAndUsers(List<MeetingEvent> log) {
        return log.stream()
                .map(event -> event instanceof ParticipantEvent p
                        ? (Object) tuple(event.type(), p.user().value(), event.at())
                        : (Object) tuple(event.type(), null, event.at()))
                .toList();
    }

    @Test
    void storesEachEventInTheInstanceHoldingItsTimeInTimestampOrder() {
        List<Imported> outcomes = history.importEvents(List.of(
                event("e1", alice, EventType.LEFT, YESTERDAY.plusSeconds(300)),
                event("e2", alice, EventType.JOINED, YESTERDAY.plusSeconds(60)),
                event("e3", bob, EventType.JOINED, T0.plusSeconds(60)),
                event("e4", bob, EventType.TIMED_OUT, YESTERDAY.plusSeconds(300))));

        assertThat(outcomes).containsOnly(Imported.STORED);
        assertThat(kindsAndUsers(conference.events(standup, 1)))
                .containsExactly(
                        tuple(EventType.STARTED, null, YESTERDAY),
                        tuple(EventType.JOINED, "alice", YESTERDAY.plusSeconds(60)),
                        tuple(EventType.LEFT, "alice", YESTERDAY.plusSeconds(300)),
                        tuple(EventType.TIMED_OUT, "bob", YESTERDAY.plusSeconds(300)));
        assertThat(kindsAndUsers(conference.events(standup)))
                .containsExactly(
                        tuple(EventType.STARTED, null, T0), tuple(EventType.JOINED, "bob", T0.plusSeconds(60)));
    }

    @Test
    void aSecondImportStoresNothing() {
        List<PastEvent> events = List.of(
                event("e1", alice, EventType.JOINED, T0.plusSeconds(60)),
                event("e2", alice, EventType.LEFT, T0.plusSeconds(120)),
                event("e3", bob, EventType.JOINED, YESTERDAY.plusSeconds(10)));
        List<PastMessage> messages = List.of(
                new PastMessage("m1", standup, 2, alice, "hello", T0.plusSeconds(90)),
                new PastMessage("m2", standup, 1, bob, "yesterday", YESTERDAY.plusSeconds(20)));
        history.importEvents(events);
        history.importMessages(messages);
        List<MeetingEvent> log = conference.events(standup);
        List<ChatMessage> chat = conference.chat(standup, 1, Page.first(100));

        assertThat(history.importEvents(events)).containsOnly(Imported.ALREADY_STORED);
        assertThat(history.importMessages(messages)).containsOnly(Imported.ALREADY_STORED);
        assertThat(conference.events(standup)).isEqualTo(log);
        assertThat(conference.chat(standup, 1, Page.first(100))).isEqualTo(chat);
        assertThat(history.importEvents(List.of(
                        event("e4", bob, EventType.LEFT, T0.plusSeconds(5)),
                        event("e4", bob, EventType.LEFT, T0.plusSeconds(5)))))
                .containsExactly(Imported.STORED, Imported.ALREADY_STORED);
    }

    @Test
    void reportsWhatItCannotPlaceAndStoresTheRest() {
        List<Imported> outcomes = history.importEvents(List.of(
                event("before", alice, EventType.JOINED, YESTERDAY.minusSeconds(1)),
                event("between", alice, EventType.JOINED, YESTERDAY.plus(HOUR)),
                event("future", alice, EventType.JOINED, clock.instant().plusSeconds(1)),
                new PastEvent("nobody", standup, UserId.of("nobody"), EventType.JOINED, T0.plusSeconds(1)),
                new PastEvent("nowhere", MeetingId.of("nowhere"), alice, EventType.JOINED, T0.plusSeconds(1)),
                new PastEvent("neither", MeetingId.of("nowhere"), UserId.of("nobody"), EventType.JOINED, T0),
                event("fine", alice, EventType.JOINED, T0.plusSeconds(1))));

        assertThat(outcomes)
                .containsExactly(
                        Imported.NO_INSTANCE,
                        Imported.NO_INSTANCE,
                        Imported.IN_FUTURE,
                        Imported.UNKNOWN_USER,
                        Imported.UNKNOWN_MEETING,
                        Imported.UNKNOWN_USER,
                        Imported.STORED);
        assertThat(conference.events(standup, 1)).isEmpty();
        assertThat(kindsAndUsers(conference.events(standup)))
                .containsExactly(
                        tuple(EventType.STARTED, null, T0), tuple(EventType.JOINED, "alice", T0.plusSeconds(1)));
        assertThat(history.importMessages(List.of(
                        new PastMessage("m1", standup, 3, alice, "no such instance", T0.plusSeconds(1)),
                        new PastMessage("m2", standup, 1, alice, "not in instance 1", T0.plusSeconds(1)),
                        new PastMessage(
                                "m3",
                                standup,
                                2,
                                alice,
                                "later",
                                clock.instant().plusSeconds(1)),
                        new PastMessage("m4", MeetingId.of("nowhere"), 1, alice, "where?", T0),
                        new PastMessage("m5", standup, 2, UserId.of("nobody"), "who?", T0))))
                .containsExactly(
                        Imported.NO_INSTANCE,
                        Imported.NO_INSTANCE,
                        Imported.IN_FUTURE,
                        Imported.UNKNOWN_MEETING,
                        Imported.UNKNOWN_USER);
    }

    @Test
    void inARunningInstanceTheLastImportedEventOfEachUserSaysWhoIsIn() {
        history.importEvents(List.of(
                event("a1", alice, EventType.JOINED, T0.plusSeconds(60)),
                event("b1", bob, EventType.JOINED, T0.plusSeconds(30)),
                event("b2", bob, EventType.LEFT, T0.plusSeconds(40)),
                event("a0", alice, EventType.LEFT, T0.plusSeconds(10))));

        assertThat(conference.participants(standup)).containsExactly(new Participant(alice, T0.plusSeconds(60)));
        assertThat(conference.joinTimes())
                .singleElement()
                .satisfies(meeting ->
                        assertThat(meeting.participants()).containsExactly(new Participant(alice, T0.plusSeconds(60))));

        history.importEvents(List.of(event("a2", alice, EventType.TIMED_OUT, T0.plusSeconds(70))));
        assertThat(conference.participants(standup)).isEmpty();
        history.importEvents(List.of(event("b3", bob, EventType.JOINED, T0.plusSeconds(80))));
        assertThat(conference.participants(standup)).containsExactly(new Participant(bob, T0.plusSeconds(80)));
        conference.leave(bob, standup);
        assertThat(conference
                        .events(standup)
                        .get(conference.events(standup).size() - 1)
                        .type())
                .isEqualTo(EventType.LEFT);
    }

    @Test
    void liveEventsAfterAnImportedOneStillSayWhoIsIn() {
        conference.join(alice, standup);
        List<MeetingEvent> live = conference.events(standup);

        history.importEvents(List.of(
                event("a1", alice, EventType.LEFT, T0.plusSeconds(60)),
                event("b1", bob, EventType.JOINED, T0.plusSeconds(70))));

        assertThat(kindsAndUsers(conference.events(standup)))
                .containsExactly(
                        tuple(EventType.STARTED, null, T0),
                        tuple(EventType.LEFT, "alice", T0.plusSeconds(60)),
                        tuple(EventType.JOINED, "bob", T0.plusSeconds(70)),
                        tuple(EventType.JOINED, "alice", clock.instant()));
        assertThat(kindsAndUsers(conference.events(standup))).containsAll(kindsAndUsers(live));
        assertThat(conference.participants(standup))
                .containsExactly(new Participant(bob, T0.plusSeconds(70)), new Participant(alice, clock.instant()));
    }

    @Test
    void anEndedInstanceGetsItsEntriesAndNothingElse() {
        conference.join(alice, standup);
        conference.end(standup);
        List<MeetingEvent> ending = conference.events(standup);

        history.importEvents(List.of(
                event("b1", bob, EventType.JOINED, T0.plusSeconds(60)),
                event("a1", alice, EventType.JOINED, YESTERDAY.plusSeconds(60))));

        assertThat(conference.participants(standup)).isEmpty();
        assertThat(conference.events(standup)).hasSize(ending.size() + 1);
        assertThat(conference.events(standup).stream().filter(e -> e.type() == EventType.TIMED_OUT))
                .hasSize(1);
        assertThat(kindsAndUsers(conference.events(standup, 1)))
                .containsExactly(
                        tuple(EventType.STARTED, null, YESTERDAY),
                        tuple(EventType.JOINED, "alice", YESTERDAY.plusSeconds(60)));
    }

    @Test
    void pagesGoOnAcrossImportedEntries() {
        history.importEvents(List.of(
                event("e1", alice, EventType.JOINED, T0.plusSeconds(1)),
                event("e2", bob, EventType.JOINED, T0.plusSeconds(3))));
        List<MeetingEvent> first = conference.events(standup, Page.first(2));
        history.importEvents(List.of(event("e3", bob, EventType.LEFT, T0.plusSeconds(2))));

        List<MeetingEvent> rest =
                conference.events(standup, new Page(first.get(1).id(), 10));

        assertThat(kindsAndUsers(rest))
                .containsExactly(
                        tuple(EventType.LEFT, "bob", T0.plusSeconds(2)),
                        tuple(EventType.JOINED, "bob", T0.plusSeconds(3)));
    }

    @Test
    void messagesGoIntoTheirInstancesChatInTimestampOrder() {
        conference.join(alice, standup);
        ChatMessage live = conference.post(alice, standup, "live now");

        List<Imported> outcomes = history.importMessages(List.of(
                new PastMessage("m2", standup, 2, bob, "second", T0.plusSeconds(20)),
                new PastMessage("m1", standup, 2, alice, "first", T0.plusSeconds(10)),
                new PastMessage("y1", standup, 1, bob, "yesterday", YESTERDAY.plusSeconds(5))));

        assertThat(outcomes).containsOnly(Imported.STORED);
        assertThat(conference.chat(standup))
                .extracting(ChatMessage::text, m -> m.user().value(), ChatMessage::postedAt, ChatMessage::instance)
                .containsExactly(
                        tuple("first", "alice", T0.plusSeconds(10), 2),
                        tuple("second", "bob", T0.plusSeconds(20), 2),
                        tuple("live now", "alice", live.postedAt(), 2));
        assertThat(conference.chat(standup, 1, Page.first(10)))
                .extracting(ChatMessage::text)
                .containsExactly("yesterday");
        assertThat(conference.messages(standup, alice))
                .extracting(ChatMessage::text)
                .containsExactly("first", "live now");
        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice);
    }

    @Test
    void erasureTakesImportedMessagesAndANewLifeImportsThemAgain() {
        PastMessage hello = new PastMessage("m1", standup, 2, bob, "hello", T0.plusSeconds(10));
        history.importMessages(List.of(hello));
        history.importEvents(List.of(event("b1", bob, EventType.JOINED, YESTERDAY.plusSeconds(10))));

        directory.deleteUser(bob);

        assertThat(conference.chat(standup)).isEmpty();
        assertThat(history.importMessages(List.of(hello))).containsExactly(Imported.UNKNOWN_USER);
        directory.saveUser(aUser("bob"));
        assertThat(history.importMessages(List.of(hello))).containsExactly(Imported.STORED);
        assertThat(conference.chat(standup)).extracting(ChatMessage::text).containsExactly("hello");
    }

    @Test
    void doesNotRewriteALiveLogFurtherBackThanItsBound() {
        conference.join(alice, standup);
        clock.advance(Duration.ofSeconds(1));
        List<PastMessage> later = new ArrayList<>();
        for (int i = 0; i <= History.MAX_LATER_ENTRIES; i++) {
            later.add(new PastMessage("later" + i, standup, 2, alice, "later " + i, T0.plusSeconds(600 + i)));
        }
        history.importMessages(later);

        assertThat(history.importMessages(List.of(
                        new PastMessage("early", standup, 2, alice, "early", T0.plusSeconds(1)),
                        new PastMessage("late", standup, 2, alice, "late", T0.plusSeconds(601)))))
                .containsExactly(Imported.TOO_FAR_BACK, Imported.STORED);
        List<ChatMessage> chat = conference.chat(standup);
        assertThat(chat).hasSize(History.MAX_LATER_ENTRIES + 2);
        assertThat(chat.get(2).text()).isEqualTo("late");
    }
}
