-- Appends a current participant's message to the instance's chat, noted in the meeting feed.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 feed, 6-7 the replay hashes of the reply's span,
--       8 participants, 9 chat stream (8-9 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 operation id,
--       4 how long to keep the reply (µs), 5 user id, 6 text, 7 '1' if the command may have run already,
--       else '0' (see open_change in prelude.lua)
-- Returns, flat (see flat in prelude.lua): {'OK', message id, time posted ('' for the id's millisecond:
--   see stamped)} | {'RETRY', current instance} | {refusal}
local now, by_server = time_of(ARGV[1])
local c, early = open_change({meeting = KEYS[1], starts = KEYS[2], ends = KEYS[3], ended = KEYS[4],
  replay_even = KEYS[6], replay_odd = KEYS[7]}, now, ARGV[2], ARGV[3], ARGV[4], ARGV[7])
if early then return early end
local order = c.order
local function done(reply) return remember(KEYS[6], KEYS[7], ARGV[3], ARGV[4], reply) end
if not c.active then return done({'NOT_ACTIVE'}) end
if redis.call('ZSCORE', KEYS[8], ARGV[5]) == false then return done({'NOT_IN'}) end
local at, ms = stamped(now, by_server, c.from)
if ms then at = '' end
local id = redis.call('XADD', KEYS[9], '*', 'user', ARGV[5], 'text', ARGV[6], 'at', at)
feed_note(KEYS[5], order, '1', id)
-- The time as the entry holds it: '' for its id's millisecond (MeetingCalls.Post reads it so).
return done({'OK', id, at})
