-- The scheduler's removal of one participant whose presence lease has lapsed, with a TIMED_OUT at the
-- lease's end. A lease renewed meanwhile is left alone and its new end returned.
-- KEYS: 1 ended, 2 meeting hash, 3 participants, 4 events, 5 leases (3-5 of instance ARGV[1])
-- ARGV: 1 instance, 2 user id, 3 now (µs, or '<' and a time: see time_of)
-- Returns {'EXPIRED', event id} | {'LATER', lease end} | {'GONE'}
local now = time_of(ARGV[3])
-- A meeting deleted (or half-way through its delete) logs nothing more: its hash must not come back.
if redis.call('EXISTS', KEYS[2]) == 0 then return {'GONE'} end
local lease = redis.call('ZSCORE', KEYS[5], ARGV[2])
if not lease then return {'GONE'} end
if tonumber(lease) > tonumber(now) then return {'LATER', lease} end
-- An instance being ended times its participants out itself, at the time it ended.
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return {'GONE'} end
redis.call('ZREM', KEYS[5], ARGV[2])
if redis.call('ZREM', KEYS[3], ARGV[2]) == 0 then return {'GONE'} end
-- (Rare enough to look without asking the cache: see update.lua.)
redis.call('HDEL', KEYS[2] .. ':' .. ARGV[1] .. ':attributes', ARGV[2])
return {'EXPIRED', log_late(KEYS[4], KEYS[2], ARGV[1], TIMED_OUT, ARGV[2], lease)}
