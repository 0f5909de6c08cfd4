package io.skytrade.exchange.sim;

/**
 * State of one client connection to the simulated venue: its transport (a socket, or an in-process
 * listener), the participant it logged in as (or -1), and the products it subscribed to.
 *
 * <p>Guarded by the {@link Venue}'s lock. Hot-path cost: field reads.
 */
final class VenueSession {
    final SessionTransport connection;
    final boolean[] subscribed;
    int participant = -1;

    VenueSession(final SessionTransport connection, final int productCount) {
        this.connection = connection;
        this.subscribed = new boolean[productCount];
    }

    boolean isLoggedIn() {
        return participant >= 0;
    }

    /** Sends a text frame if the connection is still open (the send is queued or delivered, never blocks). */
    void send(final String text) {
        if (connection.isOpen()) {
            connection.send(text);
        }
    }
}
