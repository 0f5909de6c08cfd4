package io.skytrade.exchange.gateway;

import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.protocol.OrderEntryEncoder;
import io.skytrade.exchange.protocol.ProtocolMessage;
import io.skytrade.exchange.protocol.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateway to the skytrade WebSocket venue ({@code exchange/PROTOCOL.md}) over our own RFC 6455
 * client on a non-blocking NIO socket (Java-WebSocket's client makes a frame object, a buffer and a
 * queue node per message and a {@code String} per received frame; this one makes none). It
 * publishes books (rebuilt from snapshots and sequenced updates; a gap triggers a resubscribe),
 * trades, order events, positions and settlements into the inbound ring, stamped from the injected
 * {@link EpochNanoClock} when the bytes arrive; sends orders and cancels for the order stage;
 * heartbeats; and after any loss reconnects with exponential backoff and seeded jitter, logs in
 * with the last execution sequence it processed (so the venue replays what it missed, each report
 * applied once), resubscribes, and reconciles its open orders with the venue's list.
 *
 * <p>The order path: {@link #sendNewOrder} and {@link #sendCancel} run on the order stage's thread,
 * encode the message as JSON into a preallocated record of the {@link OrderHandOff} (a
 * single-producer ring) and wake the I/O thread only if it is waiting; the I/O thread
 * ({@link GatewayAgent}) masks it into a frame and writes it. The two threads share no lock. A
 * client order id is sent at most once: ids only increase, so a high-water mark replaces the set of
 * ids sent, and an id at or below it is rejected locally
 * ({@link RejectReason#DUPLICATE_CLIENT_ORDER_ID}); an order asked for while disconnected is
 * rejected locally ({@link RejectReason#NOT_CONNECTED}), never queued for a later resend. If the
 * hand-off ring is full (the I/O thread stalled for thousands of orders) the order is dropped and
 * counted ({@link #handOffDropCount()}); the trading book's acknowledgement timeout then resolves it.
 *
 * <p>Hot-path cost per order on the order stage's thread: a claim, the JSON digits, a commit and a
 * fence; no allocation, no lock, no system call unless the I/O thread sleeps. Plain {@code ws://}
 * only (TLS would need an {@code SSLEngine}; terminate it in front of the engine if a venue needs it).
 */
public final class WebSocketExchangeGateway implements ExchangeGateway {
    /** Bytes of the order hand-off ring: about 3,000 orders in flight to the I/O thread. */
    static final int HAND_OFF_BYTES = 1 << 20;

    private final SymbolTable symbols;
    private final OrderHandOff orders;
    private final GatewayAgent agent;
    private final AtomicLong handOffDrops = new AtomicLong();
    private long highestClientOrderId = Long.MIN_VALUE;
    private long answering = ProtocolMessage.NO_IN_SEQ;
    private Thread thread;

    /**
     * @param config    venue address, API key, timings
     * @param registry  instrument ids; venue products not in it are not subscribed
     * @param publisher the inbound ring
     * @param clock     ingress clock for {@code receiveTimeNanos}
     */
    public WebSocketExchangeGateway(final GatewayConfig config, final InstrumentRegistry registry,
                                    final InboundPublisher publisher, final EpochNanoClock clock) {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < registry.instrumentCount(); i++) {
            names.add(registry.instrumentName(i));
        }
        this.symbols = new SymbolTable(names);
        this.orders = new OrderHandOff(HAND_OFF_BYTES, new OrderEntryEncoder(symbols));
        this.agent = new GatewayAgent(config, symbols, orders, publisher, clock);
    }

    @Override
    public synchronized void connect() {
        if (thread != null) {
            return;
        }
        try {
            agent.open();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open the gateway's selector: " + e.getMessage(), e);
        }
        thread = new Thread(agent, "skytrade-gateway");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        agent.requestStop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isConnected() {
        return agent.ready;
    }

    /** The last execution sequence applied (what the next login asks the venue to replay after). */
    public long lastExecSeq() {
        return agent.lastExecSeq();
    }

    /** The participant name the venue gave at the last login, or null. */
    public String participant() {
        return agent.participant();
    }

    /** Successful WebSocket handshakes so far (1 plus the reconnections). */
    @Override
    public long connectCount() {
        return agent.connects.get();
    }

    /** Reconnection attempts scheduled so far (after a failed attempt or a lost connection). */
    public long reconnectAttempts() {
        return agent.reconnectsScheduled.get();
    }

    /** Book sequence gaps seen (each triggered a resubscribe). */
    public long bookGapCount() {
        return agent.bookGaps.get();
    }

    /** Frames that did not decode. */
    public long undecodableCount() {
        return agent.undecodable.get();
    }

    /** {@code error} messages received from the venue. */
    public long venueErrorCount() {
        return agent.venueErrors.get();
    }

    /** Orders, cancels and local events dropped because the hand-off ring to the I/O thread was full. */
    public long handOffDropCount() {
        return handOffDrops.get();
    }

    /** Orders and cancels whose frames the socket has taken in full since the gateway was made. */
    public long ordersWritten() {
        return agent.ordersWritten.get();
    }

    /** Orders sent and not yet filled, cancelled or rejected, as the gateway believes. */
    public int openOrderCount() {
        return agent.openOrderCount();
    }

    /** Drops the TCP connection without a WebSocket close handshake (what a network failure does); for tests. */
    void dropConnection() {
        agent.requestDrop();
    }

    // ---------------------------------------------------------------- OrderGateway (order stage thread)

    @Override
    public void answering(final long inputSequence) {
        answering = inputSequence;
    }

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        final int reason;
        if (clientOrderId <= highestClientOrderId) {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        } else {
            highestClientOrderId = clientOrderId;
            if (instrumentId < 0 || instrumentId >= symbols.size()) {
                reason = RejectReason.UNKNOWN_INSTRUMENT;
            } else if (side != Side.BUY && side != Side.SELL) {
                reason = RejectReason.INVALID_SIDE;
            } else if (timeInForce != TimeInForce.GTC && timeInForce != TimeInForce.IOC) {
                reason = RejectReason.INVALID_TIME_IN_FORCE;
            } else if (!agent.ready) {
                reason = RejectReason.NOT_CONNECTED;
            } else {
                handedOff(orders.offerNewOrder(clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce, answering));
                return;
            }
        }
        handedOff(orders.offerLocal(OrderEventKind.REJECT, clientOrderId, instrumentId, side, priceTicks, quantity, reason));
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        final int product = instrumentId >= 0 && instrumentId < symbols.size() ? instrumentId : -1;
        handedOff(orders.offerCancel(clientOrderId, product, answering));
    }

    private void handedOff(final boolean offered) {
        if (!offered) {
            handOffDrops.lazySet(handOffDrops.get() + 1);
            return;
        }
        VarHandle.fullFence();
        if (agent.idle) {
            agent.wakeUp();
        }
    }
}
