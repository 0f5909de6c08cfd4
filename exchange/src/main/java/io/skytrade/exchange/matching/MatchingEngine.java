package io.skytrade.exchange.matching;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.RejectReason;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;

/**
 * A limit order book per product with price-time priority, GTC and IOC orders, partial fills,
 * cancels, per-participant position limits (position plus open orders on the order's side),
 * per-participant order-rate limits (token bucket over new orders and cancels), self-trade
 * prevention (an order that would trade with its own participant's resting order has its
 * remainder cancelled) and settlement. Fills are at the resting order's price. A client order
 * id is used up by the first order that carries it, accepted or rejected. The simulator and
 * the backtest fill model share this one implementation.
 *
 * <p>Time is passed in by the caller, so the engine is deterministic. Not thread-safe: one thread
 * (or one lock) drives it. Hot-path cost: O(log levels) per order plus O(1) per fill; no
 * allocation in steady state beyond the growth of the per-participant client-order-id sets.
 */
public final class MatchingEngine {
    /** Returned by {@link #bestBid} and {@link #bestAsk} for an empty side. */
    public static final long NO_PRICE = Long.MIN_VALUE;
    /** Highest price in ticks the engine accepts. */
    public static final long MAX_PRICE_TICKS = 1_000_000_000L;
    /** Highest order quantity in lots the engine accepts. */
    public static final long MAX_QUANTITY = 1_000_000L;
    /** Instrument argument of {@link #cancel(long, int, long, int)} that matches an order in any product. */
    public static final int ANY_INSTRUMENT = Integer.MIN_VALUE;

    private final int instrumentCount;
    private final int maxParticipants;
    private final ExecutionListener listener;
    private final OrderPool pool;
    private final BookSide[] bids;
    private final BookSide[] asks;
    private final boolean[] closed;

    private final long[] positionLimit;
    private final double[] ratePerSecond;
    private final double[] burst;
    private final double[] tokens;
    private final long[] lastRefillNanos;

    private final long[] position;
    private final long[] cash;
    private final long[] openBuy;
    private final long[] openSell;
    private final boolean[] traded;
    private final double[] realisedPnl;
    private final Long2LongHashMap[] openByClientId;
    private final LongHashSet[] seenClientIds;
    private final boolean[] increasingClientIds;
    private final long[] lastClientId;
    private final boolean[] handleAddressed;
    private final int[] openOrders;
    private int lastRestedHandle = OrderPool.NIL;
    private long nextVenueOrderId = 1;
    /** Open orders kept outside the book by the caller ({@link #admitOutside}): they count against the capacity. */
    private int outsideOrders;

    /**
     * @param instrumentCount    products, ids 0..instrumentCount-1
     * @param maxParticipants    participants, ids 0..maxParticipants-1
     * @param orderCapacity      most resting orders at once over all products
     * @param maxLevelsPerSide   most price levels per side of one book
     * @param defaultLimit       position limit of every participant until {@link #positionLimit(int, long)}
     * @param listener           receives every execution
     */
    public MatchingEngine(final int instrumentCount, final int maxParticipants, final int orderCapacity,
                          final int maxLevelsPerSide, final long defaultLimit, final ExecutionListener listener) {
        if (instrumentCount <= 0 || maxParticipants <= 0 || maxLevelsPerSide <= 0 || defaultLimit < 0) {
            throw new IllegalArgumentException("matching engine needs positive instrumentCount (" + instrumentCount
                + "), maxParticipants (" + maxParticipants + "), maxLevelsPerSide (" + maxLevelsPerSide
                + ") and a non-negative defaultLimit (" + defaultLimit + ")");
        }
        this.instrumentCount = instrumentCount;
        this.maxParticipants = maxParticipants;
        this.listener = listener;
        this.pool = new OrderPool(orderCapacity);
        this.bids = new BookSide[instrumentCount];
        this.asks = new BookSide[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            bids[i] = new BookSide(Side.BUY, maxLevelsPerSide);
            asks[i] = new BookSide(Side.SELL, maxLevelsPerSide);
        }
        this.closed = new boolean[instrumentCount];
        this.positionLimit = new long[maxParticipants];
        java.util.Arrays.fill(positionLimit, defaultLimit);
        this.ratePerSecond = new double[maxParticipants];
        this.burst = new double[maxParticipants];
        this.tokens = new double[maxParticipants];
        this.lastRefillNanos = new long[maxParticipants];
        final int cells = maxParticipants * instrumentCount;
        this.position = new long[cells];
        this.cash = new long[cells];
        this.openBuy = new long[cells];
        this.openSell = new long[cells];
        this.traded = new boolean[cells];
        this.realisedPnl = new double[maxParticipants];
        this.openByClientId = new Long2LongHashMap[maxParticipants];
        this.seenClientIds = new LongHashSet[maxParticipants];
        this.increasingClientIds = new boolean[maxParticipants];
        this.lastClientId = new long[maxParticipants];
        this.handleAddressed = new boolean[maxParticipants];
        this.openOrders = new int[maxParticipants];
        for (int p = 0; p < maxParticipants; p++) {
            openByClientId[p] = new Long2LongHashMap(-1);
            seenClientIds[p] = new LongHashSet();
        }
    }

