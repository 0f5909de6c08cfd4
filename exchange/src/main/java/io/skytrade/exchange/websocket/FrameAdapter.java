package io.skytrade.exchange.websocket;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Reads RFC 6455 frames sent by a server (section 5) out of the bytes a connection received and
 * calls a {@link FrameListener}: an unfragmented text message is handed over in place, without a
 * copy; fragments are reassembled in one growing buffer; pings, pongs and the close frame are
 * recognised; a masked frame, reserved bits, an unknown opcode, a fragmented or over-long control
 * frame, a continuation out of place (1002), a message over {@link #MAX_MESSAGE_BYTES} (1009) or
 * text that is not UTF-8 (1007) is a protocol error, after which nothing more is read.
 *
 * <p>Not thread-safe: one per connection, fed by its reading thread. Hot-path cost: a header parse
 * and a UTF-8 check per frame; no allocation (the reassembly buffer grows only for a larger
 * fragmented message than any before).
 */
public final class FrameAdapter {
    /** Largest message accepted, bytes (the venue's own limit, PROTOCOL.md). */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** Longest frame header a server sends (2 bytes, a 64-bit length, no mask). */
    public static final int MAX_HEADER_BYTES = 10;

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private final FrameListener listener;
    private final ExpandableArrayBuffer fragments = new ExpandableArrayBuffer(4096);
    private int fragmentsLength;
    private int fragmentedOpcode = -1;
    private int incompleteFrameBytes;
    private boolean failed;

    public FrameAdapter(final FrameListener listener) {
        this.listener = listener;
    }

    /** Forgets any partial message and a past protocol error: for a new connection. */
    public void reset() {
        fragmentsLength = 0;
        fragmentedOpcode = -1;
        incompleteFrameBytes = 0;
        failed = false;
    }

    /**
     * Size in bytes of the frame that begins the unconsumed input, when its header is complete but
     * its payload is not (the reader needs a buffer at least this large); 0 otherwise.
     */
    public int incompleteFrameBytes() {
        return incompleteFrameBytes;
    }

    /**
     * Handles every complete frame in {@code [offset, offset + length)}.
     *
     * @return bytes consumed (whole frames); the rest must be offered again with more bytes after it
     */
    public int onBytes(final DirectBuffer b, final int offset, final int length) {
        int at = offset;
        final int end = offset + length;
        incompleteFrameBytes = 0;
        while (!failed && end - at >= 2) {
            final int b0 = b.getByte(at) & 0xFF;
            final int b1 = b.getByte(at + 1) & 0xFF;
            final boolean fin = (b0 & 0x80) != 0;
            final int opcode = b0 & 0x0F;
            if ((b0 & 0x70) != 0) {
                return fail(1002, "reserved bits set in a frame (no extension was negotiated)", at - offset);
            }
            if ((b1 & 0x80) != 0) {
                return fail(1002, "the server sent a masked frame", at - offset);
            }
            int header = 2;
            long payload = b1 & 0x7F;
            if (payload == 126) {
                if (end - at < 4) {
                    break;
                }
                payload = ((b.getByte(at + 2) & 0xFF) << 8) | (b.getByte(at + 3) & 0xFF);
                header = 4;
            } else if (payload == 127) {
                if (end - at < 10) {
                    break;
                }
                payload = 0;
                for (int i = 2; i < 10; i++) {
                    payload = (payload << 8) | (b.getByte(at + i) & 0xFF);
                }
                header = 10;
                if (payload < 0) {
                    return fail(1002, "frame length with its most significant bit set", at - offset);
                }
            }
            final boolean control = (opcode & 0x8) != 0;
            if (control && (!fin || payload > 125)) {
                return fail(1002, "fragmented or over-long control frame", at - offset);
            }
            if (payload > MAX_MESSAGE_BYTES || !control && fragmentsLength + payload > MAX_MESSAGE_BYTES) {
                return fail(1009, "message over " + MAX_MESSAGE_BYTES + " bytes", at - offset);
            }
            if (end - at < header + payload) {
                incompleteFrameBytes = (int) (header + payload);
                break;
            }
            final int data = at + header;
            final int n = (int) payload;
            at = data + n;
            switch (opcode) {
                case TEXT, BINARY -> {
                    if (fragmentedOpcode >= 0) {
                        return fail(1002, "a new message began inside a fragmented one", at - offset);
                    }
                    if (fin) {
                        deliver(opcode, b, data, n);
                    } else {
                        fragmentedOpcode = opcode;
                        fragments.putBytes(0, b, data, n);
                        fragmentsLength = n;
                    }
                }
                case CONTINUATION -> {
                    if (fragmentedOpcode < 0) {
                        return fail(1002, "a continuation frame outside a fragmented message", at - offset);
                    }
                    fragments.putBytes(fragmentsLength, b, data, n);
                    fragmentsLength += n;
                    if (fin) {
                        final int op = fragmentedOpcode;
                        final int len = fragmentsLength;
                        fragmentedOpcode = -1;
                        fragmentsLength = 0;
                        deliver(op, fragments, 0, len);
                    }
                }
                case PING -> listener.onPing(b, data, n);
                case PONG -> {
                }
                case CLOSE -> {
                    onClose(b, data, n);
                    failed = true;
                }
                default -> {
                    return fail(1002, "unknown opcode " + opcode, at - offset);
                }
            }
        }
        return at - offset;
    }

    private void deliver(final int opcode, final DirectBuffer b, final int offset, final int length) {
        if (opcode == BINARY) {
            listener.onBinary(length);
        } else if (Utf8.isValid(b, offset, length)) {
            listener.onText(b, offset, length);
        } else {
            fail(1007, "a text message that is not valid UTF-8", 0);
        }
    }

    private void onClose(final DirectBuffer b, final int offset, final int length) {
        if (length == 0) {
            listener.onClose(1005, "");
        } else if (length == 1 || !Utf8.isValid(b, offset + 2, length - 2)) {
            fail(1002, "malformed close frame", 0);
        } else {
            final int code = ((b.getByte(offset) & 0xFF) << 8) | (b.getByte(offset + 1) & 0xFF);
            final byte[] reason = new byte[length - 2];
            b.getBytes(offset + 2, reason);
            listener.onClose(code, new String(reason, StandardCharsets.UTF_8));
        }
    }

    private int fail(final int code, final String problem, final int consumed) {
        failed = true;
        listener.onProtocolError(code, problem);
        return consumed;
    }
}
