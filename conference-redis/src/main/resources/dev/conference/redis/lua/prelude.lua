-- Shared by every meeting script (prepended when loaded).
-- A meeting's schedule lives in two sorted sets keyed by instance number: `starts` (score: from,
-- in microseconds) and `ends` (score: to), plus the sets `started` (STARTED logged) and `ended`
-- (ended early or on time). Instances of one meeting never overlap, so the latest instance started
-- by `now` is the only candidate for being active.
-- Every event and message goes to the instance's log or chat, and a note of where it is to the
-- meeting's `feed`, the stream live subscriptions read across instances (see feed_note).

-- A changing script runs under an operation id: a caller's idempotency key, or a fresh id when the
-- caller gave none. Lettuce sends a command again when the connection dropped before its reply
-- came, though the server may already have run it, and a caller retries with its key after an
-- unknown outcome; the second run then returns the first run's reply instead of changing anything
-- twice. Each reply must be kept for its window (µs): longer than a command can wait to be re-sent,
-- or as long as a caller's key is remembered.
--
-- Replies (flat: see below) are kept in two hashes per span, the window rounded up to a power of two seconds (the
-- caller passes both hashes, named after the span): periods of one span alternate between them, by
-- the server's clock, so a client whose clock runs ahead cannot make the others' replies be
-- forgotten. The hash of the current period takes new replies; the other holds the previous
-- period's. Each expires at the end of the period after its own, as a whole, so a reply is kept for
-- between one and two spans and a quiet meeting keeps none.
local function replay_span(window)
  local span, longest = 1000000, tonumber(window)
  while span < longest do span = span * 2 end
  return span
end

-- replay_period's answer in this run of the script, which keeps one reply of one span: worked out
-- once (each tonumber of a 16-digit time costs about 1,500 instructions of strtod).
local replay_found

-- {current hash, previous hash, end of the current hash's life (ms), how far into the period (µs),
-- when the current period began (ms), how long a period is (ms)}
local function replay_period(even, odd, window)
  if not replay_found then
    local span = replay_span(window)
    local now = tonumber(server_micros())
    local period = math.floor(now / span)
    local current, previous = even, odd
    if period % 2 == 1 then current, previous = odd, even end
    replay_found = {current, previous, (period + 2) * span / 1000, now - period * span, period * span / 1000,
      span / 1000}
  end
  return unpack(replay_found)
end

-- Replies of changing scripts are one string: their items joined by newlines (no item holds one).
-- Redis 6.2 writes a script's table reply element by element, which costs more than the rest of a
-- small script (about 5 µs a reply against under 1 for a string, with redis-benchmark).
local function flat(items) return table.concat(items, '\n') end

