package io.skytrade.exchange.sim;

/**
 * Where one venue session's frames go: a WebSocket connection of the {@link VenueServer}, or a
 * listener in the same process ({@link InProcessVenue}). The venue only sends text frames, asks
 * whether the client is still there, and closes the session with a WebSocket close code.
 *
 * <p>Called under the {@link Venue}'s lock. Hot-path cost: that of the implementation.
 */
interface SessionTransport {
    boolean isOpen();

    /** Queues or delivers one text frame; never blocks on the network. */
    void send(String text);

    /** Ends the session with a WebSocket close code and reason. */
    void close(int code, String reason);
}
