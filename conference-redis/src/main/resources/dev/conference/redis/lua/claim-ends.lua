-- Claims instances whose `to` has passed, for the scheduler to end. Promotion (promote.lua) comes
-- first, so an instance that started and ended between two passes is claimed too.
-- KEYS: 1 active
-- ARGV: 1 now (µs, or '<' and a time: see time_of), 2 limit, 3 how long a claim holds (µs)
-- Returns {member, claimed score, ...}
return claim(KEYS[1], time_of(ARGV[1]), ARGV[2], ARGV[3])
