package io.skytrade.exchange.sim;

import org.java_websocket.framing.CloseFrame;

/**
 * State of one client connection to the simulated venue: its transport (a socket, or a listener in
 * the same process), the participant it logged in as (or -1), and the products it subscribed to.
 *
 * <p>Owned by the venue thread ({@link VenueAgent}); only {@link #markClosed()} and
 * {@link #isMarkedClosed()} are for the socket threads. Hot-path cost: field reads.
 */
final class VenueSession {
    /** Frames queued for a client that does not read, after which the venue closes the connection (1008). */
    static final int MAX_OUTBOUND_FRAMES = 100_000;

    final SessionTransport connection;
    final boolean[] subscribed;
    final String address;
    int participant = -1;
    /** Between the venue thread's handling of the open and of the close. */
    boolean active;
    private volatile boolean closed;
    private boolean overrun;

    VenueSession(final SessionTransport connection, final int productCount) {
        this.connection = connection;
        this.subscribed = new boolean[productCount];
        this.address = connection.address();
    }

    boolean isLoggedIn() {
        return participant >= 0;
    }

    /** Set by the socket thread that saw the connection close, before the venue thread hears of it. */
    void markClosed() {
        closed = true;
    }

    boolean isMarkedClosed() {
        return closed;
    }

    /**
     * Queues a text frame if the socket is still open; never blocks. A client whose unsent backlog
     * exceeds {@link #MAX_OUTBOUND_FRAMES} is not reading: its connection is closed (1008).
     *
     * @return false when the frame was not queued (connection closed, closing or overrun)
     */
    boolean send(final String text) {
        if (overrun || !connection.isOpen()) {
            return false;
        }
        if (connection.backlog() > MAX_OUTBOUND_FRAMES) {
            overrun = true;
            connection.close(CloseFrame.POLICY_VALIDATION, "client is not reading");
            return false;
        }
        return connection.send(text);
    }

    /** Whether {@link #send} closed this connection because the client stopped reading. */
    boolean isOverrun() {
        return overrun;
    }

    /** Closes the connection with a WebSocket close code and reason; never blocks. */
    void close(final int code, final String reason) {
        connection.close(code, reason);
    }

    /**
     * Drops the TCP connection without a WebSocket close handshake, as a network failure would
     * (the client sees close code 1006); for reconnection drills.
     */
    void drop() {
        connection.drop("dropped by the venue");
    }

    /** The connection as named in log lines: address and participant. */
    String who(final String participantName) {
        return participantName == null ? address : address + " (" + participantName + ")";
    }
}
