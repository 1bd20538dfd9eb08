-- The last step of a change to users or meetings: each id is listed if the change left its entity
-- in place and unlisted if not, when it still carries the change's mark; the mark is cleared unless
-- another change overlapped (the mark ends in '*': which of the two wrote last is not known here).
-- The repair walk calls this too, for marks older than a grace period it passes (no change takes
-- that long), with whether each entity exists: so a change that stopped half-way, or two that
-- overlapped, are settled from the truth, and a lost listing write is put back. The marks are read
-- with one HMGET and cleared with one HDEL (see mark-pending.lua).
-- KEYS: 1 listing (its buckets' bounds: see listing-prelude.lua), 2 pending (id -> mark)
-- ARGV: 1 how old a mark must be (µs; 0: the change's own call), then triples of id, mark, exists
--       ('1' or '0'); the walk passes marks as it read them, a change its own mark (at most a few
--       thousand triples: Listing sends them in chunks)
-- Returns {number of ids whose listing changed}
local now = tonumber(server_micros())
local age = tonumber(ARGV[1])
local ids = {}
for i = 2, #ARGV, 3 do ids[#ids + 1] = ARGV[i] end
if #ids == 0 then return {0} end
local current = redis.call('HMGET', KEYS[2], unpack(ids))
local changed, settled, seen = 0, {}, {}
for n, id in ipairs(ids) do
  local i = 2 + (n - 1) * 3
  local mark = ARGV[i + 1]
  -- An id given twice is settled once: the first triple finds its mark, and clears it.
  local found = not seen[id] and current[n] or nil
  seen[id] = true
  local settles = found == mark and (age == 0 or now - tonumber(string.match(mark, '^(%d+)')) >= age)
  if settles or (age == 0 and found == mark .. '*') then
    if ARGV[i + 2] == '1' then
      changed = changed + list_id(KEYS[1], id)
    else
      changed = changed + unlist_id(KEYS[1], id)
    end
  end
  if settles then settled[#settled + 1] = id end
end
if #settled > 0 then redis.call('HDEL', KEYS[2], unpack(settled)) end
return {changed}
