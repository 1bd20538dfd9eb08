-- Ends the meeting's active instance now (see end_instance), one batch of participants per call:
-- the caller calls again while the reply is MORE. Does nothing if none is active, so ending twice
-- logs nothing the second time; a call that finds another caller's ending under way helps finish
-- it and replies NONE, so only the caller that ended the instance gets its ending.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 started, 6-7 the replay lists of the reply's span,
--       8 closing, 9 participants, 10 events, 11 leases, 12 chat, 13 imported (9-13 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 operation id,
--       4 how long to keep the reply (µs), 5 retention after the end (ms), 6 '1' if the command may have
--       run already, else '0' (see open_change in prelude.lua)
-- Returns, flat (see flat in prelude.lua): {'OK', time ended, ended id, timed out} | {'MORE'} | {'NONE'} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
local early, order, active = open_change(KEYS[1], now, ARGV[2], KEYS[6], KEYS[7], ARGV[3], ARGV[4], ARGV[6])
if early then return early end
local function done(reply) return remember(KEYS[6], KEYS[7], ARGV[3], ARGV[4], reply) end
local closing = redis.call('HMGET', KEYS[8], order, order .. ':op', order .. ':reply')
-- This operation's ending, finished by another call (see end_instance).
if closing[3] and closing[2] == ARGV[3] then return done(closing[3]) end
if not closing[1] and not active then return done('NONE') end
local out = end_instance({meeting = KEYS[1], starts = KEYS[2], ended = KEYS[4], started = KEYS[5],
  closing = KEYS[8], participants = KEYS[9], events = KEYS[10], leases = KEYS[11], chat = KEYS[12],
  imported = KEYS[13], retention = ARGV[5]}, order, now, ARGV[3], ARGV[4])
if out[1] == 'MORE' then return 'MORE' end
if out[5] == ARGV[3] then return done(flat({'OK', out[2], out[3], out[4]})) end
return done('NONE')
