package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
    private static String print(Table table) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out), "(empty)");
        return out.toString();
    }

    @Test
    void alignsColumnsToTheWidestCellWithoutTrailingBlanks() {
        Table table =
                Table.of("ID", "NAME", "NOTE").row("a", "Ålice Ünïcode", "").row("longer-id", "Bo", "x");

        assertThat(print(table)).isEqualTo("""
                ID         NAME           NOTE
                a          Ålice Ünïcode
                longer-id  Bo             x
                """);
    }

    @Test
    void keepsEachRowOnOneLine() {
        assertThat(print(Table.of("TEXT", "END").row("two\nlines\tand\u0007bell", "|")))
                .isEqualTo("TEXT" + " ".repeat(23) + "END\ntwo\\nlines\\tand\\u0007bell  |\n");
    }

    @Test
    void printsTheEmptyMessageWhenThereAreNoRowsAndChecksRowWidth() {
        assertThat(print(Table.of("A"))).isEqualTo("(empty)\n");
        assertThatThrownBy(() -> Table.of("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
