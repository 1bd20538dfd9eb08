-- The scheduler's STARTED for one instance whose `from` has come. Idempotent (see ensure_started);
-- an instance ended or deleted meanwhile is left as it is.
-- KEYS: 1 starts, 2 ended, 3 started, 4 meeting hash, 5 events (of instance ARGV[1])
-- ARGV: 1 instance, 2 now (µs, or '<' and a time: see time_of)
-- Returns {'STARTED'} | {'DONE'} | {'GONE'} | {'NOT_DUE', from}
local now = time_of(ARGV[2])
-- A meeting deleted (or half-way through its delete) logs nothing more: its hash must not come back.
if redis.call('EXISTS', KEYS[4]) == 0 then return {'GONE'} end
local from = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not from then return {'GONE'} end
if tonumber(from) > tonumber(now) then return {'NOT_DUE', from} end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 or redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then
  return {'DONE'}
end
ensure_started(KEYS[1], KEYS[3], KEYS[5], KEYS[4], ARGV[1])
return {'STARTED'}
