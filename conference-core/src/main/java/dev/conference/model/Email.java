package dev.conference.model;

import java.util.Locale;

/** Email checks and the one comparison rule of the domain: emails match ignoring case. */
public final class Email {
    static final int MAX_LENGTH = 254;

    private Email() {}

    static String require(String field, String email) {
        Check.notNull(field, email);
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            throw new InvalidInputException(field + " must look like name@domain: " + Check.shorten(email));
        }
        if (email.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidInputException(
                    field + " must not contain spaces or control characters: " + Check.shorten(email));
        }
        return Check.bounded(field, email, MAX_LENGTH);
    }

    /** The form under which two emails are the same address. */
    public static String normalize(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
