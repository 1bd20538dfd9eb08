-- Appends a current participant's message to the instance's chat, with the meeting's next `seq`
-- (see next_seq in prelude.lua; taken by hand, as in log_event).
-- KEYS: 1 meeting hash, 2-3 the replay lists of the reply's span, 4 participants, 5 chat stream
--       (4-5 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 operation id,
--       4 how long to keep the reply (µs), 5 user id, 6 text, 7 '1' if the command may have run already,
--       else '0' (see open_change in prelude.lua)
-- Returns, flat (see flat in prelude.lua): {'OK', message id, time posted ('' for the id's millisecond:
--   see stamped)} | {'RETRY', current instance} | {refusal}
local now, by_server = time_of(ARGV[1])
local early, _, active, _, _, from = open_change(KEYS[1], now, ARGV[2], KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[7])
if early then return early end
local function done(reply, id, at) return remember(KEYS[2], KEYS[3], ARGV[3], ARGV[4], reply, id, at) end
if not active then return done('NOT_ACTIVE') end
if redis.call('ZSCORE', KEYS[4], ARGV[5]) == false then return done('NOT_IN') end
local at, ms = stamped(now, by_server, from)
if ms then at = '' end
local id = redis.call('XADD', KEYS[5], '*', 'user', ARGV[5], 'text', ARGV[6], 'at', at, 'seq', redis.call('HINCRBY', KEYS[1], 'seq', 1))
-- The time as the entry holds it: '' for its id's millisecond (MeetingCalls.Post reads it so).
return done('OK\n' .. id .. '\n' .. at, id, at)
