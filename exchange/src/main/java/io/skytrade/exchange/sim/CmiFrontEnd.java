package io.skytrade.exchange.sim;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.cmi.CmiJson;
import io.skytrade.exchange.cmi.CmiProtocolException;
import io.skytrade.exchange.cmi.IsoInstant;
import io.skytrade.exchange.cmi.TokenBucket;
import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.ProtocolDecodeException;
import io.skytrade.exchange.protocol.ProtocolDecoder;
import io.skytrade.exchange.protocol.ProtocolEncoder;
import io.skytrade.exchange.protocol.ProtocolMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The simulated venue speaking the CMI Exchange protocol ({@code reference/cmi-exchange.md},
 * {@code exchange/CMI.md}): REST requests and the server-sent event stream, over the very same
 * {@link Venue} (matching, position limits, background traders, settlement at London noon) that the
 * WebSocket front end serves. Each CMI user is a participant of the venue, logged in through an
 * in-process {@link VenueSession} whose frames come straight back here: an order placed over REST
 * is a {@code new_order} the venue matches while the request is handled, and its reply (ack or
 * reject, immediate fills) becomes the REST answer. One more in-process session subscribes to every
 * book; from it and each user's own resting orders the front end builds the personalised
 * {@code order} snapshots. Trades reach it with both participants' names ({@link Venue.TradeTap}),
 * for the stream's {@code trade} events (each user's own, batched per matching event) and the
 * market trade list. Order ids are UUIDs drawn from the venue's seed, so a seeded run repeats. It enforces a per-user REST rate limit in venue time (429, counted as a
 * breach), expires login tokens (401), and can be told to answer the next requests with an error
 * status (a 429 storm, a 5xx) for drills; such answers still count against the rate limit.
 *
 * <p>Not thread-safe: every method runs on the venue's thread ({@link VenueAgent}), like the venue
 * itself; the HTTP transport ({@link CmiHttpServer}) posts requests there. Not on the engine's hot path.
 */
final class CmiFrontEnd implements Venue.TradeTap {
    /** What a REST request is answered with; {@code authorization} only for a login. */
    record Response(int status, String authorization, String body) {
        boolean isJson() {
            return !body.isEmpty() && (body.charAt(0) == '{' || body.charAt(0) == '[');
        }
    }

    /** Where one stream's events go (the HTTP transport's queue); never blocks. */
    interface StreamSink {
        /** Queues one event; false when the stream is gone or not reading (it is then dropped). */
        boolean offer(String event);

        /** Ends the stream. */
        void close();
    }

    private static final String MARKET_KEY = "cmi-market-data";
    private static final String KEY_PREFIX = "cmi:";

    private final Venue venue;
    private final VenueConfig venueConfig;
    private final CmiVenueConfig config;
    private final LongSupplier clock;
    private final Runnable requestFlush;
    private final ProblemLog problems;
    private final int productCount;
    private final String[] symbols;
    private final Map<String, Integer> productIds = new HashMap<>();
    private final ProtocolDecoder decoder = new ProtocolDecoder();
    private final ProtocolEncoder encoder = new ProtocolEncoder();
    private final ProtocolMessage in = new ProtocolMessage();
    private final ProtocolMessage out = new ProtocolMessage();
    private final List<TreeMap<Long, Long>> bids = new ArrayList<>();
    private final List<TreeMap<Long, Long>> asks = new ArrayList<>();
    private final boolean[] dirty;
    private boolean flushRequested;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, User> byParticipant = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final List<Stream> streams = new ArrayList<>();
    private final ArrayDeque<TradeRecord> trades = new ArrayDeque<>();
    private final SplittableRandom orderIds;
    private int faultStatus;
    private int faultsLeft;
    private long requests;
    private long breaches;
    private long faultsAnswered;

    private record Token(User user, long expiresAt) {
    }

    private record TradeRecord(long ts, int product, String buyer, String seller, long volume, long price) {
    }

    private record Stream(User user, String token, StreamSink sink) {
    }

