-- A heartbeat: moves a current participant's presence lease to a new end. Running it twice sets
-- the same end, so it needs no operation id.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 participants, 6 leases (5-6 of instance ARGV[2])
-- ARGV: 1 now (µs), 2 expected current instance, 3 user id, 4 lease end (µs)
-- Returns {'LATER'} when a lease was moved later (or kept) | {'SOONER'} when the participant had no
--         lease or it now ends sooner, so the lease index needs the new end |
--         {'RETRY', current instance} | {refusal}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[2], ARGV[1])
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[3], KEYS[4], order, ARGV[1]) then return {'NOT_ACTIVE'} end
if redis.call('ZSCORE', KEYS[5], ARGV[3]) == false then return {'NOT_IN'} end
local had_lease = redis.call('ZSCORE', KEYS[6], ARGV[3])
redis.call('ZADD', KEYS[6], ARGV[4], ARGV[3])
-- The lease index must never say later than the truth: a lease moved later needs no index write,
-- a new one or one moved sooner (a shorter renewal) does.
if had_lease and tonumber(had_lease) <= tonumber(ARGV[4]) then return {'LATER'} end
return {'SOONER'}
