package dev.conference.redis;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random ids the store writes beside data (a user's life, a listing change's token): 128 bits from
 * the system's generator, as a UUID has, so JVMs restored from one snapshot do not repeat them, in
 * 22 characters rather than a UUID's 36, since each is kept in Redis.
 */
final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    private RandomIds() {}

    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return TEXT.encodeToString(bits);
    }
}
