package io.skytrade.exchange.websocket;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Writes client-to-server RFC 6455 frames (section 5.2): FIN set, never fragmented, always masked
 * with a fresh 32-bit key (section 5.3) from a generator seeded per connection from a secure
 * source; the payload is masked while it is copied into the outbound buffer, four bytes at a time.
 *
 * <p>Not thread-safe: one per connection, used by its writing thread. Hot-path cost: a header of
 * 6 to 14 bytes and one pass over the payload; no allocation.
 */
public final class ClientFrameEncoder {
    /** Longest header a client writes: 2 bytes, a 64-bit length, the 4-byte mask. */
    public static final int MAX_HEADER_BYTES = 14;

    private SplittableRandom masks = new SplittableRandom(0);

    /** Seeds the mask generator (once per connection, from a secure random source). */
    public void seed(final long seed) {
        masks = new SplittableRandom(seed);
    }

    /** Bytes a frame with {@code payload} bytes takes. */
    public static int frameLength(final int payload) {
        return headerLength(payload) + payload;
    }

    private static int headerLength(final int payload) {
        return (payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10) + 4;
    }

    /**
     * Writes one frame of {@code opcode} carrying {@code [srcOffset, srcOffset + length)} of
     * {@code src} at {@code offset} of {@code out}.
     *
     * @return bytes written ({@link #frameLength(int)})
     */
    public int encode(final int opcode, final DirectBuffer src, final int srcOffset, final int length,
                      final MutableDirectBuffer out, final int offset) {
        int i = offset;
        out.putByte(i++, (byte) (0x80 | opcode));
        if (length < 126) {
            out.putByte(i++, (byte) (0x80 | length));
        } else if (length <= 0xFFFF) {
            out.putByte(i++, (byte) (0x80 | 126));
            out.putShort(i, (short) length, ByteOrder.BIG_ENDIAN);
            i += 2;
        } else {
            out.putByte(i++, (byte) (0x80 | 127));
            out.putLong(i, length, ByteOrder.BIG_ENDIAN);
            i += 8;
        }
        final int mask = masks.nextInt();
        out.putInt(i, mask, ByteOrder.LITTLE_ENDIAN);
        i += 4;
        int k = 0;
        for (; k + 4 <= length; k += 4) {
            out.putInt(i + k, src.getInt(srcOffset + k, ByteOrder.LITTLE_ENDIAN) ^ mask, ByteOrder.LITTLE_ENDIAN);
        }
        for (; k < length; k++) {
            out.putByte(i + k, (byte) (src.getByte(srcOffset + k) ^ (mask >>> (8 * (k & 3)))));
        }
        return i + length - offset;
    }

    /** Writes a close frame with {@code code} and no reason. */
    public int close(final int code, final MutableDirectBuffer scratch, final MutableDirectBuffer out, final int offset) {
        scratch.putShort(0, (short) code, ByteOrder.BIG_ENDIAN);
        return encode(FrameAdapter.CLOSE, scratch, 0, 2, out, offset);
    }
}
