-- Appends a current participant's message to the instance's chat, to their own index and to the
-- meeting feed.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 feed, 6 participants, 7 chat stream,
--       8 the user's message ids (list), 9 posters (set of users with such a list)
--       (6-9 of instance ARGV[2])
-- ARGV: 1 now (µs), 2 expected current order, 3 user id, 4 text
-- Returns {'OK', message id} | {'RETRY', current order} | {refusal}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[2], ARGV[1])
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[3], KEYS[4], order, ARGV[1]) then return {'NOT_ACTIVE'} end
if redis.call('ZSCORE', KEYS[6], ARGV[3]) == false then return {'NOT_IN'} end
local id = redis.call('XADD', KEYS[7], '*', 'user', ARGV[3], 'text', ARGV[4], 'at', ARGV[1])
redis.call('RPUSH', KEYS[8], id)
redis.call('SADD', KEYS[9], ARGV[3])
redis.call('XADD', KEYS[5], '*', 'type', 'posted', 'instance', order, 'user', ARGV[3], 'at', ARGV[1],
  'ref', id, 'text', ARGV[4])
return {'OK', id}
