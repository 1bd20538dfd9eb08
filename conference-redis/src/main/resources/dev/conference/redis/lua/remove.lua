-- Takes a current participant out and logs REMOVED (a moderator's act, not a LEFT), or refuses and
-- changes nothing. With a ban, the user goes into the instance's ban set, which join.lua reads
-- when the cached current instance says it has one, until the instance ends (end_instance drops it).
-- leave.lua's twin, apart from it because an argument more would cost every leave about 1,000
-- instructions (see scheduled in prelude.lua).
-- KEYS: 1 meeting hash, 2-3 the replay lists of the reply's span, 4 participants, 5 events,
--       6 leases (4-6 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 operation id,
--       4 how long to keep the reply (µs), 5 user id, 6 '1' to ban, else '0', 7 '1' if the command may
--       have run already, else '0' (see open_change in prelude.lua)
-- Returns, flat (see flat in prelude.lua): {'OK', event id} | {'RETRY', current instance} | {refusal}
local now, by_server = time_of(ARGV[1])
local early, order, active, _, _, from, cache =
  open_change(KEYS[1], now, ARGV[2], KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[7])
if early then return early end
local function done(reply, id) return remember(KEYS[2], KEYS[3], ARGV[3], ARGV[4], reply, id) end
if not active then return done('NOT_ACTIVE') end
if redis.call('ZREM', KEYS[4], ARGV[5]) == 0 then return done('NOT_IN') end
redis.call('ZREM', KEYS[6], ARGV[5])
if string.byte(cache, -CACHED_ATTRIBUTED) == 49 then redis.call('HDEL', KEYS[1] .. ':' .. order .. ':attributes', ARGV[5]) end
if ARGV[6] == '1' then
  redis.call('SADD', KEYS[1] .. ':' .. order .. ':banned', ARGV[5])
  cache_flag(KEYS[1], cache, CACHED_BANNED)
end
local at, ms = stamped(now, by_server, from)
local id = log_event(KEYS[5], KEYS[1], REMOVED, ARGV[5], ms and '' or at)
return done('OK\n' .. id, id)
