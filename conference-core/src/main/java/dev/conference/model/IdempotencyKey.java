package dev.conference.model;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * A caller's name for one changing operation (join, leave, post, end), so that it can be retried
 * safely after its outcome was left unknown ({@link OutcomeUnknownException}): a retry with the same
 * key, of the same operation on the same meeting, within {@link #REMEMBERED}, changes nothing again
 * and answers what the first attempt answered, a refusal included. The key names the operation, not
 * its arguments: a second call with the same key and other arguments also gets the first answer.
 *
 * <p>Choose a fresh key per operation (a UUID does) and keep it across the retries of that operation.
 */
public final class IdempotencyKey {
    /** How long a store remembers a caller's key: retry within this. */
    public static final Duration REMEMBERED = Duration.ofMinutes(10);

    public static final int MAX_LENGTH = 200;

    private final String value;
    private final boolean chosen;

    private IdempotencyKey(String value, boolean chosen) {
        this.value = value;
        this.chosen = chosen;
    }

    /** A caller's key: 1 to 200 characters, none of them a control character. */
    public static IdempotencyKey of(String value) {
        Objects.requireNonNull(value, "idempotency key");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    "an idempotency key has 1 to " + MAX_LENGTH + " characters, got " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("an idempotency key must not hold control characters");
        }
        return new IdempotencyKey(value, true);
    }

    /**
     * A key no caller knows, for an operation called without one: it can only ever be re-sent by the
     * store's own client (a lost reply), so a store needs to remember it no longer than that takes.
     */
    public static IdempotencyKey fresh() {
        byte[] bits = new byte[6];
        RANDOM.nextBytes(bits);
        return new IdempotencyKey(FRESH.encodeToString(bits), false);
    }

    /**
     * 48 bits from the system's generator (so JVMs restored from one snapshot do not repeat them), in
     * 8 characters: a store keeps each one beside its reply, per change, so every byte counts. Two
     * only matter if they meet among the operations of one meeting within a replay window, and even
     * then only to a command sent again, the only one that looks for its reply: one sent again among
     * a million operations of its meeting in one window would take another's reply with a chance of
     * 4 x 10^-9 (10^6 / 2^48).
     */
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Base64.Encoder FRESH = Base64.getUrlEncoder().withoutPadding();

    public String value() {
        return value;
    }

    /** Whether a caller chose the key (and may retry with it), rather than {@link #fresh()}. */
    public boolean chosenByCaller() {
        return chosen;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdempotencyKey key && key.value.equals(value) && key.chosen == chosen;
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
