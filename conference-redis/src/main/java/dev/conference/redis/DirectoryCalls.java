package dev.conference.redis;

import dev.conference.model.Email;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.redis.Keys.InstanceIndex;
import dev.conference.redis.Keys.MeetingKeys;
import java.util.ArrayList;
import java.util.List;

/** The scripts that save users, meetings and instances, one binding each; saves send many at once ({@link RedisGateway#startEach}). */
final class DirectoryCalls {
    private DirectoryCalls() {}

    /** save-user.lua: the user's profile, in {@code hash}; {@code life} is the life a new user starts. */
    record SaveUser(String hash, User user, String life) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.SAVE_USER;
        }

        @Override
        public String[] keys() {
            return new String[] {hash};
        }

        @Override
        public String[] args() {
            return new String[] {life, Profile.afterLife(user), user.email()};
        }
    }

    /** save-meeting.lua: the meeting's description and audience. */
    record SaveMeeting(MeetingKeys meetingKeys, Meeting meeting) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.SAVE_MEETING;
        }

        @Override
        public String[] keys() {
            return new String[] {meetingKeys.meeting(), meetingKeys.audience()};
        }

        @Override
        public String[] args() {
            List<String> args = new ArrayList<>(4 + meeting.audience().size() * 2);
            args.add(meeting.id().value());
            args.add(meeting.title());
            args.add(meeting.description());
            args.add(Admission.of(meeting.isPublic(), meeting.capacity()));
            for (String email : meeting.audience()) {
                args.add(Email.normalize(email));
                args.add(email);
            }
            return args.toArray(String[]::new);
        }
    }

    /** save-instance.lua: the instance in its meeting's schedule. */
    record SaveInstance(MeetingKeys meetingKeys, MeetingInstance instance) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.SAVE_INSTANCE;
        }

        @Override
        public String[] keys() {
            return new String[] {meetingKeys.meeting(), meetingKeys.starts(), meetingKeys.ends(), meetingKeys.ended()};
        }

        @Override
        public String[] args() {
            return new String[] {
                Integer.toString(instance.instance()), Micros.of(instance.from()), Micros.of(instance.to())
            };
        }
    }

    /** index-instance.lua: the instance in the cross-meeting index, from the save of {@code version}. */
    record IndexInstance(InstanceIndex index, MeetingInstance instance, String version) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.INDEX_INSTANCE;
        }

        @Override
        public String[] keys() {
            return index.all();
        }

        @Override
        public String[] args() {
            return new String[] {
                IndexMember.of(instance.meeting(), instance.instance()),
                Micros.of(instance.from()),
                Micros.of(instance.to()),
                version
            };
        }
    }
}