    /** One resting order of a user. */
    private static final class Order {
        final String uuid;
        final long clOrdId;
        final int product;
        final int side;
        final long price;
        final long qty;
        final long ts;
        long leaves;
        long filled;
        boolean cancelled;

        Order(final String uuid, final long clOrdId, final int product, final int side, final long price, final long qty,
              final long ts) {
            this.uuid = uuid;
            this.clOrdId = clOrdId;
            this.product = product;
            this.side = side;
            this.price = price;
            this.qty = qty;
            this.ts = ts;
            this.leaves = qty;
        }
    }

    /** A CMI user: its venue participant, resting orders, positions and what the stream still owes it. */
    private final class User {
        final String name;
        final TokenBucket bucket = new TokenBucket(config.requestsPerSecond, config.burst);
        final Map<Long, Order> open = new LinkedHashMap<>();
        final Map<String, Order> byUuid = new HashMap<>();
        final long[] position = new long[productCount];
        final List<String> pendingTrades = new ArrayList<>();
        final List<String> pendingSettlements = new ArrayList<>();
        VenueSession session;
        long lastExecSeq;
        long nextClOrdId;
        long requests;
        long breaches;
        long captureId;
        int captureReason = -1;
        Order captured;
        boolean captureCancelRejected;
        long captureCancelledQty;

        User(final String name) {
            this.name = name;
        }

        long ownAt(final int product, final int side, final long price) {
            long sum = 0;
            for (final Order o : open.values()) {
                if (o.product == product && o.side == side && o.price == price) {
                    sum += o.leaves;
                }
            }
            return sum;
        }
    }

    /**
     * @param venue        the venue (also the WebSocket front end's, if one runs)
     * @param venueConfig  its configuration (products, tick size, position limit)
     * @param config       the CMI front end's own settings
     * @param clock        the venue's world clock, epoch nanoseconds
     * @param requestFlush asks the host to call {@link #flush()} on the venue thread after the current task
     * @param problems     where client problems are logged
     */
    CmiFrontEnd(final Venue venue, final VenueConfig venueConfig, final CmiVenueConfig config, final LongSupplier clock,
                final Runnable requestFlush, final ProblemLog problems) {
        this.venue = venue;
        this.venueConfig = venueConfig;
        this.config = config;
        this.clock = clock;
        this.requestFlush = requestFlush;
        this.problems = problems;
        this.productCount = venueConfig.products.size();
        this.symbols = venueConfig.products.toArray(new String[0]);
        for (int i = 0; i < productCount; i++) {
            productIds.put(symbols[i], i);
            bids.add(new TreeMap<>(Collections.reverseOrder()));
            asks.add(new TreeMap<>());
        }
        this.dirty = new boolean[productCount];
        this.orderIds = new SplittableRandom(venueConfig.seed ^ 0x636d69L);
        venue.tradeTap(this);
        final VenueSession market = openSession(MARKET_KEY, this::onMarketFrame);
        out.reset(MessageType.SUBSCRIBE);
        for (final String s : symbols) {
            out.addProduct(s, 0, 0);
        }
        venue.onFrame(market, encoder.encode(out));
    }

    // ---------------------------------------------------------------- REST

    /**
     * Answers one REST request.
     *
     * @param method        HTTP method
     * @param path          path without the query ({@code /api/order})
     * @param query         the query string, or null
     * @param authorization the {@code Authorization} header, or null
     * @param body          the request body ("" when none)
     */
    Response handle(final String method, final String path, final String query, final String authorization, final String body) {
        final long now = clock.getAsLong();
        requests++;
        if ("POST".equals(method) && "/api/user/authenticate".equals(path)) {
            return login(body, now);
        }
        final Token token = authorization == null ? null : tokens.get(authorization);
        if (token == null || token.expiresAt <= now) {
            if (token != null) {
                tokens.remove(authorization);
            }
            return text(401, "unauthorised: log in (POST /api/user/authenticate) and send the token in Authorization");
        }
        final User user = token.user;
        final Response limited = admit(user, now);
        if (limited != null) {
            return limited;
        }
        ensureSession(user);
        try {
            final Response r = route(method, path, query, body, user, now);
            flushIfRequested();
            return r;
        } catch (final CmiProtocolException ex) {
            problems.problem(KEY_PREFIX + user.name, method + " " + path + ": " + ex.getMessage());
            return text(400, "bad request: " + ex.getMessage());
        }
    }

