-- The scheduler's end of one instance whose `to` has passed, at its `to`, one batch of participants
-- per call (see end_instance): the scheduler calls again while the reply is MORE. Also finishes an
-- ending left half-way, at the time it was started with. Idempotent: an instance already ended,
-- deleted, or moved to a later end is left as it is, so two schedulers handling the same instance
-- log its TIMED_OUT events and ENDED once.
-- KEYS: 1 starts, 2 ends, 3 ended, 4 started, 5 closing, 6 participants, 7 events,
--       8 leases, 9 chat (6-9 of instance ARGV[1]), 10 meeting hash, 11 imported (of instance ARGV[1])
-- ARGV: 1 instance, 2 now (µs, or '<' and a time: see time_of), 3 retention after the end (ms)
-- Returns {'ENDED', time ended, ended id, timed out} | {'MORE'} | {'DONE'} | {'GONE'} | {'NOT_DUE', to}
local now = time_of(ARGV[2])
-- A meeting deleted (or half-way through its delete) logs nothing more: its hash must not come back.
if redis.call('EXISTS', KEYS[10]) == 0 then return {'GONE'} end
local closing = redis.call('HEXISTS', KEYS[5], ARGV[1]) == 1
if not closing and redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return {'DONE'} end
local to = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not to then return {'GONE'} end
if not closing and tonumber(to) > tonumber(now) then return {'NOT_DUE', to} end
local out = end_instance({meeting = KEYS[10], starts = KEYS[1], ended = KEYS[3], started = KEYS[4],
  closing = KEYS[5], participants = KEYS[6], events = KEYS[7], leases = KEYS[8], chat = KEYS[9],
  imported = KEYS[11], retention = ARGV[3]}, ARGV[1], to)
if out[1] == 'MORE' then return {'MORE'} end
return {'ENDED', out[2], out[3], out[4]}
