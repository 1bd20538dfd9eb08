-- Makes a user a participant of the meeting's active instance and logs JOIN, or refuses and
-- changes nothing. A user is in `participants` exactly when their last event in `events` is a
-- JOIN, because both change together here and in leave, end and lease expiry.
-- KEYS: 1 meeting hash, 2 audience hash, 3 starts, 4 ends, 5 ended, 6 started, 7 feed,
--       8 participants, 9 events, 10 leases (8-10 of instance ARGV[2])
-- ARGV: 1 now (µs), 2 the instance order the caller expects to be current, 3 user id,
--       4 user email, normalized, 5 presence lease end (µs) or '' for none
-- Returns {'OK', event id} | {'RETRY', current order} | {refusal}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[3], ARGV[1])
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[4], KEYS[5], order, ARGV[1]) then return {'NOT_ACTIVE'} end
if redis.call('HGET', KEYS[1], 'public') ~= '1' and redis.call('HEXISTS', KEYS[2], ARGV[4]) == 0 then
  return {'NOT_ALLOWED'}
end
if redis.call('ZADD', KEYS[8], 'NX', ARGV[1], ARGV[3]) == 0 then return {'ALREADY_IN'} end
if ARGV[5] ~= '' then redis.call('ZADD', KEYS[10], ARGV[5], ARGV[3]) end
ensure_started(KEYS[3], KEYS[6], KEYS[9], KEYS[7], order)
return {'OK', log_event(KEYS[9], KEYS[7], order, 'joined', ARGV[3], ARGV[1])}
