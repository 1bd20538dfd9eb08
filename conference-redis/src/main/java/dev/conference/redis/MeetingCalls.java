package dev.conference.redis;

import dev.conference.model.Participant;
import dev.conference.model.ParticipantCursor;
import dev.conference.model.UserId;
import dev.conference.redis.Keys.MeetingKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scripts of a meeting's slot that the live operations call, one binding each: what the call
 * carries, its KEYS and ARGV as the script's header lists them, and its reply decoded. {@code n} is
 * the instance the caller expects to be current, {@code now} the time to pass ('' for the server's
 * clock: see time_of), {@code op} the operation id, {@code window} how long its reply is kept (µs),
 * {@code again} '1' if the command may have run already, or a mark that says so as it is written
 * (ResendMarks).
 */
final class MeetingCalls {
    private MeetingCalls() {}

    /** A join's result: its JOINED event and the join time. */
    record Joined(String eventId, Instant at) {}

    /** A post's result: the message's id and time. */
    record Posted(String id, Instant at) {}

    /** One call of an ending by hand: it ended the instance, has more to do, or found none to end. */
    sealed interface EndStep {}

    /** This operation ended the instance at {@code at}, logging ENDED as {@code eventId}. */
    record Ended(Instant at, String eventId, int timedOut) implements EndStep {}

    /** More participants to time out: call again. */
    record More() implements EndStep {}

    /** No instance to end (or another operation's ending, which this call helped finish). */
    record None() implements EndStep {}

    /** One page of a user's messages: the entries found (flat, see append_entries) and where to go on ('' at the end). */
    record MessagesPage(List<Object> entries, String cursor) {}

    /** The items of an OK reply after its status; any other reply fails. */
    private static List<Object> afterOk(List<Object> reply) {
        if (!Replies.status(reply).equals("OK")) {
            throw Replies.unexpected(reply);
        }
        return reply.subList(1, reply.size());
    }

    private static Instant micros(List<Object> reply, int index) {
        return Micros.parse(Replies.string(reply, index));
    }

    /** The time after an entry's id in an OK reply: µs, or '' for the id's millisecond (see stamped in prelude.lua). */
    private static Instant timeOf(List<Object> ok) {
        return Replies.at(Replies.string(ok, 1), Replies.string(ok, 2));
    }

