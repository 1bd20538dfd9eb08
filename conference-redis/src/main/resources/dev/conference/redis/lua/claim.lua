-- Claims members of one sorted set due by now (instances to announce, leases to expire).
-- KEYS: 1 the sorted set
-- ARGV: 1 now (µs), 2 limit, 3 claim until (µs)
-- Returns {member, claimed score, ...}
return claim(KEYS[1], ARGV[1], ARGV[2], ARGV[3])
