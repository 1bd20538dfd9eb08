package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuaPreludeTest {
    private static final String PRELUDE = """
            -- The file's header.

            -- The clock, read once.
            local clock
            local function now()
              if not clock then clock = redis.call('TIME')[1] end
              return clock
            end

            -- Twice `x`.
            local function twice(x) return x * 2 end
            local LIMIT = '10'

            -- Uses now().
            local function stamp(key)
              redis.call('SET', key, now())
            end
            """;

    private final LuaPrelude prelude = new LuaPrelude(PRELUDE);

    @Test
    void aBodyGetsWhatItCallsAndWhatThoseCall() {
        assertThat(prelude.neededBy("stamp(KEYS[1])\n")).isEqualTo("""
                        -- The clock, read once.
                        local clock
                        local function now()
                          if not clock then clock = redis.call('TIME')[1] end
                          return clock
                        end

                        -- Uses now().
                        local function stamp(key)
                          redis.call('SET', key, now())
                        end
                        """);
    }

    @Test
    void aValueIsADefinitionToo() {
        assertThat(prelude.neededBy("return LIMIT\n")).isEqualTo("local LIMIT = '10'\n\n");
    }

    @Test
    void aNameInACommentPullsNothingIn() {
        assertThat(prelude.neededBy("-- see twice() and stamp()\nreturn 1\n")).isEmpty();
    }

    @Test
    void aNameInsideALongerNameIsNotAUse() {
        assertThat(prelude.neededBy("local twice_more = 1\nreturn twice_more\n"))
                .isEmpty();
    }

    @Test
    void everyDefinitionTogetherIsTheWholeFileButItsHeader() {
        String all = prelude.neededBy("now() twice(1) stamp(1) return LIMIT\n");
        assertThat(all).isEqualTo(PRELUDE.substring(PRELUDE.indexOf("-- The clock")));
    }

    @Test
    void theLibrarysJoinLeavesOutWhatItNeverCalls() {
        String join = ScriptSource.meeting("join");
        assertThat(join).contains("local function open_change", "local function server_micros");
        assertThat(join).doesNotContain("local function end_instance", "local function append_entries");
    }
}
