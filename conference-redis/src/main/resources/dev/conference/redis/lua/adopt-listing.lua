-- Hands ids of a listing's earlier layout (one sorted set of every id) to the repair walk, up to
-- ARGV[1] a call: each id leaves the old set with a mark as old as can be (unless a change under
-- way marked it), so the walk's settle lists it if its entity exists and drops it if not
-- (settle-listing.lua). An upgraded store thus lists what it listed before, a batch a tick.
-- KEYS: 1 the listing of the earlier layout, 2 pending (id -> mark)
-- ARGV: 1 how many ids at most
-- Returns {number of ids handed over}
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
for _, id in ipairs(ids) do
  redis.call('HSETNX', KEYS[2], id, '0|earlier-layout')
end
if #ids > 0 then redis.call('ZREM', KEYS[1], unpack(ids)) end
return {#ids}
