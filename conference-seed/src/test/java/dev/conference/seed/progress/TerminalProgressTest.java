package dev.conference.seed.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    final StringWriter screen = new StringWriter();
    final TerminalProgress progress = new TerminalProgress(new PrintWriter(screen, true));

    @Test
    void redrawsOneLineInPlaceAndEndsItWhenTheStepIsDone() {
        progress.start("storing users.json", 4_000);
        for (int i = 0; i < 4; i++) {
            progress.advance(1_000);
        }
        progress.finish();

        String text = screen.toString();
        assertThat(text).startsWith("\rstoring users.json").endsWith("\n").containsOnlyOnce("\n");
        String last = text.substring(text.lastIndexOf('\r') + 1);
        assertThat(last).contains("[==============================] 100% 4,000/4,000");
    }

    @Test
    void countsFilesInMebibytes() {
        progress.startBytes("checking users.json", 3 * 1_048_576L);
        progress.advance(3 * 1_048_576L - 2);
        progress.finish();

        assertThat(screen.toString()).contains("100% 3.0/3.0 MiB");
    }
}
