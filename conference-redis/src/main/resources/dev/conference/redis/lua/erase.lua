-- Erases a user from one instance of a meeting, a page of its chat at a time (the caller goes on
-- from the cursor until it is ''): they leave it (a LEFT, so the log still replays to the
-- participants), every message they posted in it goes from its chat, then every UPDATED of theirs
-- from its log. `erased` marks the
-- meeting for a replay window: a join that passed note-joined.lua for this life of the user before
-- the user was forgotten, and reaches the meeting only now, is refused (join.lua).
-- KEYS: 1 meeting hash, 2 erased marker of this user, 3 participants, 4 leases, 5 events, 6 chat,
--       7 imported (3-7 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 instance, 3 user id, 4 where to go
--       on from: in the chat ('-' at first, then the cursor), then in the log ('e' and a cursor), 5 life,
--       6 replay window (ms)
-- Returns {number of messages deleted, cursor ('' when the chat and the log are through)}
local SCAN_PAGE = 1000
local now = time_of(ARGV[1])
-- The marker and the LEFT on the first page only; the later pages only go on through the chat.
if ARGV[4] == '-' then
  redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
  redis.call('ZREM', KEYS[4], ARGV[3])
  -- A ban names the user: it goes with them (a new life of theirs is not banned).
  redis.call('SREM', KEYS[1] .. ':' .. ARGV[2] .. ':banned', ARGV[3])
  redis.call('HDEL', KEYS[1] .. ':' .. ARGV[2] .. ':attributes', ARGV[3])
  -- (No LEFT in a meeting deleted, or half-way through its delete: its hash must not come back.)
  if redis.call('ZREM', KEYS[3], ARGV[3]) == 1 and redis.call('EXISTS', KEYS[1]) == 1 then
    log_late(KEYS[5], KEYS[1], ARGV[2], LEFT, ARGV[3], now)
  end
end
-- Then the log, a page at a time, for the UPDATEs they made: their attributes' values are theirs as
-- their messages are (cursor 'e' and where to go on in the log).
if string.sub(ARGV[4], 1, 1) == 'e' then
  local events = redis.call('XRANGE', KEYS[5], string.sub(ARGV[4], 2), '+', 'COUNT', SCAN_PAGE)
  local updates = {}
  for _, entry in ipairs(events) do
    if field_of(entry, 'type') == UPDATED and field_of(entry, 'user') == ARGV[3] then
      updates[#updates + 1] = entry[1]
    end
  end
  if #updates > 0 then redis.call('XDEL', KEYS[5], unpack(updates)) end
  return {0, #events == SCAN_PAGE and 'e(' .. events[#events][1] or ''}
end
local page = redis.call('XRANGE', KEYS[6], ARGV[4], '+', 'COUNT', SCAN_PAGE)
local theirs, sources = {}, {}
for _, entry in ipairs(page) do
  if field_of(entry, 'user') == ARGV[3] then
    theirs[#theirs + 1] = entry[1]
    -- An imported message: its source id goes too, so a new life of the user may import it again.
    local source = field_of(entry, 'src')
    if source then sources[#sources + 1] = 'm:' .. source end
  end
end
local deleted = 0
if #theirs > 0 then deleted = redis.call('XDEL', KEYS[6], unpack(theirs)) end
if #sources > 0 then redis.call('HDEL', KEYS[7], unpack(sources)) end
local cursor = 'e-'
if #page == SCAN_PAGE then cursor = '(' .. page[#page][1] end
return {deleted, cursor}
