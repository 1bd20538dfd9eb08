package dev.conference.redis;

import dev.conference.model.InvalidInputException;
import io.lettuce.core.RedisURI;

/** Reading and describing server addresses without ever showing a password. */
final class RedisUris {
    private RedisUris() {}

    private static final String EXPECTED = "expected redis://[user:password@]host[:port][/db] or rediss://...";

    /**
     * Reads a URI, refusing what Lettuce would misread. A password with an unencoded '/', '?', '#' or
     * space would otherwise be read partly as the host, shown in messages and sent to DNS.
     */
    static RedisURI parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException("Redis URI is required, e.g. redis://localhost:6379");
        }
        int schemeEnd = uri.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new InvalidInputException("Redis URI must start with redis:// or rediss://, got "
                    + (schemeEnd < 0 ? "no scheme" : "'" + scheme + "://'") + " (" + EXPECTED + ")");
        }
        int at = uri.lastIndexOf('@');
        if (at > schemeEnd && uri.substring(schemeEnd + 3, at).matches("(?s).*[/?#\\s].*")) {
            throw new InvalidInputException("the user or password in the Redis URI " + masked(uri)
                    + " holds '/', '?', '#' or a space: percent-encode them (e.g. %2F, %3F, %23, %20)");
        }
        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Redis URI is not valid: " + masked(uri) + " (" + EXPECTED + ")");
        }
        if (parsed.getHost() == null
                || parsed.getHost().isBlank()
                || parsed.getHost().contains(":") && !uri.contains("[")) {
            throw new InvalidInputException(
                    "Redis URI is not valid: " + masked(uri) + " names no host (" + EXPECTED + ")");
        }
        return parsed;
    }

    /** The URI with everything between "://" and the last '@' (user and password) hidden. */
    static String masked(String uri) {
        int schemeEnd = uri.indexOf("://");
        int at = uri.lastIndexOf('@');
        if (schemeEnd >= 0 && at > schemeEnd) {
            return uri.substring(0, schemeEnd + 3) + "***" + uri.substring(at);
        }
        return uri.toLowerCase(java.util.Locale.ROOT).contains("password")
                ? uri.substring(0, Math.max(schemeEnd, 0)) + "://***"
                : uri;
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
        return Redaction.hidePasswords(message);
    }
}
