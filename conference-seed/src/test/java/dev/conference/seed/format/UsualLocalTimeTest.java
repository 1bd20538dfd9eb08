package dev.conference.seed.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reading of the original's date-times agrees with java.time's, or leaves the text to it. */
class UsualLocalTimeTest {
    @Test
    void readsWhatJavaTimeReadsAndNothingItRefuses() {
        Random random = new Random(12);
        List<String> fixed = List.of(
                "2024-05-12T11:40:27.778235",
                "2024-05-12T11:40:27",
                "2024-02-29T00:00:00.1",
                "2023-02-29T00:00:00",
                "2024-13-01T00:00:00",
                "2024-05-12T24:00:00",
                "2024-05-12T11:40",
                "2024-05-12T11:40:27.",
                "2024-05-12T11:40:27.1234567891",
                "2024-05-12 11:40:27",
                "+2024-05-12T11:40:27",
                "2024-05-12T11:40:27Z",
                "2024-05-12T11:4a:27",
                "2024-05-12T11:40:60");
        for (String text : fixed) {
            agree(text);
        }
        assertThat(OriginalFormat.usualLocal("2024-05-12T11:40:27.778235"))
                .isEqualTo(LocalDateTime.of(2024, 5, 12, 11, 40, 27, 778_235_000));
        assertThat(OriginalFormat.usualLocal("2024-05-12T11:40:27"))
                .isEqualTo(LocalDateTime.of(2024, 5, 12, 11, 40, 27));
        String digits = "0123456789";
        for (int i = 0; i < 20_000; i++) {
            char[] text = "2024-05-12T11:40:27.778235".toCharArray();
            int length = 19 + (random.nextBoolean() ? 0 : 1 + random.nextInt(10));
            for (int j = 0; j < Math.min(length, text.length); j++) {
                if (Character.isDigit(text[j])) {
                    text[j] = digits.charAt(random.nextInt(10));
                }
            }
            String candidate = new String(text, 0, Math.min(length, text.length));
            if (random.nextInt(20) == 0) {
                int at = random.nextInt(candidate.length());
                candidate = candidate.substring(0, at) + "x" + candidate.substring(at + 1);
            }
            agree(candidate);
        }
    }

    private static void agree(String text) {
        LocalDateTime expected;
        try {
            expected = LocalDateTime.parse(text);
        } catch (DateTimeParseException refused) {
            expected = null;
        }
        LocalDateTime fast = OriginalFormat.usualLocal(text);
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(expected);
        }
    }
}
