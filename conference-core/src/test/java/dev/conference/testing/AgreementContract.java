package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aRestrictedMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.InvalidInputException;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.NotAllowedException;
import dev.conference.model.Participant;
import dev.conference.model.UnknownUserException;
import dev.conference.model.UserId;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where the ports leave room, every store answers the same: these cases once had the in-memory store
 * and Redis disagree, and each test pins the one rule.
 */
public abstract class AgreementContract extends StoreContract {
    private static final Duration HOUR = Duration.ofHours(1);

    private final UserId alice = UserId.of("alice");
    private final MeetingId standup = MeetingId.of("standup");

    private void givenARunningPublicMeeting() {
        directory.saveUser(aUser("alice"));
        directory.saveMeeting(aPublicMeeting("standup"));
        directory.saveInstance(anInstance(aPublicMeeting("standup"), 1, T0, HOUR));
    }

    @Test
    void anUnknownUserIsReportedBeforeAnUnknownMeeting() {
        UserId nobody = UserId.of("nobody");
        MeetingId nowhere = MeetingId.of("nowhere");

        assertThatThrownBy(() -> conference.join(nobody, nowhere)).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.join(nobody, nowhere, Duration.ofSeconds(30)))
                .isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.leave(nobody, nowhere)).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.renew(nobody, nowhere, Duration.ofSeconds(30)))
                .isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.post(nobody, nowhere, "hi")).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> conference.messages(nowhere, nobody)).isInstanceOf(UnknownUserException.class);
    }

    @Test
    void participantsWhoJoinedInTheSameMicrosecondAreInIdOrder() {
        givenARunningPublicMeeting();
        directory.saveUser(aUser("zoe"));
        directory.saveUser(aUser("bob"));

        conference.join(UserId.of("zoe"), standup);
        conference.join(UserId.of("bob"), standup);
        conference.join(alice, standup);

        assertThat(conference.participants(standup))
                .extracting(Participant::user)
                .containsExactly(alice, UserId.of("bob"), UserId.of("zoe"));
        assertThat(conference.joinTimes().get(0).participants())
                .extracting(Participant::user)
                .containsExactly(alice, UserId.of("bob"), UserId.of("zoe"));
    }

    @Test
    void activeMeetingsThatEndTogetherAreInMeetingIdOrder() {
        for (String id : List.of("zeta", "alpha", "mid")) {
            directory.saveMeeting(aPublicMeeting(id));
        }
        // Instance numbers in the opposite order of the ids, so neither order can stand in for the other.
        directory.saveInstance(new MeetingInstance(MeetingId.of("zeta"), 1, T0, T0.plus(HOUR)));
        directory.saveInstance(new MeetingInstance(MeetingId.of("alpha"), 3, T0, T0.plus(HOUR)));
        directory.saveInstance(new MeetingInstance(MeetingId.of("mid"), 2, T0, T0.plus(HOUR)));

        assertThat(conference.activeMeetings())
                .extracting(instance -> instance.meeting().value())
                .containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void saveInstancesSavesEveryOneItCanThenReportsTheFirstRefusal() {
        directory.saveMeeting(aPublicMeeting("standup"));
        MeetingInstance first = anInstance(aPublicMeeting("standup"), 1, T0, HOUR);
        MeetingInstance overlapping = anInstance(aPublicMeeting("standup"), 2, T0.plus(Duration.ofMinutes(30)), HOUR);
        MeetingInstance later = anInstance(aPublicMeeting("standup"), 3, T0.plus(Duration.ofHours(5)), HOUR);

        assertThatThrownBy(() -> directory.saveInstances(List.of(first, overlapping, later)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instance 2");

        assertThat(directory.instances(standup)).containsExactly(first, later);
    }

    @Test
    void deletingAUserWhoNeverExistedSaysSo() {
        directory.saveUser(aUser("alice"));

        assertThat(directory.deleteUser(UserId.of("nobody"))).isFalse();
        assertThat(directory.deleteUser(alice)).isTrue();
        assertThat(directory.deleteUser(alice)).isFalse();
    }

    @Test
    void aMeetingDeletedAndMadeAgainStartsWithAnEmptyFeed() throws InterruptedException {
        givenARunningPublicMeeting();
        conference.join(alice, standup);
        conference.post(alice, standup, "from the first life");
        assertThat(directory.deleteMeeting(standup)).isTrue();
        directory.saveMeeting(aPublicMeeting("standup"));

        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        try (Subscription subscription = store.liveEvents().subscribe(standup, FeedPosition.oldest(), received::add)) {
            assertThat(received.poll(300, TimeUnit.MILLISECONDS))
                    .as("nothing of the deleted meeting")
                    .isNull();
        }
    }

    @Test
    void emailsMatchAfterCompatibilityNormalizationAndLowerCase() {
        directory.saveMeeting(
                aRestrictedMeeting("board", "kelvin@example.com", "ilker@example.com", "strasse@example.com"));
        directory.saveInstance(anInstance(aRestrictedMeeting("board"), 1, T0, HOUR));
        MeetingId board = MeetingId.of("board");
        // U+212A KELVIN SIGN is a compatibility form of K: it is the same letter.
        directory.saveUser(aUser("kelvin", "\u212Aelvin@EXAMPLE.com"));
        // U+0130 is a letter of its own (lower case i with a dot above), and so is ß: no Turkish or German folding.
        directory.saveUser(aUser("ilker", "\u0130lker@example.com"));
        directory.saveUser(aUser("strasse", "stra\u00DFe@example.com"));

        assertThat(conference.join(UserId.of("kelvin"), board).user()).isEqualTo(UserId.of("kelvin"));
        assertThatThrownBy(() -> conference.join(UserId.of("ilker"), board)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> conference.join(UserId.of("strasse"), board)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void instantsOutsideTheSupportedRangeAreRefusedAndTheOnesInsideKeepTheirMicroseconds() {
        directory.saveMeeting(aPublicMeeting("standup"));
        Instant lastHour = MeetingInstance.LATEST.minus(HOUR);
        MeetingInstance late = new MeetingInstance(standup, 1, lastHour, MeetingInstance.LATEST.minusNanos(1_000));

        directory.saveInstance(late);

        assertThat(directory.instances(standup)).containsExactly(late);
        assertThatThrownBy(() -> new MeetingInstance(standup, 2, lastHour, MeetingInstance.LATEST.plusSeconds(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(MeetingInstance.LATEST.toString());
        assertThatThrownBy(() -> new MeetingInstance(
                        standup, 2, MeetingInstance.EARLIEST.minusSeconds(1), MeetingInstance.EARLIEST.plusSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MeetingInstance(standup, 2, Instant.parse("2300-01-01T00:00:00Z"), Instant.MAX))
                .isInstanceOf(InvalidInputException.class);
    }
}
