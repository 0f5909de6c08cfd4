package io.skytrade.exchange.cmi;

import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.RejectReason;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The CMI venue protocol as a client speaks it, without a transport: it decides which REST request
 * goes next and digests the replies and the event stream, publishing what it learns into the
 * inbound ring. {@link CmiGateway} drives it over OkHttp; an in-process driver can drive it on a
 * virtual clock. It keeps:
 * <ul>
 * <li>the session: log in (the token comes in the reply's {@code Authorization} header; any 401
 *     logs in again), read the product list, open the stream, and after every (re)opening
 *     reconcile over REST (our trades since the newest the lost stream delivered, then open orders,
 *     then positions) before it accepts new orders again; a venue position that disagrees with the
 *     fills seen is held until a second answer confirms it;</li>
 * <li>the pace: at most {@code requestsPerSecond} requests, measured from the completion of the
 *     previous one (so network jitter cannot bring two arrivals at the venue closer than the limit),
 *     and an exponential, jittered backoff after a 429, a 5xx or an I/O failure;</li>
 * <li>the send queue ({@link OrderRequestQueue}): cancels first, flattening before quoting, requotes
 *     coalesced, orders queued too long dropped; IOC emulated as a placement followed at once by a
 *     cancel of the remainder;</li>
 * <li>our orders ({@link OwnOrders}) and fills: trades come without order ids, are de-duplicated
 *     ({@link FillLedger}), and attributed to our orders (the oldest resting order at the trade's
 *     price, else the order whose placement reported an immediate fill, else any order the price
 *     crosses); a trade that fits no order waits for a pending reply, and is published unattributed
 *     if none explains it;</li>
 * <li>book snapshots: published as everyone else's book (each level's {@code marketVolume} less
 *     our {@code userVolume}, as the venue counts it, flagged
 *     {@link io.skytrade.core.event.EngineEvent#SOURCE_OWN_EXCLUDED} so the trading book does not
 *     net again), and only when that changed: our own orders never reach the engine as market data,
 *     so placing or cancelling them cannot move a price feature and start a requote loop (the
 *     feedback loop the venue warns of), and no reply or trade report has to arrive first. When the
 *     venue's view of our resting orders disagrees with ours for longer than
 *     {@code mismatchTimeoutMillis}, the open orders are reconciled.</li>
 * </ul>
 * What the journal shows: the decisions journal holds every order and cancel the order stage
 * queued here; the input journal holds what the venue answered to each one sent (ack, reject,
 * fills, cancel) and, for those never sent, the local cancel ({@link RejectReason#NOT_SENT_CANCELLED})
 * or reject ({@link RejectReason#QUEUE_TIMEOUT}, {@link RejectReason#NOT_CONNECTED}).
 *
 * <p>Not thread-safe: the driver serialises every call (one lock). Time comes from the injected
 * clock only. Not on the engine's hot path: strings and small objects per request and per
 * trade report, none per book level.
 */
public final class CmiSession {
    private static final Logger LOG = LoggerFactory.getLogger(CmiSession.class);

    private static final int STREAM_DOWN = 0;
    private static final int STREAM_OPENING = 1;
    private static final int STREAM_OPEN = 2;

    private final CmiGatewayConfig config;
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final LongSupplier networkClock;
    private final CmiSymbols symbols;
    private final int instrumentCount;
    private final CmiInput input = new CmiInput();
    private final OrderRequestQueue queue;
    private final OwnOrders orders;
    private final FillLedger ledger;
    private final TokenBucket bucket;
    private final SplittableRandom jitter;
    private final CmiBookDecoder bookDecoder;
    private final CmiBook scratch = new CmiBook();
    private final CmiBook[] latest;
    private final CmiBook[] published;
    private final CmiBook others = new CmiBook();
    private final boolean[] hasLatest;
    private final boolean[] mismatched;
    private final boolean[] everPublished;
    private final long[] mismatchSince;
    private final long[] bookSeq;
    private final long[] position;
    private final long[] fillsSeen;
    private final boolean[] positionHeld;
    private final long[] heldVenuePosition;
    private final long[] heldFillsSeen;
    private final long[] heldSince;
    private final double[] tickSize;
    private final boolean[] listed;
    private final List<PendingTrade> pending = new ArrayList<>();
    private final OrderRequestQueue.CancelFilter sendable = this::cancelSendable;

    private String token;
    private boolean productsLoaded;
    private int stream = STREAM_DOWN;
    private long nextStreamAttempt = Long.MIN_VALUE;
    private int streamFailures;
    private boolean reconcileTrades;
    private boolean vanishedTrades;
    private boolean reconcileOrders;
    private boolean reconcilePositions;
    private long tradesFrom;
    private long tradesRequestedAt;
    private long tradesKnownUntil = Long.MIN_VALUE;
    private long streamLostAt = Long.MIN_VALUE;
    private boolean positionsKnown;
    private long positionRecheckAt = Long.MAX_VALUE;
    private boolean ready;
    private boolean everReady;
    private long backoffUntil = Long.MIN_VALUE;
    private int failures;
    private CmiRequest inFlight;
    private boolean closed;

    private long requestsSent;
    private long tooManyRequests;
    private long unauthorized;
    private long serverErrors;
    private long transportErrors;
    private long logins;
    private long streamOpens;
    private long ordersSent;
    private long cancelsSent;
    private long coalesced;
    private long expired;
    private long fillsApplied;
    private long duplicateFills;
    private long unattributedFills;
    private long mismatchedSnapshots;
    private long mismatchReconciliations;
    private long suppressedSnapshots;
    private long snapshotsPublished;
    private long undecodable;
    private long reconciliations;
    private long orphansCancelled;
    private long positionsHeld;
    private long positionsAdopted;

    /** A reported trade of ours waiting to be attributed to an order. */
    private static final class PendingTrade {
        final long timestamp;
        final int instrument;
        final int side;
        final long price;
        long remaining;
        final long arrivedAt;

        PendingTrade(final long timestamp, final int instrument, final int side, final long price, final long volume,
                     final long arrivedAt) {
            this.timestamp = timestamp;
            this.instrument = instrument;
            this.side = side;
            this.price = price;
            this.remaining = volume;
            this.arrivedAt = arrivedAt;
        }
    }

    /**
     * @param config    venue, credentials, pacing and timeouts
     * @param registry  instrument ids; venue products not in it are ignored
     * @param publisher the inbound ring
     * @param clock     the engine's clock: pacing, timeouts and receive stamps
     */
    public CmiSession(final CmiGatewayConfig config, final InstrumentRegistry registry, final InboundPublisher publisher,
                      final EpochNanoClock clock) {
        this(config, registry, publisher, clock, clock::nanoTime);
    }

    /**
     * @param networkClock nanoseconds for the waits on the network (a trade report's order, the last
     *                     trades of a cancelled order, a book's view of our orders catching up): the
     *                     wall clock when the engine clock runs faster than it (the demo), so a wait
     *                     meant for a network round trip is not 2 ms at 2400x
     */
    public CmiSession(final CmiGatewayConfig config, final InstrumentRegistry registry, final InboundPublisher publisher,
                      final EpochNanoClock clock, final LongSupplier networkClock) {
        this.config = config;
        this.publisher = publisher;
        this.clock = clock;
        this.networkClock = networkClock;
        this.symbols = new CmiSymbols(registry);
        this.instrumentCount = registry.instrumentCount();
        this.queue = new OrderRequestQueue(config.queueCapacity);
        this.orders = new OwnOrders(config.queueCapacity);
        this.ledger = new FillLedger(config.fillDedupeWindowNanos);
        this.bucket = new TokenBucket(config.requestsPerSecond, config.burst);
        this.jitter = new SplittableRandom(config.jitterSeed);
        this.bookDecoder = new CmiBookDecoder(symbols, config.marketVolumeIncludesOwn);
        this.latest = new CmiBook[instrumentCount];
        this.published = new CmiBook[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            latest[i] = new CmiBook();
            published[i] = new CmiBook();
        }
        this.hasLatest = new boolean[instrumentCount];
        this.mismatched = new boolean[instrumentCount];
        this.everPublished = new boolean[instrumentCount];
        this.mismatchSince = new long[instrumentCount];
        this.bookSeq = new long[instrumentCount];
        this.position = new long[instrumentCount];
        this.fillsSeen = new long[instrumentCount];
        this.positionHeld = new boolean[instrumentCount];
        this.heldVenuePosition = new long[instrumentCount];
        this.heldFillsSeen = new long[instrumentCount];
        this.heldSince = new long[instrumentCount];
        this.tickSize = new double[instrumentCount];
        java.util.Arrays.fill(tickSize, 1.0);
        this.listed = new boolean[instrumentCount];
        input.source = config.venueSource;
    }

    // ---------------------------------------------------------------- intents

    /** The order stage's new order: queued for the venue, or rejected at once when it cannot go. */
    public void onNewOrder(final long clOrdId, final int instrument, final int side, final long price, final long qty,
                           final int tif) {
        final long now = clock.nanoTime();
        final int reason;
        if (instrument < 0 || instrument >= instrumentCount || productsLoaded && !listed[instrument]) {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        } else if (queue.findNew(clOrdId) >= 0 || orders.find(clOrdId) >= 0) {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        } else if (!ready || closed) {
            reason = RejectReason.NOT_CONNECTED;
        } else if (queue.addNew(clOrdId, instrument, side, price, qty, tif, now) < 0) {
            reason = RejectReason.BOOK_FULL;
        } else {
            return;
        }
        publishOrder(OrderEventKind.REJECT, clOrdId, instrument, side, price, qty, reason, now);
    }

    /** The order stage's cancel: removes a still-queued order, or queues a cancel of a sent one. */
    public void onCancel(final long clOrdId, final int instrument) {
        final long now = clock.nanoTime();
        final int q = queue.findNew(clOrdId);
        if (q >= 0 && queue.isInFlight(q)) {
            // its placement is on the way: the cancel follows once the venue has answered it
            if (queue.findCancel(clOrdId) < 0) {
                queue.addCancel(clOrdId, queue.instrument(q), OrderRequestQueue.CANCEL_USER, null, now);
            }
            return;
        }
        if (q >= 0) {
            coalesced++;
            final int instr = queue.instrument(q);
            final long qty = queue.qty(q);
            queue.remove(q);
            input.order(OrderEventKind.CANCELLED, clOrdId, instr);
            input.qty = qty;
            input.reason = RejectReason.NOT_SENT_CANCELLED;
            publishOrderInput(now);
            return;
        }
        final int s = orders.find(clOrdId);
        if (s < 0 || orders.state(s) == OwnOrders.CLOSING) {
            publishOrder(OrderEventKind.CANCEL_REJECT, clOrdId, s < 0 ? instrument : orders.instrument(s), 0, 0, 0,
                RejectReason.UNKNOWN_ORDER, now);
            return;
        }
        if (queue.findCancel(clOrdId) < 0 && queue.addCancel(clOrdId, orders.instrument(s), OrderRequestQueue.CANCEL_USER,
            null, now) < 0) {
            publishOrder(OrderEventKind.CANCEL_REJECT, clOrdId, orders.instrument(s), 0, 0, 0, RejectReason.BOOK_FULL, now);
        }
    }

    // ---------------------------------------------------------------- scheduling

    /** The next request to send now, or null (nothing to do, or the pace or a backoff forbids it). */
    public CmiRequest nextRequest() {
        if (closed || inFlight != null) {
            return null;
        }
        final long now = clock.nanoTime();
        if (now < backoffUntil || bucket.nanosUntilAvailable(now) > 0) {
            return null;
        }
        final CmiRequest r = pick();
        if (r != null) {
            inFlight = r;
            if (r.queueSlot >= 0) {
                queue.inFlight(r.queueSlot, true);
            }
            requestsSent++;
        }
        return r;
    }

    private CmiRequest pick() {
        if (token == null) {
            return new CmiRequest(CmiRequest.LOGIN, "POST", "api/user/authenticate",
                CmiJson.credentials(config.username, config.password), null, -1, 0);
        }
        if (!productsLoaded) {
            return new CmiRequest(CmiRequest.PRODUCTS, "GET", "api/product", null, token, -1, 0);
        }
        final int c = queue.pickCancel(sendable);
        if (c >= 0) {
            final long id = queue.clOrdId(c);
            final String venueId = id == 0 ? queue.venueId(c) : orders.venueId(orders.find(id));
            cancelsSent++;
            return new CmiRequest(CmiRequest.CANCEL, "DELETE", "api/order/" + venueId, null, token, c, id);
        }
        if (stream == STREAM_OPEN) {
            if (reconcileTrades || vanishedTrades) {
                tradesRequestedAt = clock.nanoTime();
                return new CmiRequest(CmiRequest.TRADES, "GET", "api/trade?from=" + IsoInstant.format(tradesFrom), null, token,
                    -1, 0);
            }
            if (reconcileOrders) {
                return new CmiRequest(CmiRequest.OPEN_ORDERS, "GET", "api/order/current-user", null, token, -1, 0);
            }
            if (positionsWanted()) {
                return new CmiRequest(CmiRequest.POSITIONS, "GET", "api/position/current-user", null, token, -1, 0);
            }
        }
        if (ready) {
            final int n = queue.pickNew(position);
            if (n >= 0) {
                final int instrument = queue.instrument(n);
                ordersSent++;
                return new CmiRequest(CmiRequest.NEW_ORDER, "POST", "api/order", CmiJson.newOrder(symbols.name(instrument),
                    priceText(instrument, queue.price(n)), queue.side(n) == Side.BUY, queue.qty(n)), token, n, queue.clOrdId(n));
            }
        }
        return null;
    }

    private boolean cancelSendable(final long clOrdId) {
        if (clOrdId == 0) {
            return true;
        }
        final int s = orders.find(clOrdId);
        return s >= 0 && orders.state(s) == OwnOrders.OPEN && orders.venueId(s) != null;
    }

    private String priceText(final int instrument, final long ticks) {
        final double tick = tickSize[instrument];
        if (tick == Math.rint(tick)) {
            return Long.toString(ticks * (long)tick);
        }
        return java.math.BigDecimal.valueOf(tick).multiply(java.math.BigDecimal.valueOf(ticks)).stripTrailingZeros().toPlainString();
    }

    /**
     * Engine-clock nanoseconds until {@link #nextRequest()} may return a request, assuming nothing
     * else happens; {@code Long.MAX_VALUE} when there is nothing to send.
     */
    public long nanosUntilRequest() {
        if (closed || inFlight != null) {
            return Long.MAX_VALUE;
        }
        final long due;
        if (hasWork()) {
            due = 0;
        } else if (positionRecheckAt != Long.MAX_VALUE && stream == STREAM_OPEN) {
            // network-clock nanoseconds: exact when it is the engine clock, an earlier wake-up when it is slower
            due = Math.max(0, positionRecheckAt - networkClock.getAsLong());
        } else {
            return Long.MAX_VALUE;
        }
        final long now = clock.nanoTime();
        return Math.max(due, Math.max(backoffUntil == Long.MIN_VALUE ? 0 : backoffUntil - now, bucket.nanosUntilAvailable(now)));
    }

    /**
     * The positions are asked for after a (re)connect (new orders wait for the answer), and, without
     * stopping orders, after a trade no order explained or a cancelled order whose last trades never
     * came, and again once a held disagreement's wait is over; never while a trade report waits for its order, a
     * placement's outcome is unknown or a cancelled order's last trades are still due, because the
     * venue's answer would count fills we have not seen yet.
     */
    private boolean positionsWanted() {
        return (reconcilePositions || positionRecheckAt != Long.MAX_VALUE && networkClock.getAsLong() >= positionRecheckAt)
            && pending.isEmpty() && !anyUncertain() && !anyClosingShort();
    }

    private boolean hasWork() {
        if (token == null || !productsLoaded || queue.pickCancel(sendable) >= 0) {
            return true;
        }
        if (stream == STREAM_OPEN && (reconcileTrades || vanishedTrades || reconcileOrders || positionsWanted())) {
            return true;
        }
        return ready && queue.anyNew() >= 0;
    }

    /** True when the driver should open the event stream now (then call {@link #onStreamOpening()}). */
    public boolean streamWanted() {
        return !closed && token != null && productsLoaded && stream == STREAM_DOWN && clock.nanoTime() >= nextStreamAttempt;
    }

    /** Engine-clock nanoseconds until {@link #streamWanted()} may turn true; {@code Long.MAX_VALUE} when not waiting for it. */
    public long nanosUntilStream() {
        if (closed || token == null || !productsLoaded || stream != STREAM_DOWN) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, nextStreamAttempt - clock.nanoTime());
    }

    /** The driver started opening the stream with {@link #token()}. */
    public void onStreamOpening() {
        stream = STREAM_OPENING;
    }

    /** The token the stream and requests carry, or null before the login. */
    public String token() {
        return token;
    }

    /**
     * Timeouts, at any time (the driver calls it often): queued orders that waited too long, books
     * disagreeing with our orders, trades no order explains, cancelled orders whose last fills were never reported.
     */
    public void onTick() {
        final long now = clock.nanoTime();
        final long wall = networkClock.getAsLong();
        for (int s = queue.staleNew(now - config.maxQueueAgeNanos); s >= 0; s = queue.staleNew(now - config.maxQueueAgeNanos)) {
            expired++;
            final long id = queue.clOrdId(s);
            final int instrument = queue.instrument(s);
            final int side = queue.side(s);
            final long price = queue.price(s);
            final long qty = queue.qty(s);
            queue.remove(s);
            publishOrder(OrderEventKind.REJECT, id, instrument, side, price, qty, RejectReason.QUEUE_TIMEOUT, now);
        }
        for (int k = 0; k < pending.size(); k++) {
            final PendingTrade t = pending.get(k);
            if (wall - t.arrivedAt >= config.pendingTradeNanos && !awaitingReply(t.instrument, t.side)) {
                pending.remove(k--);
                unattributedFills++;
                LOG.warn("CMI trade {} {} x{} at {} ({}) fits none of our orders: published unattributed, positions will be reconciled",
                    Side.name(t.side), symbols.name(t.instrument), t.remaining, t.price, IsoInstant.format(t.timestamp));
                input.order(OrderEventKind.FILL, 0, t.instrument);
                input.side = t.side;
                input.price = t.price;
                input.fillQty = t.remaining;
                input.fillPrice = t.price;
                publishOrderInput(t.timestamp);
                position[t.instrument] += Side.sign(t.side) * t.remaining;
                fillsSeen[t.instrument]++;
                positionRecheckAt = Math.min(positionRecheckAt, wall);
            }
        }
        for (int s = 0; s < orders.capacity(); s++) {
            if (orders.state(s) == OwnOrders.CLOSING && wall - orders.since(s) >= config.pendingTradeNanos) {
                if (orders.closingReason(s) == RejectReason.RECONCILED_CLOSED) {
                    LOG.warn("CMI order {} left the venue's open orders and no trade came for its last {} lots: cancelled there;"
                        + " closing it, positions will be reconciled", orders.clOrdId(s), orders.leaves(s));
                } else {
                    LOG.warn("CMI order {} was cancelled having filled {} but trades for only {} arrived: closing it, positions will"
                        + " be reconciled", orders.clOrdId(s), orders.closingFilled(s), orders.filled(s));
                }
                positionRecheckAt = Math.min(positionRecheckAt, wall);
                finishCancel(s, now);
            }
        }
        for (int i = 0; i < instrumentCount; i++) {
            if (mismatched[i] && wall - mismatchSince[i] >= config.mismatchTimeoutNanos) {
                mismatched[i] = false;
                mismatchReconciliations++;
                reconcileOrders = true;
            }
        }
    }

    // ---------------------------------------------------------------- replies

    /**
     * The reply to {@code request}: its HTTP status, its {@code Authorization} header (null when
     * absent) and its body (possibly empty).
     */
    public void onReply(final CmiRequest request, final int status, final String authorization, final String body) {
        final long now = clock.nanoTime();
        if (request != inFlight) {
            throw new IllegalStateException("reply to " + request + " which is not the request in flight (" + inFlight + ")");
        }
        inFlight = null;
        if (request.queueSlot >= 0) {
            queue.inFlight(request.queueSlot, false);
        }
        bucket.take(now);
        if (status == 429) {
            tooManyRequests++;
            bucket.drain(now);
            backOff(now, "429 Too Many Requests on " + request);
            coalesceIfCancelled(request, now);
            return;
        }
        if (status == 401 && request.kind != CmiRequest.LOGIN) {
            unauthorized++;
            LOG.info("CMI token refused (401) on {}: logging in again", request);
            token = null;
            coalesceIfCancelled(request, now);
            return;
        }
        if (status >= 500) {
            serverErrors++;
            backOff(now, status + " from the venue on " + request);
            if (request.kind == CmiRequest.NEW_ORDER) {
                uncertain(request, now);
            }
            return;
        }
        failures = 0;
        try {
            switch (request.kind) {
                case CmiRequest.LOGIN -> onLogin(status, authorization, body, now);
                case CmiRequest.PRODUCTS -> onProducts(status, body);
                case CmiRequest.NEW_ORDER -> onPlaced(request, status, body, now);
                case CmiRequest.CANCEL -> onCancelled(request, status, body, now);
                case CmiRequest.TRADES -> onTrades(status, body, now);
                case CmiRequest.OPEN_ORDERS -> onOpenOrders(status, body, now);
                case CmiRequest.POSITIONS -> onPositions(status, body, now);
                default -> throw new IllegalStateException("request kind " + request.kind);
            }
        } catch (final CmiProtocolException ex) {
            undecodable++;
            LOG.warn("CMI reply to {} ({}) not understood: {}", request, status, ex.getMessage());
            if (request.kind == CmiRequest.NEW_ORDER) {
                uncertain(request, now);
            }
        }
        afterOrderChange(now);
    }

    /** The request failed without a reply (connection refused, reset, timed out). */
    public void onFailure(final CmiRequest request, final String problem) {
        final long now = clock.nanoTime();
        if (request != inFlight) {
            throw new IllegalStateException("failure of " + request + " which is not the request in flight (" + inFlight + ")");
        }
        inFlight = null;
        if (request.queueSlot >= 0) {
            queue.inFlight(request.queueSlot, false);
        }
        bucket.take(now);
        transportErrors++;
        backOff(now, request + " failed: " + problem);
        if (request.kind == CmiRequest.NEW_ORDER) {
            uncertain(request, now);
        }
        afterOrderChange(now);
    }

    private void backOff(final long now, final String why) {
        failures++;
        long wait = config.backoffInitialNanos;
        for (int i = 1; i < failures && wait < config.backoffMaxNanos; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, config.backoffMaxNanos);
        wait = wait / 2 + jitter.nextLong(wait / 2 + 1);
        backoffUntil = now + wait;
        LOG.warn("CMI: {}; backing off {} ms (failure {} in a row)", why, wait / 1_000_000, failures);
    }

    private void onLogin(final int status, final String authorization, final String body, final long now) {
        if (status / 100 == 2 && authorization != null && !authorization.isEmpty()) {
            token = authorization;
            logins++;
            LOG.info("CMI: logged in to {}", config);
            return;
        }
        backOff(now, "login to " + config + " refused (" + status + (authorization == null && status / 100 == 2
            ? ", no Authorization header" : "") + "): " + abbreviate(body));
    }

    private void onProducts(final int status, final String body) throws CmiProtocolException {
        if (status / 100 != 2) {
            throw new CmiProtocolException("product list answered " + status + ": " + abbreviate(body));
        }
        final List<String> missing = new ArrayList<>();
        java.util.Arrays.fill(listed, false);
        for (final Map<String, String> p : CmiJson.objects(body)) {
            final int id = symbols.find(CmiJson.string(p, "symbol"));
            if (id >= 0) {
                listed[id] = true;
                final String tick = p.get("tickSize");
                final double t = tick == null ? 1.0 : CmiNumbers.parseDecimal(tick);
                tickSize[id] = t > 0 ? t : 1.0;
            }
        }
        for (int i = 0; i < instrumentCount; i++) {
            if (!listed[i]) {
                missing.add(symbols.name(i));
            }
        }
        if (!missing.isEmpty()) {
            LOG.warn("CMI venue does not list {}: orders in them are rejected (UNKNOWN_INSTRUMENT)", missing);
        }
        productsLoaded = true;
    }

    private void onPlaced(final CmiRequest r, final int status, final String body, final long now) throws CmiProtocolException {
        final int q = r.queueSlot;
        final long id = queue.clOrdId(q);
        final int instrument = queue.instrument(q);
        final int side = queue.side(q);
        final long price = queue.price(q);
        final long qty = queue.qty(q);
        final int tif = queue.tif(q);
        if (status / 100 != 2) {
            queue.remove(q);
            publishOrder(OrderEventKind.REJECT, id, instrument, side, price, qty, rejectReason(body), now);
            dropCancels(id, now);
            return;
        }
        final Map<String, String> reply = CmiJson.object(body);
        final String venueId = CmiJson.string(reply, "id");
        final long remaining = CmiJson.whole(reply, "volume");
        final long filled = reply.get("filled") == null ? qty - remaining : CmiJson.whole(reply, "filled");
        final String ts = reply.get("timestamp");
        final long stamp = ts == null ? IsoInstant.INVALID : IsoInstant.parse(ts);
        queue.remove(q);
        final int s = orders.add(id, instrument, side, price, qty, tif, OwnOrders.OPEN, now);
        if (s < 0) {
            LOG.error("CMI order table full: order {} placed as {} but not tracked", id, venueId);
            return;
        }
        orders.acknowledge(s, venueId, Math.max(0, Math.min(qty, filled)));
        input.order(OrderEventKind.ACK, id, instrument);
        input.venueOrderId = orders.venueSeq(s);
        input.side = side;
        input.price = price;
        input.qty = qty;
        input.leaves = qty;
        publishOrderInput(stamp == IsoInstant.INVALID ? now : stamp);
        final long immediate = orders.immediateOutstanding(s);
        if ("CANCELLED".equals(reply.get("status")) || remaining == 0 && immediate < qty) {
            // the venue's self-trade prevention cancelled what did not fill at once: nothing rests;
            // the order closes once the trades of its immediate fill have arrived
            orders.closing(s, immediate, RejectReason.SELF_TRADE, networkClock.getAsLong());
            if (orders.filled(s) >= orders.closingFilled(s)) {
                finishCancel(s, now);
            }
            return;
        }
        if (tif == TimeInForce.IOC && remaining > 0) {
            queue.addCancel(id, instrument, OrderRequestQueue.CANCEL_IOC, null, now);
        }
    }

    /** A placement the venue did not take (429, 401) that the strategy cancelled meanwhile is dropped with its cancel. */
    private void coalesceIfCancelled(final CmiRequest r, final long now) {
        if (r.kind != CmiRequest.NEW_ORDER || queue.kind(r.queueSlot) != OrderRequestQueue.NEW || queue.clOrdId(r.queueSlot) != r.clOrdId) {
            return;
        }
        final int c = queue.findCancel(r.clOrdId);
        if (c >= 0) {
            queue.remove(c);
            onCancel(r.clOrdId, queue.instrument(r.queueSlot));
        }
    }

    /** A placement whose outcome is unknown: tracked as UNCERTAIN until the open orders are reconciled. */
    private void uncertain(final CmiRequest r, final long now) {
        final int q = r.queueSlot;
        if (q < 0 || queue.kind(q) != OrderRequestQueue.NEW || queue.clOrdId(q) != r.clOrdId) {
            return;
        }
        orders.add(queue.clOrdId(q), queue.instrument(q), queue.side(q), queue.price(q), queue.qty(q), queue.tif(q),
            OwnOrders.UNCERTAIN, now);
        queue.remove(q);
        reconcileOrders = true;
    }

    private void onCancelled(final CmiRequest r, final int status, final String body, final long now) throws CmiProtocolException {
        final int q = r.queueSlot;
        final int cancelClass = queue.cancelClass(q);
        final String orphan = queue.venueId(q);
        queue.remove(q);
        if (r.clOrdId == 0) {
            if (status / 100 == 2 || status == 404) {
                orders.removeOrphan(orphan);
                orphansCancelled++;
            }
            return;
        }
        final int s = orders.find(r.clOrdId);
        if (s < 0) {
            return;
        }
        final int reason = cancelClass == OrderRequestQueue.CANCEL_IOC ? RejectReason.IOC_REMAINDER : RejectReason.USER_CANCEL;
        if (status / 100 == 2) {
            long venueFilled = -1;
            if (body != null && !body.isBlank()) {
                final Map<String, String> reply = CmiJson.object(body);
                if (reply.get("filled") != null) {
                    venueFilled = CmiJson.whole(reply, "filled");
                }
            }
            orders.closing(s, Math.max(venueFilled, orders.filled(s)), reason, networkClock.getAsLong());
            if (orders.filled(s) >= orders.closingFilled(s)) {
                finishCancel(s, now);
            }
            return;
        }
        if (status == 404) {
            reconcileOrders = true;
            if (cancelClass == OrderRequestQueue.CANCEL_USER) {
                publishOrder(OrderEventKind.CANCEL_REJECT, r.clOrdId, orders.instrument(s), 0, 0, 0, RejectReason.UNKNOWN_ORDER, now);
            }
            return;
        }
        LOG.warn("CMI cancel of order {} refused ({}): {}", r.clOrdId, status, abbreviate(body));
        if (cancelClass == OrderRequestQueue.CANCEL_USER) {
            publishOrder(OrderEventKind.CANCEL_REJECT, r.clOrdId, orders.instrument(s), 0, 0, 0, RejectReason.VENUE_REJECTED, now);
        } else {
            reconcileOrders = true;
        }
    }

    /** Publishes the cancel of a CLOSING order for what it has not filled, and forgets it. */
    private void finishCancel(final int s, final long now) {
        final long id = orders.clOrdId(s);
        input.order(OrderEventKind.CANCELLED, id, orders.instrument(s));
        input.venueOrderId = orders.venueSeq(s);
        input.side = orders.side(s);
        input.price = orders.price(s);
        input.qty = Math.max(0, orders.leaves(s));
        input.reason = orders.closingReason(s);
        publishOrderInput(now);
        dropCancels(id, now);
        orders.remove(s);
    }

    private void onTrades(final int status, final String body, final long now) throws CmiProtocolException {
        if (status / 100 != 2) {
            throw new CmiProtocolException("trade list answered " + status + ": " + abbreviate(body));
        }
        reconcileTrades = false;
        onTradeBatch(CmiJson.objects(body), now);
        tradesKnownUntil = Math.max(tradesKnownUntil, tradesRequestedAt);
        if (vanishedTrades) {
            // asked after the open orders showed these gone: every trade they made is in this answer
            vanishedTrades = false;
            for (int s = 0; s < orders.capacity(); s++) {
                if (orders.state(s) == OwnOrders.CLOSING && orders.closingReason(s) == RejectReason.RECONCILED_CLOSED
                    && orders.filled(s) < orders.closingFilled(s)) {
                    LOG.warn("CMI order {} left the venue's open orders with {} lots unfilled by any trade: cancelled there",
                        orders.clOrdId(s), orders.leaves(s));
                    finishCancel(s, now);
                }
            }
        }
    }

    private void onOpenOrders(final int status, final String body, final long now) throws CmiProtocolException {
        if (status / 100 != 2) {
            throw new CmiProtocolException("open order list answered " + status + ": " + abbreviate(body));
        }
        reconcileOrders = false;
        reconciliations++;
        final List<Map<String, String>> listed = CmiJson.objects(body);
        final Map<String, Map<String, String>> unknown = new LinkedHashMap<>();
        final boolean[] seen = new boolean[orders.capacity()];
        boolean vanished = false;
        for (final Map<String, String> o : listed) {
            final String id = CmiJson.string(o, "id");
            final int s = orders.findVenue(id);
            if (s >= 0) {
                seen[s] = true;
            } else {
                unknown.put(id, o);
            }
        }
        orders.clearOrphans();
        for (int s = 0; s < orders.capacity(); s++) {
            if (orders.state(s) == OwnOrders.UNCERTAIN) {
                final String adopted = adopt(s, unknown);
                if (adopted != null) {
                    final Map<String, String> o = unknown.remove(adopted);
                    final long remaining = CmiJson.whole(o, "volume");
                    orders.acknowledge(s, adopted, 0);
                    LOG.info("CMI reconciliation: order {} whose placement reply was lost is at the venue as {}", orders.clOrdId(s), adopted);
                    input.order(OrderEventKind.ACK, orders.clOrdId(s), orders.instrument(s));
                    input.venueOrderId = orders.venueSeq(s);
                    input.side = orders.side(s);
                    input.price = orders.price(s);
                    input.qty = orders.qty(s);
                    input.leaves = orders.qty(s);
                    publishOrderInput(now);
                    if (orders.tif(s) == TimeInForce.IOC && remaining > 0) {
                        queue.addCancel(orders.clOrdId(s), orders.instrument(s), OrderRequestQueue.CANCEL_IOC, null, now);
                    }
                } else {
                    LOG.warn("CMI reconciliation: order {} whose placement reply was lost is not at the venue", orders.clOrdId(s));
                    publishOrder(OrderEventKind.REJECT, orders.clOrdId(s), orders.instrument(s), orders.side(s), orders.price(s),
                        orders.qty(s), RejectReason.LOST_IN_TRANSIT, now);
                    dropCancels(orders.clOrdId(s), now);
                    orders.remove(s);
                }
            } else if (orders.state(s) == OwnOrders.OPEN && !seen[s]) {
                // filled (its last trades may still be on the stream) or cancelled by the venue: the
                // trade list, asked next, has every trade it made; what it did not fill was cancelled
                LOG.info("CMI reconciliation: order {} ({}) is no longer open at the venue: asking for its trades",
                    orders.clOrdId(s), orders.venueId(s));
                orders.closing(s, orders.qty(s), RejectReason.RECONCILED_CLOSED, networkClock.getAsLong());
                vanished = true;
            }
        }
        if (vanished) {
            // trades the stream delivered are applied; any it has not are after the newest it did
            final long from = tradesKnownUntil - config.reconcileLookbackNanos;
            tradesFrom = reconcileTrades || vanishedTrades ? Math.min(tradesFrom, from) : from;
            vanishedTrades = true;
        }
        for (final Map.Entry<String, Map<String, String>> e : unknown.entrySet()) {
            final Map<String, String> o = e.getValue();
            final int instrument = symbols.find(CmiJson.string(o, "product"));
            if (instrument < 0) {
                continue;
            }
            final int side = side(CmiJson.string(o, "side"));
            orders.addOrphan(e.getKey(), instrument, side, Math.round(CmiJson.number(o, "price") / tickSize[instrument]),
                CmiJson.whole(o, "volume"));
            if (!queue.hasOrphanCancel(e.getKey())) {
                LOG.warn("CMI reconciliation: order {} at the venue is not one of ours (a previous run's?): cancelling it", e.getKey());
                queue.addCancel(0, instrument, OrderRequestQueue.CANCEL_ORPHAN, e.getKey(), now);
            }
        }
    }

    /** The venue id of an unknown open order matching UNCERTAIN order {@code s} (product, side, price, volume), or null. */
    private String adopt(final int s, final Map<String, Map<String, String>> unknown) throws CmiProtocolException {
        final int instrument = orders.instrument(s);
        for (final Map.Entry<String, Map<String, String>> e : unknown.entrySet()) {
            final Map<String, String> o = e.getValue();
            if (symbols.find(CmiJson.string(o, "product")) == instrument && side(CmiJson.string(o, "side")) == orders.side(s)
                && Math.round(CmiJson.number(o, "price") / tickSize[instrument]) == orders.price(s)
                && CmiJson.whole(o, "volume") <= orders.qty(s)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * The venue's positions. At the first answer of the session they are adopted as they are (a
     * previous run's position). Later, a position that agrees with the fills seen is published; one
     * that disagrees is held, not published: the stream can lag the REST answers (the venue counts
     * a fill in {@code netPosition} before its trade event reaches us), so the positions are asked
     * again once {@code pendingTradeNanos} have passed, and a disagreement is adopted (published,
     * for risk to judge) only when the venue's figure is unchanged and no fill of that product
     * arrived in between: then no trade report is on its way that could explain it.
     */
    private void onPositions(final int status, final String body, final long now) throws CmiProtocolException {
        if (status / 100 != 2) {
            throw new CmiProtocolException("position list answered " + status + ": " + abbreviate(body));
        }
        reconcilePositions = false;
        positionRecheckAt = Long.MAX_VALUE;
        final long[] venue = new long[instrumentCount];
        for (final Map<String, String> p : CmiJson.objects(body)) {
            final int id = symbols.find(CmiJson.string(p, "product"));
            if (id >= 0) {
                venue[id] = CmiJson.whole(p, "netPosition");
            }
        }
        final long wall = networkClock.getAsLong();
        for (int i = 0; i < instrumentCount; i++) {
            if (positionsKnown && venue[i] != position[i]) {
                if (!positionHeld[i] || heldVenuePosition[i] != venue[i] || heldFillsSeen[i] != fillsSeen[i]) {
                    positionHeld[i] = true;
                    heldVenuePosition[i] = venue[i];
                    heldFillsSeen[i] = fillsSeen[i];
                    heldSince[i] = wall;
                    positionsHeld++;
                    positionRecheckAt = Math.min(positionRecheckAt, wall + config.pendingTradeNanos);
                    LOG.info("CMI reconciliation: venue position in {} is {}, the fills seen make {}: asking again once trade"
                        + " reports on their way have arrived", symbols.name(i), venue[i], position[i]);
                    continue;
                }
                if (wall - heldSince[i] < config.pendingTradeNanos) {
                    positionRecheckAt = Math.min(positionRecheckAt, heldSince[i] + config.pendingTradeNanos);
                    continue;
                }
                positionsAdopted++;
                LOG.warn("CMI reconciliation: venue position in {} is still {} with no fill of it since, the fills seen make {}:"
                    + " adopting the venue's", symbols.name(i), venue[i], position[i]);
            } else if (venue[i] != position[i]) {
                LOG.warn("CMI: venue position in {} at login is {}, the fills seen make {}: adopting the venue's", symbols.name(i),
                    venue[i], position[i]);
            }
            positionHeld[i] = false;
            position[i] = venue[i];
            input.instrumentId = i;
            input.position = venue[i];
            input.receiveTimeNanos = now;
            input.eventTimeNanos = now;
            publisher.publish(CmiInput.POSITION, input);
        }
        positionsKnown = true;
    }

    // ---------------------------------------------------------------- stream

    /** The stream opened: everything is reconciled over REST before new orders go out again. */
    public void onStreamOpen() {
        final long now = clock.nanoTime();
        stream = STREAM_OPEN;
        streamOpens++;
        streamFailures = 0;
        reconcileOrders = true;
        reconcilePositions = true;
        if (everReady) {
            // the venue drops the events a stream had queued when it closes it (a reader too slow at
            // 2400x falls minutes of venue time behind): every trade after the newest one it delivered
            // may be lost, however long before the loss was noticed
            reconcileTrades = true;
            tradesFrom = Math.min(tradesKnownUntil, streamLostAt == Long.MIN_VALUE ? now : streamLostAt)
                - config.reconcileLookbackNanos;
        } else if (tradesKnownUntil == Long.MIN_VALUE) {
            tradesKnownUntil = now;
        }
        LOG.info("CMI: event stream open ({}); reconciling", streamOpens == 1 ? "first" : "reopened");
        maybeReady();
    }

    /** The stream closed or failed ({@code status} is the HTTP status when the venue refused it, else 0). */
    public void onStreamClosed(final int status, final String problem) {
        final long now = clock.nanoTime();
        final boolean wasOpen = stream == STREAM_OPEN;
        stream = STREAM_DOWN;
        if (wasOpen) {
            streamLostAt = now;
        }
        ready = false;
        if (status == 401) {
            unauthorized++;
            token = null;
        }
        long wait = config.backoffInitialNanos / 4;
        for (int i = 0; i < streamFailures && wait < config.backoffMaxNanos; i++) {
            wait *= 2;
        }
        streamFailures++;
        wait = Math.min(wait, config.backoffMaxNanos);
        nextStreamAttempt = now + wait / 2 + jitter.nextLong(wait / 2 + 1);
        LOG.warn("CMI: event stream {} ({}{}); reopening", wasOpen ? "lost" : "refused", status == 0 ? "" : status + ": ", problem);
    }

    /** One event of the stream: {@code order} (a book snapshot), {@code trade} (our trades), {@code settlement}; others are ignored. */
    public void onStreamEvent(final String type, final String data) {
        final long now = clock.nanoTime();
        if (stream != STREAM_OPEN) {
            return;
        }
        try {
            if ("order".equals(type)) {
                bookDecoder.decode(data, scratch);
                final int i = scratch.instrument;
                if (i >= 0) {
                    latest[i].copyFrom(scratch);
                    hasLatest[i] = true;
                    onBook(i, now);
                }
            } else if ("trade".equals(type)) {
                final List<Map<String, String>> trades = CmiJson.objects(data);
                onTradeBatch(trades, now);
                for (final Map<String, String> t : trades) {
                    tradesKnownUntil = Math.max(tradesKnownUntil, CmiJson.timestamp(t, "timestamp"));
                }
                afterOrderChange(now);
            } else if ("settlement".equals(type)) {
                onSettlement(CmiJson.object(data), now);
            }
        } catch (final CmiProtocolException ex) {
            undecodable++;
            LOG.warn("CMI {} event not understood: {}; data: {}", type, ex.getMessage(), abbreviate(data));
        }
    }

    private void onSettlement(final Map<String, String> s, final long now) throws CmiProtocolException {
        final int id = symbols.find(CmiJson.string(s, "product"));
        if (id < 0) {
            return;
        }
        input.instrumentId = id;
        input.value = CmiJson.number(s, "price");
        input.position = position[id];
        input.receiveTimeNanos = now;
        input.eventTimeNanos = s.get("timestamp") == null ? now : CmiJson.timestamp(s, "timestamp");
        publisher.publish(CmiInput.SETTLEMENT, input);
        position[id] = 0;
        reconcileOrders = true;
    }

    // ---------------------------------------------------------------- trades and attribution

    private void onTradeBatch(final List<Map<String, String>> records, final long now) throws CmiProtocolException {
        final Map<FillLedger.Key, Integer> occurrences = new HashMap<>();
        for (final Map<String, String> t : records) {
            final boolean buyer = config.username.equals(t.get("buyer"));
            final boolean seller = config.username.equals(t.get("seller"));
            if (!buyer && !seller) {
                continue;
            }
            final int instrument = symbols.find(CmiJson.string(t, "product"));
            if (instrument < 0) {
                continue;
            }
            if (buyer && seller) {
                LOG.warn("CMI trade with ourselves on both sides ignored: {}", t);
                continue;
            }
            final long ts = CmiJson.timestamp(t, "timestamp");
            final long volume = CmiJson.whole(t, "volume");
            final long price = Math.round(CmiJson.number(t, "price") / tickSize[instrument]);
            final int side = buyer ? Side.BUY : Side.SELL;
            final String other = buyer ? t.get("seller") : t.get("buyer");
            final FillLedger.Key key = new FillLedger.Key(ts, instrument, price, volume, side,
                FillLedger.nameHash(other == null ? "" : other));
            final int n = occurrences.merge(key, 1, Integer::sum);
            if (volume <= 0) {
                continue;
            }
            if (ledger.admit(key, n)) {
                pending.add(new PendingTrade(ts, instrument, side, price, volume, networkClock.getAsLong()));
            } else {
                duplicateFills++;
            }
        }
        attributePending(now);
    }

    private void attributePending(final long now) {
        for (int k = 0; k < pending.size(); k++) {
            final PendingTrade t = pending.get(k);
            if (awaitingReply(t.instrument, t.side)) {
                continue;
            }
            while (t.remaining > 0) {
                int s = bestResting(t);
                boolean immediate = false;
                if (s < 0) {
                    s = bestImmediate(t);
                    immediate = s >= 0;
                }
                if (s < 0) {
                    s = bestCrossing(t);
                }
                if (s < 0) {
                    break;
                }
                long q = Math.min(t.remaining, orders.leaves(s));
                if (immediate) {
                    q = Math.min(q, orders.immediateOutstanding(s));
                } else if (orders.immediateOutstanding(s) > 0 && orders.price(s) != t.price) {
                    immediate = true;
                }
                applyFill(s, t, q, immediate);
            }
            if (t.remaining == 0) {
                pending.remove(k--);
            }
        }
    }

    /** True while a placement of this product and side is in flight or uncertain: a trade may be its. */
    private boolean awaitingReply(final int instrument, final int side) {
        final CmiRequest r = inFlight;
        if (r != null && r.kind == CmiRequest.NEW_ORDER && r.queueSlot >= 0 && queue.kind(r.queueSlot) == OrderRequestQueue.NEW
            && queue.instrument(r.queueSlot) == instrument && queue.side(r.queueSlot) == side) {
            return true;
        }
        for (int s = 0; s < orders.capacity(); s++) {
            if (orders.state(s) == OwnOrders.UNCERTAIN && orders.instrument(s) == instrument && orders.side(s) == side) {
                return true;
            }
        }
        return false;
    }

    /** The oldest open order resting at exactly the trade's price without an unreported immediate fill. */
    private int bestResting(final PendingTrade t) {
        int best = -1;
        for (int s = 0; s < orders.capacity(); s++) {
            if (fits(s, t) && orders.price(s) == t.price && orders.immediateOutstanding(s) == 0
                && (best < 0 || orders.created(s) < orders.created(best))) {
                best = s;
            }
        }
        return best;
    }

    /** The oldest order whose placement reported an immediate fill not yet attributed, crossing the trade's price. */
    private int bestImmediate(final PendingTrade t) {
        int best = -1;
        for (int s = 0; s < orders.capacity(); s++) {
            if (fits(s, t) && crosses(s, t.price) && orders.immediateOutstanding(s) > 0
                && (best < 0 || orders.created(s) < orders.created(best))) {
                best = s;
            }
        }
        return best;
    }

    /** The oldest order whose limit the trade's price crosses. */
    private int bestCrossing(final PendingTrade t) {
        int best = -1;
        for (int s = 0; s < orders.capacity(); s++) {
            if (fits(s, t) && crosses(s, t.price) && (best < 0 || orders.created(s) < orders.created(best))) {
                best = s;
            }
        }
        return best;
    }

    private boolean fits(final int s, final PendingTrade t) {
        final int state = orders.state(s);
        return (state == OwnOrders.OPEN || state == OwnOrders.CLOSING && orders.filled(s) < orders.closingFilled(s))
            && orders.instrument(s) == t.instrument && orders.side(s) == t.side && orders.leaves(s) > 0;
    }

    private boolean crosses(final int s, final long tradePrice) {
        return orders.side(s) == Side.BUY ? tradePrice <= orders.price(s) : tradePrice >= orders.price(s);
    }

    private void applyFill(final int s, final PendingTrade t, final long q, final boolean immediate) {
        orders.fill(s, q, immediate);
        t.remaining -= q;
        fillsApplied++;
        fillsSeen[t.instrument]++;
        position[t.instrument] += Side.sign(t.side) * q;
        final long id = orders.clOrdId(s);
        input.order(OrderEventKind.FILL, id, t.instrument);
        input.venueOrderId = orders.venueSeq(s);
        input.side = t.side;
        input.price = orders.price(s);
        input.qty = orders.qty(s);
        input.fillQty = q;
        input.fillPrice = t.price;
        input.leaves = orders.leaves(s);
        publishOrderInput(t.timestamp);
        if (orders.state(s) == OwnOrders.CLOSING && orders.leaves(s) > 0) {
            if (orders.filled(s) >= orders.closingFilled(s)) {
                finishCancel(s, clock.nanoTime());
            }
        } else if (orders.leaves(s) == 0) {
            dropCancels(id, clock.nanoTime());
            orders.remove(s);
        }
    }

    /** Removes queued cancels of an order that ended; the strategy's own cancel gets a cancel reject (the order is gone). */
    private void dropCancels(final long id, final long now) {
        final int c = queue.findCancel(id);
        if (c >= 0 && (inFlight == null || inFlight.queueSlot != c)) {
            final boolean user = queue.cancelClass(c) == OrderRequestQueue.CANCEL_USER;
            final int instrument = queue.instrument(c);
            queue.remove(c);
            if (user) {
                publishOrder(OrderEventKind.CANCEL_REJECT, id, instrument, 0, 0, 0, RejectReason.UNKNOWN_ORDER, now);
            }
        }
    }

    // ---------------------------------------------------------------- books

    /**
     * Publishes everyone else's book (each level's total less our volume there, as the venue
     * counts it) unless it is the one already published: a change of our own orders alone is not
     * an event for the engine. Notes whether the venue's view of our resting orders agrees with ours.
     */
    private void onBook(final int i, final long now) {
        final CmiBook b = latest[i];
        others.clear();
        others.instrument = i;
        others.tickSize = b.tickSize;
        for (int l = 0; l < b.bids; l++) {
            if (b.bidTotal[l] > b.bidOwn[l]) {
                others.add(true, b.bidPrice[l], b.bidTotal[l] - b.bidOwn[l], 0);
            }
        }
        for (int l = 0; l < b.asks; l++) {
            if (b.askTotal[l] > b.askOwn[l]) {
                others.add(false, b.askPrice[l], b.askTotal[l] - b.askOwn[l], 0);
            }
        }
        if (!everPublished[i] || !others.sameAs(published[i])) {
            publishBook(i, now);
        } else {
            suppressedSnapshots++;
        }
        if (orders.agreesWith(b)) {
            mismatched[i] = false;
        } else if (!mismatched[i]) {
            mismatched[i] = true;
            mismatchSince[i] = networkClock.getAsLong();
            mismatchedSnapshots++;
        }
    }

    private void publishBook(final int i, final long now) {
        everPublished[i] = true;
        published[i].copyFrom(others);
        snapshotsPublished++;
        input.instrumentId = i;
        input.book = published[i];
        input.bookSequence = ++bookSeq[i];
        input.receiveTimeNanos = now;
        input.eventTimeNanos = now;
        publisher.publish(CmiInput.BOOK, input);
    }

    /** After our orders changed: trades may now be attributable, books may now agree, readiness may follow. */
    private void afterOrderChange(final long now) {
        attributePending(now);
        for (int i = 0; i < instrumentCount; i++) {
            if (mismatched[i] && hasLatest[i] && orders.agreesWith(latest[i])) {
                mismatched[i] = false;
            }
        }
        maybeReady();
    }

    private void maybeReady() {
        final boolean now = stream == STREAM_OPEN && productsLoaded && !reconcileTrades && !reconcileOrders && !reconcilePositions;
        if (now && !ready) {
            LOG.info("CMI: reconciled, accepting orders");
            everReady = true;
        }
        ready = now;
    }

    /** True while a cancelled or vanished order awaits trades for fills the venue counted. */
    private boolean anyClosingShort() {
        for (int s = 0; s < orders.capacity(); s++) {
            if (orders.state(s) == OwnOrders.CLOSING && orders.filled(s) < orders.closingFilled(s)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyUncertain() {
        for (int s = 0; s < orders.capacity(); s++) {
            if (orders.state(s) == OwnOrders.UNCERTAIN) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- publishing and helpers

    private void publishOrder(final int kind, final long id, final int instrument, final int side, final long price,
                              final long qty, final int reason, final long now) {
        input.order(kind, id, instrument);
        input.side = side;
        input.price = price;
        input.qty = qty;
        input.reason = reason;
        publishOrderInput(now);
    }

    private void publishOrderInput(final long eventTime) {
        input.receiveTimeNanos = clock.nanoTime();
        input.eventTimeNanos = eventTime;
        publisher.publish(CmiInput.ORDER, input);
    }

    /** The reject reason a refusal's text names. */
    static int rejectReason(final String body) {
        final String text = body == null ? "" : body.toLowerCase(Locale.ROOT);
        if (text.contains("position") && text.contains("limit")) {
            return RejectReason.POSITION_LIMIT;
        }
        if (text.contains("session") || text.contains("closed")) {
            return RejectReason.SESSION_CLOSED;
        }
        if (text.contains("product")) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (text.contains("price")) {
            return RejectReason.INVALID_PRICE;
        }
        if (text.contains("volume")) {
            return RejectReason.INVALID_QUANTITY;
        }
        return RejectReason.VENUE_REJECTED;
    }

    private static int side(final String text) throws CmiProtocolException {
        return switch (text) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new CmiProtocolException("side '" + text + "' is neither BUY nor SELL");
        };
    }

    private static String abbreviate(final String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Stops: nothing is sent or published afterwards. */
    public void close() {
        closed = true;
        ready = false;
    }

    // ---------------------------------------------------------------- state and counters

    /** Logged in, stream open, reconciled: new orders are accepted. */
    public boolean isReady() {
        return ready;
    }

    /** Position per instrument as the fills seen (and the last reconciliation) make it. */
    public long position(final int instrument) {
        return position[instrument];
    }

    /** Intents waiting to be sent. */
    public int queued() {
        return queue.size();
    }

    /** Orders at the venue (or whose placement is uncertain) as this session knows them. */
    public int liveOrders() {
        return orders.live();
    }

    public long requestsSent() {
        return requestsSent;
    }

    public long tooManyRequests() {
        return tooManyRequests;
    }

    public long unauthorized() {
        return unauthorized;
    }

    public long serverErrors() {
        return serverErrors;
    }

    public long transportErrors() {
        return transportErrors;
    }

    public long logins() {
        return logins;
    }

    public long streamOpens() {
        return streamOpens;
    }

    /** Placements sent. */
    public long ordersSent() {
        return ordersSent;
    }

    /** Cancels sent (the strategy's, IOC remainders and orphans). */
    public long cancelsSent() {
        return cancelsSent;
    }

    /** Orders cancelled while still queued (never sent). */
    public long coalesced() {
        return coalesced;
    }

    /** Orders dropped for waiting in the queue too long. */
    public long expired() {
        return expired;
    }

    public long fillsApplied() {
        return fillsApplied;
    }

    /** Trade reports recognised as fills already applied. */
    public long duplicateFills() {
        return duplicateFills;
    }

    public long unattributedFills() {
        return unattributedFills;
    }

    /** Snapshots whose view of our resting orders disagreed with ours (a reply or trade report on its way, or worse). */
    public long mismatchedSnapshots() {
        return mismatchedSnapshots;
    }

    /** Snapshots not published because everyone else's book had not changed (our own orders alone had). */
    public long suppressedSnapshots() {
        return suppressedSnapshots;
    }

    /** Disagreements that outlasted the mismatch timeout, each followed by a reconciliation of the open orders. */
    public long mismatchReconciliations() {
        return mismatchReconciliations;
    }

    public long snapshotsPublished() {
        return snapshotsPublished;
    }

    public long undecodable() {
        return undecodable;
    }

    /** Open-order reconciliations done. */
    public long reconciliations() {
        return reconciliations;
    }

    public long orphansCancelled() {
        return orphansCancelled;
    }

    /** Venue positions that disagreed with the fills seen and were held for a second answer instead of published. */
    public long positionsHeld() {
        return positionsHeld;
    }

    /** Held disagreements that lasted (same venue figure, no fill of the product in between) and were adopted. */
    public long positionsAdopted() {
        return positionsAdopted;
    }
}
