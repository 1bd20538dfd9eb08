package dev.conference.model;

/**
 * A place in the order of joining (join time, then user id in code point order): what
 * {@link Participant#cursor()} gives and a page of participants starts after.
 *
 * @param joinedAt µs since the epoch
 */
public record ParticipantCursor(long joinedAt, UserId user) implements Comparable<ParticipantCursor> {
    public static ParticipantCursor of(Participant participant) {
        return new ParticipantCursor(Check.micros(participant.joinedAt()), participant.user());
    }

    /**
     * The cursor {@code text} names, as {@link #toString()} wrote it.
     *
     * @throws InvalidInputException if it is not one
     */
    public static ParticipantCursor parse(String text) {
        Check.notNull("participants cursor", text);
        int colon = text.indexOf(':');
        try {
            if (colon > 0
                    && colon < text.length() - 1
                    && text.chars().limit(colon).allMatch(Character::isDigit)) {
                return new ParticipantCursor(Long.parseLong(text, 0, colon, 10), UserId.of(text.substring(colon + 1)));
            }
        } catch (NumberFormatException | InvalidInputException e) {
            // the sentence below says what a cursor is
        }
        throw new InvalidInputException("participants cursor must be a participant's cursor() (join time in µs, ':',"
                + " user id), got: " + Check.shorten(text));
    }

    @Override
    public int compareTo(ParticipantCursor other) {
        int byTime = Long.compare(joinedAt, other.joinedAt);
        return byTime != 0 ? byTime : CodePointOrder.INSTANCE.compare(user.value(), other.user.value());
    }

    @Override
    public String toString() {
        return joinedAt + ":" + user.value();
    }
}
