-- Shared by every meeting script (prepended when loaded).
-- A meeting's schedule lives in two sorted sets keyed by instance number: `starts` (score: from,
-- in microseconds) and `ends` (score: to), plus the sets `started` (STARTED logged) and `ended`
-- (ended early or on time). Instances of one meeting never overlap, so the latest instance started
-- by `now` is the only candidate for being active.
-- Every event and message goes to the instance's log or chat, once: live subscriptions read them
-- there, merged in the order of their `seq` (see next_seq).

-- A changing script runs under an operation id: a caller's idempotency key, or a fresh id when the
-- caller gave none. Lettuce sends a command again when the connection dropped before its reply
-- came, though the server may already have run it, and a caller retries with its key after an
-- unknown outcome; the second run then returns the first run's reply instead of changing anything
-- twice. Each reply must be kept for its window (µs): longer than a command can wait to be re-sent,
-- or as long as a caller's key is remembered.
--
-- Replies (flat: see below) are kept in two lists per span, the window rounded up to a power of two
-- seconds (the caller passes both lists, named after the span): periods of one span alternate
-- between them, by the server's clock, so a client whose clock runs ahead cannot make the others'
-- replies be forgotten. The list of the current period takes new replies; the other holds the
-- previous period's. Each expires at the end of the period after its own, as a whole, so a reply is
-- kept for between one and two spans and a quiet meeting keeps none. A list, not a hash: keeping a
-- reply is an RPUSH of the operation id and the reply, which appends and searches nothing (a small
-- hash's HSET reads the hash end to end first, up to a third of a change's work); only a command
-- that may have run already searches (LPOS).
--
-- replay_period: the lists of the current and the previous period of `window`'s span, when the
-- current list's life ends (ms) and how far into its period the server's clock is (µs).
local function replay_period(even, odd, window)
  local span, longest = 1000000, tonumber(window)
  while span < longest do span = span * 2 end
  local now = tonumber(server_micros())
  local period = math.floor(now / span)
  if period % 2 == 1 then even, odd = odd, even end
  return even, odd, (period + 2) * span / 1000, now - period * span
end

-- Replies of changing scripts are one string: their items joined by newlines (no item holds one).
-- Redis 6.2 writes a script's table reply element by element, which costs more than the rest of a
-- small script (about 5 µs a reply against under 1 for a string, with redis-benchmark).
local function flat(items) return table.concat(items, '\n') end

-- The reply kept for `op`, or nil. A reply in the previous period's list can only matter while the
-- current period is younger than the window. Only a command that may have run already comes here,
-- so the helpers are made here and not on every run (each function a script defines is a closure
-- made and collected per run, about 900 instructions).
local function replayed(even, odd, op, window)
  -- The reply kept for `op` in `list`, or nil: the list holds an operation id and its reply, then
  -- the next pair, so an id is at an even position (a reply may look like an id). Searched from the
  -- newest: a first attempt that ran did so shortly before, so it is found near the end, where a
  -- miss reads the whole list (about 4 ms for 100,000 replies, Redis 7.0).
  local function kept_in(list)
    local last = redis.call('LPOS', list, op, 'RANK', -1)
    if not last then return nil end
    if last % 2 == 0 then return redis.call('LINDEX', list, last + 1) end
    -- The newest match is a reply that looks like the id: look at every match.
    for _, i in ipairs(redis.call('LPOS', list, op, 'RANK', -1, 'COUNT', 0)) do
      if i % 2 == 0 then return redis.call('LINDEX', list, i + 1) end
    end
    return nil
  end
  -- The reply `kept` stood for (see remember): the id's milliseconds are those nearest the
  -- server's clock that end in the kept digits.
  local function unpacked(kept)
    local low, seq, dot, micros = string.match(kept, '^(%d%d%d%d%d%d%d)%-(%d+)(%.?)(%d*)$')
    if not low then return kept end
    local now = tonumber(string.sub(server_micros(), 1, -4))
    local ahead = (tonumber(low) - now) % 10000000
    if ahead > 5000000 then ahead = ahead - 10000000 end
    local ms = string.format('%.0f', now + ahead)
    if dot == '' then return 'OK\n' .. ms .. '-' .. seq end
    if micros == '' then return 'OK\n' .. ms .. '-' .. seq .. '\n' end
    return 'OK\n' .. ms .. '-' .. seq .. '\n' .. ms .. micros
  end
  local current, previous, _, into = replay_period(even, odd, window)
  local stored = kept_in(current)
  if not stored and into < tonumber(window) then stored = kept_in(previous) end
  return stored and unpacked(stored) or nil
