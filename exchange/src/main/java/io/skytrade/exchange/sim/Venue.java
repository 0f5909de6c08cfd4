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
import org.java_websocket.framing.CloseFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The simulated venue's logic: logins and sessions, subscriptions, order entry into the
 * {@link MatchingEngine}, execution reports with per-participant sequence numbers kept for replay
 * on reconnect, book snapshots and incremental updates with per-product sequence numbers,
 * background traders, settlement on the {@link SyntheticWorld} at the session end under the
 * configured settlement rules ({@link WorldSettlement}, the rules the engine's valuation uses), and
 * the release of idle participants ({@link ParticipantTable}).
 *
 * <p>Thread-safety: none, by design. Every method runs on the venue thread of a {@link VenueAgent}
 * (socket events, timers and queries are posted to it), so the venue holds no lock and may call
 * into connections (send, close) freely; see {@link VenueAgent} for why this replaced the venue
 * lock. Tests may drive a venue from a single thread of their own. Client and socket problems are
 * logged as one rate-limited line each ({@link ProblemLog}). Not on the engine's hot path.
 */
final class Venue implements ExecutionListener {
    private final VenueConfig config;
    private final LongSupplier worldClock;
    private final LongSupplier wallNanos;
    private final ProblemLog problems;
    private final WorldSettlement world;
    private final MatchingEngine engine;
    private final int productCount;
    private final String[] symbols;
    private final int[] worldCodes;
    private final Map<String, Integer> productIds = new HashMap<>();
    private final int backgroundCount;
    private final long[] shiftTicks;
    private final long[] backgroundOrderIds;
    private final PublicForecast forecast;
    private final BasketPricing basket;
    private BackgroundTraders traders;
    private long sessionEnd;
    private TradeTap tradeTap;
    private boolean settled;

    private final ParticipantTable participants;
    private final List<VenueSession> sessions = new ArrayList<>();
    private long logins;
    private long settlements;

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

    /** A venue on the wall clock of {@link System#nanoTime()} for idle release, logging problems to SLF4J. */
    Venue(final VenueConfig config, final LongSupplier worldClock) {
        this(config, worldClock, System::nanoTime, new ProblemLog());
    }

    /**
     * @param worldClock world time, epoch nanoseconds (sessions, settlement, report timestamps)
     * @param wallNanos  a monotonic wall clock, nanoseconds, for the idle release of participants
     * @param problems   where client and socket problems are logged
     */
    Venue(final VenueConfig config, final LongSupplier worldClock, final LongSupplier wallNanos, final ProblemLog problems) {
        this(config, worldClock, wallNanos, problems, new SyntheticWorld(config.seed));
    }

    /** A venue on a given world (tests: a world whose future was redrawn); {@code config.seed} still seeds the traders. */
    Venue(final VenueConfig config, final LongSupplier worldClock, final SyntheticWorld world) {
        this(config, worldClock, System::nanoTime, new ProblemLog(), world);
    }

    private Venue(final VenueConfig config, final LongSupplier worldClock, final LongSupplier wallNanos, final ProblemLog problems,
                  final SyntheticWorld syntheticWorld) {
        this.config = config;
        this.worldClock = worldClock;
        this.wallNanos = wallNanos;
        this.problems = problems;
        this.world = new WorldSettlement(syntheticWorld, config.settlement);
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
        }
        for (int p = backgroundCount; p < config.maxParticipants; p++) {
            engine.rateLimit(p, config.orderRatePerSecond, config.orderBurst);
        }
        this.participants = new ParticipantTable(backgroundCount, config.maxParticipants, productCount);
        final long start = worldClock.getAsLong();
        this.forecast = publicForecast(config, syntheticWorld, worldCodes, start);
        this.basket = BasketPricing.of(config.settlement, worldCodes, config.basketPricing);
        this.sessionEnd = config.sessionEndNanos != 0 ? config.sessionEndNanos : world.nextSettlementAtOrAfter(start + 1);
        this.traders = tradersFor(sessionEnd);
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

    /**
     * The public forecast the background participants of {@code config.marketSkill} quote around:
     * built from the public readings of {@code world} and, at every level, settled under the
     * venue's settlement rules; never from the world's settlement.
     */
    static PublicForecast publicForecast(final VenueConfig config, final SyntheticWorld world, final int[] worldCodes,
                                         final long start) {
        final PublicReadings readings = new PublicReadings(world, config.readingSeed, config.readingNoiseScale);
        return switch (config.marketSkill) {
            case DULL -> new PersistenceForecast(readings, config.settlement, worldCodes);
            case MEDIUM -> new WeatherServiceForecast(world, readings, config.settlement, worldCodes, config.seed);
            case SHARP -> new FilteredFeedForecast(world, readings, config.settlement, worldCodes, start);
        };
    }

    private BackgroundTraders tradersFor(final long end) {
        return new BackgroundTraders(engine, forecast, config.marketSkill, productCount, end, config.seed ^ end,
            config.traderNoise, config.sizeSkew, config.flowImpact, basket, backgroundOrderIds, shiftTicks);
    }

    /**
     * Price shock: moves the background traders' quotes and taker view of {@code product} by
     * {@code ticks} (cumulative, negative = down) from their next quote update on, for the rest of
     * the run (later sessions included).
     */
    void shock(final String product, final long ticks) {
        final int i = requireProduct(product);
        shiftTicks[i] = Math.addExact(shiftTicks[i], ticks);
    }

    /** Total shock applied to a product so far, ticks. */
    long shockTicks(final String product) {
        return shiftTicks[requireProduct(product)];
    }

    /** Best bid of a product's book in ticks, {@link MatchingEngine#NO_PRICE} when none (for tests). */
    long bestBid(final String product) {
        return engine.bestBid(requireProduct(product));
    }

    /** Best ask of a product's book in ticks, {@link MatchingEngine#NO_PRICE} when none (for tests). */
    long bestAsk(final String product) {
        return engine.bestAsk(requireProduct(product));
    }

    /** Resting quantity of a product's book at a price on one side ({@link Side}), lots (for tests). */
    long quantityAt(final String product, final int side, final long price) {
        return engine.quantityAt(requireProduct(product), side, price);
    }

    long sessionEnd() {
        return sessionEnd;
    }

    /** Who traded with whom, for a front end that shows counterparties (the CMI venue's trade list). */
    interface TradeTap {
        void onTrade(int instrument, long priceTicks, long quantity, String buyer, String seller, long nowNanos);
    }

    /** Sets the one {@link TradeTap} told of every trade with both participants' names (null: none). */
    void tradeTap(final TradeTap tap) {
        tradeTap = tap;
    }

    /** A participant's name: its login name, or {@code market-<slot>} for a background trader. */
    private String participantName(final int participant) {
        final ParticipantTable.Participant p = participants.get(participant);
        return p != null ? p.name : "market-" + participant;
    }

    // ---------------------------------------------------------------- connections

    void onOpen(final VenueSession session) {
        if (!session.isMarkedClosed()) {
            session.active = true;
            sessions.add(session);
        }
    }

    void onClose(final VenueSession session, final int code, final String reason, final boolean remote) {
        if (!session.active) {
            return;
        }
        session.active = false;
        sessions.remove(session);
        if (!remote) {
            final String problem = switch (code) {
                case CloseFrame.NO_UTF8 -> "text frame is not valid UTF-8: connection closed (1007)";
                case CloseFrame.TOOBIG -> "frame larger than " + VenueServer.MAX_FRAME_BYTES + " bytes: connection closed (1009)";
                case CloseFrame.PROTOCOL_ERROR -> "WebSocket protocol error (" + reason + "): connection closed (1002)";
                default -> null;
            };
            if (problem != null) {
                problems.problem(who(session), problem);
            }
        }
        final ParticipantTable.Participant p = participants.get(session.participant);
        if (p != null && p.session == session) {
            p.session = null;
            p.idleSinceNanos = wallNanos.getAsLong();
            releaseIdleParticipants();
        }
    }

    /** One text frame of a connection: a protocol message, decoded and handled, or answered with an error. */
    void onFrame(final VenueSession session, final String text) {
        if (!session.active) {
            return;
        }
        try {
            decoder.decode(text, in);
        } catch (final ProtocolDecodeException ex) {
            refuse(session, ErrorCode.DECODE_ERROR, ex.getMessage(), text);
            return;
        }
        if (in.type == MessageType.LOGIN) {
            onLogin(session);
            return;
        }
        if (!session.isLoggedIn()) {
            refuse(session, ErrorCode.NOT_LOGGED_IN, MessageType.wireName(in.type) + " before login", null);
            return;
        }
        switch (in.type) {
            case MessageType.SUBSCRIBE -> onSubscribe(session);
            case MessageType.NEW_ORDER -> onNewOrder(session);
            case MessageType.CANCEL -> onCancel(session);
            case MessageType.HEARTBEAT -> {
            }
            default -> refuse(session, ErrorCode.UNEXPECTED_MESSAGE, MessageType.wireName(in.type) + " is a venue-to-client message", null);
        }
    }

    /** A binary frame: not part of the protocol, answered with error code 1; the connection stays open. */
    void onBinaryFrame(final VenueSession session, final int bytes) {
        if (session.active) {
            refuse(session, ErrorCode.DECODE_ERROR, "binary frame of " + bytes + " bytes: messages are JSON in text frames", null);
        }
    }

    /** A socket-level problem the transport reported for a connection (it closes the connection itself when needed). */
    void onSocketError(final VenueSession session, final String problem) {
        problems.problem(who(session), problem);
    }

    /** A problem of the listening socket itself. */
    void onServerError(final Exception ex) {
        problems.problem("server socket", ex.toString());
    }

    private void onLogin(final VenueSession session) {
        if (session.isLoggedIn()) {
            refuse(session, ErrorCode.ALREADY_LOGGED_IN, "this connection is already logged in as "
                + participants.get(session.participant).name + "; log in with another key on a new connection", null);
            return;
        }
        final String key = in.apiKey;
        if (!config.apiKeys.isEmpty() && !config.apiKeys.contains(key)) {
            refuse(session, ErrorCode.AUTHENTICATION_FAILED, "API key not accepted", null);
            session.close(CloseFrame.POLICY_VALIDATION, "authentication failed");
            return;
        }
        ParticipantTable.Participant participant = participants.byKey(key);
        if (participant == null) {
            releaseIdleParticipants();
            participant = participants.add(key);
            if (participant == null) {
                refuse(session, ErrorCode.VENUE_FULL, "the venue holds " + participants.capacity()
                    + " participants, its most; try again later", null);
                session.close(CloseFrame.POLICY_VALIDATION, "venue full");
                return;
            }
        }
        final VenueSession superseded = participant.session;
        if (superseded != null) {
            sendError(superseded, ErrorCode.SUPERSEDED, "a newer login with the same API key");
            superseded.participant = -1;
            superseded.close(CloseFrame.NORMAL, "superseded");
        }
        participant.session = session;
        session.participant = participant.id;
        logins++;
        final long now = worldClock.getAsLong();
        sendLoginAck(session, participant, now);
        final List<String> log = participant.executionLog;
        for (int i = (int)Math.min(in.lastExecSeq, log.size()); i < log.size(); i++) {
            session.send(log.get(i));
        }
        out.reset(MessageType.PRODUCTS);
        for (int i = 0; i < productCount; i++) {
            out.addProduct(symbols[i], config.tickSize, config.positionLimit);
        }
        session.send(encoder.encode(out));
        for (int i = 0; i < productCount; i++) {
            sendPosition(session, participant.id, i, now);
        }
        out.reset(MessageType.OPEN_ORDERS);
        out.ts = now;
        engine.forEachOpenOrder(participant.id, (clOrdId, orderId, instrument, side, price, qty, leaves) ->
            out.addOrder(clOrdId, orderId, symbols[instrument], side, price, qty, leaves));
        session.send(encoder.encode(out));
    }

    private void sendLoginAck(final VenueSession session, final ParticipantTable.Participant participant, final long now) {
        out.reset(MessageType.LOGIN_ACK);
        out.participant = participant.name;
        out.lastExecSeq = participant.executionLog.size();
        out.sessionEnd = sessionEnd;
        out.ts = now;
        session.send(encoder.encode(out));
    }

    /** Releases the participants idle past {@link VenueConfig#participantIdleTimeoutMillis} that own nothing. */
    void releaseIdleParticipants() {
        participants.releaseIdle(wallNanos.getAsLong(), config.participantIdleTimeoutMillis * 1_000_000L,
            engine::releaseParticipant);
    }

    // ---------------------------------------------------------------- subscriptions and order entry

    private void onSubscribe(final VenueSession session) {
        for (int k = 0; k < in.productCount; k++) {
            if (!productIds.containsKey(in.symbols[k])) {
                refuse(session, ErrorCode.UNKNOWN_PRODUCT, "unknown product '" + in.symbols[k] + "'", null);
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
        final Integer instrument = productIds.get(in.product);
        currentProduct = in.product;
        engine.cancel(worldClock.getAsLong(), session.participant, in.clOrdId, instrument == null ? -1 : instrument);
        publishBooks();
    }

    /** Timer duty: background quotes, then settlement once the session has ended. */
    void onTimer() {
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

    void onHeartbeatTimer() {
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
    void settleNow() {
        if (!settled) {
            settle(worldClock.getAsLong());
        }
    }

    private void settle(final long now) {
        settled = true;
        settlements++;
        for (int i = 0; i < productCount; i++) {
            engine.settle(now, i, world.value(worldCodes[i], sessionEnd));
        }
        publishBooks();
    }

    /** Hash of the books, positions and cash, so tests can show that a seed repeats. */
    long stateHash() {
        return engine.stateHash();
    }

    /**
     * After the session end has been settled: reopens every product for the 24 h session that
     * follows and tells every logged-in connection its new end with a {@code login_ack}.
     */
    private void openNextSession() {
        final long start = sessionEnd;
        sessionEnd = world.nextSettlementAtOrAfter(start + 1);
        traders = tradersFor(sessionEnd);
        for (int i = 0; i < productCount; i++) {
            engine.reopen(i);
        }
        settled = false;
        final long now = worldClock.getAsLong();
        for (int s = 0; s < sessions.size(); s++) {
            final ParticipantTable.Participant p = participants.get(sessions.get(s).participant);
            if (p != null) {
                sendLoginAck(sessions.get(s), p, now);
            }
        }
    }

    boolean isSettled() {
        return settled;
    }

    /** Settlement value of a product on the world (known to the venue all along). */
    double settlementValue(final String product) {
        return world.value(worldCodes[requireProduct(product)], sessionEnd);
    }

    /** Position of the participant logged in with {@code apiKey} (0 when the venue holds no record of it). */
    long position(final String apiKey, final String product) {
        final ParticipantTable.Participant p = participants.byKey(apiKey);
        return p == null ? 0 : engine.position(p.id, requireProduct(product));
    }

    int openOrderCount(final String apiKey) {
        final ParticipantTable.Participant p = participants.byKey(apiKey);
        return p == null ? 0 : engine.openOrderCount(p.id);
    }

    double realisedPnl(final String apiKey) {
        final ParticipantTable.Participant p = participants.byKey(apiKey);
        if (p == null) {
            return 0;
        }
        double fees = 0;
        for (final double f : p.fees) {
            fees += f;
        }
        return engine.realisedPnl(p.id) - fees;
    }

    /** Participant records the venue holds now (connected or not yet released). */
    int participantCount() {
        return participants.size();
    }

    /** Participant records released so far. */
    long releasedParticipantCount() {
        return participants.releasedCount();
    }

    /** Sessions settled so far. */
    long settlementCount() {
        return settlements;
    }

    /** Successful logins so far. */
    long loginCount() {
        return logins;
    }

    /** Open connections. */
    int connectionCount() {
        return sessions.size();
    }

    /** Number of execution reports sent to a participant with this client order id and type (for tests). */
    int executionCount(final String apiKey, final String type, final long clOrdId) {
        final ParticipantTable.Participant p = participants.byKey(apiKey);
        if (p == null) {
            return 0;
        }
        int n = 0;
        final String typeMember = "\"type\":\"" + type + "\"";
        final String idMember = "\"clOrdId\":" + clOrdId + ",";
        for (final String report : p.executionLog) {
            if (report.startsWith("{" + typeMember) && report.contains(idMember)) {
                n++;
            }
        }
        return n;
    }

    /** Drops every client connection without a close handshake (reconnection drills: a network failure). */
    void dropAllConnections() {
        for (final VenueSession session : new ArrayList<>(sessions)) {
            session.drop();
        }
    }

    /** Closes every client connection from the server side (for tests of reconnection). */
    void closeAllConnections() {
        for (final VenueSession session : new ArrayList<>(sessions)) {
            session.close(CloseFrame.GOING_AWAY, "venue closing the connection");
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

    /** Answers a client's problem with an {@code error} and logs it as one (rate-limited) line, with the frame when given. */
    private void refuse(final VenueSession session, final int code, final String text, final String frame) {
        problems.problem(who(session), "error " + code + ": " + text
            + (frame == null ? "" : "; frame: " + (frame.length() > 120 ? frame.substring(0, 120) + "..." : frame)));
        sendError(session, code, text);
    }

    private String who(final VenueSession session) {
        final ParticipantTable.Participant p = participants.get(session.participant);
        return session.who(p == null ? null : p.name);
    }

    private void report(final int participant, final ProtocolMessage report) {
        final ParticipantTable.Participant p = participants.get(participant);
        report.execSeq = p.executionLog.size() + 1;
        final String text = encoder.encode(report);
        p.executionLog.add(text);
        if (p.session != null) {
            p.session.send(text);
        } else {
            p.idleSinceNanos = wallNanos.getAsLong();
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
            if (participant < productCount && !aggressor) {
                traders.onMakerFill(instrument, side, quantity, nowNanos);
            }
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
        if (tradeTap != null) {
            tradeTap.onTrade(instrument, priceTicks, quantity, participantName(buyer), participantName(seller), nowNanos);
        }
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
        final ParticipantTable.Participant p = participants.get(participant);
        out.reset(MessageType.SETTLEMENT);
        out.product = symbols[instrument];
        out.settlementPrice = settlementPrice;
        out.position = position;
        out.pnl = pnl - p.fees[instrument];
        out.ts = nowNanos;
        report(participant, out);
    }
}
