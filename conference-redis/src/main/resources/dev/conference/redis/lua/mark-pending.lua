-- The first step of a change to users or meetings that a listing follows (a save or a delete):
-- each id is marked as having a change under way, with the server's time and the caller's token.
-- An id that already carries a mark has another change under way (or one that stopped half-way),
-- and the two may write the entity in either order: its mark ends in '*', and neither change can
-- clear it; the repair walk settles it from whether the entity exists once no change can still be
-- under way. See settle-listing.lua. One HMGET and one HSET for all the ids: a bulk save marks
-- thousands, and each command a script calls costs more than its work.
-- KEYS: 1 pending (id -> mark)
-- ARGV: 1 token (unique per call), then ids (at most a few thousand: Listing sends them in chunks)
-- Returns {mark}
local mark = server_micros() .. '|' .. ARGV[1]
local ids = {unpack(ARGV, 2)}
if #ids == 0 then return {mark} end
local known = redis.call('HMGET', KEYS[1], unpack(ids))
local marks = {}
for i, id in ipairs(ids) do
  marks[#marks + 1] = id
  marks[#marks + 1] = known[i] and mark .. '*' or mark
end
redis.call('HSET', KEYS[1], unpack(marks))
return {mark}
