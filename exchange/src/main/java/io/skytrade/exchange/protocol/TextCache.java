package io.skytrade.exchange.protocol;

import org.agrona.DirectBuffer;

/**
 * Interns the short ASCII texts the venue repeats ({@code text} of {@code reject} and
 * {@code cancel_reject}: one per reject reason): a text already seen is returned as the same
 * {@code String}; a new one is made once and replaces the oldest entry of its hash bucket.
 *
 * <p>Not thread-safe: one per decoder. Hot-path cost: a hash and a comparison over the text's
 * bytes; allocation only for a text not among the last few of its bucket.
 */
final class TextCache {
    private static final int BUCKETS = 64;
    private static final int WAYS = 2;

    private final String[] texts = new String[BUCKETS * WAYS];
    private final int[] next = new int[BUCKETS];

    /** The text spelt by {@code length} printable ASCII bytes at {@code offset}. */
    String text(final DirectBuffer buffer, final int offset, final int length) {
        if (length == 0) {
            return "";
        }
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer.getByte(offset + i);
        }
        final int bucket = (h ^ (h >>> 16)) & (BUCKETS - 1);
        for (int w = 0; w < WAYS; w++) {
            final String t = texts[bucket * WAYS + w];
            if (t != null && matches(t, buffer, offset, length)) {
                return t;
            }
        }
        final String made = buffer.getStringWithoutLengthAscii(offset, length);
        texts[bucket * WAYS + next[bucket]] = made;
        next[bucket] = (next[bucket] + 1) % WAYS;
        return made;
    }

    private static boolean matches(final String t, final DirectBuffer buffer, final int offset, final int length) {
        if (t.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (t.charAt(i) != buffer.getByte(offset + i)) {
                return false;
            }
        }
        return true;
    }
}
