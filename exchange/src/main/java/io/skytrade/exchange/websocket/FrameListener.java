package io.skytrade.exchange.websocket;

import org.agrona.DirectBuffer;

/**
 * Receives what a {@link FrameAdapter} reads off a WebSocket connection: whole messages
 * (reassembled from fragments), control frames and protocol violations. The buffers are the
 * adapter's: read them during the call only.
 *
 * <p>Called on the thread that feeds the adapter. Hot-path cost: whatever the implementation does.
 */
public interface FrameListener {
    /** A complete text message, valid UTF-8. */
    void onText(DirectBuffer buffer, int offset, int length);

    /** A complete binary message (its bytes are not kept). */
    void onBinary(int length);

    /** A ping: answer it with a pong carrying the same payload. */
    void onPing(DirectBuffer buffer, int offset, int length);

    /** The peer's close frame: {@code code} 1005 when it carried none. */
    void onClose(int code, String reason);

    /**
     * The peer broke the protocol; the connection must be closed with {@code code} (1002 protocol
     * error, 1007 invalid UTF-8, 1009 message too big). Nothing more is read.
     */
    void onProtocolError(int code, String problem);
}
