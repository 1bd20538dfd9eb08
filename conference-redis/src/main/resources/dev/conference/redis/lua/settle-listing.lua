-- The last step of a change to users or meetings: each id is listed if the change left its entity
-- in place and unlisted if not, when it still carries the change's mark; the mark is cleared unless
-- another change overlapped (the mark ends in '*': which of the two wrote last is not known here).
-- The repair walk calls this too, for marks older than a grace period it passes (no change takes
-- that long), with whether each entity exists: so a change that stopped half-way, or two that
-- overlapped, are settled from the truth, and a lost listing write is put back.
-- KEYS: 1 listing (its buckets' bounds: see listing-prelude.lua), 2 pending (id -> mark)
-- ARGV: 1 how old a mark must be (µs; 0: the change's own call), then triples of id, mark, exists
--       ('1' or '0'); the walk passes marks as it read them, a change its own mark
-- Returns {number of ids whose listing changed}
local now = tonumber(server_micros())
local age = tonumber(ARGV[1])
local changed = 0
for i = 2, #ARGV, 3 do
  local id, mark = ARGV[i], ARGV[i + 1]
  local current = redis.call('HGET', KEYS[2], id)
  local settles = current == mark and (age == 0 or now - tonumber(string.match(mark, '^(%d+)')) >= age)
  if settles or (age == 0 and current == mark .. '*') then
    if ARGV[i + 2] == '1' then
      changed = changed + list_id(KEYS[1], id)
    else
      changed = changed + unlist_id(KEYS[1], id)
    end
  end
  if settles then redis.call('HDEL', KEYS[2], id) end
end
return {changed}
