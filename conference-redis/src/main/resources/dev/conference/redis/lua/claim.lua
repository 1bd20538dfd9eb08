-- Claims members of one sorted set due by now (instances to announce, leases to expire).
-- KEYS: 1 the sorted set
-- ARGV: 1 now (µs, or '<' and a time: see time_of), 2 limit, 3 how long a claim holds (µs)
-- Returns {member, claimed score, ...}
return claim(KEYS[1], time_of(ARGV[1]), ARGV[2], ARGV[3])