-- A reply as kept for replay, in fewer bytes (a reply is kept per change, as long as a short
-- message): an OK with a stream id and a time (a join's, a post's) keeps the id, its milliseconds
-- as an offset from `base` (the start of the replay hash's period, in ms: a few digits instead of
-- thirteen), and after a dot the time's last three digits when the time begins with the id's
-- milliseconds (the server's clock made both; a clock of the store's own may not); an OK with an id
-- and an empty time (a join's or a post's on the server's clock: its id's millisecond, see stamped)
-- keeps the id and a dot; an OK with only an id (a leave's) keeps the id, the same way. Any other
-- reply is kept as it is: they all begin with a letter, and a kept one with a digit or a minus (the
-- server's clock may have gone back).
local function packed(reply, base)
  local ms, seq, at = string.match(reply, '^OK\n(%d+)%-(%d+)\n(%d+)$')
  if ms and #at == #ms + 3 and string.sub(at, 1, #ms) == ms then
    return string.format('%.0f', tonumber(ms) - base) .. '-' .. seq .. '.' .. string.sub(at, -3)
  end
  ms, seq, at = string.match(reply, '^OK\n(%d+)%-(%d+)(\n?)$')
  if ms then return string.format('%.0f', tonumber(ms) - base) .. '-' .. seq .. (at == '' and '' or '.') end
  return reply
end

local function unpacked(kept, base)
  local offset, seq, dot, micros = string.match(kept, '^(%-?%d+)%-(%d+)(%.?)(%d*)$')
  if not offset then return kept end
  -- A whole id's milliseconds (13 digits) were kept before offsets; an offset is within a period or so.
  local ms = #offset >= 12 and offset or string.format('%.0f', base + tonumber(offset))
  if dot == '' then return 'OK\n' .. ms .. '-' .. seq end
  if micros == '' then return 'OK\n' .. ms .. '-' .. seq .. '\n' end
  return 'OK\n' .. ms .. '-' .. seq .. '\n' .. ms .. micros
end

-- The reply kept for `op`, or nil. A reply in the previous period's hash can only matter while the
-- current period is younger than the window.
local function replayed(even, odd, op, window)
  local current, previous, _, into, base, length = replay_period(even, odd, window)
  local stored = redis.call('HGET', current, op)
  if stored then return unpacked(stored, base) end
  if into < tonumber(window) then stored = redis.call('HGET', previous, op) end
  return stored and unpacked(stored, base - length) or nil
end

-- Keeps `reply` (a table of items, or a reply already flat) for `op`; returns it flat. The hash's
-- field '#' is set with its expiry: when the HSET adds it, the hash is new and gets its expiry.
local function remember(even, odd, op, window, reply)
  if type(reply) == 'table' then reply = flat(reply) end
  local current, _, expires, _, base = replay_period(even, odd, window)
  if redis.call('HSET', current, op, packed(reply, base), '#', '1') == 2 then
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

-- A score as Redis printed it ('' stays ''), in plain digits: Redis may print a large score with an
-- exponent, which `earlier` cannot compare.
local function plain(score)
  if score == '' or not string.find(score, '[^%d]') then return score end
  return string.format('%.0f', tonumber(score))
end

-- Writes the packed cache of the current instance (see current).
local function keep_current(meeting, cache)
  redis.call('HSET', meeting, 'now', table.concat(cache, '|'))
end

-- The meeting's current instance as of `now` (the latest started by then, '0' if none) in one read
-- of the meeting hash, as {order, active, public, started, cache}; nil if there is no such meeting
-- (every saved meeting has `public`). `started` true means STARTED is logged; false, that it may
-- not be. The hash's field `now` caches the current instance for as long as it stays the latest
-- started (from its `from` to the next instance's), packed as "instance|from|next|to|ended|started"
-- so that the read returns two items, not six (each item of a reply costs about 0.5 µs). A save
-- or delete of an instance, and the start of an ending, clear the cache (forget_current); a miss
-- reads the schedule (and `k.started`, when given) and, when `keep` is true (a changing script),
-- caches what it found. `from` is the instance's `from` ('' when none has started). `k` holds the
-- meeting hash, starts, ends and ended.
local function current(k, now, keep)
  local c = redis.call('HMGET', k.meeting, 'public', 'now')
  local public = c[1]
  if not public then return nil end
  if c[2] then
    -- A field of an earlier layout (or a time not in plain digits) does not match, and reads as a miss.
    local cache = {string.match(c[2], '^(%d+)|(%d*)|(%d*)|(%d*)|(%d)|(%d)$')}
    local from, following, to = cache[2], cache[3], cache[4]
    if cache[1] and (from == '' or not earlier(now, from)) and (following == '' or earlier(now, following)) then
      return {order = cache[1], active = cache[1] ~= '0' and cache[5] == '0' and to ~= '' and earlier(now, to),
        public = public, started = cache[6] == '1', from = from, cache = cache}
    end
  end
  local order = latest_started(k.starts, now)
  local cache = {order, '', '', '', '0', '0'}
  if order ~= '0' then
    cache[2] = plain(redis.call('ZSCORE', k.starts, order))
    cache[4] = plain(redis.call('ZSCORE', k.ends, order) or '')
    cache[5] = tostring(redis.call('SISMEMBER', k.ended, order))
    if k.started then cache[6] = tostring(redis.call('SISMEMBER', k.started, order)) end
  end
  if keep then
    local following = redis.call('ZRANGEBYSCORE', k.starts, '(' .. now, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
    cache[3] = plain(following[2] or '')
    keep_current(k.meeting, cache)
  end
  local to = cache[4]
  return {order = order, active = order ~= '0' and cache[5] == '0' and to ~= '' and earlier(now, to),
    public = public, started = cache[6] == '1', from = cache[2], cache = keep and cache or nil}
end

-- Notes in the cache of the current instance `c` (from current) that its STARTED is logged.
local function cache_started(meeting, c)
  if not c.cache then return end
  c.cache[6] = '1'
  keep_current(meeting, c.cache)
end

-- The opening every changing script of a meeting shares, in this order: the meeting must exist; an
-- operation sent again gets its first reply (when `op` is given: `k.replay_even` and `k.replay_odd`
-- are its replay hashes, `window` its reply's window); the instance the caller expected must be the
-- current one, else RETRY with the right one and nothing changed. `k` also holds the meeting hash,
-- starts, ends, ended and, to know whether STARTED is logged, started. `again` is '1' when the
-- command may have run already (Lettuce sent it again, or the caller retries with a key of theirs:
-- RedisAsyncConference and ResendMarks), '0' when it is sure not to have: only then is the replay
-- hash searched (a listpack of up to 512 replies is read end to end for a miss). Returns what to go
-- on with (see current), or nil and the reply to return at once.
local function open_change(k, now, expected, op, window, again)
  local c = current(k, now, true)
  if not c then return nil, flat({'UNKNOWN_MEETING'}) end
  if op and again ~= '0' then
    local again = replayed(k.replay_even, k.replay_odd, op, window)
    if again then return nil, again end
  end
  if c.order ~= expected then return nil, flat({'RETRY', c.order}) end
  return c
end

local function forget_current(meeting)
  redis.call('HDEL', meeting, 'now')
end

-- The live feed keeps about this many recent entries per meeting (LiveEvents.FEED_KEEPS; trimmed as it grows, cheaply:
-- MAXLEN ~); instance logs and chats are kept whole and expire after their instance ends.
local FEED_MAXLEN = '10000'

-- Notes in the meeting's feed where an entry just added went: `instance`, and `chat` 1 for the
-- chat or 0 for the log. The note takes the entry's own id, so it holds no copy of the entry (no
-- user, no text: erasing a user leaves the feed as it is) and only two small numbers (a stream
-- stores field names once per node when they repeat). The feed only appends, so when another
-- instance's entry already took a later id in the same millisecond the note gets a new id and the
-- entry's in `ref`. Subscriptions read the entry itself from where the note points.
local function feed_note(feed, order, chat, id)
  local noted = redis.pcall('XADD', feed, 'MAXLEN', '~', FEED_MAXLEN, id, 'instance', order, 'chat', chat)
  if type(noted) == 'table' and noted.err then
    redis.call('XADD', feed, 'MAXLEN', '~', FEED_MAXLEN, '*', 'instance', order, 'chat', chat, 'ref', id)
  end
end

-- Event types as a log stores them (`type`), one digit each: the original tool's numbers for
-- JOINED (1), LEFT (2) and TIMED_OUT (3), then STARTED (4) and ENDED (5) (EventCodes.java reads
-- them). A log written before held the names (`joined`, ...), and is read as it is. One local
-- each, not a table: a table would be built on every run of a script.
local JOINED = '1'
local LEFT = '2'
local TIMED_OUT = '3'
local STARTED = '4'
local ENDED = '5'

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

-- Appends an event of type `code` (JOINED, ...) to the instance log, noted in the meeting feed;
-- returns the log entry's id. `at` is its time, or '' for its id's millisecond (see stamped). Every
-- event has the fields `type`, `user` ('' for a started or ended) and `at`, in that order, so that a
-- stream stores their names once per node, not once per entry.
local function log_event(events, feed, order, code, user, at)
  local id = redis.call('XADD', events, '*', 'type', code, 'user', user or '', 'at', at)
  feed_note(feed, order, '0', id)
  return id
end

-- Logs STARTED (at the instance's `from`) the first time anything happens in it, so it is always
-- the first event of the instance, whether the scheduler or a participant gets there first.
local function ensure_started(starts, started, events, feed, order)
  if redis.call('SADD', started, order) == 1 then
    log_event(events, feed, order, STARTED, nil, redis.call('ZSCORE', starts, order))
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
    ensure_started(k.starts, k.started, k.events, k.feed, order)
    redis.call('SADD', k.ended, order)
    forget_current(k.meeting)
    redis.call('HSET', k.closing, fields[1], at, fields[2], 0, fields[3], op or '', fields[4], window or '')
    -- A finished ending's reply may have set the hash to expire: this ending must not go with it.
    redis.call('PERSIST', k.closing)
  end
  local users = redis.call('ZRANGE', k.participants, 0, END_BATCH - 1)
  for _, user in ipairs(users) do log_event(k.events, k.feed, order, TIMED_OUT, user, at) end
  if #users > 0 then
    redis.call('ZREM', k.participants, unpack(users))
    redis.call('ZREM', k.leases, unpack(users))
  end
  local timed_out = redis.call('HINCRBY', k.closing, fields[2], #users)
  if #users == END_BATCH then return {'MORE', at} end
  redis.call('DEL', k.participants, k.leases)
  local ended = log_event(k.events, k.feed, order, ENDED, nil, at)
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
