-- Makes a user a participant of the meeting's active instance and logs JOINED, or refuses and
-- changes nothing. A user is in `participants` exactly when their last event in `events` other than
-- an UPDATED is a JOINED, because both change together here and in leave, remove, end and lease
-- expiry (an UPDATED is logged only for a participant).
-- KEYS: 1 meeting hash, 2-3 the replay lists of the reply's span, 4 participants, 5 events,
--       6 leases (4-6 of instance ARGV[2]), 7 the user's erased marker (erase.lua). The audience hash,
--       read only for a meeting that is not public, is named after the meeting hash (see scheduled).
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 the instance (number) the caller expects to be current, 3 operation id,
--       4 how long to keep the reply (µs), 5 user id, 6 user email, normalized, 7 presence lease length (µs) or '',
--       8 the user's life, as note-joined.lua read it, 9 '1' if the command may have run already, else '0'
--       (see open_change in prelude.lua)
-- Returns, flat (see flat in prelude.lua): {'OK', event id, join time ('' for the id's millisecond: see
--   stamped)} | {'RETRY', current instance} | {'MEETING_FULL', capacity} | {other refusal}
local now, by_server = time_of(ARGV[1])
local early, order, active, public, started, from, cache =
  open_change(KEYS[1], now, ARGV[2], KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[9])
if early then return early end
local function done(reply, id, at) return remember(KEYS[2], KEYS[3], ARGV[3], ARGV[4], reply, id, at) end
-- This life of the user was erased while the join was on its way: it must not make them a participant.
if redis.call('GET', KEYS[7]) == ARGV[8] then return done('UNKNOWN_USER') end
if not active then return done('NOT_ACTIVE') end
-- `public` is '1' or '0', then '|' and the capacity if the meeting has one (Admission.java).
if string.byte(public, 1) ~= 49 and redis.call('HEXISTS', KEYS[1] .. ':audience', ARGV[6]) == 0 then
  return done('NOT_ALLOWED')
end
-- Removed from this instance with a ban: only read when the cache says someone was (see current).
if string.byte(cache, -CACHED_BANNED) == 49 and redis.call('SISMEMBER', KEYS[1] .. ':' .. order .. ':banned', ARGV[5]) == 1 then
  return done('BANNED')
end
if #public > 1 then
  local capacity = string.sub(public, 3)
  if redis.call('ZCARD', KEYS[4]) >= tonumber(capacity) and not redis.call('ZSCORE', KEYS[4], ARGV[5]) then
    return done('MEETING_FULL\n' .. capacity)
  end
end
local at, ms = stamped(now, by_server, from)
if redis.call('ZADD', KEYS[4], 'NX', at, ARGV[5]) == 0 then return done('ALREADY_IN') end
-- (later_by and entry_time written out: each function a script uses is a closure made per run.)
if ARGV[7] ~= '' then
  redis.call('ZADD', KEYS[6], string.format('%.0f', tonumber(now) + tonumber(ARGV[7])), ARGV[5])
end
if not started then
  -- STARTED first (ensure_started written out, and without its note in `late`: this instance is the
  -- current one, which live subscriptions follow anyway, and ensure_started would make three more
  -- closures on every run).
  if redis.call('SADD', KEYS[1] .. ':started', order) == 1 then
    log_event(KEYS[5], KEYS[1], STARTED, nil, redis.call('ZSCORE', KEYS[1] .. ':starts', order))
  end
  cache_flag(KEYS[1], cache, CACHED_STARTED)
end
if not ms then
  local id = log_event(KEYS[5], KEYS[1], JOINED, ARGV[5], at)
  return done('OK\n' .. id .. '\n' .. at, id, at)
end
local id = log_event(KEYS[5], KEYS[1], JOINED, ARGV[5], '')
-- The JOINED took a later millisecond (see entry_time): the join is at the entry's time.
if not (string.sub(id, 1, #ms) == ms and string.byte(id, #ms + 1) == 45) then
  redis.call('ZADD', KEYS[4], 'XX', string.match(id, '^%d+') .. '000', ARGV[5])
end
-- The time as the entry holds it: '' for its id's millisecond (MeetingCalls.Join reads it so).
return done('OK\n' .. id .. '\n', id, '')