    private Response route(final String method, final String path, final String query, final String body, final User user,
                           final long now) throws CmiProtocolException {
        if ("GET".equals(method)) {
            if ("/api/product".equals(path)) {
                return json(products());
            }
            if ("/api/order/current-user".equals(path)) {
                return json(openOrders(user, param(query, "productsymbol")));
            }
            if ("/api/position/current-user".equals(path)) {
                return json(positions(user));
            }
            if ("/api/trade".equals(path)) {
                return tradeList(param(query, "from"));
            }
            if ("/api/profit/current-user".equals(path)) {
                return json("{\"totalProfit\":" + venue.realisedPnl(KEY_PREFIX + user.name) + "}");
            }
            if (path.startsWith("/api/product/") && path.endsWith("/order-book/current-user")) {
                final String symbol = path.substring("/api/product/".length(), path.length() - "/order-book/current-user".length());
                final Integer product = productIds.get(symbol);
                return product == null ? text(404, "unknown product '" + symbol + "'") : json(restBook(user, product));
            }
        } else if ("POST".equals(method) && "/api/order".equals(path)) {
            return place(user, CmiJson.object(body), now);
        } else if ("DELETE".equals(method) && path.startsWith("/api/order/")) {
            return cancel(user, path.substring("/api/order/".length()));
        }
        return text(404, "no such endpoint: " + method + " " + path);
    }

    private Response login(final String body, final long now) {
        final Map<String, String> credentials;
        try {
            credentials = CmiJson.object(body);
        } catch (final CmiProtocolException ex) {
            return text(400, "bad request: " + ex.getMessage());
        }
        final String name = credentials.get("username");
        final String password = credentials.get("password");
        final boolean known = config.users.isEmpty() ? name != null && !name.isEmpty() && password != null && !password.isEmpty()
            : password != null && password.equals(config.users.get(name));
        if (!known) {
            problems.problem("cmi login", "refused for user '" + name + "'");
            return text(401, "unauthorised: unknown user or wrong password");
        }
        final User user = users.computeIfAbsent(name, User::new);
        final Response limited = admit(user, now);
        if (limited != null) {
            return limited;
        }
        ensureSession(user);
        final String token = UUID.randomUUID().toString();
        tokens.put(token, new Token(user, now + config.tokenTtlNanos));
        return new Response(200, token, "");
    }

    /** The rate limit (429, a breach) and any injected fault; null when the request may proceed. */
    private Response admit(final User user, final long now) {
        user.requests++;
        if (!user.bucket.tryTake(now)) {
            user.breaches++;
            breaches++;
            return text(429, "Too Many Requests: at most " + config.requestsPerSecond + " requests per second");
        }
        if (faultsLeft > 0) {
            faultsLeft--;
            faultsAnswered++;
            return text(faultStatus, faultStatus == 429 ? "Too Many Requests (venue busy)" : "venue error (drill)");
        }
        return null;
    }

    private Response place(final User user, final Map<String, String> o, final long now) throws CmiProtocolException {
        final String symbol = CmiJson.string(o, "product");
        final Integer product = productIds.get(symbol);
        if (product == null) {
            return text(400, "order rejected: unknown product '" + symbol + "'");
        }
        final String sideText = CmiJson.string(o, "side");
        final int side = "BUY".equals(sideText) ? Side.BUY : "SELL".equals(sideText) ? Side.SELL : Side.NONE;
        if (side == Side.NONE) {
            return text(400, "order rejected: side '" + sideText + "' is neither BUY nor SELL");
        }
        final double price = CmiJson.number(o, "price");
        final double ticks = price / venueConfig.tickSize;
        if (ticks != Math.rint(ticks) || price < 0) {
            return text(400, "order rejected: price " + price + " is not a non-negative multiple of the tick size " + venueConfig.tickSize);
        }
        final long volume = CmiJson.whole(o, "volume");
        if (volume <= 0) {
            return text(400, "order rejected: volume " + volume + " must be positive");
        }
        final long clOrdId = ++user.nextClOrdId;
        capture(user, clOrdId);
        out.reset(MessageType.NEW_ORDER);
        out.clOrdId = clOrdId;
        out.product = symbol;
        out.side = side;
        out.price = (long)ticks;
        out.qty = volume;
        out.tif = TimeInForce.GTC;
        venue.onFrame(user.session, encoder.encode(out));
        final Order order = user.captured;
        user.captureId = 0;
        if (order == null) {
            return rejected(user.captureReason);
        }
        return json(orderJson(user, order, order.cancelled ? "CANCELLED" : null));
    }

