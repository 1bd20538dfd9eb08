-- Shared by every meeting and index script (prepended when loaded): the time a script runs at.

-- The server's clock in µs, as a string (a Lua number would print in exponent form), read once per
-- script run: one time for everything the run stores, and one TIME call instead of several.
local server_time
local function server_micros()
  if not server_time then
    local now = redis.call('TIME')
    -- Padded by hand: string.format with a tonumber costs twice as much (about 4,300 instructions).
    server_time = now[1] .. string.sub('00000' .. now[2], -6)
  end
  return server_time
end

-- The time a script runs at, in µs, as a string, and true when it is the server's clock (see
-- stamped in prelude.lua). The caller passes '' for the server's clock (the
-- default: one clock orders everything the server stores, whatever the clients' clocks say), a time
-- when the store was given a clock of its own (tests, replays), or '<' and a time for "that time,
-- but never past the server's clock" (a scheduler's now: a fast scheduler clock cannot make
-- anything due early).
local function time_of(arg)
  if arg == '' then return server_micros(), true end
  if string.byte(arg, 1) == 60 then
    local limit, server = string.sub(arg, 2), server_micros()
    if tonumber(server) < tonumber(limit) then return server, true end
    return limit, false
  end
  return arg, false
end

-- `micros` plus `length` µs, as a string.
local function later_by(micros, length)
  return string.format('%.0f', tonumber(micros) + tonumber(length))
end
