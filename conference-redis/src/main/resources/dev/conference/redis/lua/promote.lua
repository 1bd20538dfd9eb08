-- Moves one batch of instances whose `from` has come from `upcoming` to `active` (see promote).
-- KEYS: 1 upcoming, 2 active, 3 spans
-- ARGV: 1 now (µs, '' for the server's clock, or '<' and a time: see time_of), 2 batch size
-- Returns {number moved}
return {promote(KEYS[1], KEYS[2], KEYS[3], time_of(ARGV[1]), ARGV[2])}
