package dev.conference.bench;

import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The library's Lua scripts, read from the conference-redis jar and loaded on the server, so the raw
 * baseline runs exactly the scripts the library runs. A meeting script is the shared prelude and the
 * script's body joined by a newline, as the library loads it (so both share one SHA); a script over
 * the cross-meeting index likewise starts with the index prelude.
 */
final class RawScripts {
    private static final String DIRECTORY = "dev/conference/redis/lua/";

    final String join;
    final String leave;
    final String post;
    final String participants;
    final String readLatest;
    final String promote;
    final String active;

    RawScripts(RedisCommands<String, String> redis) {
        String time = source("time");
        String prelude = time + "\n" + source("prelude");
        String indexPrelude = time + "\n" + source("index-prelude");
        this.join = redis.scriptLoad(prelude + "\n" + source("join"));
        this.leave = redis.scriptLoad(prelude + "\n" + source("leave"));
        this.post = redis.scriptLoad(prelude + "\n" + source("post"));
        this.participants = redis.scriptLoad(prelude + "\n" + source("participants"));
        this.readLatest = redis.scriptLoad(prelude + "\n" + source("read-latest"));
        this.promote = redis.scriptLoad(indexPrelude + "\n" + source("promote"));
        this.active = redis.scriptLoad(indexPrelude + "\n" + source("active"));
    }

    private static String source(String name) {
        try (InputStream in = RawScripts.class.getClassLoader().getResourceAsStream(DIRECTORY + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("conference-redis has no script " + DIRECTORY + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
