package dev.conference.model;

import java.time.Instant;

/**
 * A message posted in a meeting instance's chat.
 *
 * @param id opaque, assigned by the store; {@link Page#next} resumes after it
 */
public record ChatMessage(String id, MeetingId meeting, int instance, UserId user, String text, Instant postedAt) {
    public static final int MAX_TEXT_LENGTH = 4096;

    public ChatMessage {
        Check.notNull("message id", id);
        Check.notNull("meeting id", meeting);
        Check.notNull("user id", user);
        requireText(text);
        Check.notNull("posted at", postedAt);
    }

    /** Checks a text before it is posted: not blank, at most {@value #MAX_TEXT_LENGTH} characters. */
    public static String requireText(String text) {
        return Check.text("chat text", text, MAX_TEXT_LENGTH);
    }
}
