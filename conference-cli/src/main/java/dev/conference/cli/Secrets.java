package dev.conference.cli;

import java.util.regex.Pattern;

/** Keeps passwords out of everything the CLI prints. */
final class Secrets {
    // user:password@ or password@ right after the scheme; the user name may stay, the password never.
    private static final Pattern USER_AND_PASSWORD = Pattern.compile("(://)([^/@:\\s\\[\\]]*):[^/@\\s]*@");
    private static final Pattern PASSWORD_ONLY = Pattern.compile("(://)[^/@:\\s]+@");

    private Secrets() {
    }

    /** The text with the password of every URI in it replaced by {@code ***}. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_AND_PASSWORD.matcher(text).replaceAll("$1$2:***@");
        return PASSWORD_ONLY.matcher(masked).replaceAll("$1***@");
    }
}
