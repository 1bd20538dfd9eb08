package dev.conference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void idsAreNonBlankAndAtMost128Characters() {
        assertThatThrownBy(() -> UserId.of(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("user id must not be blank");
        assertThatThrownBy(() -> MeetingId.of("m".repeat(129)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("meeting id must be at most 128 characters");
        assertThatThrownBy(() -> UserId.of(null)).hasMessage("user id is required");
        assertThat(UserId.of("🎉".repeat(128)).value()).hasSize(256);
    }

    @Test
    void textsMustBeWellFormedUnicode() {
        assertThatThrownBy(() -> UserId.of("a\uD800"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("user id holds half a surrogate pair at index 1 (not a character)");
        assertThatThrownBy(() -> ChatMessage.requireText("\uDC00 lone")).isInstanceOf(InvalidInputException.class);
        assertThat(UserId.of("pair \uD83C\uDF89").value()).endsWith("🎉");
    }

    @Test
    void usersNeedAPlausibleEmailAndAge() {
        UserId id = UserId.of("bob");
        assertThatThrownBy(() -> new User(id, "Bob", 30, "Male", "bob.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("user email must look like name@domain: bob.example");
        assertThatThrownBy(() -> new User(id, "Bob", 30, "Male", "bob @example.com"))
                .hasMessageContaining("spaces");
        assertThatThrownBy(() -> new User(id, "Bob", -1, "Male", "bob@example.com"))
                .hasMessage("user age must be between 0 and 150, got -1");
        assertThatThrownBy(() -> new User(id, "", 30, "Male", "bob@example.com"))
                .hasMessage("user name must not be blank");
    }

    @Test
    void restrictedMeetingsAdmitTheirAudienceIgnoringCase() {
        Meeting board = Meeting.restricted(MeetingId.of("b"), "Board", "", Set.of("Carol@Example.com"));

        assertThat(board.admits("carol@EXAMPLE.com")).isTrue();
        assertThat(board.admits("mallory@example.com")).isFalse();
        assertThat(Meeting.publicMeeting(MeetingId.of("p"), "Open", "").admits("anyone@example.com"))
                .isTrue();
        assertThatThrownBy(() -> Meeting.restricted(MeetingId.of("b"), "Board", "", Set.of("nope")))
                .hasMessage("audience email must look like name@domain: nope");
    }

    @Test
    void aCapacityIsOneToAMillion() {
        Meeting open = Meeting.publicMeeting(MeetingId.of("p"), "Open", "");
        assertThat(open.capacity()).isEmpty();
        assertThat(open.withCapacity(1).capacity()).hasValue(1);
        assertThat(open.withCapacity(Meeting.MAX_CAPACITY).capacity()).hasValue(1_000_000);
        assertThatThrownBy(() -> open.withCapacity(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("meeting capacity must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> open.withCapacity(1_000_001)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void instancesRunFromBeforeTo() {
        MeetingId m = MeetingId.of("m");
        assertThatThrownBy(() -> new MeetingInstance(m, 1, T0, T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("from must be before to");
        assertThatThrownBy(() -> new MeetingInstance(m, 0, T0, T0.plusSeconds(1)))
                .hasMessage("instance number must be 1 or more, got 0");

        MeetingInstance instance = new MeetingInstance(m, 1, T0, T0.plusSeconds(60));
        assertThat(instance.spans(T0)).isTrue();
        assertThat(instance.spans(T0.plusSeconds(60))).isFalse();
    }

    @Test
    void instanceTimesAreKeptToTheMicrosecond() {
        MeetingInstance instance = new MeetingInstance(MeetingId.of("m"), 1, T0.plusNanos(1_999), T0.plusSeconds(1));

        assertThat(instance.from()).isEqualTo(T0.plusNanos(1_000));
    }

    @Test
    void chatTextIsBoundedAndNotBlank() {
        assertThatThrownBy(() -> ChatMessage.requireText("")).hasMessage("chat text must not be blank");
        assertThatThrownBy(() -> ChatMessage.requireText("x".repeat(4097)))
                .hasMessageStartingWith("chat text must be at most 4096 characters, got 4097");
    }

    @Test
    void idsSortByCodePointLikeUtf8Bytes() {
        assertThat(CodePointOrder.INSTANCE.compare("\uFFFD", "🎉")).isNegative();
        assertThat(CodePointOrder.INSTANCE.compare("ab", "abc")).isNegative();
        assertThat(CodePointOrder.INSTANCE.compare("Z", "a")).isNegative();
    }
}
