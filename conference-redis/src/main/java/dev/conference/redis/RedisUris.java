package dev.conference.redis;

import dev.conference.model.InvalidInputException;
import io.lettuce.core.RedisURI;

/** Reading and describing server addresses without ever showing a password. */
final class RedisUris {
    private RedisUris() {
    }

    static RedisURI parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException("Redis URI is required, e.g. redis://localhost:6379");
        }
        try {
            return RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Redis URI is not valid (expected redis://[user:password@]host:port[/db]"
                    + " or rediss://...): " + withoutSecrets(uri));
        }
    }

    /** host:port (and database when not 0), for messages. */
    static String describe(RedisURI uri) {
        String where = uri.getHost() + ":" + uri.getPort();
        return uri.getDatabase() == 0 ? where : where + "/" + uri.getDatabase();
    }

    /** The innermost cause's message, which names what went wrong (refused, unknown host, auth). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return withoutSecrets(message);
    }

    /** Blanks whatever sits between "://" and "@", where a URI keeps its credentials. */
    static String withoutSecrets(String text) {
        return text.replaceAll("://[^/@\\s]*@", "://***@");
    }
}
