-- Appended to a script wrapped as the function `once(KEYS, ARGV)` (see LuaScript.each): runs it
-- once per call of a batch, each call with its own KEYS and ARGV, in one EVALSHA. The caller puts
-- only calls of one slot in a batch, and few enough that the batch stays within a few milliseconds.
-- KEYS: the calls' keys, one call after the other
-- ARGV: 1 number of calls, then each call's number of keys and number of args, then the calls' args,
--       one call after the other
-- Returns each call's reply, in order
-- The counts repeat from call to call ("1" key, "5" args): each is converted once, since a
-- string-to-number conversion costs more than a table lookup.
local numbers = {}
local function count(text)
  local n = numbers[text]
  if not n then
    n = tonumber(text)
    numbers[text] = n
  end
  return n
end
local calls = tonumber(ARGV[1])
local replies, key, arg = {}, 0, 1 + 2 * calls
for c = 1, calls do
  local key_count, arg_count = count(ARGV[2 * c]), count(ARGV[2 * c + 1])
  local keys, args = {}, {}
  for i = 1, key_count do keys[i] = KEYS[key + i] end
  for i = 1, arg_count do args[i] = ARGV[arg + i] end
  key, arg = key + key_count, arg + arg_count
  -- A nil reply would end the table of replies early: it is sent as false, a nil reply.
  replies[c] = once(keys, args) or false
end
return replies