    private Response rejected(final int reason) {
        return switch (reason) {
            case RejectReason.POSITION_LIMIT -> text(400, "order rejected: position limit of " + venueConfig.positionLimit
                + " per product would be exceeded");
            case RejectReason.SESSION_CLOSED -> text(400, "order rejected: the session is closed (settled at noon)");
            case RejectReason.RATE_LIMIT -> text(429, "Too Many Requests: order rate limit");
            case RejectReason.INVALID_PRICE -> text(400, "order rejected: price out of range");
            case RejectReason.INVALID_QUANTITY -> text(400, "order rejected: volume out of range");
            default -> text(400, "order rejected: " + RejectReason.name(reason));
        };
    }

    private Response cancel(final User user, final String uuid) {
        final Order order = user.byUuid.get(uuid);
        if (order == null) {
            return text(404, "order not found: " + uuid);
        }
        capture(user, order.clOrdId);
        out.reset(MessageType.CANCEL);
        out.clOrdId = order.clOrdId;
        out.product = symbols[order.product];
        venue.onFrame(user.session, encoder.encode(out));
        user.captureId = 0;
        if (user.captureCancelRejected || !order.cancelled) {
            return text(404, "order not found: " + uuid);
        }
        final long cancelled = user.captureCancelledQty;
        final StringBuilder sb = orderJsonBuilder(user, order, "CANCELLED");
        replaceVolume(sb, cancelled);
        return json(sb.toString());
    }

    private static void capture(final User user, final long clOrdId) {
        user.captureId = clOrdId;
        user.captureReason = -1;
        user.captured = null;
        user.captureCancelRejected = false;
        user.captureCancelledQty = 0;
    }

    // ---------------------------------------------------------------- stream

    /**
     * Opens an event stream for the holder of {@code authorization}: every product's snapshot at
     * once, then snapshots on change and the user's trades. Returns the HTTP status: 200, 401 (no
     * valid token) or 503 (too many streams).
     */
    int openStream(final String authorization, final StreamSink sink) {
        final Token token = authorization == null ? null : tokens.get(authorization);
        if (token == null || token.expiresAt <= clock.getAsLong()) {
            return 401;
        }
        if (streams.size() >= config.maxStreams) {
            return 503;
        }
        ensureSession(token.user);
        final Stream stream = new Stream(token.user, authorization, sink);
        streams.add(stream);
        for (int i = 0; i < productCount; i++) {
            if (!sink.offer(snapshotEvent(i, token.user))) {
                closeStream(sink);
                return 200;
            }
        }
        return 200;
    }

    /** Forgets a stream the transport saw end. */
    void closeStream(final StreamSink sink) {
        for (final Iterator<Stream> it = streams.iterator(); it.hasNext(); ) {
            if (it.next().sink == sink) {
                it.remove();
            }
        }
    }

    /** Ends every stream of {@code user} (null: of every user); the clients reconnect. For reconnection drills. */
    void dropStreams(final String user) {
        for (final Iterator<Stream> it = streams.iterator(); it.hasNext(); ) {
            final Stream s = it.next();
            if (user == null || s.user.name.equals(user)) {
                s.sink.close();
                it.remove();
            }
        }
    }

