package dev.conference.redis;

import dev.conference.model.StoreException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attributes as text, for the two places they travel as one string: an UPDATED event's {@code attrs}
 * field holds its changes as {@code <length>:<key><length>:<value>...} (lengths in Java characters:
 * only this class writes and reads it, and keys and values may hold any character), and
 * update.lua's flat reply escapes {@code \} and newlines in each key and value.
 */
final class AttributeText {
    private AttributeText() {}

    static String encode(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(attributes).forEach((key, value) -> {
            out.append(key.length()).append(':').append(key);
            out.append(value.length()).append(':').append(value);
        });
        return out.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> out = new TreeMap<>();
        int at = 0;
        try {
            while (at < text.length()) {
                int colon = text.indexOf(':', at);
                int keyEnd = colon + 1 + Integer.parseInt(text, at, colon, 10);
                String key = text.substring(colon + 1, keyEnd);
                colon = text.indexOf(':', keyEnd);
                at = colon + 1 + Integer.parseInt(text, keyEnd, colon, 10);
                out.put(key, text.substring(colon + 1, at));
            }
        } catch (RuntimeException unreadable) {
            throw new StoreException("an UPDATED event's attributes are not ones this version wrote", unreadable);
        }
        return out;
    }

    /** An item of update.lua's reply as it was before its escaping. */
    static String unescaped(String item) {
        if (item.indexOf('\\') < 0) {
            return item;
        }
        StringBuilder out = new StringBuilder(item.length());
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '\\' && i + 1 < item.length()) {
                out.append(item.charAt(++i) == 'n' ? '\n' : item.charAt(i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