end

-- Keeps the flat `reply` for `op` and returns it; `id` (and `at`) when it is an OK with an entry's
-- id (and a time). A list the RPUSH makes (its length is 2) is new, and gets its expiry.
--
-- An OK is kept in fewer bytes (one is kept per change, as long as a short message): the last seven
-- digits of its entry id's milliseconds (the reply is read back within two spans, at most 2,048 s,
-- and seven digits tell 10^7 ms apart) and the sequence; then, when the reply carries a time `at` (a
-- join's, a post's), a dot, and the time's last three digits when it falls in the id's millisecond
-- (the server's clock made both), or nothing when `at` is '' (the id's millisecond: see stamped).
-- Built from the pieces, not by matching the reply: a pattern costs about 1,000 instructions a
-- capture. A time of the store's own clock keeps the reply whole, as refusals are: they begin with
-- a letter, a packed reply with a digit.
local function remember(even, odd, op, window, reply, id, at)
  local kept = reply
  local dash = id and string.find(id, '-', 1, true)
  if dash and dash >= 8 then
    local digits = string.sub(id, dash - 7)
    if at == nil then
      kept = digits
    elseif at == '' then
      kept = digits .. '.'
    elseif #at == dash + 2 and string.sub(at, 1, dash - 1) == string.sub(id, 1, dash - 1) then
      kept = digits .. '.' .. string.sub(at, -3)
    end
  end
  local current, _, expires = replay_period(even, odd, window)
  if redis.call('RPUSH', current, op, kept) == 2 then
    redis.call('PEXPIREAT', current, string.format('%.0f', expires))
  end
  return reply
end

