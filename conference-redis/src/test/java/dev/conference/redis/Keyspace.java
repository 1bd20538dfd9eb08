package dev.conference.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

/** What a test may do and the adapter may not: walk the whole keyspace. */
final class Keyspace {
    private Keyspace() {}

    /** Every key, field, member and value the server holds, one per line, to search for what must be gone. */
    static String everythingStored(RedisCommands<String, String> redis) {
        StringBuilder out = new StringBuilder();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor);
            for (String key : page.getKeys()) {
                out.append(key).append('\n');
                switch (redis.type(key)) {
                    case "string" -> out.append(redis.get(key));
                    case "hash" -> out.append(redis.hgetall(key));
                    case "set" -> out.append(redis.smembers(key));
                    case "zset" -> out.append(redis.zrange(key, 0, -1));
                    case "list" -> out.append(redis.lrange(key, 0, -1));
                    case "stream" ->
                        redis.xrange(key, Range.create("-", "+"))
                                .forEach(entry -> out.append(entry.getBody()).append('\n'));
                    default -> out.append('?');
                }
                out.append('\n');
            }
            cursor = page;
        } while (!cursor.isFinished());
        return out.toString();
    }
}
