-- Drops an instance from the cross-meeting index (it ended or was deleted).
-- KEYS: 1 upcoming, 2 active, 3 spans, 4 announce, 5 versions
-- ARGV: 1 member
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
return {'OK'}