    /** join.lua */
    record Join(
            MeetingKeys k,
            String n,
            String now,
            String op,
            String window,
            UserId user,
            String email,
            String lease,
            String life,
            String again)
            implements MeetingScript<Change<Joined>> {
        @Override
        public LuaScript script() {
            return Scripts.JOIN;
        }

        @Override
        public Change<Joined> decode(List<Object> reply) {
            return Change.of(reply, ok -> new Joined(Replies.string(ok, 1), timeOf(ok)));
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {
                k.meeting(), replay[0], replay[1], k.participants(n), k.events(n), k.leases(n), k.erased(user)
            };
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, user.value(), email, lease, life, again};
        }
    }

    /** leave.lua */
    record Leave(MeetingKeys k, String n, String now, String op, String window, UserId user, String again)
            implements MeetingScript<Change<String>> {
        @Override
        public LuaScript script() {
            return Scripts.LEAVE;
        }

        /** The LEFT event's id. */
        @Override
        public Change<String> decode(List<Object> reply) {
            return Change.of(reply, ok -> Replies.string(ok, 1));
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {k.meeting(), replay[0], replay[1], k.participants(n), k.events(n), k.leases(n)};
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, user.value(), again};
        }
    }

    /** remove.lua */
    record Remove(MeetingKeys k, String n, String now, String op, String window, UserId user, boolean ban, String again)
            implements MeetingScript<Change<String>> {
        @Override
        public LuaScript script() {
            return Scripts.REMOVE;
        }

        /** The REMOVED event's id. */
        @Override
        public Change<String> decode(List<Object> reply) {
            return Change.of(reply, ok -> Replies.string(ok, 1));
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {k.meeting(), replay[0], replay[1], k.participants(n), k.events(n), k.leases(n)};
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, user.value(), ban ? "1" : "0", again};
        }
    }

    /** What an update did: its UPDATED event's id, and the participant with their attributes now. */
    record Updated(String eventId, Instant joinedAt, Map<String, String> attributes) {}

    /** update.lua */
    record Update(
            MeetingKeys k,
            String n,
            String now,
            String op,
            String window,
            UserId user,
            Map<String, String> changes,
            String again)
            implements MeetingScript<Change<Updated>> {
        @Override
        public LuaScript script() {
            return Scripts.UPDATE;
        }

        @Override
        public Change<Updated> decode(List<Object> reply) {
            return Change.of(reply, ok -> {
                Map<String, String> attributes = new HashMap<>();
                for (int i = 3; i + 1 < ok.size(); i += 2) {
                    attributes.put(
                            AttributeText.unescaped(Replies.string(ok, i)),
                            AttributeText.unescaped(Replies.string(ok, i + 1)));
                }
                return new Updated(Replies.string(ok, 1), micros(ok, 2), attributes);
            });
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {k.meeting(), replay[0], replay[1], k.participants(n), k.events(n), k.attributes(n)};
        }

        @Override
        public String[] args() {
            List<String> args = new ArrayList<>(7 + 2 * changes.size());
            args.addAll(List.of(now, n, op, window, user.value(), again, AttributeText.encode(changes)));
            changes.forEach((key, value) -> {
                args.add(key);
                args.add(value);
            });
            return args.toArray(String[]::new);
        }
    }

    /** post.lua */
    record Post(MeetingKeys k, String n, String now, String op, String window, UserId user, String text, String again)
            implements MeetingScript<Change<Posted>> {
        @Override
        public LuaScript script() {
            return Scripts.POST;
        }

        @Override
        public Change<Posted> decode(List<Object> reply) {
            return Change.of(reply, ok -> new Posted(Replies.string(ok, 1), timeOf(ok)));
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {k.meeting(), replay[0], replay[1], k.participants(n), k.chat(n)};
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, user.value(), text, again};
        }
    }

    /** renew.lua (no replay record: renewing twice sets the same lease). */
    record Renew(MeetingKeys k, String n, String now, UserId user, String lease)
            implements MeetingScript<Change<Optional<String>>> {
        @Override
        public LuaScript script() {
            return Scripts.RENEW;
        }

        /** The new lease end (µs) when the lease ends sooner than before (or is new); empty when later. */
        @Override
        public Change<Optional<String>> decode(List<Object> reply) {
            return switch (Replies.status(reply)) {
                case "LATER" -> new Change.Done<>(Optional.empty());
                case "SOONER" -> new Change.Done<>(Optional.of(Replies.string(reply, 1)));
                default ->
                    new Change.Refused<>(
                            Refusal.of(Replies.status(reply)).orElseThrow(() -> Replies.unexpected(reply)));
            };
        }

        @Override
        public String[] keys() {
            return new String[] {k.meeting(), k.participants(n), k.leases(n)};
        }

        @Override
        public String[] args() {
            return new String[] {now, n, user.value(), lease};
        }
    }

    /** end-active.lua: one batch of an ending by hand; called again while it answers MORE. */
    record EndActive(MeetingKeys k, String n, String now, String op, String window, String retention, String again)
            implements MeetingScript<EndStep> {
        @Override
        public LuaScript script() {
            return Scripts.END_ACTIVE;
        }

        @Override
        public EndStep decode(List<Object> reply) {
            return switch (Replies.status(reply)) {
                case "OK" ->
                    new Ended(
                            micros(reply, 1), Replies.string(reply, 2), Integer.parseInt(String.valueOf(reply.get(3))));
                case "MORE" -> new More();
                case "NONE" -> new None();
                default -> throw Replies.unexpected(reply);
            };
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {
                k.meeting(),
                k.starts(),
                k.ends(),
                k.ended(),
                k.started(),
                replay[0],
                replay[1],
                k.closing(),
                k.participants(n),
                k.events(n),
                k.leases(n),
                k.chat(n),
                k.imported(n)
            };
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, retention, again};
        }
    }

    /** end-due.lua: one batch of the scheduler's ending of instance {@code n}; again while MORE. */
    record EndDue(MeetingKeys k, String n, String now, String retention) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.END_DUE;
        }

        @Override
        public String[] keys() {
            return new String[] {
                k.starts(),
                k.ends(),
                k.ended(),
                k.started(),
                k.closing(),
                k.participants(n),
                k.events(n),
                k.leases(n),
                k.chat(n),
                k.meeting(),
                k.imported(n)
            };
        }

        @Override
        public String[] args() {
            return new String[] {n, now, retention};
        }
    }

    /** participant-count.lua: how many are in; 0 when the instance is not active. */
    record ParticipantCount(MeetingKeys k, String n, String now) implements MeetingScript<Integer> {
        @Override
        public LuaScript script() {
            return Scripts.PARTICIPANT_COUNT;
        }

        @Override
        public String[] keys() {
            return new String[] {k.meeting(), k.participants(n)};
        }

        @Override
        public String[] args() {
            return new String[] {now, n};
        }

        @Override
        public Integer decode(List<Object> reply) {
            if (Replies.status(reply).equals("NOT_ACTIVE")) {
                return 0;
            }
            return Math.toIntExact((Long) afterOk(reply).get(0));
        }
    }

    /**
     * participants.lua: the participants of the active instance with their join times and attributes,
     * up to {@code limit} (0: all) after {@code after} (null: from the first); empty if none is active.
     */
    record Participants(MeetingKeys k, String n, String now, ParticipantCursor after, int limit)
            implements MeetingScript<Optional<List<Participant>>> {
        /** All of them. */
        Participants(MeetingKeys k, String n, String now) {
            this(k, n, now, null, 0);
        }

        @Override
        public LuaScript script() {
            return Scripts.PARTICIPANTS;
        }

        @Override
        public String[] keys() {
            return new String[] {k.meeting(), k.participants(n), k.attributes(n)};
        }

        @Override
        public String[] args() {
            return new String[] {
                now,
                n,
                after == null ? "" : Long.toString(after.joinedAt()),
                after == null ? "" : after.user().value(),
                limit == 0 ? "" : Integer.toString(limit)
            };
        }

        /** {'OK', count, user, joined at, ..., then user, number of keys, key, value, ... for each who has attributes}. */
        @Override
        public Optional<List<Participant>> decode(List<Object> reply) {
            if (Replies.status(reply).equals("NOT_ACTIVE")) {
                return Optional.empty();
            }
            List<Object> items = afterOk(reply);
            int count = Math.toIntExact((Long) items.get(0));
            Map<String, Map<String, String>> attributes = new HashMap<>();
            for (int i = 1 + 2 * count; i < items.size(); ) {
                Map<String, String> theirs = new HashMap<>();
                attributes.put((String) items.get(i), theirs);
                int keys = Math.toIntExact((Long) items.get(i + 1));
                for (int j = 0; j < keys; j++) {
                    theirs.put((String) items.get(i + 2 + 2 * j), (String) items.get(i + 3 + 2 * j));
                }
                i += 2 + 2 * keys;
            }
            List<Participant> out = new ArrayList<>(count);
            for (int i = 1; i < 1 + 2 * count; i += 2) {
                String user = (String) items.get(i);
                out.add(new Participant(
                        UserId.of(user),
                        Micros.parse((String) items.get(i + 1)),
                        attributes.getOrDefault(user, Map.of())));
            }
            return Optional.of(out);
        }
    }

    /**
     * messages.lua: one page of the chat of the active instance scanned for {@code user}'s messages,
     * from {@code after} ('-' at first); empty if no instance is active.
     */
    record Messages(MeetingKeys k, String n, String now, String after, UserId user)
            implements MeetingScript<Optional<MessagesPage>> {
        @Override
        public LuaScript script() {
            return Scripts.MESSAGES;
        }

        @Override
        public String[] keys() {
            return new String[] {k.meeting(), k.chat(n)};
        }

        @Override
        public String[] args() {
            return new String[] {now, n, after, user.value()};
        }

        @Override
        public Optional<MessagesPage> decode(List<Object> reply) {
            return switch (Replies.status(reply)) {
                case "OK" -> Optional.of(new MessagesPage(reply.subList(2, reply.size()), Replies.string(reply, 1)));
                case "NOT_ACTIVE" -> Optional.empty();
                default -> throw Replies.unexpected(reply);
            };
        }
    }

    /**
     * read-latest.lua: a page of {@code stream} (the chat or the log of instance {@code n}, the
     * latest started, active or not) after the entry {@code after} ('' from the start): its entries, flat.
     */
    record ReadLatest(MeetingKeys k, String n, String now, String stream, String after, String limit)
            implements MeetingScript<List<Object>> {
        @Override
        public LuaScript script() {
            return Scripts.READ_LATEST;
        }

        @Override
        public String[] keys() {
            return new String[] {k.meeting(), k.starts(), stream};
        }

        @Override
        public String[] args() {
            return new String[] {now, n, after, limit};
        }

        @Override
        public List<Object> decode(List<Object> reply) {
            return afterOk(reply);
        }
    }

    /**
     * read-instance.lua: a page of {@code stream} (the chat or the log of an instance given by
     * number) after the entry {@code after} ('' from the start): its entries, flat.
     */
    record ReadInstance(MeetingKeys k, String stream, String after, String limit)
            implements MeetingScript<List<Object>> {
        @Override
        public LuaScript script() {
            return Scripts.READ_INSTANCE;
        }

        @Override
        public String[] keys() {
            return new String[] {k.meeting(), stream};
        }

        @Override
        public String[] args() {
            return new String[] {after, limit};
        }

        @Override
        public List<Object> decode(List<Object> reply) {
            return afterOk(reply);
        }
    }
}
