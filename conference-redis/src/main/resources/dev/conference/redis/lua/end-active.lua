-- Ends the meeting's active instance now (see end_instance); does nothing if none is active, so
-- ending twice logs nothing the second time.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 started, 6 feed, 7 participants, 8 events,
--       9 leases (7-9 of instance ARGV[2])
-- ARGV: 1 now (µs), 2 expected current order
-- Returns {'OK', ended id, timeout id, user, ...} | {'NONE'} | {'RETRY', order} | {'UNKNOWN_MEETING'}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[2], ARGV[1])
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[3], KEYS[4], order, ARGV[1]) then return {'NONE'} end
local out = end_instance({starts = KEYS[2], ended = KEYS[4], started = KEYS[5], feed = KEYS[6],
  participants = KEYS[7], events = KEYS[8], leases = KEYS[9]}, order, ARGV[1])
table.insert(out, 1, 'OK')
return out
