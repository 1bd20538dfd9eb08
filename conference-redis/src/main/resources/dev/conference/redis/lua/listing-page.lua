-- One page of a listing (see listing-prelude.lua), in id order: up to `limit` ids after `after`,
-- bucket by bucket. Every bucket but the first holds an id, so a page reads at most limit + 1.
-- KEYS: 1 the listing (its buckets' bounds)
-- ARGV: 1 limit, 2 '1' to start after ARGV[3], '0' to start at the first id, 3 the id to start after
-- Returns the ids
local limit = tonumber(ARGV[1])
local out = {}
local bound, from = '', '-'
if ARGV[2] == '1' then
  bound, from = bound_of(KEYS[1], ARGV[3]), '(' .. ARGV[3]
end
while true do
  local ids = redis.call('ZRANGEBYLEX', bucket(KEYS[1], bound), from, '+', 'LIMIT', 0, limit - #out)
  for _, id in ipairs(ids) do out[#out + 1] = id end
  if #out >= limit then break end
  bound = redis.call('ZRANGEBYLEX', KEYS[1], bound == '' and '-' or '(' .. bound, '+', 'LIMIT', 0, 1)[1]
  if not bound then break end
  from = '-'
end
return out
