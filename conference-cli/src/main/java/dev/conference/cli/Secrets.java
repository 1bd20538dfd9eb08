package dev.conference.cli;

import dev.conference.redis.Redaction;

/** Keeps passwords out of everything the CLI prints, by the library's rule. */
final class Secrets {
    private Secrets() {}

    /** The text with the password of every URI in it replaced by {@code ***}. */
    static String mask(String text) {
        return Redaction.hidePasswords(text);
    }
}
