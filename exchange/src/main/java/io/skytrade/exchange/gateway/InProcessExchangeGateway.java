package io.skytrade.exchange.gateway;

import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.protocol.ProtocolMessage;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gateway to a venue in the same process ({@code io.skytrade.exchange.sim.InProcessVenue}), for
 * runs driven by a virtual clock ({@code skytrade evaluate}): the protocol of
 * {@code exchange/PROTOCOL.md} without a socket. Client-to-venue frames (login, subscribe, orders,
 * cancels) go to a caller-given sink, which decides when the venue sees them (a latency in
 * virtual time); venue-to-client frames come in through {@link #onFrame} and are published into the
 * inbound ring as the WebSocket gateway publishes them: books rebuilt from snapshots and
 * sequenced updates, trades, order events, positions and settlements, stamped with the injected
 * clock. A client order id is sent at most once: ids only increase, so an id at or below the
 * highest sent is rejected locally with {@link RejectReason#DUPLICATE_CLIENT_ORDER_ID}; an order
 * before the login has completed is rejected locally with {@link RejectReason#NOT_CONNECTED}.
 * There is nothing to reconnect.
 *
 * <p>Thread-safety: none; one driving thread calls everything, and the publisher must accept a
 * publish from inside the order stage (an {@code InlinePipeline} queues it behind the current
 * event). Hot-path cost per order: one JSON encode; per frame, one decode.
 */
public final class InProcessExchangeGateway implements ExchangeGateway {
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final String apiKey;
    private final Consumer<String> toVenue;
    private final String[] symbols;
    private final Map<String, Integer> instrumentIds = new HashMap<>();
    private final BookView[] books;
    private final VenueAdapter adapter = new VenueAdapter(new VenueHandler());
    private final OrderEntryProxy proxy = new OrderEntryProxy();
    private final GatewayInput input = new GatewayInput();
    private long highestClientOrderId = Long.MIN_VALUE;
    private boolean connecting;
    private boolean ready;
    private long lastExecSeq;
    private long venueErrors;
    private long undecodable;
    private String lastProblem;

    /**
     * @param registry    instrument ids; venue products not in it are not subscribed
     * @param publisher   the inbound ring (an {@code InlinePipeline})
     * @param clock       stamps {@code receiveTimeNanos} of what is published
     * @param apiKey      the key to log in with
     * @param venueSource the source id written into published events
     * @param toVenue     receives every client-to-venue frame
     */
    public InProcessExchangeGateway(final InstrumentRegistry registry, final InboundPublisher publisher, final EpochNanoClock clock,
                                    final String apiKey, final int venueSource, final Consumer<String> toVenue) {
        this.publisher = publisher;
        this.clock = clock;
        this.apiKey = apiKey;
        this.toVenue = toVenue;
        final int n = registry.instrumentCount();
        this.symbols = new String[n];
        this.books = new BookView[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = registry.instrumentName(i);
            instrumentIds.put(symbols[i], i);
            books[i] = new BookView();
        }
        input.source = venueSource;
    }

    /** Sends the login frame; the gateway is connected once the venue has listed our open orders. */
    @Override
    public void connect() {
        if (!connecting) {
            connecting = true;
            toVenue.accept(proxy.loginFrame(apiKey, lastExecSeq));
        }
    }

    /** Stops accepting orders; frames that still arrive are ignored. */
    @Override
    public void close() {
        connecting = false;
        ready = false;
    }

    @Override
    public boolean isConnected() {
        return ready;
    }

    /** Error frames received from the venue. */
    public long venueErrorCount() {
        return venueErrors;
    }

    /** Frames that did not decode. */
    public long undecodableCount() {
        return undecodable;
    }

    /** The last venue error or undecodable frame, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    /** One venue-to-client frame, published into the ring at the clock's time. */
    public void onFrame(final String frame) {
        if (!connecting) {
            return;
        }
        input.receiveTimeNanos = clock.nanoTime();
        adapter.onFrame(frame);
    }

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        final int reason;
        final boolean repeated = clientOrderId <= highestClientOrderId;
        highestClientOrderId = Math.max(highestClientOrderId, clientOrderId);
        if (repeated) {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        } else if (instrumentId < 0 || instrumentId >= symbols.length) {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        } else if (!ready) {
            reason = RejectReason.NOT_CONNECTED;
        } else {
            toVenue.accept(proxy.newOrderFrame(clientOrderId, symbols[instrumentId], side, priceTicks, quantity, timeInForce));
            return;
        }
        publishLocal(OrderEventKind.REJECT, clientOrderId, instrumentId, side, priceTicks, quantity, reason);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        if (ready && instrumentId >= 0 && instrumentId < symbols.length) {
            toVenue.accept(proxy.cancelFrame(clientOrderId, symbols[instrumentId]));
        } else {
            publishLocal(OrderEventKind.CANCEL_REJECT, clientOrderId, instrumentId, 0, 0, 0,
                ready ? RejectReason.UNKNOWN_ORDER : RejectReason.NOT_CONNECTED);
        }
    }

    private void publishLocal(final int kind, final long clOrdId, final int instrument, final int side, final long price,
                              final long qty, final int reason) {
        publisher.publish(GatewayInput.LOCAL_ORDER, input.local(clock.nanoTime(), kind, clOrdId, instrument, side, price, qty, reason));
    }

    private int instrument(final String symbol) {
        final Integer id = instrumentIds.get(symbol);
        return id == null ? -1 : id;
    }

    private void publish(final ProtocolMessage m, final int id, final InputTranslator<GatewayInput> as) {
        if (id >= 0) {
            input.message = m;
            input.instrumentId = id;
            input.book = books[id];
            publisher.publish(as, input);
        }
    }

    /** Applies what the venue sends, on the driving thread. */
    private final class VenueHandler implements VenueListener {
        @Override
        public void onLoginAck(final ProtocolMessage m) {
            if (m.lastExecSeq < lastExecSeq) {
                lastExecSeq = m.lastExecSeq;
            }
        }

        @Override
        public void onProducts(final ProtocolMessage m) {
            final List<String> subscriptions = new ArrayList<>();
            for (int i = 0; i < m.productCount; i++) {
                if (instrumentIds.containsKey(m.symbols[i])) {
                    subscriptions.add(m.symbols[i]);
                }
            }
            if (!subscriptions.isEmpty()) {
                toVenue.accept(proxy.subscribeFrame(subscriptions));
            }
        }

        @Override
        public void onBookSnapshot(final ProtocolMessage m) {
            final int id = instrument(m.product);
            if (id >= 0) {
                books[id].applySnapshot(m);
                publish(m, id, GatewayInput.BOOK);
            }
        }

        @Override
        public void onBookUpdate(final ProtocolMessage m) {
            final int id = instrument(m.product);
            if (id < 0) {
                return;
            }
            final int outcome = books[id].applyUpdate(m);
            if (outcome == BookView.APPLIED) {
                publish(m, id, GatewayInput.BOOK);
            } else if (outcome == BookView.GAP) {
                throw new IllegalStateException("book sequence gap on " + m.product + " at " + m.seq
                    + " over an in-process connection, which cannot lose a frame");
            }
        }

        @Override
        public void onTrade(final ProtocolMessage m) {
            publish(m, instrument(m.product), GatewayInput.TRADE);
        }

        @Override
        public void onExecution(final ProtocolMessage m) {
            if (accept(m)) {
                publish(m, instrument(m.product), GatewayInput.ORDER);
            }
        }

        @Override
        public void onPosition(final ProtocolMessage m) {
            publish(m, instrument(m.product), GatewayInput.POSITION);
        }

        @Override
        public void onOpenOrders(final ProtocolMessage m) {
            ready = true;
        }

        @Override
        public void onSettlement(final ProtocolMessage m) {
            if (accept(m)) {
                publish(m, instrument(m.product), GatewayInput.SETTLEMENT);
            }
        }

        /** Applies each execution sequence number once, in order (a frame cannot be lost in-process). */
        private boolean accept(final ProtocolMessage m) {
            if (m.execSeq <= lastExecSeq) {
                return false;
            }
            if (m.execSeq != lastExecSeq + 1) {
                throw new IllegalStateException("execution sequence gap: expected " + (lastExecSeq + 1) + " got " + m.execSeq
                    + " over an in-process connection, which cannot lose a frame");
            }
            lastExecSeq = m.execSeq;
            return true;
        }

        @Override
        public void onHeartbeat(final ProtocolMessage m) {
        }

        @Override
        public void onError(final ProtocolMessage m) {
            venueErrors++;
            lastProblem = "venue error " + m.code + ": " + m.text;
        }

        @Override
        public void onUndecodable(final String frame, final String problem) {
            undecodable++;
            lastProblem = "undecodable frame (" + problem + "): " + (frame.length() > 200 ? frame.substring(0, 200) : frame);
        }
    }
}
