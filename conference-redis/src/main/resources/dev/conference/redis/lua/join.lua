-- Makes a user a participant of the meeting's active instance and logs JOINED, or refuses and
-- changes nothing. A user is in `participants` exactly when their last event in `events` is a
-- JOINED, because both change together here and in leave, end and lease expiry.
-- KEYS: 1 meeting hash, 2 audience hash, 3 starts, 4 ends, 5 ended, 6 started, 7 feed,
--       8-9 the replay hashes of the reply's span, 10 participants, 11 events, 12 leases (10-12 of instance ARGV[2]),
--       13 the user's erased marker (erase.lua)
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 the instance (number) the caller expects to be current, 3 operation id,
--       4 how long to keep the reply (µs), 5 user id, 6 user email, normalized, 7 presence lease length (µs) or '',
--       8 the user's life, as note-joined.lua read it, 9 '1' if the command may have run already, else '0'
--       (see open_change in prelude.lua)
-- Returns, flat (see flat in prelude.lua): {'OK', event id, join time ('' for the id's millisecond: see
--   stamped)} | {'RETRY', current instance} | {refusal}
local now, by_server = time_of(ARGV[1])
local c, early = open_change({meeting = KEYS[1], starts = KEYS[3], ends = KEYS[4], ended = KEYS[5], started = KEYS[6],
  replay_even = KEYS[8], replay_odd = KEYS[9]}, now, ARGV[2], ARGV[3], ARGV[4], ARGV[9])
if early then return early end
local order = c.order
local function done(reply) return remember(KEYS[8], KEYS[9], ARGV[3], ARGV[4], reply) end
-- This life of the user was erased while the join was on its way: it must not make them a participant.
if redis.call('GET', KEYS[13]) == ARGV[8] then return done({'UNKNOWN_USER'}) end
if not c.active then return done({'NOT_ACTIVE'}) end
if c.public ~= '1' and redis.call('HEXISTS', KEYS[2], ARGV[6]) == 0 then
  return done({'NOT_ALLOWED'})
end
local at, ms = stamped(now, by_server, c.from)
if redis.call('ZADD', KEYS[10], 'NX', at, ARGV[5]) == 0 then return done({'ALREADY_IN'}) end
if ARGV[7] ~= '' then redis.call('ZADD', KEYS[12], later_by(now, ARGV[7]), ARGV[5]) end
if not c.started then
  ensure_started(KEYS[3], KEYS[6], KEYS[11], KEYS[7], order)
  cache_started(KEYS[1], c)
end
if not ms then return done({'OK', log_event(KEYS[11], KEYS[7], order, JOINED, ARGV[5], at), at}) end
local id = log_event(KEYS[11], KEYS[7], order, JOINED, ARGV[5], '')
-- The JOINED took a later millisecond (see entry_time): the join is at the entry's time.
if not (string.sub(id, 1, #ms) == ms and string.byte(id, #ms + 1) == 45) then
  redis.call('ZADD', KEYS[10], 'XX', entry_time(id, ''), ARGV[5])
end
-- The time as the entry holds it: '' for its id's millisecond (MeetingCalls.Join reads it so).
return done({'OK', id, ''})
