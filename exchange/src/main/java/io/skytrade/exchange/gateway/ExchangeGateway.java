package io.skytrade.exchange.gateway;

import io.skytrade.core.pipeline.OrderGateway;

/**
 * A connection to one venue: the {@link OrderGateway} the order stage sends through, plus the
 * session life cycle. Implementations publish everything the venue reports (books, trades, order
 * events, positions, settlements) into the inbound ring, reconnect on their own, and never send a
 * client order id twice. The skytrade WebSocket venue is {@link WebSocketExchangeGateway}; a CMI
 * REST+SSE venue can implement the same interface.
 *
 * <p>Thread-safety: {@link #connect()} and {@link #close()} from a controlling thread; the
 * {@link OrderGateway} methods from the order stage's thread; {@link #isConnected()} from any.
 */
public interface ExchangeGateway extends OrderGateway, AutoCloseable {
    /** Starts connecting (and reconnecting after any loss) in the background; returns at once. */
    void connect();

    /** Stops reconnecting and closes the connection; no events are published afterwards. */
    @Override
    void close();

    /** True while logged in with positions and open orders reconciled, i.e. orders can be sent. */
    boolean isConnected();

    /** Sessions established so far (1 plus the reconnections); a transport without reconnection counts 1 once connected. */
    default long connectCount() {
        return isConnected() ? 1 : 0;
    }

    /** Waits up to {@code timeoutMillis} for {@link #isConnected()}, polling; for start-up and tests. */
    default boolean awaitConnected(final long timeoutMillis) throws InterruptedException {
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!isConnected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }
}
