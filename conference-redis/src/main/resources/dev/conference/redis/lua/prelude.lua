-- Shared by every meeting script (prepended when loaded).
-- A meeting's schedule lives in two sorted sets keyed by instance order: `starts` (score: from,
-- in microseconds) and `ends` (score: to), plus the set `ended` of instances ended early.
-- Instances of one meeting never overlap, so the latest instance started by `now` is the only
-- candidate for being active.

-- The order of the latest instance whose `from` <= now, or '0' when none has started.
local function latest_started(starts, now)
  return redis.call('ZREVRANGEBYSCORE', starts, now, '-inf', 'LIMIT', 0, 1)[1] or '0'
end

local function is_active(ends, ended, order, now)
  local to = redis.call('ZSCORE', ends, order)
  return to ~= false and tonumber(to) > tonumber(now) and redis.call('SISMEMBER', ended, order) == 0
end

-- Every participant leaves with one TIMEOUT event, then ENDED is logged and the instance is
-- marked ended. Returns {ended_event_id, timeout_id_1, user_1, timeout_id_2, user_2, ...}.
local function end_instance(ended, participants, events, order, at)
  local out = {}
  for _, user in ipairs(redis.call('ZRANGE', participants, 0, -1)) do
    out[#out + 1] = redis.call('XADD', events, '*', 'type', 'timed-out', 'user', user, 'at', at)
    out[#out + 1] = user
  end
  redis.call('DEL', participants)
  redis.call('SADD', ended, order)
  table.insert(out, 1, redis.call('XADD', events, '*', 'type', 'ended', 'at', at))
  return out
end
