package dev.conference.redis;

import dev.conference.model.UserId;
import dev.conference.redis.Keys.MeetingKeys;
import java.util.ArrayList;
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

    /** One record an import gives import.lua: its source id, its user and their life, its time (µs), its type or text. */
    record Record(String source, UserId user, String life, String at, String what) {}

    /**
     * import.lua over {@code records} of instance {@code instance}, in time order, as of {@code now}
     * ('' for the server's clock); {@code kind} is 'e' for events, 'm' for messages.
     */
    record Import(
            MeetingKeys meetingKeys,
            int instance,
            String now,
            String retentionMillis,
            String kind,
            List<Record> records)
            implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.IMPORT;
        }

        @Override
        public String[] keys() {
            String n = Integer.toString(instance);
            List<String> keys = new ArrayList<>(10 + records.size());
            keys.addAll(List.of(
                    meetingKeys.meeting(),
                    meetingKeys.starts(),
                    meetingKeys.ends(),
                    meetingKeys.ended(),
                    meetingKeys.started(),
                    meetingKeys.events(n),
                    meetingKeys.chat(n),
                    meetingKeys.participants(n),
                    meetingKeys.leases(n),
                    meetingKeys.imported(n)));
            for (Record record : records) {
                keys.add(meetingKeys.erased(record.user()));
            }
            return keys.toArray(String[]::new);
        }

        @Override
        public String[] args() {
            List<String> args = new ArrayList<>(4 + records.size() * 5);
            args.addAll(List.of(now, Integer.toString(instance), retentionMillis, kind));
            for (Record record : records) {
                args.addAll(List.of(record.source(), record.user().value(), record.life(), record.at(), record.what()));
            }
            return args.toArray(String[]::new);
        }

        /** A letter per record (see import.lua); an unknown meeting answers 'M' for each. */
        List<Object> decode(List<Object> reply) {
            if (Replies.status(reply).equals("UNKNOWN_MEETING")) {
                return Collections.nCopies(records.size(), (Object) "M");
            }
            return reply;
        }
    }
}