-- Appends stream entries to `out` flat: id, number of field and value items, the items. Redis 6.2
-- writes a reply of nested tables piece by piece, several times slower than a flat one.
local function append_entries(out, entries)
  for _, entry in ipairs(entries) do
    out[#out + 1] = entry[1]
    out[#out + 1] = #entry[2]
    for _, item in ipairs(entry[2]) do out[#out + 1] = item end
  end
  return out
end

-- A field of a stream entry as XRANGE returns it, or nil.
local function field_of(entry, name)
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == name then return fields[i + 1] end
  end
  return nil
end

-- The number of the latest instance whose `from` <= now, or '0' when none has started.
local function latest_started(starts, now)
  return redis.call('ZREVRANGEBYSCORE', starts, now, '-inf', 'LIMIT', 0, 1)[1] or '0'
end

-- Whether time `a` is before time `b`, both µs as plain digits without leading zeros (as now, from
-- time_of, and every time the cache holds): by length, then as text. Each tonumber of a 16-digit
-- time costs about 1,500 instructions of strtod, and a change compared four.
local function earlier(a, b)
  return #a < #b or (#a == #b and a < b)
end

-- The number a live entry (an event or message a change of the meeting stores) takes: the meeting's
-- count of them, in its hash (field `seq`), moved on by `count` (the last of the numbers taken).
-- Live subscriptions merge an instance's log and chat, and the instances of a meeting, by it:
-- stream ids cannot tell which of two entries of the same millisecond in two streams came first.
-- One HINCRBY, where a stream of its own took a second XADD of every entry (RedisLiveEvents).
-- Imported entries take none (they are history, not news); an entry an import moves keeps its own.
local function next_seq(meeting, count)
  return redis.call('HINCRBY', meeting, 'seq', count or 1)
end

-- Which instances may hold live entries after a given `seq`, for live subscriptions (follow.lua):
-- two small sorted sets of the meeting, instance number -> a `seq`. `turns`: the `seq` taken when a
-- change found the instance to be the current one and cached it (see scheduled: a change writes
-- only to the instance the cache holds, so the instance current at any `seq` is the one with the
-- latest turn before it). `late`: the `seq` of the latest entry written into an instance by
-- anything but a change of the current instance (an ending, the scheduler, erasure, an import's
-- STARTED; see log_late). Each keeps the KEEP_NOTED latest (`late` as it is written, `turns` at
-- each ending, so a change's own work stays one ZADD); the highest `seq` either lets go of is kept
-- in the meeting hash (`forgot`), so a subscription resuming from before it is told it may have
-- missed some.
local KEEP_NOTED = 32
local function keep_latest(meeting, set)
  local key = meeting .. set
  local excess = redis.call('ZCARD', key) - KEEP_NOTED
  if excess > 0 then
    local gone = redis.call('ZPOPMIN', key, excess)
    local last, forgot = gone[#gone], redis.call('HGET', meeting, 'forgot')
    if not forgot or tonumber(forgot) < tonumber(last) then redis.call('HSET', meeting, 'forgot', last) end
  end
end

-- The meeting's current instance as the schedule has it, on a miss of the cache (see current): its
-- keys are named after the meeting hash's (as Keys.MeetingKeys names them, in its slot) and not
-- passed by the caller, as only a miss reads them: each key or argument passed costs about 1,000
-- instructions a run (an empty script of 17 took 29,000, one of 4 took 15,700).
local function scheduled(meeting, public, now, keep)
  -- A score as Redis printed it ('' stays ''), in plain digits: Redis may print a large score with an
  -- exponent, which `earlier` cannot compare.
  local function plain(score)
    if score == '' or not string.find(score, '[^%d]') then return score end
    return string.format('%.0f', tonumber(score))
  end
  local starts = meeting .. ':starts'
  local order = redis.call('ZREVRANGEBYSCORE', starts, now, '-inf', 'LIMIT', 0, 1)[1] or '0'
  local from, following, to, ended, started, banned, attributed = '', '', '', '0', '0', '0', '0'
  if order ~= '0' then
    from = plain(redis.call('ZSCORE', starts, order))
    to = plain(redis.call('ZSCORE', meeting .. ':ends', order) or '')
    ended = tostring(redis.call('SISMEMBER', meeting .. ':ended', order))
    started = tostring(redis.call('SISMEMBER', meeting .. ':started', order))
  end
  local cache
  if keep then
    following = plain(redis.call('ZRANGEBYSCORE', starts, '(' .. now, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)[2] or '')
    if order ~= '0' then
      banned = tostring(redis.call('EXISTS', meeting .. ':' .. order .. ':banned'))
      attributed = tostring(redis.call('EXISTS', meeting .. ':' .. order .. ':attributes'))
    end
    cache = table.concat({order, from, following, to, ended .. started .. banned .. attributed}, '|')
    redis.call('HSET', meeting, 'now', cache)
    -- A turn (see keep_latest), its `seq` taken by hand: each function a script names is a
    -- closure made on every run, and every change script carries this one.
    if order ~= '0' then redis.call('ZADD', meeting .. ':turns', redis.call('HINCRBY', meeting, 'seq', 1), order) end
  end
  return order, order ~= '0' and ended == '0' and to ~= '' and earlier(now, to), public, started == '1', from, cache
end

-- The meeting's current instance as of `now` (the latest started by then, '0' if none) in one read
-- of the meeting hash: its order, whether it is active, the meeting's `public`, whether STARTED is
-- logged (false: it may not be), its `from` ('' when none has started) and the cache as kept (see
-- below; nil when it is not); nil if there is no such meeting (every saved meeting has `public`).
-- Several values, not a table: a table is built and collected on every run. The hash's field `now`
-- caches the current instance for as long as it stays the latest started (from its `from` to the
-- next instance's), packed as "instance|from|next|to|FLAGS", FLAGS four digits 0 or 1 (see the
-- CACHED_ positions below: ended, STARTED logged, someone banned, someone has attributes; the last
-- two tell a join and a leave whether the instance's ban set or attributes need a look), so that the
-- read returns two
-- items, not six (each item of a reply costs about 0.5 µs). A save or delete of an instance, and the
-- start of an ending, clear the cache (forget_current); a miss reads the schedule and, when `keep` is
-- true (a changing script), caches what it found.
local function current(meeting, now, keep)
  local c = redis.call('HMGET', meeting, 'public', 'now')
  local public = c[1]
  if not public then return nil end
  if c[2] then
    -- A field of an earlier layout (or a time not in plain digits) does not match, and reads as a miss.
    -- The two flags are read by their bytes (48 is '0', 49 '1'): each capture costs about 1,000 instructions.
    local cache = c[2]
    local order, from, following, to = string.match(cache, '^(%d+)|(%d*)|(%d*)|(%d*)|[01][01][01][01]$')
    if order and (from == '' or not earlier(now, from)) and (following == '' or earlier(now, following)) then
      local active = order ~= '0' and string.byte(cache, -4) == 48 and to ~= '' and earlier(now, to)
      return order, active, public, string.byte(cache, -3) == 49, from, cache
    end
  end
  return scheduled(meeting, public, now, keep)
end

-- The flags of the cached current instance, by their position from the cache's end (string.byte(cache, -n)).
local CACHED_STARTED = 3
local CACHED_BANNED = 2
local CACHED_ATTRIBUTED = 1

-- Sets the flag at `position` (a CACHED_ one) in the cache of the current instance (`cache` as
-- current returned it), if it is not set yet.
local function cache_flag(meeting, cache, position)
  if cache and string.byte(cache, -position) ~= 49 then
    redis.call('HSET', meeting, 'now', string.sub(cache, 1, -position - 1) .. '1' .. string.sub(cache, #cache - position + 2))
  end
end


-- The opening every changing script of a meeting shares, in this order: the meeting must exist; an
-- operation sent again gets its first reply (when `op` is given: `even` and `odd` are its replay
-- lists, `window` its reply's window); the instance the caller expected must be the current one,
-- else RETRY with the right one and nothing changed. `again` is '1' when the command may have run
-- already (Lettuce sent it again, or the caller retries with a key of theirs: RedisAsyncConference
-- and ResendMarks), '0' when it is sure not to have: only then are the replay lists searched.
-- Returns the reply to return at once, or nil and what current returns.
local function open_change(meeting, now, expected, even, odd, op, window, again)
  local order, active, public, started, from, cache = current(meeting, now, true)
  if not order then return 'UNKNOWN_MEETING' end
  if op and again ~= '0' then
    local kept = replayed(even, odd, op, window)
    if kept then return kept end
  end
  if order ~= expected then return 'RETRY\n' .. order end
  return nil, order, active, public, started, from, cache
end

local function forget_current(meeting)
  redis.call('HDEL', meeting, 'now')
end

-- Event types as a log stores them (`type`), one digit each: the original tool's numbers for
-- JOINED (1), LEFT (2) and TIMED_OUT (3), then STARTED (4), ENDED (5), REMOVED (6) and UPDATED (7) (EventCodes.java reads
-- them). A log written before held the names (`joined`, ...), and is read as it is. One local
-- each, not a table: a table would be built on every run of a script.
local JOINED = '1'
local LEFT = '2'
local TIMED_OUT = '3'
local STARTED = '4'
local ENDED = '5'
local REMOVED = '6'
local UPDATED = '7'

-- The time a change at `now` is stored at, and, when that is `now` to the millisecond, that
-- millisecond: on the server's clock (`by_server`, from time_of) a join, leave or post is stored at
-- its millisecond, which its stream entry's id holds, so the entry need not (`at` '': two bytes
-- instead of ten in a stream's listpack; see entry_time). In an instance's first millisecond that
-- could come before its `from`, so there it keeps the microsecond. (Strings, not numbers: each
-- tonumber of a time costs about 1,500 instructions of strtod.)
local function stamped(now, by_server, from)
  if not by_server then return now, nil end
  local ms = string.sub(now, 1, -4)
  if string.sub(from, 1, -4) == ms then return now, nil end
  return ms .. '000', ms
end

-- The time (µs) of a stream entry from its id and its stored `at`: the `at`, or the id's millisecond
-- when it is ''. An entry stored at `now` by the server's clock can get an id of a later millisecond
-- (the clock moved on between TIME and XADD, or the stream's last id is ahead of the clock): its time
-- is then the id's.
local function entry_time(id, at)
  if at ~= '' then return at end
  return string.match(id, '^%d+') .. '000'
end

-- Appends an event of type `code` (JOINED, ...) to the instance log, with the meeting's next `seq`
-- (or `seq` when given); returns the log entry's id. `at` is its time, or '' for its id's
-- millisecond (see stamped). Every event has the fields `type`, `user` ('' for a started or
-- ended), `at` and `seq`, in that order, so that a stream stores their names once per node, not
-- once per entry.
local function log_event(events, meeting, code, user, at, seq)
  -- (The next `seq` taken by hand, not by next_seq: see scheduled.)
  seq = seq or redis.call('HINCRBY', meeting, 'seq', 1)
  return redis.call('XADD', events, '*', 'type', code, 'user', user or '', 'at', at, 'seq', seq)
end

-- Logs an event as log_event does, from anything but a change of the current instance `order`
-- (noted in `late`, see keep_latest).
local function log_late(events, meeting, order, code, user, at)
  local seq = next_seq(meeting)
  redis.call('ZADD', meeting .. ':late', seq, order)
  keep_latest(meeting, ':late')
  return log_event(events, meeting, code, user, at, seq)
end

-- Logs STARTED (at the instance's `from`) the first time anything happens in it, so it is always
-- the first event of the instance, whether the scheduler or a participant gets there first.
local function ensure_started(starts, started, events, meeting, order)
  if redis.call('SADD', started, order) == 1 then
    log_late(events, meeting, order, STARTED, nil, redis.call('ZSCORE', starts, order))
  end
end

-- Participants timed out per call of an ending. Each is two stream entries, so one call stays
-- within a few milliseconds however many participants the instance has.
local END_BATCH = 500

-- Ends an instance in calls of END_BATCH participants. The first call marks it ended, so nothing
-- more joins, posts or leaves, and records in `k.closing` the time it ends at (every TIMED_OUT and
-- ENDED carries it), who asked (the operation `op` and how long its reply is kept; none for the
-- scheduler) and how many have timed out. Each call times out the next batch; the call that finds
-- none left logs ENDED, lets the log, chat and import record expire `k.retention` milliseconds later and forgets
-- the record, but for the reply {'OK', at, ended id, timed out} of the operation that asked, kept
-- beside its id in `k.closing` for the operation's window whoever made that call: its next call, or
-- a retry with its key, gets it there (see end-active.lua).
-- Returns {'DONE', at, ended id, timed out, op} | {'MORE', at}
local function end_instance(k, order, at, op, window)
  local fields = {order, order .. ':timed-out', order .. ':op', order .. ':window'}
  local closing = redis.call('HMGET', k.closing, unpack(fields))
  if closing[1] then
    at, op, window = closing[1], closing[3], closing[4]
  else
    ensure_started(k.starts, k.started, k.events, k.meeting, order)
    redis.call('SADD', k.ended, order)
    forget_current(k.meeting)
    redis.call('HSET', k.closing, fields[1], at, fields[2], 0, fields[3], op or '', fields[4], window or '')
    -- A finished ending's reply may have set the hash to expire: this ending must not go with it.
    redis.call('PERSIST', k.closing)
  end
  local users = redis.call('ZRANGE', k.participants, 0, END_BATCH - 1)
  if #users > 0 then
    local seq = next_seq(k.meeting, #users) - #users
    redis.call('ZADD', k.meeting .. ':late', seq + #users, order)
    for i, user in ipairs(users) do log_event(k.events, k.meeting, TIMED_OUT, user, at, seq + i) end
    redis.call('ZREM', k.participants, unpack(users))
    redis.call('ZREM', k.leases, unpack(users))
  end
  local timed_out = redis.call('HINCRBY', k.closing, fields[2], #users)
  if #users == END_BATCH then return {'MORE', at} end
  -- (The ban set and the attributes go too: an ended instance has no one in and admits no one.)
  redis.call('DEL', k.participants, k.leases, k.meeting .. ':' .. order .. ':banned', k.meeting .. ':' .. order .. ':attributes')
  local ended = log_late(k.events, k.meeting, order, ENDED, nil, at)
  keep_latest(k.meeting, ':turns')
  for _, key in ipairs({k.events, k.chat, k.imported}) do
    redis.call('PEXPIRE', key, k.retention)
  end
  redis.call('HDEL', k.closing, fields[1], fields[2], fields[4])
  if op and op ~= '' then
    redis.call('HSET', k.closing, order .. ':reply', flat({'OK', at, ended, timed_out}))
    -- Only this reply left: the hash expires with it (another ending under way keeps it).
    if redis.call('HLEN', k.closing) == 2 then
      redis.call('PEXPIRE', k.closing, math.ceil(tonumber(window) / 1000))
    end
  else
    redis.call('HDEL', k.closing, fields[3])
  end
  return {'DONE', at, ended, timed_out, op or ''}
end
