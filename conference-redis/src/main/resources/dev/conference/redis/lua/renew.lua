-- A heartbeat: moves a current participant's presence lease to a new end. Running it twice sets
-- the same end, so it needs no operation id.
-- KEYS: 1 meeting hash, 2 participants, 3 leases (2-3 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 user id, 4 lease length (µs)
-- Returns, flat (see flat in prelude.lua): {'LATER'} when a lease was moved later (or kept) | {'SOONER', lease end} when the participant had
--         no lease or it now ends sooner, so the lease index needs the new end |
--         {'RETRY', current instance} | {refusal}
local now = time_of(ARGV[1])
-- No replay record: renewing twice sets the same lease.
local early, _, active = open_change(KEYS[1], now, ARGV[2])
if early then return early end
if not active then return flat({'NOT_ACTIVE'}) end
if redis.call('ZSCORE', KEYS[2], ARGV[3]) == false then return flat({'NOT_IN'}) end
local had_lease = redis.call('ZSCORE', KEYS[3], ARGV[3])
local lease_end = later_by(now, ARGV[4])
redis.call('ZADD', KEYS[3], lease_end, ARGV[3])
-- The lease index must never say later than the truth: a lease moved later needs no index write,
-- a new one or one moved sooner (a shorter renewal) does.
if had_lease and tonumber(had_lease) <= tonumber(lease_end) then return flat({'LATER'}) end
return flat({'SOONER', lease_end})
