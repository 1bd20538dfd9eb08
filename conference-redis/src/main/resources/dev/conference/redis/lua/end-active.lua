-- Ends the meeting's active instance now (see end_instance); does nothing if none is active, so
-- ending twice logs nothing the second time.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 started, 6 feed, 7 applied, 8 applied-at,
--       9 participants, 10 events, 11 leases, 12 chat, 13 by-user (9-13 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 operation id, 4 how long to keep the reply (µs),
--       5 retention after the end (ms)
-- Returns {'OK', time ended, ended id, timeout id, user, ...} | {'NONE'} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local again = replayed(KEYS[7], ARGV[3])
if again then return again end
local order = latest_started(KEYS[2], now)
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[3], KEYS[4], order, now) then
  return remember(KEYS[7], KEYS[8], ARGV[3], ARGV[4], {'NONE'})
end
local out = end_instance({starts = KEYS[2], ended = KEYS[4], started = KEYS[5], feed = KEYS[6],
  participants = KEYS[9], events = KEYS[10], leases = KEYS[11], chat = KEYS[12], by_user = KEYS[13],
  retention = ARGV[5]}, order, now)
table.insert(out, 1, now)
table.insert(out, 1, 'OK')
return remember(KEYS[7], KEYS[8], ARGV[3], ARGV[4], out)
