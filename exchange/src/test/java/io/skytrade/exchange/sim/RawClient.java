package io.skytrade.exchange.sim;

import io.skytrade.exchange.fuzz.FrameMutator;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket client that sends JSON text as written in PROTOCOL.md and queues what it receives. */
final class RawClient extends WebSocketClient {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile int closeCode;

    RawClient(final String uri) {
        super(URI.create(uri));
    }

    static RawClient connect(final String uri) throws InterruptedException {
        final RawClient client = new RawClient(uri);
        if (!client.connectBlocking(5, TimeUnit.SECONDS)) {
            throw new AssertionError("could not connect to " + uri);
        }
        return client;
    }

    /** Next received message of the given type (others are skipped), or fails after 5 s. */
    String next(final String type) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            final String message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.startsWith("{\"type\":\"" + type + "\"")) {
                return message;
            }
        }
        throw new AssertionError("no '" + type + "' message within 5 s");
    }

    /** Sends a text frame whose payload is {@code bytes} as they are (e.g. not UTF-8), which {@link #send(String)} cannot. */
    void sendTextBytes(final byte[] bytes) {
        sendFrame(FrameMutator.rawTextFrame(bytes));
    }

    /** The WebSocket close code once the connection closed, or fails after 5 s. */
    int awaitCloseCode() throws InterruptedException {
        if (!closed.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("connection still open after 5 s");
        }
        return closeCode;
    }

    /** Asserts that nothing of the given type arrives within {@code millis} (others are skipped). */
    void assertNo(final String type, final long millis) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            final String message = received.poll(10, TimeUnit.MILLISECONDS);
            if (message != null && message.startsWith("{\"type\":\"" + type + "\"")) {
                throw new AssertionError("unexpected " + message);
            }
        }
    }

    @Override
    public void onOpen(final ServerHandshake handshake) {
    }

    @Override
    public void onMessage(final String message) {
        received.add(message);
    }

    @Override
    public void onClose(final int code, final String reason, final boolean remote) {
        closeCode = code;
        closed.countDown();
    }

    @Override
    public void onError(final Exception ex) {
    }
}
