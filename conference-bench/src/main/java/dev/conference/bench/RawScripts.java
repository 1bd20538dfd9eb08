package dev.conference.bench;

import dev.conference.redis.ScriptSource;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The library's Lua scripts, as the library loads them (ScriptSource), loaded on the server, so the
 * raw baseline runs exactly the scripts the library runs, under the same SHA.
 */
final class RawScripts {
    final String join;
    final String leave;
    final String post;
    final String participants;
    final String readLatest;
    final String promote;
    final String active;

    RawScripts(RedisCommands<String, String> redis) {
        this.join = redis.scriptLoad(ScriptSource.meeting("join"));
        this.leave = redis.scriptLoad(ScriptSource.meeting("leave"));
        this.post = redis.scriptLoad(ScriptSource.meeting("post"));
        this.participants = redis.scriptLoad(ScriptSource.meeting("participants"));
        this.readLatest = redis.scriptLoad(ScriptSource.meeting("read-latest"));
        this.promote = redis.scriptLoad(ScriptSource.index("promote"));
        this.active = redis.scriptLoad(ScriptSource.index("active"));
    }
}
