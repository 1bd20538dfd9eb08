package dev.conference.redis;

import dev.conference.redis.Keys.InstanceIndex;
import java.util.ArrayList;
import java.util.List;

/** The scripts of the instance index's slot that the live operations call, one binding each. */
final class IndexCalls {
    private IndexCalls() {}

    /** unindex-instance.lua: takes {@code member} ("n|meeting id") out of every structure of the index. */
    record Unindex(InstanceIndex index, String member) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.UNINDEX_INSTANCE;
        }

        @Override
        public String[] keys() {
            return index.all();
        }

        @Override
        public String[] args() {
            return new String[] {member};
        }
    }

    /** One member of the active set as active.lua read it: its span ("from|to", '' if gone) and score. */
    record ActiveEntry(String member, String span, String score) {}

    /** A page of the active set, read at {@code ranAt} (µs). */
    record ActivePage(String ranAt, List<ActiveEntry> entries) {}

    /**
     * active.lua: a page of at most {@code page} members of the active set at {@code at} ('' for the
     * server's clock), from the cursor: the lowest score still to read ('' from now on) and how many
     * members of that score were seen.
     */
    record Active(InstanceIndex index, String at, String lowest, int seen, int page) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.ACTIVE;
        }

        @Override
        public String[] keys() {
            return new String[] {index.active(), index.spans()};
        }

        @Override
        public String[] args() {
            return new String[] {at, lowest, Integer.toString(seen), Integer.toString(page)};
        }

        ActivePage decode(List<Object> reply) {
            List<ActiveEntry> entries = new ArrayList<>((reply.size() - 1) / 3);
            for (int i = 1; i + 2 < reply.size(); i += 3) {
                entries.add(
                        new ActiveEntry((String) reply.get(i), (String) reply.get(i + 1), (String) reply.get(i + 2)));
            }
            return new ActivePage(Replies.string(reply, 0), entries);
        }
    }
}
