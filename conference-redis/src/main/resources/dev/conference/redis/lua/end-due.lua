-- The scheduler's end of one instance whose `to` has passed, at its `to`. Idempotent: an instance
-- already ended, deleted, or moved to a later end is left as it is, so two schedulers handling the
-- same instance log its TIMED_OUT events and ENDED once.
-- KEYS: 1 starts, 2 ends, 3 ended, 4 started, 5 feed, 6 participants, 7 events, 8 leases, 9 chat,
--       10 by-user (6-10 of instance ARGV[1])
-- ARGV: 1 instance, 2 now (µs, or '<' and a time: see time_of), 3 retention after the end (ms)
-- Returns {'ENDED', to, ended id, timeout id, user, ...} | {'DONE'} | {'GONE'} | {'NOT_DUE', to}
local now = time_of(ARGV[2])
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return {'DONE'} end
local to = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not to then return {'GONE'} end
if tonumber(to) > tonumber(now) then return {'NOT_DUE', to} end
local out = end_instance({starts = KEYS[1], ended = KEYS[3], started = KEYS[4], feed = KEYS[5],
  participants = KEYS[6], events = KEYS[7], leases = KEYS[8], chat = KEYS[9], by_user = KEYS[10],
  retention = ARGV[3]}, ARGV[1], to)
table.insert(out, 1, to)
table.insert(out, 1, 'ENDED')
return out
