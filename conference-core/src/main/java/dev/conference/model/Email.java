package dev.conference.model;

import java.text.Normalizer;
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

    /**
     * The form under which two emails are the same address: Unicode compatibility normalization (NFKC:
     * the Kelvin sign is K, a full-width letter its plain one), then lower case with no language's
     * rules. So {@code \u212Aelvin@x} is {@code kelvin@x}, while {@code \u0130lker@x} is not
     * {@code ilker@x} (dotted capital I lowers to i with a dot) and {@code straße@x} is not
     * {@code strasse@x}.
     */
    public static String normalize(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
