package dev.conference.model;

/**
 * A place in the order of the active instances (their {@code to}, then the meeting id in code point
 * order): what {@link MeetingInstance#cursor()} and {@link MeetingParticipants#cursor()} give, and a page
 * of activeMeetings or joinTimes starts after.
 *
 * @param to µs since the epoch
 */
public record ActiveCursor(long to, MeetingId meeting) implements Comparable<ActiveCursor> {
    public static ActiveCursor of(MeetingInstance instance) {
        return new ActiveCursor(Check.micros(instance.to()), instance.meeting());
    }

    public static ActiveCursor of(MeetingParticipants meeting) {
        return new ActiveCursor(Check.micros(meeting.to()), meeting.meeting());
    }

    /**
     * The cursor {@code text} names, as {@link #toString()} wrote it.
     *
     * @throws InvalidInputException if it is not one
     */
    public static ActiveCursor parse(String text) {
        Check.notNull("active meetings cursor", text);
        int colon = text.indexOf(':');
        try {
            if (colon > 0
                    && colon < text.length() - 1
                    && text.chars().limit(colon).allMatch(Character::isDigit)) {
                return new ActiveCursor(Long.parseLong(text, 0, colon, 10), MeetingId.of(text.substring(colon + 1)));
            }
        } catch (NumberFormatException | InvalidInputException e) {
            // the sentence below says what a cursor is
        }
        throw new InvalidInputException("active meetings cursor must be an instance's cursor() (its end in µs, ':',"
                + " meeting id), got: " + Check.shorten(text));
    }

    @Override
    public int compareTo(ActiveCursor other) {
        int byEnd = Long.compare(to, other.to);
        return byEnd != 0 ? byEnd : CodePointOrder.INSTANCE.compare(meeting.value(), other.meeting.value());
    }

    @Override
    public String toString() {
        return to + ":" + meeting.value();
    }
}
