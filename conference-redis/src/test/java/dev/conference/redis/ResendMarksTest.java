package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.protocol.CommandArgs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A command's mark is written '0' the first time and '1' every time after; other values as they are. */
class ResendMarksTest {
    /** The arguments as Lettuce writes them to the connection, once more each call. */
    private static String written(CommandArgs<String, String> args) {
        ByteBuf buffer = Unpooled.buffer();
        args.encode(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMarkIsWrittenZeroOnceThenOne() {
        CommandArgs<String, String> args =
                new CommandArgs<>(ResendMarks.CODEC).addValue("hello").addValue(ResendMarks.fresh());

        assertThat(written(args)).isEqualTo("$5\r\nhello\r\n$1\r\n0\r\n");
        assertThat(written(args)).isEqualTo("$5\r\nhello\r\n$1\r\n1\r\n");
        assertThat(written(args)).isEqualTo("$5\r\nhello\r\n$1\r\n1\r\n");
    }

    @Test
    void eachCommandHasAMarkOfItsOwn() {
        CommandArgs<String, String> first = new CommandArgs<>(ResendMarks.CODEC).addValue(ResendMarks.fresh());
        CommandArgs<String, String> second = new CommandArgs<>(ResendMarks.CODEC).addValue(ResendMarks.fresh());

        assertThat(written(first)).isEqualTo("$1\r\n0\r\n");
        assertThat(written(second)).isEqualTo("$1\r\n0\r\n");
    }

    @Test
    void aValueThatOnlyLooksLikeAMarkIsWrittenAsItIs() {
        String lookalike = "\u0000" + "not a mark of this process";
        CommandArgs<String, String> args = new CommandArgs<>(ResendMarks.CODEC).addValue(lookalike);

        assertThat(written(args)).isEqualTo(written(new CommandArgs<>(ResendMarks.CODEC).addValue(lookalike)));
        assertThat(written(args)).contains("not a mark of this process");
    }
}
