package dev.conference.redis;

import dev.conference.model.MeetingId;
import dev.conference.model.UserId;

/**
 * How a presence lease is named in the lease index: {@code "instance|length of user id|user id meeting id"}.
 * The length tells where the user id ends, whatever characters either id holds.
 */
record LeaseMember(MeetingId meeting, int instance, UserId user) {
    String encode() {
        return instance + "|" + user.value().length() + "|" + user.value() + meeting.value();
    }

    static LeaseMember parse(String member) {
        int first = member.indexOf('|');
        int second = member.indexOf('|', first + 1);
        int length = Integer.parseInt(member.substring(first + 1, second));
        int userEnd = second + 1 + length;
        return new LeaseMember(
                MeetingId.of(member.substring(userEnd)),
                Integer.parseInt(member.substring(0, first)),
                UserId.of(member.substring(second + 1, userEnd)));
    }
}
