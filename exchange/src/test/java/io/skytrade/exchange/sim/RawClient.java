package io.skytrade.exchange.sim;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket client that sends JSON text as written in PROTOCOL.md and queues what it receives. */
final class RawClient extends WebSocketClient {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();

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

    @Override
    public void onOpen(final ServerHandshake handshake) {
    }

    @Override
    public void onMessage(final String message) {
        received.add(message);
    }

    @Override
    public void onClose(final int code, final String reason, final boolean remote) {
    }

    @Override
    public void onError(final Exception ex) {
    }
}
