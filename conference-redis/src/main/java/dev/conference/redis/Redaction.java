package dev.conference.redis;

import java.util.regex.Pattern;

/**
 * Keeps passwords out of text shown to people: messages, logs, stack traces. Applications that print
 * what the library tells them (a URI, an exception) pass it through here first.
 */
public final class Redaction {
    // user:password@ or password@ right after the scheme; the user name may stay, the password never.
    private static final Pattern USER_AND_PASSWORD = Pattern.compile("(://)([^/@:\\s\\[\\]]*):[^/@\\s]*@");
    private static final Pattern PASSWORD_ONLY = Pattern.compile("(://)[^/@:\\s]+@");

    private Redaction() {}

    /**
     * The text with the password of every URI in it replaced by {@code ***}.
     *
     * @param text any text, or null (returned as is)
     */
    public static String hidePasswords(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_AND_PASSWORD.matcher(text).replaceAll("$1$2:***@");
        return PASSWORD_ONLY.matcher(masked).replaceAll("$1***@");
    }
}
