package dev.conference.redis;

import dev.conference.redis.Keys.MeetingKeys;
import java.util.Collections;
import java.util.List;

/** The scripts of a meeting's slot that import history, one binding each; an import sends many at once ({@link RedisGateway#startEach}). */
final class HistoryCalls {
    private HistoryCalls() {}

    /** place.lua: which instance of the meeting holds each of {@code times} (µs), as of {@code now} ('' for the server's clock). */
    record Place(MeetingKeys meetingKeys, String now, List<String> times) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.PLACE;
        }

        @Override
        public String[] keys() {
            return new String[] {meetingKeys.meeting(), meetingKeys.starts(), meetingKeys.ends()};
        }

        @Override
        public String[] args() {
            String[] args = new String[times.size() + 1];
            args[0] = now;
            for (int i = 0; i < times.size(); i++) {
                args[i + 1] = times.get(i);
            }
            return args;
        }
    }

    /**
     * import.lua over records of one instance, in time order: its KEYS and ARGV as its header lists
     * them (the adapter builds them from the records).
     */
    record Import(String[] keys, String[] args) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.IMPORT;
        }

        /** A letter per record (see import.lua); an unknown meeting answers 'M' for each of {@code records}. */
        List<Object> decode(List<Object> reply, int records) {
            if (Replies.status(reply).equals("UNKNOWN_MEETING")) {
                return Collections.nCopies(records, (Object) "M");
            }
            return reply;
        }
    }
}
