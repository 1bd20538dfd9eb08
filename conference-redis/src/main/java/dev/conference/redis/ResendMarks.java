package dev.conference.redis;

import io.lettuce.core.codec.StringCodec;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a changing script whether its command may have run already. Lettuce sends a command again
 * when the connection dropped before the reply came (the server may have run it), and it encodes a
 * command's values each time it writes it: so a mark among a command's arguments, written {@code 0}
 * the first time and {@code 1} every time after, tells the script when it must look for a reply it
 * kept (see open_change in prelude.lua), and lets every first send skip that search. Lettuce writes
 * only commands not yet done, and a mark is forgotten only once nothing refers to it, so no command
 * is ever written a second time with {@code 0}.
 */
final class ResendMarks {
    /** The codec of every connection the store opens: UTF-8, with marks written as above. */
    static final StringCodec CODEC = new Codec();

    /** What a caller passes when the command may have run already whatever Lettuce does (a caller's key). */
    static final String MAYBE_RAN = "1";

    /** Marks begin with it, so other values are told apart without a lookup. */
    private static final char TAG = '\u0000';

    private static final AtomicLong NEXT = new AtomicLong();
    /**
     * Each mark in use, and whether a command carrying it was written already. A mark holds 96
     * random bits, so no value a caller gives (a text, an id) can be taken for a live one.
     */
    private static final Map<String, Boolean> WRITTEN = Collections.synchronizedMap(new WeakHashMap<>());

    private ResendMarks() {}

    /** A new mark, for one command. */
    static String fresh() {
        String mark = TAG + RandomIds.unguessable() + NEXT.incrementAndGet();
        WRITTEN.put(mark, Boolean.FALSE);
        return mark;
    }

    /** What {@code value} is written as: itself, or for a mark '0' on its first write and '1' after. */
    static String written(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) != TAG) {
            return value;
        }
        synchronized (WRITTEN) {
            Boolean before = WRITTEN.get(value);
            if (before == null) {
                return value;
            }
            WRITTEN.put(value, Boolean.TRUE);
            return before ? MAYBE_RAN : "0";
        }
    }

    private static final class Codec extends StringCodec {
        Codec() {
            super(StandardCharsets.UTF_8);
        }

        @Override
        public void encodeValue(String value, ByteBuf target) {
            super.encodeValue(written(value), target);
        }

        @Override
        public ByteBuffer encodeValue(String value) {
            return super.encodeValue(written(value));
        }
    }
}
