package dev.conference.redis;

import dev.conference.model.AlreadyParticipantException;
import dev.conference.model.BannedException;
import dev.conference.model.MeetingFullException;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.NotAllowedException;
import dev.conference.model.NotParticipantException;
import dev.conference.model.ParticipantAttributes;
import dev.conference.model.UnknownUserException;
import dev.conference.model.UserId;
import java.util.Optional;

/** Why a meeting's script refused a change and changed nothing: the status words the scripts reply with. */
enum Refusal {
    NOT_ACTIVE,
    NOT_ALLOWED,
    ALREADY_IN,
    NOT_IN,
    UNKNOWN_USER,
    /** The instance holds the meeting's capacity; the script's reply gives it after the word. */
    MEETING_FULL,
    BANNED,
    /** An attribute change would leave more keys than a participant holds; the reply gives how many. */
    TOO_MANY;

    /** The refusal a script's status word names, if it names one. */
    static Optional<Refusal> of(String status) {
        for (Refusal refusal : values()) {
            if (refusal.name().equals(status)) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /**
     * The exception a caller gets for this refusal of {@code user}'s change in {@code meeting};
     * {@code detail} is what the script's reply said after the status word.
     */
    RuntimeException exception(UserId user, MeetingId meeting, String detail) {
        return switch (this) {
            case NOT_ACTIVE -> new MeetingNotActiveException(meeting);
            case NOT_ALLOWED -> new NotAllowedException(user, meeting);
            case ALREADY_IN -> new AlreadyParticipantException(user, meeting);
            case NOT_IN -> new NotParticipantException(user, meeting);
            case UNKNOWN_USER -> new UnknownUserException(user);
            case MEETING_FULL -> new MeetingFullException(user, meeting, Integer.parseInt(detail));
            case BANNED -> new BannedException(user, meeting);
            case TOO_MANY -> ParticipantAttributes.tooMany(Integer.parseInt(detail));
        };
    }
}
