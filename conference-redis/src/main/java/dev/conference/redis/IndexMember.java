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

    static IndexMember parse(String member) {
        int bar = member.indexOf('|');
        return new IndexMember(MeetingId.of(member.substring(bar + 1)), Integer.parseInt(member.substring(0, bar)));
    }
}
