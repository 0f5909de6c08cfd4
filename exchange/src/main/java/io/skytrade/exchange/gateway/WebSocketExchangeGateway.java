package io.skytrade.exchange.gateway;

import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.protocol.ErrorCode;
import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.ProtocolMessage;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.EpochNanoClock;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateway to the skytrade WebSocket venue ({@code exchange/PROTOCOL.md}). It publishes books
 * (rebuilt from snapshots and sequenced updates; a gap triggers a resubscribe), trades, order
 * events, positions and settlements into the inbound ring, stamped on arrival from the injected
 * {@link EpochNanoClock}; sends orders and cancels for the order stage; heartbeats; and after any
 * loss reconnects with exponential backoff and seeded jitter, logs in with the last execution
 * sequence it processed (so the venue replays what it missed, each report applied once),
 * resubscribes, and reconciles its open orders with the venue's list. A client order id is sent
 * at most once: a repeated id is rejected locally ({@link RejectReason#DUPLICATE_CLIENT_ORDER_ID}),
 * and an order asked for while disconnected is rejected locally ({@link RejectReason#NOT_CONNECTED}),
 * never queued for a later resend.
 *
 * <p>Thread-safety: {@link #sendNewOrder} and {@link #sendCancel} are called on the order stage's
 * thread and never block: they encode, take a short uncontended lock and queue the frame on the
 * socket's write queue; events the gateway decides itself are handed to its timer thread, which
 * publishes them, so the order stage never publishes into the ring it consumes. Socket frames are
 * handled on the library's read thread. Hot-path cost per order: one JSON encode (a few hundred
 * bytes of garbage) and a queue offer.
 */
public final class WebSocketExchangeGateway implements ExchangeGateway {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketExchangeGateway.class);
    private static final long PENDING = 1;
    private static final long OPEN = 2;

    private final GatewayConfig config;
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final String[] symbols;
    private final Map<String, Integer> instrumentIds = new HashMap<>();
    private final BookView[] books;
    private final List<String> subscriptions = new ArrayList<>();

    private final Object readLock = new Object();
    private final VenueAdapter adapter = new VenueAdapter(new VenueHandler());
    private final GatewayInput readInput = new GatewayInput();
    private final OrderEntryProxy sessionProxy = new OrderEntryProxy();

    private final Object orderLock = new Object();
    private final OrderEntryProxy orderProxy = new OrderEntryProxy();
    private final LongHashSet sentClientOrderIds = new LongHashSet();
    private final Long2LongHashMap orderState = new Long2LongHashMap(0);
    private final Long2LongHashMap orderInstrument = new Long2LongHashMap(-1);
    private final LocalEventQueue localEvents = new LocalEventQueue(4096);
    private final GatewayInput timerInput = new GatewayInput();

    private final SplittableRandom jitter;
    private final Runnable connectTask = this::openConnection;
    private final Runnable drainTask = this::drainLocalEvents;
    private ScheduledExecutorService timer;
    private int attempt;

    private volatile Connection current;
    private volatile boolean ready;
    private volatile boolean closed = true;
    private volatile long lastExecSeq;
    private volatile long lastFrameNanos;
    private volatile String participant;

    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnectsScheduled = new AtomicLong();
    private final AtomicLong bookGaps = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final AtomicLong venueErrors = new AtomicLong();

    /**
     * @param config    venue address, API key, timings
     * @param registry  instrument ids; venue products not in it are not subscribed
     * @param publisher the inbound ring
     * @param clock     ingress clock for {@code receiveTimeNanos}
     */
    public WebSocketExchangeGateway(final GatewayConfig config, final InstrumentRegistry registry,
                                    final InboundPublisher publisher, final EpochNanoClock clock) {
        this.config = config;
        this.publisher = publisher;
        this.clock = clock;
        final int n = registry.instrumentCount();
        this.symbols = new String[n];
        this.books = new BookView[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = registry.instrumentName(i);
            instrumentIds.put(symbols[i], i);
            books[i] = new BookView();
        }
        this.jitter = new SplittableRandom(config.jitterSeed);
        readInput.source = config.venueSource;
        timerInput.source = config.venueSource;
    }

    @Override
    public synchronized void connect() {
        if (!closed) {
            return;
        }
        closed = false;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "gateway-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::onTimer, config.heartbeatIntervalMillis, config.heartbeatIntervalMillis, TimeUnit.MILLISECONDS);
        timer.execute(connectTask);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        final Connection c = current;
        current = null;
        if (c != null) {
            c.close();
        }
        timer.shutdownNow();
    }

    @Override
    public boolean isConnected() {
        return ready;
    }

    /** The last execution sequence applied (what the next login asks the venue to replay after). */
    public long lastExecSeq() {
        return lastExecSeq;
    }

    /** The participant name the venue gave at the last login, or null. */
    public String participant() {
        return participant;
    }

    /** Successful WebSocket handshakes so far (1 plus the reconnections). */
    @Override
    public long connectCount() {
        return connects.get();
    }

    /** Reconnection attempts scheduled so far (after a failed attempt or a lost connection). */
    public long reconnectAttempts() {
        return reconnectsScheduled.get();
    }

    /** Book sequence gaps seen (each triggered a resubscribe). */
    public long bookGapCount() {
        return bookGaps.get();
    }

    /** Frames that did not decode. */
    public long undecodableCount() {
        return undecodable.get();
    }

    /** {@code error} messages received from the venue. */
    public long venueErrorCount() {
        return venueErrors.get();
    }

    /** Gateway-local order events dropped because the hand-off queue to the timer thread was full. */
    public long localEventDropCount() {
        synchronized (orderLock) {
            return localEvents.dropped();
        }
    }

    /** Orders sent and not yet filled, cancelled or rejected, as the gateway believes. */
    public int openOrderCount() {
        synchronized (orderLock) {
            return orderState.size();
        }
    }

    // ---------------------------------------------------------------- OrderGateway (order stage thread)

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        boolean signal = false;
        synchronized (orderLock) {
            if (!sentClientOrderIds.add(clientOrderId)) {
                localEvents.offer(OrderEventKind.REJECT, clientOrderId, instrumentId, side, priceTicks, quantity,
                    RejectReason.DUPLICATE_CLIENT_ORDER_ID);
                signal = true;
            } else if (instrumentId < 0 || instrumentId >= symbols.length) {
                localEvents.offer(OrderEventKind.REJECT, clientOrderId, instrumentId, side, priceTicks, quantity,
                    RejectReason.UNKNOWN_INSTRUMENT);
                signal = true;
            } else {
                final Connection c = current;
                boolean sent = false;
                if (ready && c != null) {
                    orderState.put(clientOrderId, PENDING);
                    orderInstrument.put(clientOrderId, instrumentId);
                    try {
                        orderProxy.newOrder(c, clientOrderId, symbols[instrumentId], side, priceTicks, quantity, timeInForce);
                        sent = true;
                    } catch (final WebsocketNotConnectedException ex) {
                        orderState.remove(clientOrderId);
                        orderInstrument.remove(clientOrderId);
                    }
                }
                if (!sent) {
                    localEvents.offer(OrderEventKind.REJECT, clientOrderId, instrumentId, side, priceTicks, quantity,
                        RejectReason.NOT_CONNECTED);
                    signal = true;
                }
            }
        }
        if (signal) {
            signalTimer();
        }
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        boolean sent = false;
        synchronized (orderLock) {
            final Connection c = current;
            final int tracked = (int)orderInstrument.get(clientOrderId);
            final int instrument = tracked >= 0 ? tracked : instrumentId;
            if (ready && c != null && instrument >= 0 && instrument < symbols.length) {
                try {
                    orderProxy.cancel(c, clientOrderId, symbols[instrument]);
                    sent = true;
                } catch (final WebsocketNotConnectedException ex) {
                    sent = false;
                }
            }
            if (!sent) {
                localEvents.offer(OrderEventKind.CANCEL_REJECT, clientOrderId, instrument, 0, 0, 0,
                    ready ? RejectReason.UNKNOWN_ORDER : RejectReason.NOT_CONNECTED);
            }
        }
        if (!sent) {
            signalTimer();
        }
    }

    private void signalTimer() {
        final ScheduledExecutorService t = timer;
        if (t != null && !closed) {
            try {
                t.execute(drainTask);
            } catch (final RejectedExecutionException ex) {
                LOG.debug("gateway closed: local order events not published");
            }
        }
    }

    // ---------------------------------------------------------------- timer thread

    private void drainLocalEvents() {
        while (true) {
            synchronized (orderLock) {
                if (!localEvents.poll(timerInput)) {
                    return;
                }
            }
            timerInput.receiveTimeNanos = clock.nanoTime();
            publisher.publish(GatewayInput.LOCAL_ORDER, timerInput);
        }
    }

    private void onTimer() {
        drainLocalEvents();
        final Connection c = current;
        if (c == null || !c.isOpen()) {
            return;
        }
        if (System.nanoTime() - lastFrameNanos > TimeUnit.MILLISECONDS.toNanos(config.staleAfterMillis)) {
            LOG.warn("no frame from {} for more than {} ms: dropping the connection", config.uri, config.staleAfterMillis);
            c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "venue silent");
            return;
        }
        synchronized (sessionProxy) {
            try {
                sessionProxy.heartbeat(c, clock.nanoTime());
            } catch (final WebsocketNotConnectedException ex) {
                LOG.debug("heartbeat not sent: connection closing");
            }
        }
    }

    private void openConnection() {
        if (closed) {
            return;
        }
        final Connection c = new Connection();
        current = c;
        c.setConnectionLostTimeout(0);
        c.setTcpNoDelay(true);
        c.connect();
    }

    private synchronized void scheduleReconnect() {
        if (closed) {
            return;
        }
        final long cap = Math.min(config.backoffMaxMillis, config.backoffInitialMillis << Math.min(20, attempt));
        attempt++;
        reconnectsScheduled.incrementAndGet();
        final long delay = cap / 2 + jitter.nextLong(cap / 2 + 1);
        LOG.info("reconnecting to {} in {} ms (attempt {})", config.uri, delay, attempt);
        timer.schedule(connectTask, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void resetBackoff() {
        attempt = 0;
    }

    /** Drops the TCP connection without a WebSocket close handshake (what a network failure does); for tests. */
    void dropConnection() throws IOException {
        final Connection c = current;
        if (c != null) {
            final Socket socket = c.getSocket();
            if (socket != null) {
                socket.close();
            }
        }
    }

    // ---------------------------------------------------------------- socket read thread

    private void onConnectionClosed(final Connection c, final int code, final String reason) {
        synchronized (readLock) {
            if (c != current) {
                return;
            }
            ready = false;
            current = null;
            for (final BookView book : books) {
                book.invalidate();
            }
        }
        LOG.info("connection to {} closed ({} {})", config.uri, code, reason);
        scheduleReconnect();
    }

    /** Applies what the venue sends; runs on the socket read thread under the read lock. */
    private final class VenueHandler implements VenueListener {
        @Override
        public void onLoginAck(final ProtocolMessage m) {
            participant = m.participant;
            if (m.lastExecSeq < lastExecSeq) {
                LOG.warn("venue reports execution sequence {} below the {} already applied: it lost its history (restart?); "
                    + "following its numbering and reconciling open orders", m.lastExecSeq, lastExecSeq);
                lastExecSeq = m.lastExecSeq;
            }
        }

        @Override
        public void onProducts(final ProtocolMessage m) {
            subscriptions.clear();
            for (int i = 0; i < m.productCount; i++) {
                if (instrumentIds.containsKey(m.symbols[i])) {
                    subscriptions.add(m.symbols[i]);
                }
            }
        }

        @Override
        public void onBookSnapshot(final ProtocolMessage m) {
            final int id = instrument(m.product);
            if (id < 0) {
                return;
            }
            books[id].applySnapshot(m);
            publishBook(m, id);
        }

        @Override
        public void onBookUpdate(final ProtocolMessage m) {
            final int id = instrument(m.product);
            if (id < 0) {
                return;
            }
            final int outcome = books[id].applyUpdate(m);
            if (outcome == BookView.APPLIED) {
                publishBook(m, id);
            } else if (outcome == BookView.GAP) {
                bookGaps.incrementAndGet();
                LOG.warn("book gap on {}: resubscribing", m.product);
                final Connection c = current;
                if (c != null) {
                    synchronized (sessionProxy) {
                        sessionProxy.subscribe(c, List.of(m.product));
                    }
                }
            }
        }

        private void publishBook(final ProtocolMessage m, final int id) {
            readInput.message = m;
            readInput.instrumentId = id;
            readInput.book = books[id];
            publisher.publish(GatewayInput.BOOK, readInput);
        }

        @Override
        public void onTrade(final ProtocolMessage m) {
            final int id = instrument(m.product);
            if (id >= 0) {
                readInput.message = m;
                readInput.instrumentId = id;
                publisher.publish(GatewayInput.TRADE, readInput);
            }
        }

        @Override
        public void onExecution(final ProtocolMessage m) {
            if (!acceptExecution(m)) {
                return;
            }
            final int id;
            synchronized (orderLock) {
                id = instrument(m.product);
                switch (m.type) {
                    case MessageType.ACK -> {
                        if (orderState.containsKey(m.clOrdId)) {
                            orderState.put(m.clOrdId, OPEN);
                        }
                    }
                    case MessageType.FILL -> {
                        if (m.leaves == 0) {
                            forget(m.clOrdId);
                        } else if (orderState.containsKey(m.clOrdId)) {
                            orderState.put(m.clOrdId, OPEN);
                        }
                    }
                    case MessageType.REJECT, MessageType.CANCELLED -> forget(m.clOrdId);
                    default -> {
                    }
                }
            }
            readInput.message = m;
            readInput.instrumentId = id;
            publisher.publish(GatewayInput.ORDER, readInput);
        }

        private void forget(final long clOrdId) {
            orderState.remove(clOrdId);
            orderInstrument.remove(clOrdId);
        }

        /** Applies each execution sequence number once; a gap drops the connection so the login replays it. */
        private boolean acceptExecution(final ProtocolMessage m) {
            if (m.execSeq <= lastExecSeq) {
                return false;
            }
            if (m.execSeq != lastExecSeq + 1) {
                LOG.warn("execution sequence gap: expected {} got {}: reconnecting to replay", lastExecSeq + 1, m.execSeq);
                final Connection c = current;
                if (c != null) {
                    c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "execution sequence gap");
                }
                return false;
            }
            lastExecSeq = m.execSeq;
            return true;
        }

        @Override
        public void onPosition(final ProtocolMessage m) {
            final int id = instrument(m.product);
            if (id >= 0) {
                readInput.message = m;
                readInput.instrumentId = id;
                publisher.publish(GatewayInput.POSITION, readInput);
            }
        }

        @Override
        public void onOpenOrders(final ProtocolMessage m) {
            final LongHashSet listed = new LongHashSet();
            for (int i = 0; i < m.orderCount; i++) {
                listed.add(m.orderClOrdIds[i]);
            }
            final List<long[]> missing = new ArrayList<>();
            synchronized (orderLock) {
                final Long2LongHashMap.KeyIterator keys = orderState.keySet().iterator();
                while (keys.hasNext()) {
                    final long id = keys.nextValue();
                    if (!listed.contains(id)) {
                        missing.add(new long[] {id, orderState.get(id), orderInstrument.get(id)});
                    }
                }
                for (final long[] order : missing) {
                    forget(order[0]);
                }
                for (int i = 0; i < m.orderCount; i++) {
                    if (orderState.get(m.orderClOrdIds[i]) == PENDING) {
                        orderState.put(m.orderClOrdIds[i], OPEN);
                    }
                }
            }
            missing.sort((a, b) -> Long.compare(a[0], b[0]));
            for (final long[] order : missing) {
                readInput.receiveTimeNanos = clock.nanoTime();
                readInput.instrumentId = (int)order[2];
                readInput.localClOrdId = order[0];
                readInput.localSide = 0;
                readInput.localPrice = 0;
                readInput.localQty = 0;
                if (order[1] == PENDING) {
                    readInput.localKind = OrderEventKind.REJECT;
                    readInput.localReason = RejectReason.LOST_IN_TRANSIT;
                } else {
                    readInput.localKind = OrderEventKind.CANCELLED;
                    readInput.localReason = RejectReason.RECONCILED_CLOSED;
                }
                LOG.warn("reconciliation: order {} not open at the venue ({})", order[0], RejectReason.name(readInput.localReason));
                publisher.publish(GatewayInput.LOCAL_ORDER, readInput);
            }
            final Connection c = current;
            if (c != null && !subscriptions.isEmpty()) {
                synchronized (sessionProxy) {
                    sessionProxy.subscribe(c, subscriptions);
                }
            }
            resetBackoff();
            ready = true;
        }

        @Override
        public void onSettlement(final ProtocolMessage m) {
            if (!acceptExecution(m)) {
                return;
            }
            final int id = instrument(m.product);
            if (id >= 0) {
                readInput.message = m;
                readInput.instrumentId = id;
                publisher.publish(GatewayInput.SETTLEMENT, readInput);
            }
        }

        @Override
        public void onHeartbeat(final ProtocolMessage m) {
            lastFrameNanos = System.nanoTime();
        }

        @Override
        public void onError(final ProtocolMessage m) {
            venueErrors.incrementAndGet();
            if (m.code == ErrorCode.AUTHENTICATION_FAILED) {
                LOG.error("venue refused the API key: {}", m.text);
            } else {
                LOG.warn("venue error {}: {}", m.code, m.text);
            }
        }

        @Override
        public void onUndecodable(final String frame, final String problem) {
            undecodable.incrementAndGet();
            LOG.warn("undecodable frame from the venue ({}): {}", problem, frame.length() > 200 ? frame.substring(0, 200) : frame);
        }
    }

    private int instrument(final String symbol) {
        final Integer id = instrumentIds.get(symbol);
        return id == null ? -1 : id;
    }

    /** One WebSocket connection attempt; a new one is made for every reconnection. */
    private final class Connection extends WebSocketClient {
        Connection() {
            super(config.uri, new Draft_6455(), null, (int)config.connectTimeoutMillis);
        }

        @Override
        public void onOpen(final ServerHandshake handshake) {
            connects.incrementAndGet();
            lastFrameNanos = System.nanoTime();
            synchronized (sessionProxy) {
                sessionProxy.login(this, config.apiKey, lastExecSeq);
            }
        }

        @Override
        public void onMessage(final String frame) {
            final long receivedAt = clock.nanoTime();
            lastFrameNanos = System.nanoTime();
            synchronized (readLock) {
                if (this != current) {
                    return;
                }
                readInput.receiveTimeNanos = receivedAt;
                adapter.onFrame(frame);
            }
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote) {
            onConnectionClosed(this, code, reason);
        }

        @Override
        public void onError(final Exception ex) {
            LOG.debug("connection error on {}: {}", config.uri, ex.toString());
        }
    }
}
