package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The prelude's rules for the times a change stores and compares (stamped, earlier, plain in
 * prelude.lua), run on a real server with the definitions as the scripts load them: the clock
 * cannot be steered into an instance's first millisecond from outside.
 */
class StoredTimesTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final LuaPrelude PRELUDE =
            new LuaPrelude(LuaScript.resource("time") + "\n" + LuaScript.resource("prelude"));

    @Test
    void onTheServersClockAChangeIsStoredToItsMillisecond() {
        assertThat(stamped("1764800000123456", true, "1764800000000000"))
                .containsExactly("1764800000123000", "1764800000123");
    }

    @Test
    void inTheFirstMillisecondOfItsInstanceAChangeKeepsItsMicrosecond() {
        // Its millisecond, 1764800000123000, would come before the instance's from.
        assertThat(stamped("1764800000123456", true, "1764800000123400")).containsExactly("1764800000123456", "");
    }

    @Test
    void onAClockOfTheStoresOwnAChangeIsStoredAsItIs() {
        assertThat(stamped("1764800000123456", false, "1764800000000000")).containsExactly("1764800000123456", "");
    }

    @Test
    void timesInDigitsCompareAsNumbers() {
        assertThat(run("return {earlier('999', '1000') and 1 or 0, earlier('1000', '999') and 1 or 0,"
                        + " earlier('1764800000000000', '1764800000000001') and 1 or 0,"
                        + " earlier('1764800000000001', '1764800000000001') and 1 or 0}"))
                .containsExactly(1L, 0L, 1L, 0L);
    }

    @Test
    void aScorePrintedWithAnExponentIsReadAsDigits() {
        // Redis prints a score of 10^17 (µs: the year 5138) as 1e+17.
        REDIS.admin().sync().hset("times:m", "public", "1");
        REDIS.admin().sync().zadd("times:m:starts", 1e17, "1");
        REDIS.admin().sync().zadd("times:m:ends", 2e17, "1");
        assertThat(run("local order, active, _, _, from = current('times:m', '100000000000000001', false)\n"
                        + "return {order, active and 1 or 0, from}"))
                .containsExactly("1", 1L, "100000000000000000");
    }

    private static List<Object> stamped(String now, boolean byServer, String from) {
        return run("local at, ms = stamped('" + now + "', " + byServer + ", '" + from + "')\nreturn {at, ms or ''}");
    }

    private static List<Object> run(String body) {
        String script = PRELUDE.neededBy(body) + body + "\n";
        return REDIS.admin().sync().eval(script, ScriptOutputType.MULTI, new String[0]);
    }
}
