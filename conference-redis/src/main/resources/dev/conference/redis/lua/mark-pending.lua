-- The first step of a change to users or meetings that a listing follows (a save or a delete):
-- each id is marked as having a change under way, with the server's time and the caller's token.
-- An id that already carries a mark has another change under way (or one that stopped half-way),
-- and the two may write the entity in either order: its mark ends in '*', and neither change can
-- clear it; the repair walk settles it from whether the entity exists once no change can still be
-- under way. See settle-listing.lua.
-- KEYS: 1 pending (id -> mark)
-- ARGV: 1 token (unique per call), then ids
-- Returns {mark}
local mark = server_micros() .. '|' .. ARGV[1]
for i = 2, #ARGV do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
    redis.call('HSET', KEYS[1], ARGV[i], mark .. '*')
  else
    redis.call('HSET', KEYS[1], ARGV[i], mark)
  end
end
return {mark}
