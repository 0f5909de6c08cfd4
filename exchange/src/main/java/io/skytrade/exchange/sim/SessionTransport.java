package io.skytrade.exchange.sim;

/**
 * Where one venue session's frames go: a WebSocket connection of the {@link VenueServer}, or a
 * listener in the same process ({@link InProcessVenue}). The venue sends text frames, asks whether
 * the client is still there and how many frames it has not read yet, and closes the session with
 * a WebSocket close code.
 *
 * <p>Called on the venue's thread. Hot-path cost: that of the implementation.
 */
interface SessionTransport {
    boolean isOpen();

    /**
     * Queues or delivers one text frame; never blocks on the network.
     *
     * @return false when the connection closed under the send
     */
    boolean send(String text);

    /** Frames queued for the client and not yet written (0 for a transport without a queue). */
    int backlog();

    /** Ends the session with a WebSocket close code and reason. */
    void close(int code, String reason);

    /** Ends the session as a network failure would: a socket without the close handshake (1006). */
    void drop(String reason);

    /** The peer as named in log lines. */
    String address();
}
