package io.skytrade.exchange.fuzz;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection of the venue fuzzer: sends frames of any kind, counts what the venue answers
 * (every frame, {@code error}s by code), and waits for a given error text (the fuzzer's
 * synchronisation probe) or for the close.
 *
 * <p>Sends come from the fuzzer's client thread; the counters are updated on the library's read
 * thread and read from any thread. Not on the engine's hot path.
 */
final class FuzzClient extends WebSocketClient {
    private static final String ERROR_PREFIX = "{\"type\":\"error\",\"code\":";

    final AtomicLong received = new AtomicLong();
    final AtomicLong[] errorsByCode = new AtomicLong[16];
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object probeLock = new Object();
    private String awaitedText;
    private boolean probeSeen;
    private volatile int closeCode;

    FuzzClient(final String uri) {
        super(URI.create(uri));
        for (int i = 0; i < errorsByCode.length; i++) {
            errorsByCode[i] = new AtomicLong();
        }
        setConnectionLostTimeout(0);
    }

    long errors(final int code) {
        return errorsByCode[code].get();
    }

    /** Sends a text frame whose payload is {@code bytes} as they are (e.g. not UTF-8). */
    void sendTextBytes(final byte[] bytes) {
        sendFrame(FrameMutator.rawTextFrame(bytes));
    }

    /** Arms a wait for an {@code error} whose text contains {@code text}; call before sending the probe. */
    void expect(final String text) {
        synchronized (probeLock) {
            awaitedText = text;
            probeSeen = false;
        }
    }

    /** Waits for the armed error text; false when the deadline passed or the connection closed first. */
    boolean awaitExpected(final long timeoutMillis) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (probeLock) {
            while (!probeSeen) {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || closed.getCount() == 0) {
                    return probeSeen;
                }
                probeLock.wait(Math.min(left, 50));
            }
            return true;
        }
    }

    boolean isClosedNow() {
        return closed.getCount() == 0;
    }

    /** The close code, waiting up to {@code timeoutMillis}; -1 when still open. */
    int awaitClose(final long timeoutMillis) throws InterruptedException {
        return closed.await(timeoutMillis, TimeUnit.MILLISECONDS) ? closeCode : -1;
    }

    @Override
    public void onOpen(final ServerHandshake handshake) {
    }

    @Override
    public void onMessage(final String message) {
        received.incrementAndGet();
        if (message.startsWith(ERROR_PREFIX)) {
            final int end = message.indexOf(',', ERROR_PREFIX.length());
            final int code = Integer.parseInt(message.substring(ERROR_PREFIX.length(), end));
            if (code >= 0 && code < errorsByCode.length) {
                errorsByCode[code].incrementAndGet();
            }
            synchronized (probeLock) {
                if (awaitedText != null && message.contains(awaitedText)) {
                    probeSeen = true;
                    probeLock.notifyAll();
                }
            }
        }
    }

    @Override
    public void onClose(final int code, final String reason, final boolean remote) {
        closeCode = code;
        closed.countDown();
        synchronized (probeLock) {
            probeLock.notifyAll();
        }
    }

    @Override
    public void onError(final Exception ex) {
        // the close that follows is what the fuzzer looks at
    }
}
