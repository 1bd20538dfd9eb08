package dev.conference.redis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared Lua definitions (time.lua, prelude.lua, index-prelude.lua) cut into their top-level
 * definitions, so that each script carries only those it uses. Redis runs a script's whole text on
 * every call: each {@code local function} it defines is a closure made and collected per run, which
 * cost a meeting script about 2 µs whether it called the function or not.
 *
 * <p>A definition is a top-level {@code local} (function or value) with the comment lines right above
 * it. One is used when its name appears in the script's code, or in a used definition's code: a
 * name that only appears in comments pulls nothing in; one that appears anywhere in code pulls its
 * definition in, so nothing a script can reach is left out.
 */
final class LuaPrelude {
    private static final Pattern DEFINITION = Pattern.compile("^local (?:function )?([A-Za-z_][A-Za-z0-9_]*)");

    private record Definition(String name, String text, String code) {}

    private final List<Definition> definitions;

    LuaPrelude(String text) {
        this.definitions = cut(text);
    }

    /** The definitions {@code body} uses, in their order here, as one text ('' when none). */
    String neededBy(String body) {
        Set<String> used = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(code(body)));
        while (!pending.isEmpty()) {
            String code = pending.remove(pending.size() - 1);
            for (Definition definition : definitions) {
                if (!used.contains(definition.name()) && mentions(code, definition.name())) {
                    used.add(definition.name());
                    pending.add(definition.code());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (Definition definition : definitions) {
            if (used.contains(definition.name())) {
                out.append(definition.text());
            }
        }
        return out.toString();
    }

    private static boolean mentions(String code, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
                .matcher(code)
                .find();
    }

    /** The lines of {@code text} that are not whole-line comments. */
    private static String code(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.stripLeading().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Each definition runs from the comment block right above its first line to the line before the
     * next definition's comment block; the text before the first definition's comment block (the
     * file's header) belongs to none.
     */
    private static List<Definition> cut(String text) {
        String[] lines = text.split("\n"); // without the empty strings after the last line break
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DEFINITION.matcher(lines[i]);
            if (m.find()) {
                int start = i;
                while (start > 0 && lines[start - 1].startsWith("--")) {
                    start--;
                }
                starts.add(start);
                names.add(m.group(1));
            }
        }
        List<Definition> out = new ArrayList<>();
        for (int d = 0; d < starts.size(); d++) {
            int end = d + 1 < starts.size() ? starts.get(d + 1) : lines.length;
            StringBuilder chunk = new StringBuilder();
            for (int i = starts.get(d); i < end; i++) {
                chunk.append(lines[i]).append('\n');
            }
            String chunkText = chunk.toString();
            out.add(new Definition(names.get(d), chunkText, code(chunkText)));
        }
        return out;
    }
}