    /** Ends the streams of expired tokens and forgets those tokens; call periodically. */
    void housekeeping() {
        final long now = clock.getAsLong();
        for (final Iterator<Stream> it = streams.iterator(); it.hasNext(); ) {
            final Stream s = it.next();
            final Token t = tokens.get(s.token);
            if (t == null || t.expiresAt <= now) {
                s.sink.close();
                it.remove();
            }
        }
        tokens.values().removeIf(t -> t.expiresAt <= now);
    }

    /** Sends what changed since the last flush: snapshots of changed books to every stream, each user's trades and settlements. */
    void flush() {
        flushRequested = false;
        for (int i = 0; i < productCount; i++) {
            if (dirty[i]) {
                dirty[i] = false;
                for (final Stream s : new ArrayList<>(streams)) {
                    offer(s, snapshotEvent(i, s.user));
                }
            }
        }
        for (final User u : users.values()) {
            if (!u.pendingTrades.isEmpty()) {
                final String event = "event: trade\ndata: [" + String.join(",", u.pendingTrades) + "]\n\n";
                u.pendingTrades.clear();
                sendTo(u, event);
            }
            for (final String s : u.pendingSettlements) {
                sendTo(u, "event: settlement\ndata: " + s + "\n\n");
            }
            u.pendingSettlements.clear();
        }
    }

    private void flushIfRequested() {
        if (flushRequested) {
            flush();
        }
    }

    private void sendTo(final User user, final String event) {
        for (final Stream s : new ArrayList<>(streams)) {
            if (s.user == user) {
                offer(s, event);
            }
        }
    }

    private void offer(final Stream s, final String event) {
        if (!s.sink.offer(event)) {
            problems.problem(KEY_PREFIX + s.user.name, "event stream not reading: closed");
            s.sink.close();
            streams.remove(s);
        }
    }

    private void markDirty(final int product) {
        if (product >= 0) {
            dirty[product] = true;
        }
        if (!flushRequested) {
            flushRequested = true;
            requestFlush.run();
        }
    }

    // ---------------------------------------------------------------- venue sessions

    private VenueSession openSession(final String key, final FrameHandler handler) {
        final VenueSession session = new VenueSession(new InProcessTransport(key, handler), productCount);
        venue.onOpen(session);
        out.reset(MessageType.LOGIN);
        out.apiKey = key;
        venue.onFrame(session, encoder.encode(out));
        return session;
    }

    private void ensureSession(final User user) {
        if (user.session != null && user.session.isLoggedIn() && user.session.connection.isOpen()) {
            return;
        }
        final VenueSession session = new VenueSession(new InProcessTransport(KEY_PREFIX + user.name, text -> onUserFrame(user, text)),
            productCount);
        user.session = session;
        venue.onOpen(session);
        out.reset(MessageType.LOGIN);
        out.apiKey = KEY_PREFIX + user.name;
        out.lastExecSeq = user.lastExecSeq;
        venue.onFrame(session, encoder.encode(out));
    }

    private boolean decode(final String text, final String who) {
        try {
            decoder.decode(text, in);
            return true;
        } catch (final ProtocolDecodeException ex) {
            problems.problem(who, "venue frame not decoded: " + ex.getMessage());
            return false;
        }
    }

    private void onMarketFrame(final String text) {
        if (!decode(text, MARKET_KEY)) {
            return;
        }
        if (in.type != MessageType.BOOK_SNAPSHOT && in.type != MessageType.BOOK_UPDATE) {
            return;
        }
        final Integer product = productIds.get(in.product);
        if (product == null) {
            return;
        }
        final TreeMap<Long, Long> b = bids.get(product);
        final TreeMap<Long, Long> a = asks.get(product);
        if (in.type == MessageType.BOOK_SNAPSHOT) {
            b.clear();
            a.clear();
        }
        for (int k = 0; k < in.bidCount; k++) {
            level(b, in.bidPrices[k], in.bidQtys[k]);
        }
        for (int k = 0; k < in.askCount; k++) {
            level(a, in.askPrices[k], in.askQtys[k]);
        }
        markDirty(product);
    }

