package io.skytrade.exchange.websocket;

import org.agrona.DirectBuffer;

/**
 * UTF-8 validation of text messages (RFC 6455 section 8.1: a text message that is not valid UTF-8
 * fails the connection): well-formed sequences only, no overlong forms, no surrogates, nothing
 * above U+10FFFF (RFC 3629).
 *
 * <p>Stateless. Hot-path cost: one pass over the bytes (an ASCII message is a test of the high bit
 * per byte); no allocation.
 */
final class Utf8 {
    private Utf8() {
    }

    static boolean isValid(final DirectBuffer b, final int offset, final int length) {
        final int end = offset + length;
        int i = offset;
        while (i < end) {
            final int c = b.getByte(i) & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            final int n;
            int min;
            int cp;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                cp = c & 0x1F;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                cp = c & 0x0F;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                cp = c & 0x07;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= end) {
                return false;
            }
            for (int k = 1; k <= n; k++) {
                final int cc = b.getByte(i + k) & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }
}
