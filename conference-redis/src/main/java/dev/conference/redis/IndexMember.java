package dev.conference.redis;

import dev.conference.model.MeetingId;

/**
 * How an instance is named in the cross-meeting index: {@code "instance|meeting id"}. The instance number is
 * digits only, so the first {@code |} splits the two whatever the meeting id holds.
 */
record IndexMember(MeetingId meeting, int instance) {
    static String of(MeetingId meeting, int instance) {
        return instance + "|" + meeting.value();
    }

    /** Whether {@code text} has this form: digits, then a {@code |}. No field of a user's profile has. */
    static boolean looksLikeOne(String text) {
        int bar = text.indexOf('|');
        return bar > 0 && text.chars().limit(bar).allMatch(c -> c >= '0' && c <= '9');
    }

    static IndexMember parse(String member) {
        int bar = member.indexOf('|');
        return new IndexMember(MeetingId.of(member.substring(bar + 1)), Integer.parseInt(member.substring(0, bar)));
    }
}