    private static void level(final TreeMap<Long, Long> side, final long price, final long qty) {
        if (qty == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    private void onUserFrame(final User user, final String text) {
        if (!decode(text, KEY_PREFIX + user.name)) {
            return;
        }
        final ProtocolMessage m = in;
        if (m.execSeq > 0) {
            user.lastExecSeq = Math.max(user.lastExecSeq, m.execSeq);
        }
        final Integer boxed = m.product == null ? null : productIds.get(m.product);
        final int product = boxed == null ? -1 : boxed;
        switch (m.type) {
            case MessageType.LOGIN_ACK -> byParticipant.put(m.participant, user);
            case MessageType.POSITION -> {
                if (product >= 0) {
                    user.position[product] = m.position;
                }
            }
            case MessageType.ACK -> {
                final Order o = new Order(new UUID(orderIds.nextLong(), orderIds.nextLong()).toString(), m.clOrdId, product, m.side, m.price, m.qty, m.ts);
                user.open.put(m.clOrdId, o);
                user.byUuid.put(o.uuid, o);
                if (m.clOrdId == user.captureId) {
                    user.captured = o;
                }
                markDirty(product);
            }
            case MessageType.REJECT -> {
                if (m.clOrdId == user.captureId) {
                    user.captureReason = m.reason;
                }
            }
            case MessageType.FILL -> {
                final Order o = user.open.get(m.clOrdId);
                if (o != null) {
                    o.leaves = m.leaves;
                    o.filled += m.qty;
                    if (o.leaves == 0) {
                        forget(user, o);
                    }
                }
                markDirty(product);
            }
            case MessageType.CANCELLED -> {
                final Order o = user.open.get(m.clOrdId);
                if (o != null) {
                    o.cancelled = true;
                    o.leaves = 0;
                    forget(user, o);
                }
                if (m.clOrdId == user.captureId) {
                    user.captureCancelledQty = m.qty;
                }
                markDirty(product);
            }
            case MessageType.CANCEL_REJECT -> {
                if (m.clOrdId == user.captureId) {
                    user.captureCancelRejected = true;
                }
            }
            case MessageType.SETTLEMENT -> {
                if (product >= 0) {
                    final StringBuilder sb = new StringBuilder(128).append("{\"product\":");
                    CmiJson.quote(sb, symbols[product]).append(",\"price\":").append(m.settlementPrice).append(",\"position\":")
                        .append(m.position).append(",\"timestamp\":\"");
                    IsoInstant.appendTo(sb, m.ts);
                    user.pendingSettlements.add(sb.append("\"}").toString());
                    user.position[product] = 0;
                    markDirty(-1);
                }
            }
            case MessageType.ERROR -> problems.problem(KEY_PREFIX + user.name, "venue error " + m.code + ": " + m.text);
            default -> {
            }
        }
    }

    private static void forget(final User user, final Order o) {
        user.open.remove(o.clOrdId);
        user.byUuid.remove(o.uuid);
    }

    @Override
    public void onTrade(final int instrument, final long priceTicks, final long quantity, final String buyer, final String seller,
                        final long nowNanos) {
        final User b = byParticipant.get(buyer);
        final User s = byParticipant.get(seller);
        final TradeRecord t = new TradeRecord(nowNanos, instrument, b != null ? b.name : buyer, s != null ? s.name : seller,
            quantity, priceTicks);
        if (config.tradeHistory > 0) {
            if (trades.size() == config.tradeHistory) {
                trades.pollFirst();
            }
            trades.addLast(t);
        }
        if (b != null) {
            b.pendingTrades.add(tradeJson(t));
        }
        if (s != null && s != b) {
            s.pendingTrades.add(tradeJson(t));
        }
        if (b != null || s != null) {
            markDirty(-1);
        }
    }

    // ---------------------------------------------------------------- JSON

    private String products() {
        final StringBuilder sb = new StringBuilder(64 * productCount).append('[');
        for (int i = 0; i < productCount; i++) {
            if (i > 0) {
                sb.append(',');
            }
            final long bid = bids.get(i).isEmpty() ? 0 : bids.get(i).firstKey();
            final long ask = asks.get(i).isEmpty() ? bid : asks.get(i).firstKey();
            sb.append("{\"symbol\":");
            CmiJson.quote(sb, symbols[i]).append(",\"tickSize\":").append(venueConfig.tickSize).append(",\"startingPrice\":")
                .append(bid == 0 ? ask : (bid + ask) / 2 * venueConfig.tickSize).append(",\"contractSize\":1}");
        }
        return sb.append(']').toString();
    }

    private String openOrders(final User user, final String symbol) {
        final StringBuilder sb = new StringBuilder(256).append('[');
        boolean first = true;
        for (final Order o : user.open.values()) {
            if (symbol == null || symbols[o.product].equals(symbol)) {
                sb.append(first ? "" : ",").append(orderJson(user, o, null));
                first = false;
            }
        }
        return sb.append(']').toString();
    }

    private String positions(final User user) {
        final StringBuilder sb = new StringBuilder(128).append('[');
        boolean first = true;
        for (int i = 0; i < productCount; i++) {
            if (user.position[i] != 0) {
                sb.append(first ? "" : ",").append("{\"product\":");
                CmiJson.quote(sb, symbols[i]).append(",\"netPosition\":").append(user.position[i]).append('}');
                first = false;
            }
        }
        return sb.append(']').toString();
    }

    private Response tradeList(final String from) {
        long since = Long.MIN_VALUE;
        if (from != null) {
            since = IsoInstant.parse(from);
            if (since == IsoInstant.INVALID) {
                return text(400, "bad request: 'from' = '" + from + "' is not a UTC ISO-8601 timestamp");
            }
        }
        final StringBuilder sb = new StringBuilder(4096).append('[');
        boolean first = true;
        for (final TradeRecord t : trades) {
            if (t.ts >= since) {
                sb.append(first ? "" : ",").append(tradeJson(t));
                first = false;
            }
        }
        return json(sb.append(']').toString());
    }

    private String restBook(final User user, final int product) {
        final StringBuilder sb = new StringBuilder(512).append("{\"product\":");
        CmiJson.quote(sb, symbols[product]).append(",\"tickSize\":").append(venueConfig.tickSize).append(",\"buy\":[");
        restLevels(sb, user, product, Side.BUY, bids.get(product)).append("],\"sell\":[");
        return restLevels(sb, user, product, Side.SELL, asks.get(product)).append("]}").toString();
    }

    private StringBuilder restLevels(final StringBuilder sb, final User user, final int product, final int side,
                                     final TreeMap<Long, Long> levels) {
        boolean first = true;
        for (final Map.Entry<Long, Long> l : levels.entrySet()) {
            sb.append(first ? "" : ",").append("{\"price\":").append(l.getKey() * venueConfig.tickSize).append(",\"volume\":")
                .append(l.getValue()).append(",\"userOrderVolume\":").append(user.ownAt(product, side, l.getKey())).append('}');
            first = false;
        }
        return sb;
    }

    private String snapshotEvent(final int product, final User user) {
        final StringBuilder sb = new StringBuilder(1024).append("event: order\ndata: {\"productsymbol\":");
        CmiJson.quote(sb, symbols[product]).append(",\"tickSize\":").append(venueConfig.tickSize).append(",\"buyOrders\":{");
        snapshotLevels(sb, user, product, Side.BUY, bids.get(product)).append("},\"sellOrders\":{");
        return snapshotLevels(sb, user, product, Side.SELL, asks.get(product)).append("}}\n\n").toString();
    }

    private StringBuilder snapshotLevels(final StringBuilder sb, final User user, final int product, final int side,
                                         final TreeMap<Long, Long> levels) {
        boolean first = true;
        for (final Map.Entry<Long, Long> l : levels.entrySet()) {
            sb.append(first ? "\"" : ",\"").append((double)(l.getKey() * venueConfig.tickSize)).append("\":{\"marketVolume\":")
                .append((double)l.getValue()).append(",\"userVolume\":").append((double)user.ownAt(product, side, l.getKey()))
                .append('}');
            first = false;
        }
        return sb;
    }

    private String tradeJson(final TradeRecord t) {
        final StringBuilder sb = new StringBuilder(160).append("{\"timestamp\":\"");
        IsoInstant.appendTo(sb, t.ts);
        sb.append("\",\"product\":");
        CmiJson.quote(sb, symbols[t.product]).append(",\"buyer\":");
        CmiJson.quote(sb, t.buyer).append(",\"seller\":");
        CmiJson.quote(sb, t.seller).append(",\"volume\":").append(t.volume).append(",\"price\":")
            .append(t.price * venueConfig.tickSize).append('}');
        return sb.toString();
    }

    private String orderJson(final User user, final Order o, final String status) {
        return orderJsonBuilder(user, o, status).toString();
    }

    private StringBuilder orderJsonBuilder(final User user, final Order o, final String status) {
        final String s = status != null ? status : o.leaves == 0 ? "FILLED" : o.filled > 0 ? "PART_FILLED" : "ACTIVE";
        final StringBuilder sb = new StringBuilder(256).append("{\"id\":\"").append(o.uuid).append("\",\"status\":\"").append(s)
            .append("\",\"product\":");
        CmiJson.quote(sb, symbols[o.product]).append(",\"side\":\"").append(Side.name(o.side)).append("\",\"price\":")
            .append((double)(o.price * venueConfig.tickSize)).append(",\"volume\":").append(o.leaves).append(",\"filled\":")
            .append(o.filled).append(",\"user\":");
        CmiJson.quote(sb, user.name).append(",\"timestamp\":\"");
        IsoInstant.appendTo(sb, o.ts);
        return sb.append("\",\"targetUser\":null,\"message\":\"\"}");
    }

    private static void replaceVolume(final StringBuilder sb, final long volume) {
        final int at = sb.indexOf("\"volume\":");
        final int end = sb.indexOf(",", at);
        sb.replace(at + "\"volume\":".length(), end, Long.toString(volume));
    }

    private static String param(final String query, final String name) {
        if (query == null) {
            return null;
        }
        for (final String pair : query.split("&")) {
            final int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Response json(final String body) {
        return new Response(200, null, body);
    }

    private static Response text(final int status, final String body) {
        return new Response(status, null, body);
    }

    // ---------------------------------------------------------------- drills and counters

    /** The next {@code count} requests that pass the rate limit are answered with {@code status} instead (a 429 storm, a 5xx). */
    void injectFaults(final int status, final int count) {
        faultStatus = status;
        faultsLeft = count;
    }

    /** REST requests received, logins included. */
    long requests() {
        return requests;
    }

    /** Requests over a user's rate limit (answered 429). */
    long breaches() {
        return breaches;
    }

    long breaches(final String user) {
        final User u = users.get(user);
        return u == null ? 0 : u.breaches;
    }

    long requests(final String user) {
        final User u = users.get(user);
        return u == null ? 0 : u.requests;
    }

    /** Requests answered by an injected fault. */
    long faultsAnswered() {
        return faultsAnswered;
    }

    int streamCount() {
        return streams.size();
    }

    /** The venue's position of a user in a product (as the user's participant). */
    long position(final String user, final String product) {
        return venue.position(KEY_PREFIX + user, product);
    }

    /** Open orders of a user at the venue. */
    int openOrderCount(final String user) {
        return venue.openOrderCount(KEY_PREFIX + user);
    }

    /** Receives the frames the venue sends one in-process session. */
    @FunctionalInterface
    private interface FrameHandler {
        void onFrame(String text);
    }

    /** An in-process session transport: frames go straight to a handler on the venue thread. */
    private final class InProcessTransport implements SessionTransport {
        private final String name;
        private final FrameHandler handler;
        private boolean open = true;

        InProcessTransport(final String name, final FrameHandler handler) {
            this.name = name;
            this.handler = handler;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean send(final String text) {
            if (open) {
                handler.onFrame(text);
            }
            return open;
        }

        @Override
        public int backlog() {
            return 0;
        }

        @Override
        public void close(final int code, final String reason) {
            drop(reason);
        }

        @Override
        public void drop(final String reason) {
            if (open) {
                open = false;
                problems.problem(name, "in-process venue session closed: " + reason);
            }
        }

        @Override
        public String address() {
            return name;
        }
    }
}
