-- Imports past events (into the log) or messages (into the chat) of one instance, as History
-- describes: each goes after every entry whose time is at or before its own, unless its source id
-- was imported before (`imported` keeps them, `e:` or `m:` first) or more than MAX_LATER entries
-- would follow it. A stream only appends, so the entries that must follow imported ones are taken
-- out and added again after them (XSETID lets the stream take ids below the ones deleted); they
-- keep their ids where they can, so cursors stay valid, and their `seq` always: an entry whose id
-- must change only moves to a later id, where a subscription that had it already knows it by its
-- `seq` (see RedisLiveEvents). The work is bounded by MAX_LATER and the records of the call.
-- In an instance active now, a user whose last event is one imported here is a participant
-- exactly when it is a JOINED, from its time. An instance ended (or past its `to`) gets its
-- entries only, and they expire `retention` after the import.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 started, 6 events, 7 chat,
--       8 participants, 9 leases, 10 imported (6-10 of instance ARGV[2]),
--       then each record's user's erased marker (erase.lua), in the order of the records
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 instance, 3 retention (ms),
--       4 'e' for events or 'm' for messages, then 5 items a record, in time order: source id,
--       user id, the user's life (note-imported.lua), time (µs), event type (JOINED, LEFT or
--       TIMED_OUT: one digit, see prelude.lua) or text
-- Returns, flat: 'UNKNOWN_MEETING' | one letter a record: S stored, A already stored, N no
-- instance holds it, F in the future, B too far back, U unknown user
local MAX_LATER = 1000
local PAGE = 64
if redis.call('EXISTS', KEYS[1]) == 0 then return 'UNKNOWN_MEETING' end
local now = tonumber((time_of(ARGV[1])))
local order, kind = ARGV[2], ARGV[4]
local stream = kind == 'e' and KEYS[6] or KEYS[7]
local from = tonumber(redis.call('ZSCORE', KEYS[2], order))
local to = tonumber(redis.call('ZSCORE', KEYS[3], order))
local out, candidates = {}, {}
local records = (#ARGV - 4) / 5
-- One MGET and (below) one HMGET for all the records: each command a script calls costs more than
-- its work.
local erased = records > 0 and redis.call('MGET', unpack(KEYS, 11)) or {}
for i = 1, records do
  local a = 4 + (i - 1) * 5
  local r = {i = i, source = ARGV[a + 1], user = ARGV[a + 2], at = tonumber(ARGV[a + 4]), at_text = ARGV[a + 4],
    what = ARGV[a + 5]}
  if erased[i] == ARGV[a + 3] then
    out[i] = 'U'
  elseif r.at > now then
    out[i] = 'F'
  elseif not from or r.at < from or r.at >= to then
    out[i] = 'N'
  else
    candidates[#candidates + 1] = r
  end
end
if #candidates == 0 then return table.concat(out, '\n') end
ensure_started(KEYS[2], KEYS[5], KEYS[6], KEYS[1], order)

-- An entry's time (see entry_time in prelude.lua).
local function time_of_entry(entry)
  return entry_time(entry[1], field_of(entry, 'at') or '')
end

-- An entry that takes another id than its own keeps its time in `at` (its old id held it).
local function keeping_time(e, id)
  if not e.id or id == e.id then return e.fields end
  local fields = {}
  for i = 1, #e.fields, 2 do
    fields[i], fields[i + 1] = e.fields[i], e.fields[i + 1]
    if e.fields[i] == 'at' and e.fields[i + 1] == '' then fields[i + 1] = string.format('%.0f', e.at) end
  end
  return fields
end

-- The window: the entries later than the earliest candidate, newest first, at most MAX_LATER + 1
-- of them (a record that would have more after it is refused anyway); `base` is the entry before.
local earliest = candidates[1].at
for _, r in ipairs(candidates) do earliest = math.min(earliest, r.at) end
-- The first page is one entry: most imports come in time order and find nothing later.
local newest_first, base, upper, count = {}, nil, '+', 1
repeat
  local page = redis.call('XREVRANGE', stream, upper, '-', 'COUNT', count)
  for _, entry in ipairs(page) do
    if tonumber(time_of_entry(entry)) <= earliest or #newest_first > MAX_LATER then
      base = entry[1]
      break
    end
    newest_first[#newest_first + 1] = entry
  end
  if #page > 0 then upper = '(' .. page[#page][1] end
  local full = #page == count
  count = PAGE
until base or not full
local merged = {}
for j = #newest_first, 1, -1 do
  local entry = newest_first[j]
  merged[#merged + 1] = {id = entry[1], fields = entry[2], at = tonumber(time_of_entry(entry)),
    user = field_of(entry, 'user')}
end

local sources = {}
for n, r in ipairs(candidates) do sources[n] = kind .. ':' .. r.source end
local known = redis.call('HMGET', KEYS[10], unpack(sources))
local stored, first_changed = {}, nil
for n, r in ipairs(candidates) do
  local field = sources[n]
  if stored[field] or known[n] then
    out[r.i] = 'A'
  else
    local position = #merged
    while position > 0 and merged[position].at > r.at do position = position - 1 end
    if #merged - position > MAX_LATER then
      out[r.i] = 'B'
    else
      local fields
      if kind == 'e' then
        fields = {'type', r.what, 'user', r.user, 'at', r.at_text, 'src', r.source}
      else
        fields = {'user', r.user, 'text', r.what, 'at', r.at_text, 'src', r.source}
      end
      table.insert(merged, position + 1, {fields = fields, at = r.at, user = r.user, record = r})
      stored[field] = true
      out[r.i] = 'S'
      if not first_changed or position + 1 < first_changed then first_changed = position + 1 end
    end
  end
end
if not first_changed then return table.concat(out, '\n') end

local function parse(id)
  local dash = string.find(id, '-', 1, true)
  return tonumber(string.sub(id, 1, dash - 1)), tonumber(string.sub(id, dash + 1))
end
local function after(id, ms, seq)
  local m, s = parse(id)
  return m > ms or (m == ms and s > seq)
end

-- Take out the entries that must follow an imported one, then write everything from the first
-- imported one on: moved entries keep their ids when still in order, an imported entry followed by
-- a moved one takes the next id, and those at the end take the server's.
local moved = {}
for j = first_changed, #merged do
  if merged[j].id then
    moved[#moved + 1] = merged[j].id
  end
end
local last_ms, last_seq
if #moved > 0 then
  local last = first_changed > 1 and merged[first_changed - 1].id or base or '0-0'
  redis.call('XDEL', stream, unpack(moved))
  redis.call('XSETID', stream, last)
  last_ms, last_seq = parse(last)
end
local followed = {}
local any_later = false
for j = #merged, first_changed, -1 do
  followed[j] = any_later
  if merged[j].id then any_later = true end
end
for j = first_changed, #merged do
  local e = merged[j]
  local id
  if e.id and after(e.id, last_ms, last_seq) then
    id = e.id
  elseif followed[j] or e.id then
    last_seq = last_seq + 1
    id = string.format('%.0f-%.0f', last_ms, last_seq)
  else
    id = '*'
  end
  id = redis.call('XADD', stream, id, unpack(keeping_time(e, id)))
  e.id = id
  -- Only an entry that a moved one follows needs the id before it (the usual import only appends,
  -- and reading an id costs two string-to-number conversions).
  if followed[j] then last_ms, last_seq = parse(id) end
end

local marks = {}
for field in pairs(stored) do
  marks[#marks + 1] = field
  marks[#marks + 1] = '1'
end
redis.call('HSET', KEYS[10], unpack(marks))

local active = redis.call('SISMEMBER', KEYS[4], order) == 0 and now < to
if kind == 'e' and active then
  local seen = {}
  for j = #merged, 1, -1 do
    local e = merged[j]
    if e.user and not seen[e.user] then
      seen[e.user] = true
      if e.record and e.record.what == JOINED then
        redis.call('ZADD', KEYS[8], e.record.at_text, e.user)
      elseif e.record then
        redis.call('ZREM', KEYS[8], e.user)
        redis.call('ZREM', KEYS[9], e.user)
        redis.call('HDEL', KEYS[1] .. ':' .. order .. ':attributes', e.user)
      end
    end
  end
elseif not active then
  for _, key in ipairs({KEYS[6], KEYS[7], KEYS[10]}) do redis.call('PEXPIRE', key, ARGV[3]) end
end
return table.concat(out, '\n')
