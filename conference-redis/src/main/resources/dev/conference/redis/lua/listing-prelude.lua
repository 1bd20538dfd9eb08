-- Shared by the listing scripts (prepended when loaded, after time.lua). A listing (every user id,
-- or every meeting id) is cut into buckets: small sorted sets of ids, score 0, paged by id, which
-- Redis keeps as listpacks while they stay small (zset-max-listpack-entries, 128 by default): about
-- 12 bytes an id, where one large sorted set takes about 96. The listing's own key (`top`) lists the
-- buckets by their lower bounds (score 0): a bucket holds the ids from its bound up to the next
-- bound; the first bucket, of bound '', is not listed there. A bucket is the key `top`, ':' and its
-- bound: under the listing's hash tag, so in its slot. A script names buckets itself, since only
-- `top` tells which holds an id.

-- A bucket that reaches this many ids is split in two halves, below the listpack limit. Adding to a
-- listpack reads it through, so a smaller bucket costs a bulk save less (a million users saved took
-- 12 s longer with buckets of up to 100 than with one sorted set), and a larger one fewer bytes of
-- key and bound per id (about 100 bytes a bucket).
local BUCKET_MAX = 64

-- The bound of the bucket that holds (or would hold) `id`: the greatest bound not after it.
local function bound_of(top, id)
  return redis.call('ZREVRANGEBYLEX', top, '[' .. id, '-', 'LIMIT', 0, 1)[1] or ''
end

local function bucket(top, bound)
  return top .. ':' .. bound
end

-- Lists `id`; returns 1 if it was not listed, else 0. A bucket that reaches BUCKET_MAX gives its
-- upper half to a new bucket (bounded work: BUCKET_MAX / 2 ids move).
local function list_id(top, id)
  local key = bucket(top, bound_of(top, id))
  if redis.call('ZADD', key, 0, id) == 0 then return 0 end
  if redis.call('ZCARD', key) >= BUCKET_MAX then
    local upper = redis.call('ZRANGE', key, BUCKET_MAX / 2, -1)
    local scored = {}
    for _, moved in ipairs(upper) do
      scored[#scored + 1] = 0
      scored[#scored + 1] = moved
    end
    redis.call('ZADD', bucket(top, upper[1]), unpack(scored))
    redis.call('ZREMRANGEBYRANK', key, BUCKET_MAX / 2, -1)
    redis.call('ZADD', top, 0, upper[1])
  end
  return 1
end

-- Unlists `id`; returns 1 if it was listed, else 0. A bucket left empty goes (Redis drops the key)
-- and so does its bound, but the first bucket's: its ids then fall to the bucket before.
local function unlist_id(top, id)
  local bound = bound_of(top, id)
  local key = bucket(top, bound)
  if redis.call('ZREM', key, id) == 0 then return 0 end
  if bound ~= '' and redis.call('EXISTS', key) == 0 then redis.call('ZREM', top, bound) end
  return 1
end
