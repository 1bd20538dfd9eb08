-- Removes a current participant and logs LEAVE, or refuses and changes nothing.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 feed, 6 participants, 7 events, 8 leases
--       (6-8 of instance ARGV[2])
-- ARGV: 1 now (µs), 2 expected current order, 3 user id
-- Returns {'OK', event id} | {'RETRY', current order} | {refusal}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[2], ARGV[1])
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[3], KEYS[4], order, ARGV[1]) then return {'NOT_ACTIVE'} end
if redis.call('ZREM', KEYS[6], ARGV[3]) == 0 then return {'NOT_IN'} end
redis.call('ZREM', KEYS[8], ARGV[3])
return {'OK', log_event(KEYS[7], KEYS[5], order, 'left', ARGV[3], ARGV[1])}