    public int instrumentCount() {
        return instrumentCount;
    }

    public int maxParticipants() {
        return maxParticipants;
    }

    /** Sets one participant's position limit (absolute lots per product, open orders included). */
    public void positionLimit(final int participant, final long limit) {
        positionLimit[participant] = limit;
    }

    /** Limits one participant to {@code perSecond} new orders and cancels with bursts of {@code burstSize}; 0 disables. */
    public void rateLimit(final int participant, final double perSecond, final double burstSize) {
        ratePerSecond[participant] = perSecond;
        burst[participant] = burstSize;
        tokens[participant] = burstSize;
        lastRefillNanos[participant] = Long.MIN_VALUE;
    }

    /**
     * Submits a limit order. Calls the listener with an accept and fills, or a reject.
     *
     * @return {@link RejectReason#NONE} when accepted, else the reject reason
     */
    public int submit(final long nowNanos, final int participant, final long clientOrderId, final int instrument,
                      final int side, final long priceTicks, final long quantity, final int timeInForce) {
        lastRestedHandle = OrderPool.NIL;
        final int reason = validate(nowNanos, participant, clientOrderId, instrument, side, priceTicks, quantity, timeInForce);
        if (reason != RejectReason.NONE) {
            listener.onRejected(participant, clientOrderId, instrument, side, priceTicks, quantity, reason, nowNanos);
            return reason;
        }
        final BookSide own = side == Side.BUY ? bids[instrument] : asks[instrument];
        if (timeInForce == TimeInForce.GTC && bookFull(own, priceTicks)) {
            listener.onRejected(participant, clientOrderId, instrument, side, priceTicks, quantity, RejectReason.BOOK_FULL, nowNanos);
            return RejectReason.BOOK_FULL;
        }
        final long venueOrderId = nextVenueOrderId++;
        listener.onAccepted(participant, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity, timeInForce, nowNanos);

        long remaining = quantity;
        int stopReason = RejectReason.NONE;
        final BookSide opposite = side == Side.BUY ? asks[instrument] : bids[instrument];
        while (remaining > 0 && opposite.size() > 0) {
            final int level = opposite.bestIndex();
            final long levelPrice = opposite.price(level);
            if (!opposite.crosses(levelPrice, priceTicks)) {
                break;
            }
            final int resting = opposite.head(level);
            final int counterparty = pool.participant[resting];
            if (counterparty == participant) {
                stopReason = RejectReason.SELF_TRADE;
                break;
            }
            final long fill = Math.min(remaining, pool.leaves[resting]);
            remaining -= fill;
            pool.leaves[resting] -= fill;
            opposite.reduce(level, fill);
            final int restingSide = pool.side[resting];
            applyFill(counterparty, instrument, restingSide, levelPrice, fill, true);
            applyFill(participant, instrument, side, levelPrice, fill, false);
            listener.onFill(counterparty, pool.clientOrderId[resting], pool.venueOrderId[resting], instrument, restingSide,
                levelPrice, fill, pool.leaves[resting], false, nowNanos);
            listener.onFill(participant, clientOrderId, venueOrderId, instrument, side, levelPrice, fill, remaining, true, nowNanos);
            listener.onTrade(instrument, levelPrice, fill, side, side == Side.BUY ? participant : counterparty,
                side == Side.BUY ? counterparty : participant, nowNanos);
            if (pool.leaves[resting] == 0) {
                opposite.remove(pool, resting, level);
                forget(counterparty, pool.clientOrderId[resting]);
                pool.free(resting);
            }
        }
        if (remaining > 0) {
            if (stopReason == RejectReason.NONE && timeInForce == TimeInForce.GTC) {
                rest(participant, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity, remaining, own);
            } else {
                listener.onCancelled(participant, clientOrderId, venueOrderId, instrument, side, remaining,
                    stopReason == RejectReason.NONE ? RejectReason.IOC_REMAINDER : stopReason, nowNanos);
            }
        }
        return RejectReason.NONE;
    }

