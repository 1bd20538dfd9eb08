package dev.conference.redis;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random ids the store writes beside data (a user's life, a listing change's token): 72 bits from
 * the system's generator, so JVMs restored from one snapshot do not repeat them, in 12 characters,
 * since each is kept in Redis (a life in every user's hash). Each only has to differ from the few
 * others of one user id or one listing mark, which 72 bits do beyond doubt.
 */
final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    private RandomIds() {}

    static String next() {
        byte[] bits = new byte[9];
        RANDOM.nextBytes(bits);
        return TEXT.encodeToString(bits);
    }
}
