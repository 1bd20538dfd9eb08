-- Appends a current participant's message to the instance's chat and to their own index.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 participants, 6 chat stream,
--       7 the user's message ids (list), 8 posters (set of users with such a list)
--       (5-8 belong to instance ARGV[2])
-- ARGV: 1 now (µs), 2 expected current order, 3 user id, 4 text
-- Returns {'OK', message id} | {'RETRY', current order} | {refusal}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[2], ARGV[1])
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[3], KEYS[4], order, ARGV[1]) then return {'NOT_ACTIVE'} end
if redis.call('ZSCORE', KEYS[5], ARGV[3]) == false then return {'NOT_IN'} end
local id = redis.call('XADD', KEYS[6], '*', 'user', ARGV[3], 'text', ARGV[4], 'at', ARGV[1])
redis.call('RPUSH', KEYS[7], id)
redis.call('SADD', KEYS[8], ARGV[3])
return {'OK', id}