    /** Cancels an open order of a participant by its client order id, whatever its product. */
    public int cancel(final long nowNanos, final int participant, final long clientOrderId) {
        return cancel(nowNanos, participant, clientOrderId, ANY_INSTRUMENT);
    }

    /**
     * Cancels an open order of a participant by its client order id if it is an order in
     * {@code instrument} ({@link #ANY_INSTRUMENT}: in any product). Rejects, through the listener,
     * with {@link RejectReason#RATE_LIMIT}, {@link RejectReason#INVALID_CLIENT_ORDER_ID} (id not
     * positive), {@link RejectReason#UNKNOWN_INSTRUMENT} (no such product) or
     * {@link RejectReason#UNKNOWN_ORDER} (no open order with that id in that product).
     */
    public int cancel(final long nowNanos, final int participant, final long clientOrderId, final int instrument) {
        if (participant < 0 || participant >= maxParticipants) {
            return RejectReason.UNKNOWN_ORDER;
        }
        final int reason;
        final int h = (int)openByClientId[participant].get(clientOrderId);
        if (!takeToken(participant, nowNanos)) {
            reason = RejectReason.RATE_LIMIT;
        } else if (clientOrderId <= 0) {
            reason = RejectReason.INVALID_CLIENT_ORDER_ID;
        } else if (instrument != ANY_INSTRUMENT && (instrument < 0 || instrument >= instrumentCount)) {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        } else if (h < 0 || instrument != ANY_INSTRUMENT && pool.instrument[h] != instrument) {
            reason = RejectReason.UNKNOWN_ORDER;
        } else {
            removeOrder(h, RejectReason.USER_CANCEL, nowNanos);
            return RejectReason.NONE;
        }
        listener.onCancelRejected(participant, clientOrderId, reason, nowNanos);
        return reason;
    }

    /**
     * Reduces an open order's remaining quantity to {@code newLeaves} keeping its queue position
     * (the fill model mirrors recorded books this way); 0 cancels it. No listener call unless it cancels.
     */
    public int reduce(final long nowNanos, final int participant, final long clientOrderId, final long newLeaves) {
        return reduceHandle(nowNanos, (int)openByClientId[participant].get(clientOrderId), newLeaves);
    }

