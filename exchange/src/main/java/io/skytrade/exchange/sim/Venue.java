package io.skytrade.exchange.sim;

import io.skytrade.core.event.Side;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.matching.ExecutionListener;
import io.skytrade.exchange.matching.MatchingEngine;
import io.skytrade.exchange.protocol.ErrorCode;
import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.ProtocolDecodeException;
import io.skytrade.exchange.protocol.ProtocolDecoder;
import io.skytrade.exchange.protocol.ProtocolEncoder;
import io.skytrade.exchange.protocol.ProtocolMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The simulated venue's logic: logins and sessions, subscriptions, order entry into the
 * {@link MatchingEngine}, execution reports with per-participant sequence numbers kept for replay
 * on reconnect, book snapshots and incremental updates with per-product sequence numbers,
 * background traders, and settlement on the {@link SyntheticWorld} at the session end under the
 * configured settlement rules ({@link WorldSettlement}, the rules the engine's valuation uses).
 *
 * <p>Thread-safety: every entry point takes the venue's monitor, so socket worker threads and the
 * timer thread are serialised; sends only queue frames. Not on the engine's hot path.
 */
final class Venue implements ExecutionListener {
    private final VenueConfig config;
    private final LongSupplier worldClock;
    private final WorldSettlement world;
    private final MatchingEngine engine;
    private final int productCount;
    private final String[] symbols;
    private final int[] worldCodes;
    private final Map<String, Integer> productIds = new HashMap<>();
    private final int backgroundCount;
    private final long[] shiftTicks;
    private final long[] backgroundOrderIds;
    private BackgroundTraders traders;
    private long sessionEnd;
    private boolean settled;

    private final Map<String, Integer> participantByKey = new HashMap<>();
    private final List<Participant> participants = new ArrayList<>();
    private final List<VenueSession> sessions = new ArrayList<>();

    private final ProtocolDecoder decoder = new ProtocolDecoder();
    private final ProtocolEncoder encoder = new ProtocolEncoder();
    private final ProtocolMessage in = new ProtocolMessage();
    private final ProtocolMessage out = new ProtocolMessage();
    private final ProtocolMessage tradeOut = new ProtocolMessage();
    private final ProtocolMessage errorOut = new ProtocolMessage();
    private String currentProduct;

    private final long[] bookSeq;
    private final long[][] shownBidPx;
    private final long[][] shownBidQty;
    private final long[][] shownAskPx;
    private final long[][] shownAskQty;
    private final int[] shownBids;
    private final int[] shownAsks;
    private final long[] scratchPx;
    private final long[] scratchQty;

    /** One participant's venue-side record. */
    private static final class Participant {
        final String name;
        final List<String> executionLog = new ArrayList<>();
        final double[] fees;
        VenueSession session;

        Participant(final String name, final int products) {
            this.name = name;
            this.fees = new double[products];
        }
    }

    Venue(final VenueConfig config, final LongSupplier worldClock) {
        this.config = config;
        this.worldClock = worldClock;
        this.world = new WorldSettlement(new SyntheticWorld(config.seed), config.settlement);
        this.productCount = config.products.size();
        this.symbols = config.products.toArray(new String[0]);
        this.worldCodes = new int[productCount];
        for (int i = 0; i < productCount; i++) {
            worldCodes[i] = config.settlement.kindOf(symbols[i]);
            productIds.put(symbols[i], i);
        }
        this.backgroundCount = productCount + 1;
        this.shiftTicks = new long[productCount];
        this.backgroundOrderIds = new long[backgroundCount];
        if (config.maxParticipants <= backgroundCount) {
            throw new IllegalArgumentException("maxParticipants = " + config.maxParticipants + ": expected more than the "
                + backgroundCount + " background traders");
        }
        this.engine = new MatchingEngine(productCount, config.maxParticipants, config.orderCapacity, 4096,
            config.positionLimit, this);
        for (int p = 0; p < backgroundCount; p++) {
            engine.positionLimit(p, MatchingEngine.MAX_QUANTITY);
            engine.requireIncreasingClientOrderIds(p);
            participants.add(new Participant("background-" + p, productCount));
        }
        for (int p = backgroundCount; p < config.maxParticipants; p++) {
            engine.rateLimit(p, config.orderRatePerSecond, config.orderBurst);
        }
        final long start = worldClock.getAsLong();
        this.sessionEnd = config.sessionEndNanos != 0 ? config.sessionEndNanos : world.nextSettlementAtOrAfter(start + 1);
        this.traders = tradersFor(start, sessionEnd);
        this.bookSeq = new long[productCount];
        this.shownBidPx = new long[productCount][config.bookDepth];
        this.shownBidQty = new long[productCount][config.bookDepth];
        this.shownAskPx = new long[productCount][config.bookDepth];
        this.shownAskQty = new long[productCount][config.bookDepth];
        this.shownBids = new int[productCount];
        this.shownAsks = new int[productCount];
        this.scratchPx = new long[config.bookDepth];
        this.scratchQty = new long[config.bookDepth];
    }

    private BackgroundTraders tradersFor(final long start, final long end) {
        final double[] truths = new double[productCount];
        for (int i = 0; i < productCount; i++) {
            truths[i] = world.value(worldCodes[i], end);
        }
        return new BackgroundTraders(engine, truths, worldCodes, start, end, config.seed ^ end, backgroundOrderIds,
            shiftTicks);
    }

    /**
     * Price shock: moves the background traders' quotes and taker view of {@code product} by
     * {@code ticks} (cumulative, negative = down) from their next quote update on, for the rest of
     * the run (later sessions included).
     */
    synchronized void shock(final String product, final long ticks) {
        final int i = requireProduct(product);
        shiftTicks[i] = Math.addExact(shiftTicks[i], ticks);
    }

    /** Total shock applied to a product so far, ticks. */
    synchronized long shockTicks(final String product) {
        return shiftTicks[requireProduct(product)];
    }

    /** Best bid of a product's book in ticks, {@link MatchingEngine#NO_PRICE} when none (for tests). */
    synchronized long bestBid(final String product) {
        return engine.bestBid(requireProduct(product));
    }

    /** Best ask of a product's book in ticks, {@link MatchingEngine#NO_PRICE} when none (for tests). */
    synchronized long bestAsk(final String product) {
        return engine.bestAsk(requireProduct(product));
    }

    synchronized long sessionEnd() {
        return sessionEnd;
    }

    synchronized void onOpen(final VenueSession session) {
        sessions.add(session);
    }

    synchronized void onClose(final VenueSession session) {
        sessions.remove(session);
        if (session.isLoggedIn() && participants.get(session.participant).session == session) {
            participants.get(session.participant).session = null;
        }
    }

    synchronized void onMessage(final VenueSession session, final String text) {
        try {
            decoder.decode(text, in);
        } catch (final ProtocolDecodeException ex) {
            sendError(session, ErrorCode.DECODE_ERROR, ex.getMessage());
            return;
        }
        if (in.type == MessageType.LOGIN) {
            onLogin(session);
            return;
        }
        if (!session.isLoggedIn()) {
            sendError(session, ErrorCode.NOT_LOGGED_IN, MessageType.wireName(in.type) + " before login");
            return;
        }
        switch (in.type) {
            case MessageType.SUBSCRIBE -> onSubscribe(session);
            case MessageType.NEW_ORDER -> onNewOrder(session);
            case MessageType.CANCEL -> onCancel(session);
            case MessageType.HEARTBEAT -> {
            }
            default -> sendError(session, ErrorCode.UNEXPECTED_MESSAGE, MessageType.wireName(in.type) + " is a venue-to-client message");
        }
    }

    private void onLogin(final VenueSession session) {
        final String key = in.apiKey;
        if (!config.apiKeys.isEmpty() && !config.apiKeys.contains(key)) {
            sendError(session, ErrorCode.AUTHENTICATION_FAILED, "API key not accepted");
            session.connection.close(1008, "authentication failed");
            return;
        }
        Integer id = participantByKey.get(key);
        if (id == null) {
            if (participants.size() == config.maxParticipants) {
                sendError(session, ErrorCode.AUTHENTICATION_FAILED, "venue has no room for another participant");
                session.connection.close(1008, "venue full");
                return;
            }
            id = participants.size();
            participantByKey.put(key, id);
            participants.add(new Participant("p" + id, productCount));
        }
        final Participant participant = participants.get(id);
        if (participant.session != null && participant.session != session) {
            sendError(participant.session, ErrorCode.SUPERSEDED, "a newer login with the same API key");
            participant.session.participant = -1;
            participant.session.connection.close(1000, "superseded");
        }
        participant.session = session;
        session.participant = id;
        final long now = worldClock.getAsLong();
        out.reset(MessageType.LOGIN_ACK);
        out.participant = participant.name;
        out.lastExecSeq = participant.executionLog.size();
        out.sessionEnd = sessionEnd;
        out.ts = now;
        session.send(encoder.encode(out));
        final List<String> log = participant.executionLog;
        for (int i = (int)Math.min(Math.max(0, in.lastExecSeq), log.size()); i < log.size(); i++) {
            session.send(log.get(i));
        }
        out.reset(MessageType.PRODUCTS);
        for (int i = 0; i < productCount; i++) {
            out.addProduct(symbols[i], config.tickSize, config.positionLimit);
        }
        session.send(encoder.encode(out));
        for (int i = 0; i < productCount; i++) {
            sendPosition(session, id, i, now);
        }
        out.reset(MessageType.OPEN_ORDERS);
        out.ts = now;
        engine.forEachOpenOrder(id, (clOrdId, orderId, instrument, side, price, qty, leaves) ->
            out.addOrder(clOrdId, orderId, symbols[instrument], side, price, qty, leaves));
        session.send(encoder.encode(out));
    }

    private void onSubscribe(final VenueSession session) {
        for (int k = 0; k < in.productCount; k++) {
            if (!productIds.containsKey(in.symbols[k])) {
                sendError(session, ErrorCode.UNKNOWN_PRODUCT, "unknown product '" + in.symbols[k] + "'");
                return;
            }
        }
        final long now = worldClock.getAsLong();
        for (int k = 0; k < in.productCount; k++) {
            final int i = productIds.get(in.symbols[k]);
            session.subscribed[i] = true;
            out.reset(MessageType.BOOK_SNAPSHOT);
            out.product = symbols[i];
            out.seq = Math.max(1, bookSeq[i]);
            if (bookSeq[i] == 0) {
                bookSeq[i] = 1;
            }
            out.ts = now;
            for (int l = 0; l < shownBids[i]; l++) {
                out.addBid(shownBidPx[i][l], shownBidQty[i][l]);
            }
            for (int l = 0; l < shownAsks[i]; l++) {
                out.addAsk(shownAskPx[i][l], shownAskQty[i][l]);
            }
            session.send(encoder.encode(out));
        }
    }

    private void onNewOrder(final VenueSession session) {
        final Integer instrument = productIds.get(in.product);
        currentProduct = in.product;
        engine.submit(worldClock.getAsLong(), session.participant, in.clOrdId, instrument == null ? -1 : instrument,
            in.side, in.price, in.qty, in.tif);
        publishBooks();
    }

    private void onCancel(final VenueSession session) {
        currentProduct = in.product;
        engine.cancel(worldClock.getAsLong(), session.participant, in.clOrdId);
        publishBooks();
    }

    /** Timer duty: background quotes, then settlement once the session has ended. */
    synchronized void onTimer() {
        final long now = worldClock.getAsLong();
        if (settled) {
            if (now >= sessionEnd) {
                openNextSession();
            }
            return;
        }
        if (now >= sessionEnd) {
            settle(now);
            return;
        }
        if (config.backgroundTraders) {
            traders.onTick(now);
            publishBooks();
        }
    }

    synchronized void onHeartbeatTimer() {
        out.reset(MessageType.HEARTBEAT);
        out.ts = worldClock.getAsLong();
        final String text = encoder.encode(out);
        for (int s = 0; s < sessions.size(); s++) {
            if (sessions.get(s).isLoggedIn()) {
                sessions.get(s).send(text);
            }
        }
    }

    /** Settles every product on the world at the session end (idempotent). */
    synchronized void settleNow() {
        if (!settled) {
            settle(worldClock.getAsLong());
        }
    }

    private void settle(final long now) {
        settled = true;
        for (int i = 0; i < productCount; i++) {
            engine.settle(now, i, world.value(worldCodes[i], sessionEnd));
        }
        publishBooks();
    }

    /** Hash of the books, positions and cash, so tests can show that a seed repeats. */
    synchronized long stateHash() {
        return engine.stateHash();
    }

    /** After the session end has been settled: reopens every product for the 24 h session that follows. */
    private void openNextSession() {
        final long start = sessionEnd;
        sessionEnd = world.nextSettlementAtOrAfter(start + 1);
        traders = tradersFor(start, sessionEnd);
        for (int i = 0; i < productCount; i++) {
            engine.reopen(i);
        }
        settled = false;
    }

    synchronized boolean isSettled() {
        return settled;
    }

    /** Settlement value of a product on the world (known to the venue all along). */
    synchronized double settlementValue(final String product) {
        return world.value(worldCodes[requireProduct(product)], sessionEnd);
    }

    synchronized long position(final String apiKey, final String product) {
        final Integer id = participantByKey.get(apiKey);
        return id == null ? 0 : engine.position(id, requireProduct(product));
    }

    synchronized int openOrderCount(final String apiKey) {
        final Integer id = participantByKey.get(apiKey);
        return id == null ? 0 : engine.openOrderCount(id);
    }

    synchronized double realisedPnl(final String apiKey) {
        final Integer id = participantByKey.get(apiKey);
        if (id == null) {
            return 0;
        }
        double fees = 0;
        for (final double f : participants.get(id).fees) {
            fees += f;
        }
        return engine.realisedPnl(id) - fees;
    }

    /** Number of execution reports sent to a participant with this client order id and type (for tests). */
    synchronized int executionCount(final String apiKey, final String type, final long clOrdId) {
        final Integer id = participantByKey.get(apiKey);
        if (id == null) {
            return 0;
        }
        int n = 0;
        final String typeMember = "\"type\":\"" + type + "\"";
        final String idMember = "\"clOrdId\":" + clOrdId + ",";
        for (final String report : participants.get(id).executionLog) {
            if (report.startsWith("{" + typeMember) && report.contains(idMember)) {
                n++;
            }
        }
        return n;
    }

    /** Closes every client connection from the server side (for tests of reconnection). */
    synchronized void closeAllConnections() {
        for (final VenueSession session : new ArrayList<>(sessions)) {
            session.connection.close(1001, "venue closing the connection");
        }
    }

    private int requireProduct(final String product) {
        final Integer id = productIds.get(product);
        if (id == null) {
            throw new IllegalArgumentException("unknown product '" + product + "'; known: " + config.products);
        }
        return id;
    }

    private void publishBooks() {
        final long now = worldClock.getAsLong();
        for (int i = 0; i < productCount; i++) {
            publishBook(i, now);
        }
    }

    private void publishBook(final int i, final long now) {
        out.reset(MessageType.BOOK_UPDATE);
        int n = engine.depth(i, Side.BUY, scratchPx, scratchQty, config.bookDepth);
        diff(shownBidPx[i], shownBidQty[i], shownBids[i], scratchPx, scratchQty, n, true);
        System.arraycopy(scratchPx, 0, shownBidPx[i], 0, n);
        System.arraycopy(scratchQty, 0, shownBidQty[i], 0, n);
        shownBids[i] = n;
        n = engine.depth(i, Side.SELL, scratchPx, scratchQty, config.bookDepth);
        diff(shownAskPx[i], shownAskQty[i], shownAsks[i], scratchPx, scratchQty, n, false);
        System.arraycopy(scratchPx, 0, shownAskPx[i], 0, n);
        System.arraycopy(scratchQty, 0, shownAskQty[i], 0, n);
        shownAsks[i] = n;
        if (out.bidCount == 0 && out.askCount == 0) {
            return;
        }
        bookSeq[i] = Math.max(1, bookSeq[i]) + 1;
        out.product = symbols[i];
        out.seq = bookSeq[i];
        out.ts = now;
        sendToSubscribers(i, encoder.encode(out));
    }

    private void diff(final long[] oldPx, final long[] oldQty, final int oldCount, final long[] newPx, final long[] newQty,
                      final int newCount, final boolean bids) {
        for (int o = 0; o < oldCount; o++) {
            if (indexOf(newPx, newCount, oldPx[o]) < 0) {
                add(bids, oldPx[o], 0);
            }
        }
        for (int k = 0; k < newCount; k++) {
            final int o = indexOf(oldPx, oldCount, newPx[k]);
            if (o < 0 || oldQty[o] != newQty[k]) {
                add(bids, newPx[k], newQty[k]);
            }
        }
    }

    private void add(final boolean bids, final long price, final long qty) {
        if (bids) {
            out.addBid(price, qty);
        } else {
            out.addAsk(price, qty);
        }
    }

    private static int indexOf(final long[] prices, final int count, final long price) {
        for (int k = 0; k < count; k++) {
            if (prices[k] == price) {
                return k;
            }
        }
        return -1;
    }

    private void sendToSubscribers(final int instrument, final String text) {
        for (int s = 0; s < sessions.size(); s++) {
            final VenueSession session = sessions.get(s);
            if (session.isLoggedIn() && session.subscribed[instrument]) {
                session.send(text);
            }
        }
    }

    private void sendPosition(final VenueSession session, final int participant, final int instrument, final long now) {
        out.reset(MessageType.POSITION);
        out.product = symbols[instrument];
        out.position = engine.position(participant, instrument);
        out.ts = now;
        session.send(encoder.encode(out));
    }

    private void sendError(final VenueSession session, final int code, final String text) {
        final ProtocolMessage error = errorOut.reset(MessageType.ERROR);
        error.code = code;
        error.text = text.length() > ProtocolDecoder.MAX_TEXT_CHARS ? text.substring(0, ProtocolDecoder.MAX_TEXT_CHARS) : text;
        session.send(encoder.encode(error));
    }

    private void report(final int participant, final ProtocolMessage report) {
        final Participant p = participants.get(participant);
        report.execSeq = p.executionLog.size() + 1;
        final String text = encoder.encode(report);
        p.executionLog.add(text);
        if (p.session != null) {
            p.session.send(text);
        }
    }

    private String symbol(final int instrument) {
        return instrument >= 0 && instrument < productCount ? symbols[instrument] : currentProduct;
    }

    // ---------------------------------------------------------------- ExecutionListener

    @Override
    public void onAccepted(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                           final int side, final long priceTicks, final long quantity, final int timeInForce, final long nowNanos) {
        if (participant < backgroundCount) {
            return;
        }
        out.reset(MessageType.ACK);
        out.clOrdId = clientOrderId;
        out.orderId = venueOrderId;
        out.product = symbols[instrument];
        out.side = side;
        out.price = priceTicks;
        out.qty = quantity;
        out.tif = timeInForce;
        out.ts = nowNanos;
        report(participant, out);
    }

    @Override
    public void onRejected(final int participant, final long clientOrderId, final int instrument, final int side,
                           final long priceTicks, final long quantity, final int reason, final long nowNanos) {
        if (participant < backgroundCount) {
            return;
        }
        out.reset(MessageType.REJECT);
        out.clOrdId = clientOrderId;
        out.product = symbol(instrument);
        out.reason = reason;
        out.text = RejectReason.name(reason);
        out.ts = nowNanos;
        report(participant, out);
    }

    @Override
    public void onFill(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                       final int side, final long priceTicks, final long quantity, final long leaves,
                       final boolean aggressor, final long nowNanos) {
        if (participant < backgroundCount) {
            return;
        }
        final double fee = config.feePerLot * quantity;
        participants.get(participant).fees[instrument] += fee;
        out.reset(MessageType.FILL);
        out.clOrdId = clientOrderId;
        out.orderId = venueOrderId;
        out.product = symbols[instrument];
        out.side = side;
        out.price = priceTicks;
        out.qty = quantity;
        out.leaves = leaves;
        out.fee = fee;
        out.ts = nowNanos;
        report(participant, out);
        final VenueSession session = participants.get(participant).session;
        if (session != null) {
            sendPosition(session, participant, instrument, nowNanos);
        }
    }

    @Override
    public void onCancelled(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                            final int side, final long cancelledQuantity, final int reason, final long nowNanos) {
        if (participant < backgroundCount) {
            return;
        }
        out.reset(MessageType.CANCELLED);
        out.clOrdId = clientOrderId;
        out.orderId = venueOrderId;
        out.product = symbols[instrument];
        out.qty = cancelledQuantity;
        out.reason = reason;
        out.ts = nowNanos;
        report(participant, out);
    }

    @Override
    public void onCancelRejected(final int participant, final long clientOrderId, final int reason, final long nowNanos) {
        if (participant < backgroundCount) {
            return;
        }
        out.reset(MessageType.CANCEL_REJECT);
        out.clOrdId = clientOrderId;
        out.product = currentProduct;
        out.reason = reason;
        out.text = RejectReason.name(reason);
        out.ts = nowNanos;
        report(participant, out);
    }

    @Override
    public void onTrade(final int instrument, final long priceTicks, final long quantity, final int aggressorSide,
                        final int buyer, final int seller, final long nowNanos) {
        final ProtocolMessage trade = tradeOut.reset(MessageType.TRADE);
        trade.product = symbols[instrument];
        trade.price = priceTicks;
        trade.qty = quantity;
        trade.side = aggressorSide;
        trade.ts = nowNanos;
        sendToSubscribers(instrument, encoder.encode(trade));
    }

    @Override
    public void onSettled(final int participant, final int instrument, final long position, final double settlementPrice,
                          final double pnl, final long nowNanos) {
        if (participant < backgroundCount) {
            return;
        }
        final Participant p = participants.get(participant);
        out.reset(MessageType.SETTLEMENT);
        out.product = symbols[instrument];
        out.settlementPrice = settlementPrice;
        out.position = position;
        out.pnl = pnl - p.fees[instrument];
        out.ts = nowNanos;
        report(participant, out);
    }
}
