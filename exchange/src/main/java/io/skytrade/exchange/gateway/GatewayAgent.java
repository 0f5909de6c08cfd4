package io.skytrade.exchange.gateway;

import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.protocol.ErrorCode;
import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.OrderEntryEncoder;
import io.skytrade.exchange.protocol.ProtocolDecodeException;
import io.skytrade.exchange.protocol.ProtocolDecoder;
import io.skytrade.exchange.protocol.ProtocolEncoder;
import io.skytrade.exchange.protocol.ProtocolMessage;
import io.skytrade.exchange.protocol.SymbolTable;
import io.skytrade.exchange.protocol.VenueFrameDecoder;
import io.skytrade.exchange.websocket.ClientFrameEncoder;
import io.skytrade.exchange.websocket.ClientHandshake;
import io.skytrade.exchange.websocket.FrameAdapter;
import io.skytrade.exchange.websocket.FrameListener;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The duty cycle of the gateway's one I/O thread, which owns everything about the connection:
 * the non-blocking socket and its selector, the RFC 6455 client framing (handshake, masking,
 * ping/pong, close), login, subscription, heartbeats, the staleness check, reconnection with
 * exponential backoff and seeded jitter, the books, the open-order tracking and its reconciliation
 * after a reconnect, and every publish into the inbound ring. Orders come from the order stage
 * through the {@link OrderHandOff}, already encoded; this thread frames them into the outbound
 * buffer and writes it. Being the only thread that touches this state, it needs no lock.
 *
 * <p>Thread-safety: {@link #run()} on its own thread; the {@code volatile} flags and the counters
 * are read by any thread, {@link #requestStop()} and {@link #requestDrop()} are called by any.
 * Hot-path cost per order: masking copy into the outbound buffer and one {@code write}; per inbound
 * frame: a header parse, the byte decoder, a publish; no allocation in steady state.
 */
final class GatewayAgent implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayAgent.class);
    private static final int DISCONNECTED = 0;
    private static final int CONNECTING = 1;
    private static final int HANDSHAKING = 2;
    private static final int OPEN = 3;
    private static final long PENDING = 1;
    private static final long ACCEPTED = 2;
    private static final int INBOUND_BYTES = 64 << 10;
    private static final int OUTBOUND_BYTES = 256 << 10;
    private static final int DRAIN_LIMIT = 256;
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final GatewayConfig config;
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final SymbolTable symbols;
    private final OrderHandOff orders;
    private final OrderEntryEncoder encoder;
    private final BookView[] books;
    private final List<String> subscriptions = new ArrayList<>();
    private final Long2LongHashMap orderState = new Long2LongHashMap(0);
    private final Long2LongHashMap orderInstrument = new Long2LongHashMap(-1);
    private final GatewayInput input = new GatewayInput();
    private final ProtocolMessage message = new ProtocolMessage();
    private final ProtocolMessage session = new ProtocolMessage();
    private final VenueFrameDecoder frameDecoder;
    private final ProtocolDecoder decoder = new ProtocolDecoder();
    private final ProtocolEncoder sessionEncoder = new ProtocolEncoder();
    private final ClientFrameEncoder frames = new ClientFrameEncoder();
    private final FrameAdapter adapter = new FrameAdapter(new Frames());
    private final MessageHandler orderHandler = this::onOrderRecord;
    private final Consumer<SelectionKey> readyAction = this::onReady;
    private final SplittableRandom jitter;
    private final SecureRandom secure = new SecureRandom();
    private final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(OrderEntryEncoder.MAX_NEW_ORDER_LENGTH));

    private ByteBuffer inBytes = ByteBuffer.allocateDirect(INBOUND_BYTES);
    private final UnsafeBuffer in = new UnsafeBuffer(inBytes);
    private final ByteBuffer outBytes = ByteBuffer.allocateDirect(OUTBOUND_BYTES);
    private final UnsafeBuffer out = new UnsafeBuffer(outBytes);

    private Selector selector;
    private SocketChannel channel;
    private SelectionKey key;
    private int interest;
    private int state = DISCONNECTED;
    private ClientHandshake handshake;
    private long deadline;
    private long reconnectAt;
    private long nextHeartbeat;
    private long lastFrameNanos;
    private long frameReceivedAt;
    private int attempt;

    volatile boolean ready;
    volatile boolean idle;
    private volatile boolean stopRequested;
    private volatile boolean dropRequested;
    private volatile long lastExecSeq;
    private volatile String participant;
    private volatile int openOrders;
    final AtomicLong connects = new AtomicLong();
    final AtomicLong reconnectsScheduled = new AtomicLong();
    final AtomicLong bookGaps = new AtomicLong();
    final AtomicLong undecodable = new AtomicLong();
    final AtomicLong venueErrors = new AtomicLong();
    /** Orders and cancels whose frames the socket has taken (written in full). */
    final AtomicLong ordersWritten = new AtomicLong();
    private long ordersFramed;

    GatewayAgent(final GatewayConfig config, final SymbolTable symbols, final OrderHandOff orders,
                 final InboundPublisher publisher, final EpochNanoClock clock) {
        this.config = config;
        this.symbols = symbols;
        this.orders = orders;
        this.publisher = publisher;
        this.clock = clock;
        this.encoder = new OrderEntryEncoder(symbols);
        this.frameDecoder = new VenueFrameDecoder(symbols);
        this.books = new BookView[symbols.size()];
        for (int i = 0; i < books.length; i++) {
            books[i] = new BookView();
        }
        this.jitter = new SplittableRandom(config.jitterSeed);
        input.source = config.venueSource;
    }

    /** Opens the selector (before the thread starts); the order stage wakes it through {@link #wakeUp()}. */
    void open() throws IOException {
        selector = Selector.open();
        stopRequested = false;
        reconnectAt = System.nanoTime();
    }

    /** Wakes the thread when it waits in {@code select} (called by the order stage after a commit). */
    void wakeUp() {
        final Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    void requestStop() {
        stopRequested = true;
        wakeUp();
    }

    void requestDrop() {
        dropRequested = true;
        wakeUp();
    }

    long lastExecSeq() {
        return lastExecSeq;
    }

    String participant() {
        return participant;
    }

    int openOrderCount() {
        return openOrders;
    }

    @Override
    public void run() {
        try {
            while (!stopRequested) {
                final long now = System.nanoTime();
                int work = 0;
                if (dropRequested) {
                    dropRequested = false;
                    if (channel != null) {
                        lose("dropped without a close handshake (test drill)", false);
                        work++;
                    }
                }
                work += orders.drain(orderHandler, DRAIN_LIMIT);
                work += timers(now);
                work += flush();
                work += poll(0);
                if (work == 0) {
                    idle(now);
                }
            }
        } catch (final IOException e) {
            LOG.error("gateway I/O thread stopped: its selector failed ({}); no more venue traffic", e.toString());
        } finally {
            shutdown();
        }
    }

    private void idle(final long now) throws IOException {
        idle = true;
        if (!orders.isEmpty() || stopRequested || dropRequested) {
            idle = false;
            return;
        }
        final long wait = Math.min(MAX_IDLE_NANOS, Math.max(0, nextDeadline(now) - now));
        poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
        idle = false;
    }

    private long nextDeadline(final long now) {
        return switch (state) {
            case DISCONNECTED -> reconnectAt;
            case CONNECTING, HANDSHAKING -> deadline;
            default -> Math.min(nextHeartbeat, lastFrameNanos + TimeUnit.MILLISECONDS.toNanos(config.staleAfterMillis) + 1);
        };
    }

    /**
     * Selects (waiting up to {@code timeoutMillis}, 0 = not at all) and serves the socket through
     * {@link #onReady}: the action form of {@code select}, because the selected-key set allocates a
     * hash-map node per ready key.
     */
    private int poll(final long timeoutMillis) throws IOException {
        return timeoutMillis == 0 ? selector.selectNow(readyAction) : selector.select(readyAction, timeoutMillis);
    }

    private void onReady(final SelectionKey k) {
        if (k != key || !k.isValid()) {
            return;
        }
        final int ops = k.readyOps();
        if ((ops & SelectionKey.OP_CONNECT) != 0 && state == CONNECTING) {
            finishConnect();
        }
        if ((ops & SelectionKey.OP_READ) != 0 && channel != null) {
            read();
        }
        if ((ops & SelectionKey.OP_WRITE) != 0 && channel != null) {
            flush();
        }
    }

    private int timers(final long now) {
        switch (state) {
            case DISCONNECTED -> {
                if (now - reconnectAt >= 0) {
                    connect(now);
                    return 1;
                }
            }
            case CONNECTING, HANDSHAKING -> {
                if (now - deadline >= 0) {
                    lose("no WebSocket handshake within " + config.connectTimeoutMillis + " ms", false);
                    return 1;
                }
            }
            default -> {
                if (now - lastFrameNanos > TimeUnit.MILLISECONDS.toNanos(config.staleAfterMillis)) {
                    LOG.warn("no frame from {} for more than {} ms: dropping the connection", config.uri, config.staleAfterMillis);
                    lose("venue silent", false);
                    return 1;
                }
                if (now - nextHeartbeat >= 0) {
                    nextHeartbeat = now + TimeUnit.MILLISECONDS.toNanos(config.heartbeatIntervalMillis);
                    final int n = encoder.heartbeat(scratch, 0, clock.nanoTime());
                    appendFrame(scratch, 0, n);
                    return 1;
                }
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- connection life cycle

    private void connect(final long now) {
        final int port = config.uri.getPort() < 0 ? 80 : config.uri.getPort();
        try {
            final InetSocketAddress address = new InetSocketAddress(config.uri.getHost(), port);
            if (address.isUnresolved()) {
                lose("cannot resolve " + config.uri.getHost(), false);
                return;
            }
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            state = CONNECTING;
            deadline = now + TimeUnit.MILLISECONDS.toNanos(config.connectTimeoutMillis);
            final boolean connected = channel.connect(address);
            interest = connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT;
            key = channel.register(selector, interest);
            if (connected) {
                onConnected();
            }
        } catch (final IOException e) {
            lose("cannot connect: " + e.getMessage(), false);
        }
    }

    private void finishConnect() {
        try {
            if (channel.finishConnect()) {
                onConnected();
            }
        } catch (final IOException e) {
            lose("cannot connect: " + e.getMessage(), false);
        }
    }

    private void onConnected() {
        setInterest(SelectionKey.OP_READ);
        state = HANDSHAKING;
        handshake = new ClientHandshake(secure);
        inBytes.clear();
        outBytes.clear();
        outBytes.put(handshake.request(config.uri));
    }

    private void onHandshakeBytes() {
        final int length = inBytes.position();
        int head = -1;
        for (int i = 3; i < length && head < 0; i++) {
            if (in.getByte(i) == '\n' && in.getByte(i - 1) == '\r' && in.getByte(i - 2) == '\n' && in.getByte(i - 3) == '\r') {
                head = i + 1;
            }
        }
        if (head < 0) {
            if (length >= ClientHandshake.MAX_RESPONSE_BYTES) {
                lose("the venue's handshake response exceeds " + ClientHandshake.MAX_RESPONSE_BYTES + " bytes", false);
            }
            return;
        }
        final String problem = handshake.check(in.getStringWithoutLengthAscii(0, head));
        if (problem != null) {
            LOG.warn("WebSocket handshake with {} failed: {}", config.uri, problem);
            lose("handshake failed", false);
            return;
        }
        inBytes.flip().position(head);
        inBytes.compact();
        state = OPEN;
        connects.incrementAndGet();
        adapter.reset();
        frames.seed(secure.nextLong());
        final long now = System.nanoTime();
        lastFrameNanos = now;
        nextHeartbeat = now + TimeUnit.MILLISECONDS.toNanos(config.heartbeatIntervalMillis);
        session.reset(MessageType.LOGIN);
        session.apiKey = config.apiKey;
        session.lastExecSeq = lastExecSeq;
        appendText(sessionEncoder.encode(session));
        onFrameBytes();
    }

    /** Drops the connection (a close frame first when {@code closeFrame}) and schedules the reconnection. */
    private void lose(final String why, final boolean closeFrame) {
        if (closeFrame && state == OPEN) {
            appendClose(1000);
            flush();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (final IOException e) {
                LOG.debug("closing the socket to {}: {}", config.uri, e.toString());
            }
            LOG.info("connection to {} closed ({})", config.uri, why);
        }
        channel = null;
        key = null;
        interest = 0;
        state = DISCONNECTED;
        ready = false;
        inBytes.clear();
        outBytes.clear();
        ordersFramed = ordersWritten.get();
        for (final BookView book : books) {
            book.invalidate();
        }
        if (!stopRequested) {
            final long cap = Math.min(config.backoffMaxMillis, config.backoffInitialMillis << Math.min(20, attempt));
            attempt++;
            reconnectsScheduled.incrementAndGet();
            final long delay = cap / 2 + jitter.nextLong(cap / 2 + 1);
            LOG.info("reconnecting to {} in {} ms (attempt {})", config.uri, delay, attempt);
            reconnectAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        }
    }

    private void shutdown() {
        ready = false;
        if (channel != null && state == OPEN) {
            appendClose(1000);
            flush();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (final IOException e) {
                LOG.debug("closing the socket to {}: {}", config.uri, e.toString());
            }
        }
        channel = null;
        key = null;
        state = DISCONNECTED;
        try {
            selector.close();
        } catch (final IOException e) {
            LOG.debug("closing the gateway selector: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- socket I/O

    private void read() {
        final SocketChannel c = channel;
        try {
            final int n = c.read(inBytes);
            if (n < 0) {
                lose("the venue closed the TCP connection", false);
                return;
            }
            if (n == 0) {
                return;
            }
        } catch (final IOException e) {
            lose("read failed: " + e.getMessage(), false);
            return;
        }
        frameReceivedAt = clock.nanoTime();
        if (state == HANDSHAKING) {
            onHandshakeBytes();
        } else if (state == OPEN) {
            onFrameBytes();
        }
    }

    private void onFrameBytes() {
        final SocketChannel c = channel;
        inBytes.flip();
        final int start = inBytes.position();
        final int consumed = adapter.onBytes(in, start, inBytes.remaining());
        if (channel != c) {
            return;
        }
        inBytes.position(start + consumed);
        inBytes.compact();
        final int needed = adapter.incompleteFrameBytes();
        if (needed > inBytes.capacity()) {
            final ByteBuffer bigger = ByteBuffer.allocateDirect(needed);
            inBytes.flip();
            bigger.put(inBytes);
            inBytes = bigger;
            in.wrap(inBytes);
        }
    }

    private int flush() {
        if (channel == null || state < HANDSHAKING || outBytes.position() == 0) {
            return 0;
        }
        outBytes.flip();
        try {
            channel.write(outBytes);
        } catch (final IOException e) {
            outBytes.compact();
            lose("write failed: " + e.getMessage(), false);
            return 1;
        }
        outBytes.compact();
        if (outBytes.position() == 0) {
            ordersWritten.lazySet(ordersFramed);
        }
        setInterest(outBytes.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        return 1;
    }

    private void setInterest(final int ops) {
        if (ops != interest && key != null && key.isValid()) {
            key.interestOps(ops);
            interest = ops;
        }
    }

    /** Frames {@code length} bytes of JSON into the outbound buffer; false when the connection had to be dropped. */
    private boolean appendFrame(final DirectBuffer src, final int offset, final int length) {
        return append(0x1, src, offset, length);
    }

    private boolean append(final int opcode, final DirectBuffer src, final int offset, final int length) {
        final int needed = ClientFrameEncoder.frameLength(length);
        if (outBytes.remaining() < needed) {
            flush();
            if (channel != null && outBytes.remaining() < needed) {
                lose("the venue is not reading: " + outBytes.position() + " bytes wait to be sent", false);
            }
            if (channel == null) {
                return false;
            }
        }
        final int at = outBytes.position();
        outBytes.position(at + frames.encode(opcode, src, offset, length, out, at));
        return true;
    }

    private void appendText(final String json) {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        append(0x1, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private void appendClose(final int code) {
        if (outBytes.remaining() >= ClientFrameEncoder.frameLength(2)) {
            final int at = outBytes.position();
            outBytes.position(at + frames.close(code, scratch, out, at));
        }
    }

    // ---------------------------------------------------------------- orders from the order stage

    private void onOrderRecord(final int type, final MutableDirectBuffer b, final int index, final int length) {
        final long id = b.getLong(index + OrderHandOff.CLIENT_ORDER_ID);
        final int instrument = b.getInt(index + OrderHandOff.INSTRUMENT);
        final boolean live = ready && state == OPEN;
        switch (type) {
            case OrderHandOff.NEW_ORDER -> {
                if (live) {
                    orderState.put(id, PENDING);
                    orderInstrument.put(id, instrument);
                    openOrders = orderState.size();
                    if (appendFrame(b, index + OrderHandOff.JSON, b.getInt(index + OrderHandOff.LENGTH_OR_REASON))) {
                        ordersFramed++;
                    }
                } else {
                    publishLocal(OrderEventKind.REJECT, id, instrument, b.getInt(index + OrderHandOff.SIDE),
                        b.getLong(index + OrderHandOff.PRICE), b.getLong(index + OrderHandOff.QUANTITY), RejectReason.NOT_CONNECTED);
                }
            }
            case OrderHandOff.CANCEL -> {
                final int tracked = (int) orderInstrument.get(id);
                final int product = tracked >= 0 ? tracked : instrument;
                if (live && product >= 0 && product < symbols.size()) {
                    final int json = b.getInt(index + OrderHandOff.LENGTH_OR_REASON);
                    final boolean framed = product == instrument && json > 0 ? appendFrame(b, index + OrderHandOff.JSON, json)
                        : appendFrame(scratch, 0, encoder.cancel(scratch, 0, id, product, b.getLong(index + OrderHandOff.IN_SEQ)));
                    if (framed) {
                        ordersFramed++;
                    }
                } else {
                    publishLocal(OrderEventKind.CANCEL_REJECT, id, product, 0, 0, 0,
                        ready ? RejectReason.UNKNOWN_ORDER : RejectReason.NOT_CONNECTED);
                }
            }
            default -> publishLocal(b.getInt(index + OrderHandOff.TIF_OR_KIND), id, instrument, b.getInt(index + OrderHandOff.SIDE),
                b.getLong(index + OrderHandOff.PRICE), b.getLong(index + OrderHandOff.QUANTITY),
                b.getInt(index + OrderHandOff.LENGTH_OR_REASON));
        }
    }

    private void publishLocal(final int kind, final long clOrdId, final int instrument, final int side, final long price,
                              final long qty, final int reason) {
        publisher.publish(GatewayInput.LOCAL_ORDER, input.local(clock.nanoTime(), kind, clOrdId, instrument, side, price, qty, reason));
    }

    // ---------------------------------------------------------------- frames from the venue

    /** What the frame layer hands up: messages to decode, pings to answer, the close. */
    private final class Frames implements FrameListener {
        @Override
        public void onText(final DirectBuffer buffer, final int offset, final int length) {
            lastFrameNanos = System.nanoTime();
            input.receiveTimeNanos = frameReceivedAt;
            if (frameDecoder.decode(buffer, offset, length, message)) {
                dispatch(message);
                return;
            }
            final String text = buffer.getStringWithoutLengthUtf8(offset, length);
            try {
                decoder.decode(text, message);
            } catch (final ProtocolDecodeException ex) {
                onUndecodable(text, ex.getMessage());
                return;
            }
            dispatch(message);
        }

        @Override
        public void onBinary(final int length) {
            lastFrameNanos = System.nanoTime();
            onUndecodable("<binary frame of " + length + " bytes>", "the venue sends text frames only");
        }

        @Override
        public void onPing(final DirectBuffer buffer, final int offset, final int length) {
            lastFrameNanos = System.nanoTime();
            append(0xA, buffer, offset, length);
        }

        @Override
        public void onClose(final int code, final String reason) {
            appendClose(code >= 1000 && code < 5000 && code != 1005 && code != 1006 ? code : 1000);
            flush();
            lose("venue closed it: " + code + " " + reason, false);
        }

        @Override
        public void onProtocolError(final int code, final String problem) {
            LOG.warn("WebSocket protocol error from {}: {}", config.uri, problem);
            appendClose(code);
            flush();
            lose("protocol error " + code, false);
        }
    }

    private void dispatch(final ProtocolMessage m) {
        switch (m.type) {
            case MessageType.LOGIN_ACK -> onLoginAck(m);
            case MessageType.PRODUCTS -> onProducts(m);
            case MessageType.BOOK_SNAPSHOT -> onBookSnapshot(m);
            case MessageType.BOOK_UPDATE -> onBookUpdate(m);
            case MessageType.TRADE -> publishFor(m, GatewayInput.TRADE);
            case MessageType.ACK, MessageType.REJECT, MessageType.FILL, MessageType.CANCELLED, MessageType.CANCEL_REJECT ->
                onExecution(m);
            case MessageType.POSITION -> publishFor(m, GatewayInput.POSITION);
            case MessageType.OPEN_ORDERS -> onOpenOrders(m);
            case MessageType.SETTLEMENT -> {
                if (acceptExecution(m)) {
                    publishFor(m, GatewayInput.SETTLEMENT);
                }
            }
            case MessageType.HEARTBEAT -> {
            }
            case MessageType.ERROR -> onError(m);
            default -> onUndecodable(MessageType.wireName(m.type), MessageType.wireName(m.type) + " is a client-to-venue message");
        }
    }

    private void onLoginAck(final ProtocolMessage m) {
        participant = m.participant;
        if (m.lastExecSeq < lastExecSeq) {
            LOG.warn("venue reports execution sequence {} below the {} already applied: it lost its history (restart?); "
                + "following its numbering and reconciling open orders", m.lastExecSeq, lastExecSeq);
            lastExecSeq = m.lastExecSeq;
        }
    }

    private void onProducts(final ProtocolMessage m) {
        subscriptions.clear();
        for (int i = 0; i < m.productCount; i++) {
            if (symbols.indexOf(m.symbols[i]) >= 0) {
                subscriptions.add(m.symbols[i]);
            }
        }
    }

    private void onBookSnapshot(final ProtocolMessage m) {
        final int id = instrument(m);
        if (id >= 0) {
            books[id].applySnapshot(m);
            publishBook(m, id);
        }
    }

    private void onBookUpdate(final ProtocolMessage m) {
        final int id = instrument(m);
        if (id < 0) {
            return;
        }
        final int outcome = books[id].applyUpdate(m);
        if (outcome == BookView.APPLIED) {
            publishBook(m, id);
        } else if (outcome == BookView.GAP) {
            bookGaps.incrementAndGet();
            LOG.warn("book gap on {}: resubscribing", m.product);
            subscribe(List.of(m.product));
        }
    }

    private void publishBook(final ProtocolMessage m, final int id) {
        input.message = m;
        input.instrumentId = id;
        input.book = books[id];
        publisher.publish(GatewayInput.BOOK, input);
    }

    private void publishFor(final ProtocolMessage m, final io.skytrade.core.pipeline.InputTranslator<GatewayInput> as) {
        final int id = instrument(m);
        if (id >= 0) {
            input.message = m;
            input.instrumentId = id;
            publisher.publish(as, input);
        }
    }

    private void onExecution(final ProtocolMessage m) {
        if (!acceptExecution(m)) {
            return;
        }
        switch (m.type) {
            case MessageType.ACK -> {
                if (orderState.containsKey(m.clOrdId)) {
                    orderState.put(m.clOrdId, ACCEPTED);
                }
            }
            case MessageType.FILL -> {
                if (m.leaves == 0) {
                    forget(m.clOrdId);
                } else if (orderState.containsKey(m.clOrdId)) {
                    orderState.put(m.clOrdId, ACCEPTED);
                }
            }
            case MessageType.REJECT, MessageType.CANCELLED -> forget(m.clOrdId);
            default -> {
            }
        }
        input.message = m;
        input.instrumentId = instrument(m);
        publisher.publish(GatewayInput.ORDER, input);
    }

    private void forget(final long clOrdId) {
        orderState.remove(clOrdId);
        orderInstrument.remove(clOrdId);
        openOrders = orderState.size();
    }

    /** Applies each execution sequence number once; a gap drops the connection so the login replays it. */
    private boolean acceptExecution(final ProtocolMessage m) {
        if (m.execSeq <= lastExecSeq) {
            return false;
        }
        if (m.execSeq != lastExecSeq + 1) {
            LOG.warn("execution sequence gap: expected {} got {}: reconnecting to replay", lastExecSeq + 1, m.execSeq);
            lose("execution sequence gap", false);
            return false;
        }
        lastExecSeq = m.execSeq;
        return true;
    }

    private void onOpenOrders(final ProtocolMessage m) {
        final LongHashSet listed = new LongHashSet();
        for (int i = 0; i < m.orderCount; i++) {
            listed.add(m.orderClOrdIds[i]);
        }
        final List<long[]> missing = new ArrayList<>();
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
                orderState.put(m.orderClOrdIds[i], ACCEPTED);
            }
        }
        missing.sort((a, b) -> Long.compare(a[0], b[0]));
        for (final long[] order : missing) {
            final boolean pending = order[1] == PENDING;
            LOG.warn("reconciliation: order {} not open at the venue ({})", order[0],
                RejectReason.name(pending ? RejectReason.LOST_IN_TRANSIT : RejectReason.RECONCILED_CLOSED));
            publishLocal(pending ? OrderEventKind.REJECT : OrderEventKind.CANCELLED, order[0], (int) order[2], 0, 0, 0,
                pending ? RejectReason.LOST_IN_TRANSIT : RejectReason.RECONCILED_CLOSED);
        }
        if (!subscriptions.isEmpty()) {
            subscribe(subscriptions);
        }
        attempt = 0;
        ready = true;
    }

    private void subscribe(final List<String> products) {
        session.reset(MessageType.SUBSCRIBE);
        for (int i = 0; i < products.size() && i < ProtocolMessage.MAX_PRODUCTS; i++) {
            session.addProduct(products.get(i), 0, 0);
        }
        appendText(sessionEncoder.encode(session));
    }

    private void onError(final ProtocolMessage m) {
        venueErrors.incrementAndGet();
        if (m.code == ErrorCode.AUTHENTICATION_FAILED) {
            LOG.error("venue refused the API key: {}", m.text);
        } else {
            LOG.warn("venue error {}: {}", m.code, m.text);
        }
    }

    private void onUndecodable(final String frame, final String problem) {
        undecodable.incrementAndGet();
        LOG.warn("undecodable frame from the venue ({}): {}", problem, frame.length() > 200 ? frame.substring(0, 200) : frame);
    }

    private int instrument(final ProtocolMessage m) {
        return m.productIndex >= 0 ? m.productIndex : symbols.indexOf(m.product);
    }
}