    /**
     * {@link #reduce} of the open order with handle {@code h} (from {@link #lastRestedHandle()}),
     * without the client-order-id lookup; a negative handle is {@link RejectReason#UNKNOWN_ORDER}.
     */
    public int reduceHandle(final long nowNanos, final int h, final long newLeaves) {
        if (h < 0) {
            return RejectReason.UNKNOWN_ORDER;
        }
        final int participant = pool.participant[h];
        if (newLeaves <= 0) {
            removeOrder(h, RejectReason.USER_CANCEL, nowNanos);
            return RejectReason.NONE;
        }
        final long delta = pool.leaves[h] - newLeaves;
        if (delta <= 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        final BookSide book = pool.side[h] == Side.BUY ? bids[pool.instrument[h]] : asks[pool.instrument[h]];
        book.reduce(book.find(pool.price[h]), delta);
        pool.leaves[h] = newLeaves;
        adjustOpen(participant, pool.instrument[h], pool.side[h], -delta);
        return RejectReason.NONE;
    }

    /**
     * Adds {@code addQuantity} to an open order that is the last of its price level, keeping its
     * place: nothing rests behind it, so no order is overtaken. Returns false, changing nothing,
     * when the order is not open, another order rests behind it, or the quantity is not positive.
     * No limit check and no listener call: the fill model merges recorded liquidity that joins
     * directly behind recorded liquidity this way.
     */
    public boolean growIfLast(final int participant, final long clientOrderId, final long addQuantity) {
        return growIfLastHandle((int)openByClientId[participant].get(clientOrderId), addQuantity);
    }

    /**
     * {@link #growIfLast} of the open order with handle {@code h} (from {@link #lastRestedHandle()}),
     * without the client-order-id lookup; false for a negative handle.
     */
    public boolean growIfLastHandle(final int h, final long addQuantity) {
        if (h < 0 || addQuantity <= 0 || pool.next[h] != OrderPool.NIL) {
            return false;
        }
        final int participant = pool.participant[h];
        final BookSide book = pool.side[h] == Side.BUY ? bids[pool.instrument[h]] : asks[pool.instrument[h]];
        book.grow(book.find(pool.price[h]), addQuantity);
        pool.leaves[h] += addQuantity;
        pool.quantity[h] += addQuantity;
        adjustOpen(participant, pool.instrument[h], pool.side[h], addQuantity);
        return true;
    }

    /**
     * Admits an order that the caller keeps outside the book: validates it as {@link #submit} does
     * (the same rejects, through the listener, and the same capacity), gives it the next venue
     * order id and reports it accepted, but matches nothing and rests nothing. A GTC order then
     * counts as open (participant's open orders, open quantity, capacity) until
     * {@link #changeOutside} or {@link #fillOutside} says it is gone or {@link #attachOutside} moves it
     * into the book. The caller matches it and keeps it, and must only do so where the book holds
     * nothing it could trade with or queue behind: the backtest fill model keeps recorded liquidity
     * at price levels without our orders this way, with the same venue order ids and the same
     * checks as if every order were in the book.
     *
     * @return the venue order id (positive) when accepted, else minus the reject reason
     */
    public long admitOutside(final long nowNanos, final int participant, final long clientOrderId, final int instrument,
                             final int side, final long priceTicks, final long quantity, final int timeInForce) {
        lastRestedHandle = OrderPool.NIL;
        int reason = validate(nowNanos, participant, clientOrderId, instrument, side, priceTicks, quantity, timeInForce);
        if (reason == RejectReason.NONE && timeInForce == TimeInForce.GTC
            && bookFull(side == Side.BUY ? bids[instrument] : asks[instrument], priceTicks)) {
            reason = RejectReason.BOOK_FULL;
        }
        if (reason != RejectReason.NONE) {
            listener.onRejected(participant, clientOrderId, instrument, side, priceTicks, quantity, reason, nowNanos);
            return -reason;
        }
        final long venueOrderId = nextVenueOrderId++;
        listener.onAccepted(participant, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity, timeInForce, nowNanos);
        if (timeInForce == TimeInForce.GTC) {
            outsideOrders++;
            openOrders[participant]++;
            adjustOpen(participant, instrument, side, quantity);
        }
        return venueOrderId;
    }

    /**
     * Books a trade between two orders kept outside the book (an aggressor admitted with
     * {@link #admitOutside} and a resting one): positions and cash of both, the resting order's open
     * quantity, and, when {@code restingGone}, the resting order's end. No listener call.
     */
    public void fillOutside(final int aggressor, final int resting, final int instrument, final int aggressorSide,
                            final long priceTicks, final long quantity, final boolean restingGone) {
        applyFill(resting, instrument, aggressorSide == Side.BUY ? Side.SELL : Side.BUY, priceTicks, quantity, true);
        applyFill(aggressor, instrument, aggressorSide, priceTicks, quantity, false);
        if (restingGone) {
            outsideOrders--;
            openOrders[resting]--;
        }
    }

    /**
     * An order kept outside the book changed its open quantity by {@code deltaQuantity} (grown or
     * reduced) and, when {@code gone}, left (withdrawn or cancelled). No listener call.
     */
    public void changeOutside(final int participant, final int instrument, final int side, final long deltaQuantity,
                              final boolean gone) {
        adjustOpen(participant, instrument, side, deltaQuantity);
        if (gone) {
            outsideOrders--;
            openOrders[participant]--;
        }
    }

    /**
     * Moves an order kept outside the book into it, at the back of its price level, with the venue
     * order id it was admitted with and its remaining quantity; nothing is matched and the listener
     * is not called. The caller moves a level's orders in their time priority, and only to a level
     * the book holds nothing at.
     *
     * @return the order's handle
     */
    public int attachOutside(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                             final int side, final long priceTicks, final long leaves) {
        final int h = enter(participant, clientOrderId, venueOrderId, instrument, side, priceTicks, leaves, leaves,
            side == Side.BUY ? bids[instrument] : asks[instrument]);
        outsideOrders--;
        return h;
    }

    /**
     * Takes the open order with handle {@code h} out of the book, to be kept outside it by the caller
     * (the reverse of {@link #attachOutside}): it stays open, with its quantity; no listener call.
     */
    public void detachOutside(final int h) {
        final BookSide book = pool.side[h] == Side.BUY ? bids[pool.instrument[h]] : asks[pool.instrument[h]];
        book.remove(pool, h, book.find(pool.price[h]));
        if (!handleAddressed[pool.participant[h]]) {
            openByClientId[pool.participant[h]].remove(pool.clientOrderId[h]);
        }
        pool.free(h);
        outsideOrders++;
    }

    /** The venue order id of the open order with handle {@code h}. */
    public long venueOrderIdOf(final int h) {
        return pool.venueOrderId[h];
    }

    /** Whether {@code participant} has an order resting at {@code priceTicks} on one side of a product's book. */
    public boolean restsAt(final int participant, final int instrument, final int side, final long priceTicks) {
        final BookSide book = side == Side.BUY ? bids[instrument] : asks[instrument];
        final int level = book.find(priceTicks);
        if (level < 0) {
            return false;
        }
        for (int h = book.head(level); h != OrderPool.NIL; h = pool.next[h]) {
            if (pool.participant[h] == participant) {
                return true;
            }
        }
        return false;
    }

    /** Cancels every open order of a participant (all products). */
    public void cancelAll(final long nowNanos, final int participant) {
        final Long2LongHashMap open = openByClientId[participant];
        while (!open.isEmpty()) {
            final Long2LongHashMap.KeyIterator keys = open.keySet().iterator();
            final long clientOrderId = keys.nextValue();
            removeOrder((int)open.get(clientOrderId), RejectReason.USER_CANCEL, nowNanos);
        }
    }

    /**
     * Ends a product's session: cancels its open orders, reports each participant that traded it
     * with position and PnL at {@code settlementPrice}, then flattens it. Later orders are rejected
     * with {@link RejectReason#SESSION_CLOSED} until {@link #reopen(int)}.
     */
    public void settle(final long nowNanos, final int instrument, final double settlementPrice) {
        closed[instrument] = true;
        final BookSide[] sides = {bids[instrument], asks[instrument]};
        for (final BookSide book : sides) {
            while (book.size() > 0) {
                removeOrder(book.head(book.bestIndex()), RejectReason.SESSION_CLOSED, nowNanos);
            }
        }
        for (int p = 0; p < maxParticipants; p++) {
            final int cell = p * instrumentCount + instrument;
            if (traded[cell]) {
                final double pnl = cash[cell] + position[cell] * settlementPrice;
                realisedPnl[p] += pnl;
                listener.onSettled(p, instrument, position[cell], settlementPrice, pnl, nowNanos);
                position[cell] = 0;
                cash[cell] = 0;
                traded[cell] = false;
            }
        }
    }

    /**
     * Makes {@code participant}'s client order ids strictly increasing: an id not above the last
     * accepted one is rejected as a duplicate. Constant memory, where the default remembers every id
     * the participant ever used (for long-running internal participants: background traders, the
     * backtest's recorded liquidity).
     */
    public void requireIncreasingClientOrderIds(final int participant) {
        increasingClientIds[participant] = true;
        seenClientIds[participant].clear();
    }

    /**
     * Makes {@code participant}'s orders addressed by handle only: they are not entered in the
     * client-order-id index, so {@link #cancel}, {@link #reduce}, {@link #growIfLast},
     * {@link #cancelAll} and {@link #forEachOpenOrder} do not see them; the caller keeps each
     * order's handle ({@link #lastRestedHandle()} after its submit) until the listener reports it
     * filled to zero or cancelled, and uses {@link #reduceHandle} and {@link #growIfLastHandle}. For
     * an internal participant with many short-lived orders (the backtest's recorded liquidity),
     * whose index upkeep (a hash insert and removal per order, a lookup per change) would otherwise
     * dominate. Call before its first order.
     */
    public void addressByHandle(final int participant) {
        if (openOrders[participant] != 0) {
            throw new IllegalStateException("addressByHandle: participant " + participant + " has "
                + openOrders[participant] + " open orders");
        }
        handleAddressed[participant] = true;
    }

    /** Handle of the order the last {@link #submit} left resting, or -1 when it did not rest (rejected, filled, IOC). */
    public int lastRestedHandle() {
        return lastRestedHandle;
    }

    /**
     * Whether a participant owns nothing at the venue: no open order, and in every product no
     * position and nothing traded since the last settlement (so no settlement is owed to it).
     */
    public boolean isFlat(final int participant) {
        if (openOrders[participant] != 0) {
            return false;
        }
        for (int i = 0; i < instrumentCount; i++) {
            final int cell = participant * instrumentCount + i;
            if (position[cell] != 0 || traded[cell] || openBuy[cell] != 0 || openSell[cell] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Frees a flat participant's slot for a new participant: forgets the client order ids it used,
     * its realised PnL and its rate-limit state (the bucket starts full again). Its position limit
     * and rate limit settings stay.
     *
     * @return false, changing nothing, when the participant is not {@link #isFlat flat}
     */
    public boolean releaseParticipant(final int participant) {
        if (!isFlat(participant)) {
            return false;
        }
        seenClientIds[participant] = new LongHashSet();
        lastClientId[participant] = 0;
        realisedPnl[participant] = 0;
        tokens[participant] = burst[participant];
        lastRefillNanos[participant] = Long.MIN_VALUE;
        for (int i = 0; i < instrumentCount; i++) {
            cash[participant * instrumentCount + i] = 0;
        }
        return true;
    }

    /** Opens a settled product for a new session. */
    public void reopen(final int instrument) {
        closed[instrument] = false;
    }

    public boolean isClosed(final int instrument) {
        return closed[instrument];
    }

    public long position(final int participant, final int instrument) {
        return position[participant * instrumentCount + instrument];
    }

    /** Cash from trading one product since its last settlement, in ticks (sells add, buys subtract). */
    public long cash(final int participant, final int instrument) {
        return cash[participant * instrumentCount + instrument];
    }

    public long openBuyQuantity(final int participant, final int instrument) {
        return openBuy[participant * instrumentCount + instrument];
    }

    public long openSellQuantity(final int participant, final int instrument) {
        return openSell[participant * instrumentCount + instrument];
    }

    /** PnL realised by settlements so far. */
    public double realisedPnl(final int participant) {
        return realisedPnl[participant];
    }

    public int openOrderCount(final int participant) {
        return openOrders[participant];
    }

    /** Visits every open order of a participant in ascending client-order-id order (allocates; not for the hot path). */
    public void forEachOpenOrder(final int participant, final OpenOrderVisitor visitor) {
        final long[] ids = new long[openByClientId[participant].size()];
        int n = 0;
        final Long2LongHashMap.KeyIterator keys = openByClientId[participant].keySet().iterator();
        while (keys.hasNext()) {
            ids[n++] = keys.nextValue();
        }
        java.util.Arrays.sort(ids);
        for (final long id : ids) {
            final int h = (int)openByClientId[participant].get(id);
            visitor.onOpenOrder(id, pool.venueOrderId[h], pool.instrument[h], pool.side[h], pool.price[h],
                pool.quantity[h], pool.leaves[h]);
        }
    }

    /** Total resting quantity at {@code priceTicks} on one side of a product's book (0 when none). */
    public long quantityAt(final int instrument, final int side, final long priceTicks) {
        final BookSide book = side == Side.BUY ? bids[instrument] : asks[instrument];
        final int level = book.find(priceTicks);
        return level < 0 ? 0 : book.quantity(level);
    }

    /** Best bid in ticks, or {@link #NO_PRICE}. */
    public long bestBid(final int instrument) {
        final BookSide b = bids[instrument];
        return b.size() == 0 ? NO_PRICE : b.price(b.bestIndex());
    }

    /** Best ask in ticks, or {@link #NO_PRICE}. */
    public long bestAsk(final int instrument) {
        final BookSide a = asks[instrument];
        return a.size() == 0 ? NO_PRICE : a.price(a.bestIndex());
    }

    /**
     * Copies up to {@code maxLevels} aggregated levels of one side, best first, into the arrays.
     *
     * @return the number of levels copied
     */
    public int depth(final int instrument, final int side, final long[] prices, final long[] quantities, final int maxLevels) {
        final BookSide book = side == Side.BUY ? bids[instrument] : asks[instrument];
        final int n = Math.min(maxLevels, book.size());
        for (int rank = 0; rank < n; rank++) {
            final int level = book.indexFromBest(rank);
            prices[rank] = book.price(level);
            quantities[rank] = book.quantity(level);
        }
        return n;
    }

    /**
     * Visits the orders of one side of a book in priority order (best price first, oldest first).
     * For tests and tools; not for the hot path.
     */
    public void forEachRestingOrder(final int instrument, final int side, final RestingOrderVisitor visitor) {
        final BookSide book = side == Side.BUY ? bids[instrument] : asks[instrument];
        for (int rank = 0; rank < book.size(); rank++) {
            final int level = book.indexFromBest(rank);
            for (int h = book.head(level); h != OrderPool.NIL; h = pool.next[h]) {
                visitor.onRestingOrder(pool.participant[h], pool.clientOrderId[h], pool.price[h], pool.leaves[h]);
            }
        }
    }

    /** A hash of books, positions and cash, so tests can show two runs reach the same state. */
    public long stateHash() {
        long hash = 17;
        for (int i = 0; i < instrumentCount; i++) {
            hash = hashSide(hash, bids[i]);
            hash = hashSide(hash, asks[i]);
        }
        for (int c = 0; c < position.length; c++) {
            hash = 31 * hash + position[c];
            hash = 31 * hash + cash[c];
        }
        return hash;
    }

    private long hashSide(long hash, final BookSide book) {
        for (int rank = 0; rank < book.size(); rank++) {
            final int level = book.indexFromBest(rank);
            for (int h = book.head(level); h != OrderPool.NIL; h = pool.next[h]) {
                hash = 31 * hash + pool.venueOrderId[h];
                hash = 31 * hash + pool.price[h];
                hash = 31 * hash + pool.leaves[h];
            }
        }
        return hash;
    }

    private int validate(final long nowNanos, final int participant, final long clientOrderId, final int instrument,
                         final int side, final long priceTicks, final long quantity, final int timeInForce) {
        if (participant < 0 || participant >= maxParticipants) {
            throw new IllegalArgumentException("participant " + participant + " outside 0.." + (maxParticipants - 1));
        }
        if (clientOrderId <= 0) {
            return RejectReason.INVALID_CLIENT_ORDER_ID;
        }
        if (increasingClientIds[participant]) {
            if (clientOrderId <= lastClientId[participant]) {
                return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            }
            lastClientId[participant] = clientOrderId;
        } else if (!seenClientIds[participant].add(clientOrderId)) {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        if (instrument < 0 || instrument >= instrumentCount) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (side != Side.BUY && side != Side.SELL) {
            return RejectReason.INVALID_SIDE;
        }
        if (timeInForce != TimeInForce.GTC && timeInForce != TimeInForce.IOC) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (priceTicks < 0 || priceTicks > MAX_PRICE_TICKS) {
            return RejectReason.INVALID_PRICE;
        }
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (closed[instrument]) {
            return RejectReason.SESSION_CLOSED;
        }
        if (!takeToken(participant, nowNanos)) {
            return RejectReason.RATE_LIMIT;
        }
        final int cell = participant * instrumentCount + instrument;
        final long limit = positionLimit[participant];
        if (side == Side.BUY ? position[cell] + openBuy[cell] + quantity > limit
            : openSell[cell] + quantity - position[cell] > limit) {
            return RejectReason.POSITION_LIMIT;
        }
        return RejectReason.NONE;
    }

    private boolean takeToken(final int participant, final long nowNanos) {
        final double rate = ratePerSecond[participant];
        if (rate <= 0) {
            return true;
        }
        final long last = lastRefillNanos[participant];
        if (last != Long.MIN_VALUE && nowNanos > last) {
            tokens[participant] = Math.min(burst[participant], tokens[participant] + (nowNanos - last) * rate / 1e9);
        }
        if (last == Long.MIN_VALUE || nowNanos > last) {
            lastRefillNanos[participant] = nowNanos;
        }
        if (tokens[participant] < 1.0) {
            return false;
        }
        tokens[participant] -= 1.0;
        return true;
    }

    /** Whether a GTC order at {@code priceTicks} finds no room: the pool (with the orders kept outside) or the side's levels. */
    private boolean bookFull(final BookSide own, final long priceTicks) {
        return pool.used() + outsideOrders >= pool.participant.length || own.isFull() && own.find(priceTicks) < 0;
    }

    private void rest(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                      final int side, final long priceTicks, final long quantity, final long remaining, final BookSide own) {
        final int h = enter(participant, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity, remaining, own);
        openOrders[participant]++;
        lastRestedHandle = h;
        adjustOpen(participant, instrument, side, remaining);
    }

    /** Takes a handle from the pool, fills in the order, appends it to {@code own} (its side's level queue) and indexes its client id. */
    private int enter(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                      final int side, final long priceTicks, final long quantity, final long leaves, final BookSide own) {
        final int h = pool.allocate();
        pool.clientOrderId[h] = clientOrderId;
        pool.venueOrderId[h] = venueOrderId;
        pool.price[h] = priceTicks;
        pool.quantity[h] = quantity;
        pool.leaves[h] = leaves;
        pool.participant[h] = participant;
        pool.instrument[h] = instrument;
        pool.side[h] = side;
        own.append(pool, h);
        if (!handleAddressed[participant]) {
            openByClientId[participant].put(clientOrderId, h);
        }
        return h;
    }

    private void removeOrder(final int h, final int reason, final long nowNanos) {
        final int instrument = pool.instrument[h];
        final int side = pool.side[h];
        final int participant = pool.participant[h];
        final long leaves = pool.leaves[h];
        final BookSide book = side == Side.BUY ? bids[instrument] : asks[instrument];
        book.remove(pool, h, book.find(pool.price[h]));
        adjustOpen(participant, instrument, side, -leaves);
        forget(participant, pool.clientOrderId[h]);
        final long clientOrderId = pool.clientOrderId[h];
        final long venueOrderId = pool.venueOrderId[h];
        pool.free(h);
        listener.onCancelled(participant, clientOrderId, venueOrderId, instrument, side, leaves, reason, nowNanos);
    }

    /** An open order of {@code participant} left the book: out of the id index and the count. */
    private void forget(final int participant, final long clientOrderId) {
        if (!handleAddressed[participant]) {
            openByClientId[participant].remove(clientOrderId);
        }
        openOrders[participant]--;
    }

    private void applyFill(final int participant, final int instrument, final int side, final long price,
                           final long qty, final boolean resting) {
        final int cell = participant * instrumentCount + instrument;
        final int sign = Side.sign(side);
        position[cell] += sign * qty;
        cash[cell] -= sign * qty * price;
        traded[cell] = true;
        if (resting) {
            adjustOpen(participant, instrument, side, -qty);
        }
    }

    private void adjustOpen(final int participant, final int instrument, final int side, final long delta) {
        final int cell = participant * instrumentCount + instrument;
        if (side == Side.BUY) {
            openBuy[cell] += delta;
        } else {
            openSell[cell] += delta;
        }
    }

    /** Receives one open order of a participant. */
    @FunctionalInterface
    public interface OpenOrderVisitor {
        void onOpenOrder(long clientOrderId, long venueOrderId, int instrument, int side, long priceTicks,
                         long quantity, long leaves);
    }

    /** Receives one resting order of a book side in priority order. */
    @FunctionalInterface
    public interface RestingOrderVisitor {
        void onRestingOrder(int participant, long clientOrderId, long priceTicks, long leaves);
    }
}
