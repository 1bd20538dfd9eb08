package dev.conference.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.conference.model.ChatMessage;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.Participant;
import dev.conference.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the {@code --json} output: flat records of strings, numbers and ISO times, so a
 * script never sees how the domain types are built. Field names are part of the CLI's interface.
 */
final class Views {
    private Views() {}

    record UserView(String id, String name, int age, String gender, String email) {
        static UserView of(User user) {
            return new UserView(user.id().value(), user.name(), user.age(), user.gender(), user.email());
        }
    }

    record MeetingView(
            String id,
            String title,
            String description,
            @JsonProperty("public") boolean isPublic,
            List<String> audience,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer capacity) {
        static MeetingView of(Meeting meeting) {
            return new MeetingView(
                    meeting.id().value(),
                    meeting.title(),
                    meeting.description(),
                    meeting.isPublic(),
                    meeting.audience().stream().sorted().toList(),
                    meeting.capacity().isPresent() ? meeting.capacity().getAsInt() : null);
        }
    }

    /** @param status {@code scheduled}, {@code active} or {@code ended} at the time of the listing */
    record InstanceView(String meeting, int instance, Instant from, Instant to, String status) {
        static InstanceView of(MeetingInstance instance, String status) {
            return new InstanceView(
                    instance.meeting().value(), instance.instance(), instance.from(), instance.to(), status);
        }
    }

    record ParticipantView(String user, Instant joinedAt, Map<String, String> attributes) {
        static ParticipantView of(Participant participant) {
            return new ParticipantView(participant.user().value(), participant.joinedAt(), participant.attributes());
        }
    }

    record UpdatedView(String meeting, ParticipantView participant) {}

    record ParticipantsView(String meeting, List<ParticipantView> participants) {}

    record ParticipantCountView(String meeting, int count) {}

    record MeetingParticipantsView(String meeting, int instance, List<ParticipantView> participants) {
        static MeetingParticipantsView of(MeetingParticipants group) {
            return new MeetingParticipantsView(
                    group.meeting().value(),
                    group.instance(),
                    group.participants().stream().map(ParticipantView::of).toList());
        }
    }

    record MessageView(String id, String meeting, int instance, String user, String text, Instant postedAt) {
        static MessageView of(ChatMessage message) {
            return new MessageView(
                    message.id(),
                    message.meeting().value(),
                    message.instance(),
                    message.user().value(),
                    message.text(),
                    message.postedAt());
        }
    }

    /**
     * @param user the participant concerned, or the author of a message; absent for {@code STARTED} and
     *             {@code ENDED}
     * @param text a message's text; only for {@code POSTED}
     * @param changes the attributes an {@code UPDATED} set (an empty value: removed); only for it
     */
    record EventView(
            String id,
            String type,
            String meeting,
            int instance,
            @JsonInclude(JsonInclude.Include.NON_NULL) String user,
            @JsonInclude(JsonInclude.Include.NON_NULL) String text,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> changes,
            Instant at) {
        static EventView of(MeetingEvent event) {
            String user = null;
            String text = null;
            Map<String, String> changes = null;
            if (event instanceof MeetingEvent.ParticipantEvent participantEvent) {
                user = participantEvent.user().value();
                if (event instanceof MeetingEvent.Updated updated) {
                    changes = updated.changes();
                }
            } else if (event instanceof MeetingEvent.Posted posted) {
                user = posted.message().user().value();
                text = posted.message().text();
            }
            return new EventView(
                    event.id(),
                    type(event),
                    event.meeting().value(),
                    event.instance(),
                    user,
                    text,
                    changes,
                    event.at());
        }

        /** The event's name, the library's own (see {@link dev.conference.model.EventType}). */
        static String type(MeetingEvent event) {
            return event.type().name();
        }
    }

    /** The result of a command that changed something. */
    record JoinedView(
            String user,
            String meeting,
            Instant joinedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Duration lease) {}

    /** @param lease how long the presence now holds without another renewal */
    record RenewedView(String user, String meeting, Duration lease) {}

    /** A deleted user, whose chat messages went with them. */
    record DeletedUserView(String user, boolean deleted) {}

    /** What came due and was handled in one scheduler tick: instance starts and ends, presence leases. */
    record TickView(Instant at, int starts, int ends, int leases) {}

    record LeftView(String user, String meeting) {}

    record RemovedView(String user, String meeting, boolean banned) {}

    /** @param ended whether an instance was running and was ended */
    record EndedView(String meeting, boolean ended, int timedOut) {}

    record SavedView<T>(boolean replaced, T saved) {}
}
