package dev.conference.redis;

import java.util.List;
import java.util.Random;

/**
 * Generates ids and texts from the characters that break naive key schemas, Lua scripts, protocols
 * and codecs: braces and colons (hash tags, key separators), percent escapes, stream ids, Lua
 * pattern characters, control characters, NUL, and unicode from emoji to right-to-left marks. Every
 * string is valid UTF-16 (no unpaired surrogate) and non-blank, so the model accepts it. Deterministic
 * for a seed.
 */
final class HostileStrings {
    /** Fragments that a generated string is glued together from. */
    static final List<String> PIECES = List.of(
            // the hash tag and key separators of the schema, and its escapes
            "{",
            "}",
            "{}",
            "}{",
            ":",
            "::",
            "%",
            "%7B",
            "%7D",
            "%25",
            "%257B",
            "%7b",
            "%%",
            "|",
            "||",
            "#",
            "#1",
            "}:meeting:{x",
            "conference:",
            "conference:meeting:{",
            "conference:user:{a}",
            ":1:chat",
            ":1:by-user",
            ":participants",
            "{instance-index}",
            "{lease-index}",
            "3:a#1",
            "1|",
            "0|x",
            // stream ids and range syntax
            "0-1",
            "0-0",
            "1-0",
            "*",
            "$",
            "-",
            "+",
            "(",
            "18446744073709551615-18446744073709551615",
            ">",
            // Lua pattern and glob characters
            "%().[]*+-?^$",
            "%d",
            "%S",
            "%s+",
            "^(%S+) (%S+)$",
            "[",
            "]",
            "?",
            "\\",
            "\\0",
            "..",
            // script and protocol lookalikes
            "\r\n*1\r\n$8\r\nFLUSHALL\r\n",
            "redis.call('FLUSHALL')",
            "]]--",
            "nil",
            "false",
            "true",
            "0",
            "-1",
            "1e309",
            "NaN",
            "inf",
            "'",
            "\"",
            "`",
            "'; DEL x; --",
            // whitespace and control characters (inside, never alone)
            " ",
            "\t",
            "\n",
            "\r\n",
            "\u0000",
            "\u0001",
            "\u001b[31m",
            "\u007f",
            "\u0085",
            "\u2028",
            // unicode: accents, scripts, combining marks, bidi, zero-width, non-characters, astral planes
            "é",
            "e\u0301",
            "\u0301",
            "ß",
            "İ",
            "ﬀ",
            "Å",
            "会议",
            "日本語",
            "한국어",
            "Ω",
            "ℵ",
            "שלום",
            "مرحبا",
            "\u202Eevil\u202C",
            "\u200F",
            "\u200B",
            "\u200D",
            "\uFEFF",
            "\u00A0",
            "\u2007",
            "\uFFFD",
            "\uFFFF",
            "\uFFFE",
            "😀",
            "👩\u200D👩\u200D👧",
            "🇩🇪",
            "𝕏",
            "\uDBFF\uDFFF",
            "\uD800\uDC00",
            "Ǆ",
            "ǅ",
            "ﷺ",
            "﷽",
            // plain text, so that lengths vary and ids stay mostly different
            "a",
            "b",
            "id",
            "alice",
            "standup",
            "x1",
            "Z",
            "42");

    private final Random random;

    HostileStrings(long seed) {
        this.random = new Random(seed);
    }

    /** An id of 1 to {@code maxCodePoints} code points; one in five is exactly that long. */
    String id(int maxCodePoints) {
        int target = switch (random.nextInt(10)) {
            case 0, 1 -> maxCodePoints;
            case 2, 3, 4 -> 1 + random.nextInt(8);
            default -> 1 + random.nextInt(maxCodePoints);
        };
        while (true) {
            String value = glue(target * 2);
            if (value.codePointCount(0, value.length()) > target) {
                value = value.substring(0, value.offsetByCodePoints(0, target));
            }
            if (!value.isBlank()) {
                return value;
            }
        }
    }

    /** A text of 1 to {@code maxChars} UTF-16 chars, mostly short; one in twenty is exactly that long. */
    String text(int maxChars) {
        int target = switch (random.nextInt(20)) {
            case 0 -> maxChars;
            case 1, 2 -> 1 + random.nextInt(maxChars);
            default -> 1 + random.nextInt(Math.min(maxChars, 120));
        };
        while (true) {
            String value = glue(target);
            if (value.length() > target) {
                value = value.substring(0, target);
                if (Character.isHighSurrogate(value.charAt(value.length() - 1))) {
                    // Cutting inside a pair would leave a lone surrogate; keep the length with a plain char.
                    value = value.substring(0, value.length() - 1) + "x";
                }
            }
            if (!value.isBlank()) {
                return value;
            }
        }
    }

    /**
     * An email the model accepts (no whitespace or control character, one {@code @} inside) whose local
     * part is hostile; {@code n} keeps the addresses of one test distinct.
     */
    String email(int n) {
        String local = text(40).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && c != '@')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return local + "." + n + "@ex{am}ple%7B.org";
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String glue(int atLeastChars) {
        StringBuilder out = new StringBuilder();
        while (out.length() < atLeastChars) {
            out.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return out.toString();
    }

    /** A printable, unambiguous form of {@code value} for assertion messages. */
    static String show(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().limit(200).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\u{%X}", c));
            }
        });
        return out.append(value.codePointCount(0, value.length()) > 200 ? "...\"" : "\"")
                .toString();
    }
}
