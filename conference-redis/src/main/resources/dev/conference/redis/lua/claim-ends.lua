-- Claims instances whose `to` has passed, for the scheduler to end.
-- KEYS: 1 upcoming, 2 active, 3 spans
-- ARGV: 1 now (µs), 2 limit, 3 claim until (µs)
-- Returns {member, claimed score, ...}
promote(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
return claim(KEYS[2], ARGV[1], ARGV[2], ARGV[3])
