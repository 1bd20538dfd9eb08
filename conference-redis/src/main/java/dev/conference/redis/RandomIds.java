package dev.conference.redis;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random ids from the system's generator, so JVMs restored from one snapshot do not repeat them.
 * One the store writes beside data (a user's life, a listing change's token) has 48 bits in 8
 * characters, since each is kept in Redis (a life in every user's hash): it only has to differ
 * from the few others of one user id or one listing mark, where two meet with a chance of 2^-48.
 */
final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    private RandomIds() {}

    /** An id kept in Redis: 48 bits, 8 characters. */
    static String next() {
        return of(6);
    }

    /** An id never stored (a resend mark): 96 bits, so that no value a caller gives is taken for one. */
    static String unguessable() {
        return of(12);
    }

    private static String of(int bytes) {
        byte[] bits = new byte[bytes];
        RANDOM.nextBytes(bits);
        return TEXT.encodeToString(bits);
    }
}
