package dev.conference.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell line into words as a POSIX shell would for simple cases: blanks separate words,
 * {@code "double quotes"} keep blanks and take {@code \"} and {@code \\} escapes, {@code 'single quotes'}
 * keep everything, and a backslash outside quotes escapes the next character.
 */
final class ShellWords {
    private ShellWords() {}

    /** The word as the shell reads it back: as it is when it can be, else in single quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\#".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /**
     * @return the words, at least one
     * @throws IllegalArgumentException for an unterminated quote, a trailing backslash or a blank line
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '"') {
                inWord = true;
                i = readDoubleQuoted(line, i + 1, word);
            } else if (c == '\'') {
                inWord = true;
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' quote at column " + (i + 1));
                }
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("nothing to escape after the \\ at the end of the line");
                }
                inWord = true;
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                inWord = true;
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the line is blank");
        }
        return words;
    }

    /** Appends the quoted text starting at {@code start}; returns the index after the closing quote. */
    private static int readDoubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated \" quote at column " + start);
    }
}
