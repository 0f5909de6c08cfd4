package io.skytrade.exchange.sim;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The simulated venue's WebSocket transport (Java-WebSocket server): keeps one
 * {@link VenueSession} per connection and posts everything that happens on a socket (open, text
 * frame, binary frame, socket-level error, close) to the {@link Venue} through its
 * {@link VenueAgent}, never calling the venue itself. Frames over {@link #MAX_FRAME_BYTES} close
 * the connection (1009); a text frame that is not UTF-8 closes it (1007, RFC 6455 section 8.1).
 *
 * <p>Thread-safety: callbacks arrive on the library's selector and decoder threads and only post
 * tasks (see {@link VenueAgent} for why that cannot deadlock). Not on the engine's hot path.
 */
final class VenueServer extends WebSocketServer {
    /** Largest WebSocket frame accepted, bytes. */
    static final int MAX_FRAME_BYTES = 1 << 20;

    private final Venue venue;
    private final VenueAgent agent;
    private final int productCount;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    VenueServer(final InetSocketAddress address, final Venue venue, final VenueAgent agent, final int productCount) {
        super(address, 1, List.<Draft>of(new Draft_6455(List.of(), List.<IProtocol>of(new Protocol("")), MAX_FRAME_BYTES)));
        this.venue = venue;
        this.agent = agent;
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
        agent.post(() -> venue.onOpen(session));
    }

    @Override
    public void onClose(final WebSocket conn, final int code, final String reason, final boolean remote) {
        final VenueSession session = conn.getAttachment();
        if (session != null) {
            session.markClosed();
            agent.post(() -> venue.onClose(session, code, reason, remote));
        }
    }

    @Override
    public void onMessage(final WebSocket conn, final String message) {
        final VenueSession session = conn.getAttachment();
        if (session == null) {
            return;
        }
        try {
            agent.postFrame(() -> venue.onFrame(session, message));
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onMessage(final WebSocket conn, final ByteBuffer message) {
        final VenueSession session = conn.getAttachment();
        if (session != null) {
            final int bytes = message.remaining();
            agent.post(() -> venue.onBinaryFrame(session, bytes));
        }
    }

    @Override
    public void onError(final WebSocket conn, final Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
            agent.post(() -> venue.onServerError(ex));
            return;
        }
        if (ex instanceof InvalidDataException || ex instanceof IOException) {
            return; // the library closes the connection; the venue reports the close (onClose), one line
        }
        final VenueSession session = conn.getAttachment();
        final String problem = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        if (session != null) {
            agent.post(() -> venue.onSocketError(session, problem));
        } else {
            agent.post(() -> venue.onServerError(ex));
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** A session's frames over its WebSocket connection: the library's write queue is the backlog. */
    private record SocketTransport(WebSocket socket) implements SessionTransport {
        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }

        @Override
        public boolean send(final String text) {
            try {
                socket.send(text);
                return true;
            } catch (final WebsocketNotConnectedException ex) {
                return false;
            }
        }

        @Override
        public int backlog() {
            return socket instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
        }

        @Override
        public void close(final int code, final String reason) {
            socket.close(code, reason);
        }

        @Override
        public void drop(final String reason) {
            if (socket instanceof WebSocketImpl impl) {
                impl.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
            } else {
                socket.close(CloseFrame.GOING_AWAY, reason);
            }
        }

        @Override
        public String address() {
            final InetSocketAddress remote = socket.getRemoteSocketAddress();
            return remote == null ? "unknown peer" : remote.getAddress().getHostAddress() + ":" + remote.getPort();
        }
    }
}
