package dev.conference.redis;

import dev.conference.model.UserId;
import dev.conference.redis.Keys.MeetingKeys;

/**
 * The changing scripts of a meeting's slot, one binding each: what the call carries, and its KEYS
 * and ARGV as the script's header lists them. {@code n} is the instance the caller expects to be
 * current, {@code now} the time to pass ('' for the server's clock: see time_of), {@code op} the
 * operation id, {@code window} how long its reply is kept (µs).
 */
final class MeetingCalls {
    private MeetingCalls() {}

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
            String life)
            implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.JOIN;
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {
                k.meeting(),
                k.audience(),
                k.starts(),
                k.ends(),
                k.ended(),
                k.started(),
                k.feed(),
                replay[0],
                replay[1],
                k.participants(n),
                k.events(n),
                k.leases(n),
                k.erased(user)
            };
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, user.value(), email, lease, life};
        }
    }

    /** leave.lua */
    record Leave(MeetingKeys k, String n, String now, String op, String window, UserId user) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.LEAVE;
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {
                k.meeting(),
                k.starts(),
                k.ends(),
                k.ended(),
                k.feed(),
                replay[0],
                replay[1],
                k.participants(n),
                k.events(n),
                k.leases(n)
            };
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, user.value()};
        }
    }

    /** post.lua */
    record Post(MeetingKeys k, String n, String now, String op, String window, UserId user, String text)
            implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.POST;
        }

        @Override
        public String[] keys() {
            String[] replay = k.replay(window);
            return new String[] {
                k.meeting(),
                k.starts(),
                k.ends(),
                k.ended(),
                k.feed(),
                replay[0],
                replay[1],
                k.participants(n),
                k.chat(n)
            };
        }

        @Override
        public String[] args() {
            return new String[] {now, n, op, window, user.value(), text};
        }
    }

    /** renew.lua (no replay record: renewing twice sets the same lease). */
    record Renew(MeetingKeys k, String n, String now, UserId user, String lease) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.RENEW;
        }

        @Override
        public String[] keys() {
            return new String[] {k.meeting(), k.starts(), k.ends(), k.ended(), k.participants(n), k.leases(n)};
        }

        @Override
        public String[] args() {
            return new String[] {now, n, user.value(), lease};
        }
    }

    /** end-active.lua: one batch of an ending by hand; called again while it answers MORE. */
    record EndActive(MeetingKeys k, String n, String now, String op, String window, String retention)
            implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.END_ACTIVE;
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
                k.feed(),
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
            return new String[] {now, n, op, window, retention};
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
                k.feed(),
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
}
