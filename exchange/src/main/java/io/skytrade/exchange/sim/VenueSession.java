package io.skytrade.exchange.sim;

import org.java_websocket.WebSocket;

/**
 * State of one client connection to the simulated venue: its socket, the participant it logged in
 * as (or -1), and the products it subscribed to.
 *
 * <p>Guarded by the {@link Venue}'s lock. Hot-path cost: field reads.
 */
final class VenueSession {
    final WebSocket connection;
    final boolean[] subscribed;
    int participant = -1;

    VenueSession(final WebSocket connection, final int productCount) {
        this.connection = connection;
        this.subscribed = new boolean[productCount];
    }

    boolean isLoggedIn() {
        return participant >= 0;
    }

    /** Sends a text frame if the socket is still open (the send is queued, never blocks). */
    void send(final String text) {
        if (connection.isOpen()) {
            connection.send(text);
        }
    }
}
