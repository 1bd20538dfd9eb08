-- Shared by the scripts over the cross-meeting index (prepended when loaded).

-- Moves up to `limit` instances whose `from` has come from `upcoming` to `active`, under their
-- `to`, and returns how many it moved. Each instance moves once, so the cost is amortized over the
-- instances; the caller repeats while a whole batch moved, so no one call blocks the server long.
local function promote(upcoming, active, spans, now, limit)
  local due = redis.call('ZRANGEBYSCORE', upcoming, '-inf', now, 'LIMIT', 0, limit)
  for _, member in ipairs(due) do
    local span = redis.call('HGET', spans, member)
    if span then
      redis.call('ZADD', active, string.match(span, '|(%d+)$'), member)
    end
  end
  if #due > 0 then redis.call('ZREM', upcoming, unpack(due)) end
  return #due
end

-- Claims up to `limit` members of `zset` due by `now` by moving their score `claim_length` µs
-- ahead: other schedulers skip them until then, and if the claimer dies they come due again.
-- Returns {member, claimed score, ...}.
local function claim(zset, now, limit, claim_length)
  local claim_until = later_by(now, claim_length)
  local out = {}
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', zset, '-inf', now, 'LIMIT', 0, limit)) do
    redis.call('ZADD', zset, claim_until, member)
    out[#out + 1] = member
    out[#out + 1] = claim_until
  end
  return out
end
