package dev.conference.model;

import java.time.Instant;

/**
 * A chat message posted before it reached the store: what {@link
 * dev.conference.port.History#importMessages} stores in the chat of the instance it names.
 *
 * @param source the record's id where it comes from ({@code message_id} in messages.json): the key
 *     that makes a second import of it change nothing
 */
public record PastMessage(String source, MeetingId meeting, int instance, UserId user, String text, Instant at) {
    public PastMessage {
        Check.id("source id", source);
        Check.notNull("meeting id", meeting);
        if (instance < 1) {
            throw new InvalidInputException("instance number must be 1 or more, got " + instance);
        }
        Check.notNull("user id", user);
        ChatMessage.requireText(text);
        at = Check.instant("message time", at);
    }
}
