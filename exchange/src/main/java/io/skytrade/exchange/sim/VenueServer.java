package io.skytrade.exchange.sim;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The simulated venue's WebSocket transport (Java-WebSocket server): keeps one
 * {@link VenueSession} per connection and hands text frames to the {@link Venue}.
 *
 * <p>Thread-safety: callbacks arrive on the library's selector and worker threads; the venue
 * serialises them. Not on the engine's hot path.
 */
final class VenueServer extends WebSocketServer {
    private final Venue venue;
    private final int productCount;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    VenueServer(final InetSocketAddress address, final Venue venue, final int productCount) {
        super(address, 1);
        this.venue = venue;
        this.productCount = productCount;
        setReuseAddr(true);
        setTcpNoDelay(true);
    }

    /** Waits until the socket is bound; fails naming the cause when it could not be. */
    void awaitStart(final long timeoutMillis) throws InterruptedException {
        if (!started.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("venue server did not start within " + timeoutMillis + " ms on " + getAddress());
        }
        if (startFailure != null) {
            throw new IllegalStateException("venue server could not listen on " + getAddress() + ": " + startFailure.getMessage(), startFailure);
        }
    }

    @Override
    public void onOpen(final WebSocket conn, final ClientHandshake handshake) {
        final VenueSession session = new VenueSession(new SocketTransport(conn), productCount);
        conn.setAttachment(session);
        venue.onOpen(session);
    }

    @Override
    public void onClose(final WebSocket conn, final int code, final String reason, final boolean remote) {
        final VenueSession session = conn.getAttachment();
        if (session != null) {
            venue.onClose(session);
        }
    }

    @Override
    public void onMessage(final WebSocket conn, final String message) {
        final VenueSession session = conn.getAttachment();
        if (session != null) {
            venue.onMessage(session, message);
        }
    }

    @Override
    public void onMessage(final WebSocket conn, final ByteBuffer message) {
        // Binary frames are not part of the protocol and are ignored (PROTOCOL.md, Transport).
    }

    @Override
    public void onError(final WebSocket conn, final Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** A session's frames over its WebSocket connection. */
    private record SocketTransport(WebSocket socket) implements SessionTransport {
        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }

        @Override
        public void send(final String text) {
            socket.send(text);
        }

        @Override
        public void close(final int code, final String reason) {
            socket.close(code, reason);
        }
    }
}
