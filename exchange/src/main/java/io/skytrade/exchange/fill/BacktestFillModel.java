package io.skytrade.exchange.fill;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.exchange.matching.ExecutionListener;
import io.skytrade.exchange.matching.MatchingEngine;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fills a backtest's orders with the venue's own {@link MatchingEngine}, in-process. Recorded
 * books are mirrored into the engine as the market's liquidity (participant 0); recorded trades
 * are replayed as aggressive IOC orders (participant 2) that consume the queue in time priority,
 * so a resting order of ours (participant 1) fills only once the liquidity ahead of it has
 * traded. New recorded liquidity joins behind our orders; withdrawn liquidity is taken from
 * behind or ahead of them ({@link FillModelConfig#cancelsAheadOfUs}). Our orders reach the book
 * {@link FillModelConfig#latencyNanos} after they are sent; fills carry
 * {@link FillModelConfig#feePerLot}. Order events, positions and settlements are published into
 * the inbound ring like the live gateway's. Recorded liquidity that joins a level directly behind
 * recorded liquidity grows that order in place ({@link MatchingEngine#growIfLast}): adjacent
 * recorded orders with none of ours between them are interchangeable, so every quantity ahead of
 * and behind our orders is what it would be with one order per increment, at a fraction of the
 * cost; an aggressive order of ours gets one fill per such merged order.
 *
 * <p>Recorded liquidity is in the engine only where it can meet our orders: a recorded price level
 * is <em>attached</em> (its recorded orders are engine orders) while one of our orders rests at its
 * price and side, and for the one call in which an order of ours, a recorded trade or recorded
 * liquidity could trade with it; every other level keeps its recorded orders outside the engine,
 * in the same split and time priority, admitted with {@link MatchingEngine#admitOutside} (the same
 * venue order id, checks and capacity as an engine order) and matched against recorded trades here
 * by the engine's rule (best price first, oldest first, one fill per recorded order). Published
 * events, fills and every order's place are the same as with every recorded order in the engine
 * (the eager mirror this replaced; {@code BacktestFillModelRecordedOutputPropertyTest}); the one
 * bound not carried over is the engine's 4,096 price levels a side, which the recorded levels held
 * outside do not occupy.
 *
 * <p>Use: the backtest driver, before publishing each journaled input, sets the clock to the
 * input's event time and calls {@link #advanceTo(long)}, then {@link #onMarketEvent(EngineEvent)}
 * for book and trade inputs; it waits for the pipeline to finish an input before the next, so
 * requests arrive in a deterministic order. Thread-safety: the {@link OrderGateway} methods (order
 * stage thread) only queue requests under a lock; everything else runs on the driver thread,
 * which is the only one that publishes ({@link #advanceTo} takes the lock only when a request is
 * queued). Hot-path cost: one engine call per request (plus moving the recorded orders of the
 * levels it could trade with into the engine); per book, a diff of at most
 * {@link EngineEvent#BOOK_DEPTH} levels a side by one merge of the price lists (no hashing), and
 * per level whose quantity changed an update of its recorded orders with one counter update in the
 * engine (an engine order update, addressed by handle, at an attached level); per recorded trade,
 * the recorded orders it consumes; no allocation once the level lists have grown.
 */
public final class BacktestFillModel implements OrderGateway {
    static final int MARKET = 0;
    static final int US = 1;
    static final int AGGRESSOR = 2;

    /** A recorded order's handle while it is held outside the engine. */
    private static final int OUTSIDE = -2;
    /** A recorded order's handle while it is being submitted, or after the venue rejected it. */
    private static final int PHANTOM = -1;

    private static final int REQUEST_NEW = 1;
    private static final int REQUEST_CANCEL = 2;

    private final FillModelConfig config;
    private final EpochNanoClock clock;
    private final InboundPublisher publisher;
    private final MatchingEngine engine;
    private final Output output = new Output();

    private final Object requestLock = new Object();
    private final LongArrayList requestTimes = new LongArrayList();
    private final LongArrayList requestWords = new LongArrayList();
    private int requestHead;
    /**
     * Requests queued and not yet applied, written under the lock after each queueing and each
     * application: {@link #advanceTo} reads it without the lock and, on most inputs, returns at once.
     */
    private volatile int pendingRequests;

    /** Per instrument, the recorded liquidity of the bid side [0] and the ask side [1]. */
    private final RecordedSide[][] recorded;
    private long nextMarketId = 1;
    /** The level a recorded order is joining while it is submitted (it may trade on arrival). */
    private Level joiningLevel;
    /** True while a withdrawal reduces recorded orders: a cancel it causes is already off its level. */
    private boolean withdrawing;
    private long now;
    private int requestInstrument = -1;

    /**
     * @param config    latency, fees, limits, queue model
     * @param clock     the backtest's clock, set by the driver to each input's event time
     * @param publisher the inbound ring
     */
    public BacktestFillModel(final FillModelConfig config, final EpochNanoClock clock, final InboundPublisher publisher) {
        this.config = config;
        this.clock = clock;
        this.publisher = publisher;
        this.engine = new MatchingEngine(config.instrumentCount, 3, config.orderCapacity, 4096, config.positionLimit, output);
        engine.positionLimit(MARKET, MatchingEngine.MAX_QUANTITY * 1000);
        engine.positionLimit(AGGRESSOR, MatchingEngine.MAX_QUANTITY * 1000);
        engine.requireIncreasingClientOrderIds(MARKET);
        engine.addressByHandle(MARKET);
        engine.requireIncreasingClientOrderIds(AGGRESSOR);
        this.recorded = new RecordedSide[config.instrumentCount][2];
        for (int i = 0; i < config.instrumentCount; i++) {
            recorded[i][0] = new RecordedSide(i, Side.BUY);
            recorded[i][1] = new RecordedSide(i, Side.SELL);
        }
    }

    // ---------------------------------------------------------------- OrderGateway (order stage thread)

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        enqueue(REQUEST_NEW, clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        enqueue(REQUEST_CANCEL, clientOrderId, instrumentId, 0, 0, 0, 0);
    }

    private void enqueue(final int kind, final long id, final int instrument, final int side, final long price,
                         final long qty, final int tif) {
        final long arrival = clock.nanoTime() + config.latencyNanos;
        synchronized (requestLock) {
            requestTimes.addLong(arrival);
            requestWords.addLong(kind);
            requestWords.addLong(id);
            requestWords.addLong(instrument);
            requestWords.addLong(side);
            requestWords.addLong(price);
            requestWords.addLong(qty);
            requestWords.addLong(tif);
            pendingRequests = requestTimes.size() - requestHead;
        }
    }

    // ---------------------------------------------------------------- driver thread

    /** Applies every queued request that has reached the venue by {@code nowNanos}, in arrival order. */
    public void advanceTo(final long nowNanos) {
        now = Math.max(now, nowNanos);
        if (pendingRequests == 0) {
            return;
        }
        while (true) {
            final long kind;
            final long id;
            final int instrument;
            final int side;
            final long price;
            final long qty;
            final int tif;
            final long arrival;
            synchronized (requestLock) {
                if (requestHead == requestTimes.size() || requestTimes.getLong(requestHead) > now) {
                    return;
                }
                arrival = requestTimes.getLong(requestHead);
                final int w = requestHead * 7;
                kind = requestWords.getLong(w);
                id = requestWords.getLong(w + 1);
                instrument = (int)requestWords.getLong(w + 2);
                side = (int)requestWords.getLong(w + 3);
                price = requestWords.getLong(w + 4);
                qty = requestWords.getLong(w + 5);
                tif = (int)requestWords.getLong(w + 6);
                requestHead++;
                if (requestHead == requestTimes.size()) {
                    requestTimes.clear();
                    requestWords.clear();
                    requestHead = 0;
                }
                pendingRequests = requestTimes.size() - requestHead;
            }
            requestInstrument = instrument;
            if (kind == REQUEST_NEW) {
                if (instrument >= 0 && instrument < config.instrumentCount && (side == Side.BUY || side == Side.SELL)) {
                    attachCrossing(recordedSide(instrument, opposite(side)), price);
                    if (tif == TimeInForce.GTC) {
                        final Level own = recordedSide(instrument, side).level(price);
                        if (own != null && !own.attached) {
                            attach(own);
                        }
                    }
                }
                engine.submit(arrival, US, id, instrument, side, price, qty, tif);
            } else {
                engine.cancel(arrival, US, id);
            }
            requestInstrument = -1;
        }
    }

    /** Mirrors a recorded MARKET_BOOK or replays a recorded MARKET_TRADE; other events are ignored. */
    public void onMarketEvent(final EngineEvent e) {
        if (e.instrumentId < 0 || e.instrumentId >= config.instrumentCount) {
            return;
        }
        now = Math.max(now, e.eventTimeNanos);
        if (e.type == EventType.MARKET_TRADE) {
            trade(e.instrumentId, e.aggressorSide, e.tradePriceTicks, e.tradeQty);
        } else if (e.type == EventType.MARKET_BOOK) {
            withdraw(e.instrumentId, Side.BUY, e.bidPrices, e.bidQtys, e.bidLevels);
            withdraw(e.instrumentId, Side.SELL, e.askPrices, e.askQtys, e.askLevels);
            add(e.instrumentId, Side.BUY, e.bidPrices, e.bidQtys, e.bidLevels);
            add(e.instrumentId, Side.SELL, e.askPrices, e.askQtys, e.askLevels);
        }
    }

    /**
     * Settles a product: cancels its open orders (ours and the recorded liquidity), publishes our
     * settlement (position and price) when we traded it, and opens the product's next session at
     * once, as the simulator does (a journal may span several days).
     */
    public void settle(final int instrument, final double price) {
        recorded[instrument][0].dropOutside();
        recorded[instrument][1].dropOutside();
        engine.settle(now, instrument, price);
        recorded[instrument][0].clear();
        recorded[instrument][1].clear();
        engine.reopen(instrument);
    }

    /** Our position in a product as the fill model has it. */
    public long position(final int instrument) {
        return engine.position(US, instrument);
    }

    /** The matching engine holding the mirrored liquidity and our orders (tests). */
    MatchingEngine engine() {
        return engine;
    }

    /**
     * Visits the resting orders of one book side in priority order, the recorded liquidity held
     * outside the engine included (tests; allocates).
     */
    void forEachRestingOrder(final int instrument, final int side, final MatchingEngine.RestingOrderVisitor visitor) {
        final List<long[]> orders = new ArrayList<>();
        engine.forEachRestingOrder(instrument, side, (participant, clientOrderId, priceTicks, leaves) ->
            orders.add(new long[] {participant, clientOrderId, priceTicks, leaves}));
        final RecordedSide book = recordedSide(instrument, side);
        for (int k = 0; k < book.count; k++) {
            final Level level = book.levels[k];
            for (int j = 0; !level.attached && j < level.size(); j++) {
                if (level.handle(j) == OUTSIDE) {
                    orders.add(new long[] {MARKET, level.id(j), level.price, level.leaves(j)});
                }
            }
        }
        final Comparator<long[]> byPrice = Comparator.comparingLong(o -> o[2]);
        orders.sort(side == Side.BUY ? byPrice.reversed() : byPrice);
        for (final long[] o : orders) {
            visitor.onRestingOrder((int)o[0], o[1], o[2], o[3]);
        }
    }

    /** Total resting quantity at a price on one side, the recorded liquidity held outside the engine included (tests). */
    long quantityAt(final int instrument, final int side, final long priceTicks) {
        final long[] total = {0};
        forEachRestingOrder(instrument, side, (participant, clientOrderId, p, leaves) -> {
            if (p == priceTicks) {
                total[0] += leaves;
            }
        });
        return total[0];
    }

    /**
     * Copies up to {@code maxLevels} aggregated levels of one side, best first, the recorded
     * liquidity held outside the engine included (tests).
     *
     * @return the number of levels copied
     */
    int depth(final int instrument, final int side, final long[] prices, final long[] quantities, final int maxLevels) {
        final int[] n = {0};
        forEachRestingOrder(instrument, side, (participant, clientOrderId, p, leaves) -> {
            if (n[0] > 0 && prices[n[0] - 1] == p) {
                quantities[n[0] - 1] += leaves;
            } else if (n[0] < maxLevels) {
                prices[n[0]] = p;
                quantities[n[0]++] = leaves;
            }
        });
        return n[0];
    }

    /** Best bid in ticks, the recorded liquidity held outside the engine included, or {@link MatchingEngine#NO_PRICE} (tests). */
    long bestBid(final int instrument) {
        final long[] p = new long[1];
        final long[] q = new long[1];
        return depth(instrument, Side.BUY, p, q, 1) == 0 ? MatchingEngine.NO_PRICE : p[0];
    }

    /** Best ask in ticks, the recorded liquidity held outside the engine included, or {@link MatchingEngine#NO_PRICE} (tests). */
    long bestAsk(final int instrument) {
        final long[] p = new long[1];
        final long[] q = new long[1];
        return depth(instrument, Side.SELL, p, q, 1) == 0 ? MatchingEngine.NO_PRICE : p[0];
    }

    /** Our open orders. */
    public int openOrderCount() {
        return engine.openOrderCount(US);
    }

    /**
     * Whether an order of ours may rest on one side of a product: false when our open quantity on
     * that side is zero (our orders are always in the engine, each with leaves above zero), so no
     * search of the engine's side can find one.
     */
    private boolean oursOnSide(final int instrument, final int side) {
        return (side == Side.BUY ? engine.openBuyQuantity(US, instrument) : engine.openSellQuantity(US, instrument)) != 0;
    }

    private RecordedSide recordedSide(final int instrument, final int side) {
        return recorded[instrument][side == Side.BUY ? 0 : 1];
    }

    /**
     * Takes away the recorded liquidity the new book no longer shows: vanished levels and excess
     * quantity. Matches the side's levels with the new book's prices first (kept for {@link #add}).
     */
    private void withdraw(final int instrument, final int side, final long[] prices, final long[] qtys, final int levels) {
        final RecordedSide book = recordedSide(instrument, side);
        final boolean merged = book.match(side, prices, levels);
        final boolean oursOnSide = oursOnSide(instrument, side);
        for (int k = 0; k < book.count; k++) {
            final Level level = book.levels[k];
            if (level.attached && (!oursOnSide || !engine.restsAt(US, instrument, side, level.price))) {
                detach(level);
            }
            final int l = book.samePrices ? k : merged ? book.bookIndexOfLevel[k] : indexOf(prices, levels, level.price);
            final long excess = level.total - (l < 0 ? 0 : qtys[l]);
            if (excess > 0) {
                reduceLevel(level, excess);
            }
        }
    }

    /** Makes the side's levels the new book's, then adds the liquidity each level is missing. */
    private void add(final int instrument, final int side, final long[] prices, final long[] qtys, final int levels) {
        final RecordedSide book = recordedSide(instrument, side);
        book.replaceLevels(prices, levels);
        for (int l = 0; l < levels; l++) {
            final Level level = book.levels[l];
            if (level.fresh) {
                // a new price: attached when orders of ours already rest there (nothing recorded does)
                level.fresh = false;
                level.attached = oursOnSide(instrument, side) && engine.quantityAt(instrument, side, level.price) > 0;
            }
            final long missing = qtys[l] - level.total;
            if (missing > 0) {
                join(instrument, side, level, missing);
            }
        }
    }

    /** Recorded liquidity joins the back of a level: grown into the last recorded order when nothing of ours is behind it. */
    private void join(final int instrument, final int side, final Level level, final long quantity) {
        final int last = level.size() - 1;
        if (last >= 0) {
            final int handle = level.handle(last);
            final boolean grown;
            if (level.attached) {
                grown = engine.growIfLastHandle(handle, quantity);
            } else {
                grown = handle == OUTSIDE;
                if (grown) {
                    engine.changeOutside(MARKET, instrument, side, quantity, false);
                }
            }
            if (grown) {
                level.leaves(last, level.leaves(last) + quantity);
                level.total += quantity;
                return;
            }
        }
        final long id = nextMarketId++;
        if (crosses(instrument, opposite(side), level.price)) {
            attachCrossing(recordedSide(instrument, opposite(side)), level.price);
            if (!level.attached) {
                attach(level);
            }
        }
        if (!level.attached) {
            final long venueOrderId = engine.admitOutside(now, MARKET, id, instrument, side, level.price, quantity,
                TimeInForce.GTC);
            level.append(id, quantity, venueOrderId > 0 ? OUTSIDE : PHANTOM, venueOrderId);
            return;
        }
        level.append(id, quantity, PHANTOM, 0);
        joiningLevel = level;
        engine.submit(now, MARKET, id, instrument, side, level.price, quantity, TimeInForce.GTC);
        joiningLevel = null;
        final int rested = engine.lastRestedHandle();
        if (rested >= 0) {
            // it rests as the level's last order (a partial fill on arrival leaves it in place)
            level.handle(level.size() - 1, rested);
            level.venueId(level.size() - 1, engine.venueOrderIdOf(rested));
        }
    }

    /**
     * Replays a recorded trade as an aggressive IOC order: matched here against the recorded orders
     * held outside the engine when the engine holds nothing it could trade with and the side's levels
     * are ordered best first; otherwise in the engine, after attaching the levels it could reach.
     */
    private void trade(final int instrument, final int aggressorSide, final long price, final long quantity) {
        final long id = nextMarketId++;
        if (aggressorSide != Side.BUY && aggressorSide != Side.SELL) {
            engine.submit(now, AGGRESSOR, id, instrument, aggressorSide, price, quantity, TimeInForce.IOC);
            return;
        }
        final int restingSide = opposite(aggressorSide);
        final RecordedSide book = recordedSide(instrument, restingSide);
        if (!book.ordered || engineCrosses(instrument, restingSide, price)) {
            attachCrossing(book, price);
            engine.submit(now, AGGRESSOR, id, instrument, aggressorSide, price, quantity, TimeInForce.IOC);
            return;
        }
        if (engine.admitOutside(now, AGGRESSOR, id, instrument, aggressorSide, price, quantity, TimeInForce.IOC) < 0) {
            return;
        }
        long remaining = quantity;
        for (int k = 0; k < book.count && remaining > 0; k++) {
            final Level level = book.levels[k];
            if (!crossesLimit(restingSide, level.price, price)) {
                break;
            }
            int j = 0;
            while (remaining > 0 && j < level.size()) {
                if (level.handle(j) != OUTSIDE) {
                    j++;
                    continue;
                }
                final long leaves = level.leaves(j);
                final long fill = Math.min(remaining, leaves);
                remaining -= fill;
                level.total -= fill;
                engine.fillOutside(AGGRESSOR, MARKET, instrument, aggressorSide, level.price, fill, fill == leaves);
                if (fill == leaves) {
                    level.removeAt(j);
                } else {
                    level.leaves(j, leaves - fill);
                }
            }
        }
    }

    /** Whether an order at {@code limit} could trade with anything resting on {@code restingSide}, in or outside the engine. */
    private boolean crosses(final int instrument, final int restingSide, final long limit) {
        if (engineCrosses(instrument, restingSide, limit)) {
            return true;
        }
        final RecordedSide book = recordedSide(instrument, restingSide);
        for (int k = 0; k < book.count; k++) {
            final Level level = book.levels[k];
            final boolean crossing = crossesLimit(restingSide, level.price, limit);
            if (crossing && !level.attached && level.hasOutside()) {
                return true;
            }
            if (!crossing && book.ordered) {
                return false;
            }
        }
        return false;
    }

    private boolean engineCrosses(final int instrument, final int restingSide, final long limit) {
        final long best = restingSide == Side.BUY ? engine.bestBid(instrument) : engine.bestAsk(instrument);
        return best != MatchingEngine.NO_PRICE && crossesLimit(restingSide, best, limit);
    }

    /** Attaches every level held outside the engine that an order at {@code limit} could trade with. */
    private void attachCrossing(final RecordedSide book, final long limit) {
        for (int k = 0; k < book.count; k++) {
            final Level level = book.levels[k];
            final boolean crossing = crossesLimit(book.side, level.price, limit);
            if (crossing && !level.attached && level.hasOutside()) {
                attach(level);
            }
            if (!crossing && book.ordered) {
                return;
            }
        }
    }

    /** Moves a level's recorded orders into the engine, in their time priority; the level then follows the engine. */
    private void attach(final Level level) {
        for (int j = 0; j < level.size(); j++) {
            if (level.handle(j) == OUTSIDE) {
                level.handle(j, engine.attachOutside(MARKET, level.id(j), level.venueId(j),
                    level.instrument, level.side, level.price, level.leaves(j)));
            }
        }
        level.attached = true;
    }

    /** Moves a level's recorded orders out of the engine (no order of ours rests at its price). */
    private void detach(final Level level) {
        for (int j = 0; j < level.size(); j++) {
            final int handle = level.handle(j);
            if (handle >= 0) {
                engine.detachOutside(handle);
                level.handle(j, OUTSIDE);
            }
        }
        level.attached = false;
    }

    /** Whether a resting order at {@code levelPrice} on {@code restingSide} trades with an order at {@code limit}. */
    private static boolean crossesLimit(final int restingSide, final long levelPrice, final long limit) {
        return restingSide == Side.BUY ? levelPrice >= limit : levelPrice <= limit;
    }

    private static int opposite(final int side) {
        return side == Side.BUY ? Side.SELL : Side.BUY;
    }

    /** Removes {@code amount} lots of recorded liquidity from a level, from behind our orders or ahead of them. */
    private void reduceLevel(final Level level, final long amount) {
        final boolean fromFront = config.cancelsAheadOfUs;
        long left = amount;
        withdrawing = true;
        while (left > 0 && level.size() > 0) {
            final int k = fromFront ? 0 : level.size() - 1;
            final int handle = level.handle(k);
            final long leaves = level.leaves(k);
            final long take = Math.min(leaves, left);
            left -= take;
            level.total -= take;
            if (take == leaves) {
                level.removeAt(k);
            } else {
                level.leaves(k, leaves - take);
            }
            if (handle == OUTSIDE) {
                engine.changeOutside(MARKET, level.instrument, level.side, -take, take == leaves);
            } else {
                engine.reduceHandle(now, handle, leaves - take);
            }
        }
        withdrawing = false;
    }

    private static int indexOf(final long[] prices, final int n, final long price) {
        for (int i = 0; i < n; i++) {
            if (prices[i] == price) {
                return i;
            }
        }
        return -1;
    }

    /** Publishes our executions and keeps the recorded liquidity's remaining quantities. */
    private final class Output implements ExecutionListener {
        private final FillEvent event = new FillEvent();

        @Override
        public void onAccepted(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                               final int side, final long priceTicks, final long quantity, final int timeInForce,
                               final long nowNanos) {
            if (participant == US) {
                publish(OrderEventKind.ACK, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity, 0, 0, quantity, 0, nowNanos);
            }
        }

        @Override
        public void onRejected(final int participant, final long clientOrderId, final int instrument, final int side,
                               final long priceTicks, final long quantity, final int reason, final long nowNanos) {
            if (participant == US) {
                publish(OrderEventKind.REJECT, clientOrderId, 0, instrument, side, priceTicks, quantity, 0, 0, 0, reason, nowNanos);
            }
        }

        @Override
        public void onFill(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                           final int side, final long priceTicks, final long quantity, final long leaves,
                           final boolean aggressor, final long nowNanos) {
            if (participant == MARKET) {
                final Level level = aggressor ? joiningLevel : recordedSide(instrument, side).level(priceTicks);
                if (level != null) {
                    level.filled(clientOrderId, quantity, leaves);
                }
            } else if (participant == US) {
                event.fee = config.feePerLot * quantity;
                publish(OrderEventKind.FILL, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity,
                    quantity, priceTicks, leaves, 0, nowNanos);
                event.position = engine.position(US, instrument);
                publisher.publish(POSITION, event);
            }
        }

        @Override
        public void onCancelled(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                                final int side, final long cancelledQuantity, final int reason, final long nowNanos) {
            if (participant == MARKET) {
                if (!withdrawing) {
                    recordedSide(instrument, side).cancelled(clientOrderId);
                }
            } else if (participant == US) {
                publish(OrderEventKind.CANCELLED, clientOrderId, venueOrderId, instrument, side, 0, cancelledQuantity, 0, 0, 0,
                    reason, nowNanos);
            }
        }

        @Override
        public void onCancelRejected(final int participant, final long clientOrderId, final int reason, final long nowNanos) {
            if (participant == US) {
                publish(OrderEventKind.CANCEL_REJECT, clientOrderId, 0, requestInstrument, 0, 0, 0, 0, 0, 0, reason, nowNanos);
            }
        }

        @Override
        public void onTrade(final int instrument, final long priceTicks, final long quantity, final int aggressorSide,
                            final int buyer, final int seller, final long nowNanos) {
        }

        @Override
        public void onSettled(final int participant, final int instrument, final long position, final double settlementPrice,
                              final double pnl, final long nowNanos) {
            if (participant == US) {
                event.instrument = instrument;
                event.time = nowNanos;
                event.position = position;
                event.settlementPrice = settlementPrice;
                publisher.publish(SETTLEMENT, event);
            }
        }

        private void publish(final int kind, final long clOrdId, final long venueOrderId, final int instrument, final int side,
                             final long price, final long qty, final long fillQty, final long fillPrice, final long leaves,
                             final int reason, final long time) {
            event.kind = kind;
            event.clOrdId = clOrdId;
            event.venueOrderId = venueOrderId;
            event.instrument = instrument;
            event.side = side;
            event.price = price;
            event.qty = qty;
            event.fillQty = fillQty;
            event.fillPrice = fillPrice;
            event.leaves = leaves;
            event.reason = reason;
            event.time = time;
            if (kind != OrderEventKind.FILL) {
                event.fee = 0;
            }
            publisher.publish(ORDER, event);
        }
    }

    /**
     * The recorded liquidity of one book side as last mirrored: its levels in the recorded book's
     * order (at most {@link EngineEvent#BOOK_DEPTH}), and spare level objects for prices that appear
     * later. A new book is matched with the levels by one merge of the two price lists when both are
     * strictly ordered best first (a venue's book always is), by linear scans otherwise.
     */
    private final class RecordedSide {
        final int instrument;
        final int side;
        Level[] levels = new Level[EngineEvent.BOOK_DEPTH];
        private Level[] next = new Level[EngineEvent.BOOK_DEPTH];
        private final Level[] spare = new Level[2 * EngineEvent.BOOK_DEPTH];
        private int spareCount;
        int count;
        /** {@link #levels}' prices, in their order (read by every book's match without touching the levels). */
        private final long[] prices = new long[EngineEvent.BOOK_DEPTH];
        /** Whether {@link #levels} are strictly ordered best first (they are the last book's, in its order). */
        boolean ordered = true;
        /** After a successful {@link #match}: the new book's index of each level's price, or -1. */
        final int[] bookIndexOfLevel = new int[EngineEvent.BOOK_DEPTH];
        /** After a successful {@link #match}: the level index of each new book price, or -1. */
        private final int[] levelOfBookIndex = new int[EngineEvent.BOOK_DEPTH];
        /** Whether the last {@link #match} succeeded and {@link #replaceLevels} may use it. */
        private boolean matched;
        /** Whether the book of the last {@link #match} was strictly ordered best first. */
        private boolean bookOrdered;
        /**
         * After {@link #match}: the new book has the levels' prices in their order (most books only
         * change quantities), so each level keeps its index and {@link #replaceLevels} has nothing to do.
         */
        boolean samePrices;

        /**
         * Matches the levels with a new book's prices by one merge, when both lists are strictly
         * ordered best first (bids falling, asks rising); the results stay valid until
         * {@link #replaceLevels} with the same book.
         *
         * @return false, matching nothing, when either list is not strictly ordered
         */
        boolean match(final int side, final long[] bookPrices, final int n) {
            samePrices = ordered && n == count && hasPrices(bookPrices);
            if (samePrices) {
                // the levels are strictly ordered, so the book with their prices is too
                bookOrdered = true;
                matched = true;
                return true;
            }
            final boolean buy = side == Side.BUY;
            bookOrdered = true;
            for (int l = 1; l < n; l++) {
                if (buy ? bookPrices[l] >= bookPrices[l - 1] : bookPrices[l] <= bookPrices[l - 1]) {
                    bookOrdered = false;
                    break;
                }
            }
            matched = bookOrdered && ordered;
            if (!matched) {
                return false;
            }
            int k = 0;
            int l = 0;
            while (k < count && l < n) {
                final long levelPrice = prices[k];
                final long bookPrice = bookPrices[l];
                if (levelPrice == bookPrice) {
                    bookIndexOfLevel[k++] = l;
                    levelOfBookIndex[l++] = k - 1;
                } else if (buy ? levelPrice > bookPrice : levelPrice < bookPrice) {
                    bookIndexOfLevel[k++] = -1;
                } else {
                    levelOfBookIndex[l++] = -1;
                }
            }
            while (k < count) {
                bookIndexOfLevel[k++] = -1;
            }
            while (l < n) {
                levelOfBookIndex[l++] = -1;
            }
            return true;
        }

        /** Whether the first {@link #count} book prices are the levels' prices, in the levels' order. */
        private boolean hasPrices(final long[] bookPrices) {
            for (int k = 0; k < count; k++) {
                if (prices[k] != bookPrices[k]) {
                    return false;
                }
            }
            return true;
        }

        RecordedSide(final int instrument, final int side) {
            this.instrument = instrument;
            this.side = side;
            for (int i = 0; i < spare.length; i++) {
                spare[i] = new Level(instrument, side);
            }
            spareCount = spare.length;
        }

        /** Ends the recorded orders held outside the engine (settlement; the engine cancels the attached ones). */
        void dropOutside() {
            for (int k = 0; k < count; k++) {
                final Level level = levels[k];
                for (int j = 0; j < level.size(); j++) {
                    if (level.handle(j) == OUTSIDE) {
                        engine.changeOutside(MARKET, instrument, side, -level.leaves(j), true);
                    }
                }
            }
        }

        /** The level at {@code price}, or null. */
        Level level(final long price) {
            for (int k = 0; k < count; k++) {
                if (prices[k] == price) {
                    return levels[k];
                }
            }
            return null;
        }

        /**
         * Makes the levels those of a new book, in its order: a price seen before keeps its level,
         * a new price takes a spare one (a price the book repeats, the same one), and the levels left
         * out (already emptied by the withdrawal) become spares.
         */
        void replaceLevels(final long[] bookPrices, final int n) {
            final boolean useMatch = matched;
            matched = false;
            if (useMatch && samePrices) {
                samePrices = false;
                return;
            }
            for (int l = 0; l < n; l++) {
                Level level;
                if (useMatch) {
                    final int k = levelOfBookIndex[l];
                    level = k < 0 ? null : levels[k];
                } else {
                    level = level(bookPrices[l]);
                    for (int d = 0; d < l && level == null; d++) {
                        if (next[d].price == bookPrices[l]) {
                            level = next[d];
                        }
                    }
                }
                if (level == null) {
                    level = spare[--spareCount];
                    level.reset(bookPrices[l]);
                } else {
                    level.keep = true;
                }
                next[l] = level;
            }
            for (int k = 0; k < count; k++) {
                if (levels[k].keep) {
                    levels[k].keep = false;
                } else {
                    spare[spareCount++] = levels[k];
                }
            }
            final Level[] swap = levels;
            levels = next;
            next = swap;
            count = n;
            for (int k = 0; k < n; k++) {
                prices[k] = levels[k].price;
            }
            ordered = bookOrdered;
        }

        /** A recorded order left the book (cancelled by the engine: settlement, or a self-trade stop). */
        void cancelled(final long id) {
            for (int k = 0; k < count; k++) {
                if (levels[k].remove(id)) {
                    return;
                }
            }
        }

        void clear() {
            for (int k = 0; k < count; k++) {
                spare[spareCount++] = levels[k];
            }
            count = 0;
            ordered = true;
            matched = false;
            samePrices = false;
        }
    }

    /**
     * The recorded liquidity resting at one price: its orders in time priority with their
     * remaining quantities (every one positive) and their total, kept up to date on every fill,
     * growth and reduction, so a book diff costs no lookups. The orders sit in one ring of parallel
     * arrays (the j-th oldest at slot {@code (head + j) & mask}): removing the oldest or the newest
     * order moves nothing, removing another moves the shorter side; the ring doubles when full.
     */
    private static final class Level {
        private static final int INITIAL_CAPACITY = 8;
        final int instrument;
        final int side;
        private long[] ids = new long[INITIAL_CAPACITY];
        private long[] leaves = new long[INITIAL_CAPACITY];
        /**
         * The engine's handle of each order while the level is attached, {@link #OUTSIDE} while it is
         * held outside the engine, {@link #PHANTOM} while it is being submitted or when the venue
         * rejected it (it keeps its quantity in the level, as it always has, and is in no book).
         */
        private int[] handles = new int[INITIAL_CAPACITY];
        /** The venue order id of each order (kept to attach it with the id it was given). */
        private long[] venueIds = new long[INITIAL_CAPACITY];
        private int mask = INITIAL_CAPACITY - 1;
        private int head;
        private int size;
        long price;
        long total;
        boolean keep;
        /** Whether the recorded orders are in the engine (an order of ours rests at this price, or may trade with them). */
        boolean attached;
        /** A new price, its attachment not yet decided. */
        boolean fresh;

        Level(final int instrument, final int side) {
            this.instrument = instrument;
            this.side = side;
        }

        void reset(final long levelPrice) {
            head = 0;
            size = 0;
            price = levelPrice;
            total = 0;
            keep = false;
            attached = false;
            fresh = true;
        }

        int size() {
            return size;
        }

        long id(final int j) {
            return ids[(head + j) & mask];
        }

        long leaves(final int j) {
            return leaves[(head + j) & mask];
        }

        void leaves(final int j, final long remaining) {
            leaves[(head + j) & mask] = remaining;
        }

        int handle(final int j) {
            return handles[(head + j) & mask];
        }

        void handle(final int j, final int handle) {
            handles[(head + j) & mask] = handle;
        }

        long venueId(final int j) {
            return venueIds[(head + j) & mask];
        }

        void venueId(final int j, final long venueOrderId) {
            venueIds[(head + j) & mask] = venueOrderId;
        }

        /** Whether a recorded order of the level is held outside the engine. */
        boolean hasOutside() {
            for (int j = 0; j < size; j++) {
                if (handle(j) == OUTSIDE) {
                    return true;
                }
            }
            return false;
        }

        void append(final long id, final long quantity, final int handle, final long venueOrderId) {
            if (size == ids.length) {
                grow();
            }
            final int slot = (head + size) & mask;
            ids[slot] = id;
            leaves[slot] = quantity;
            handles[slot] = handle;
            venueIds[slot] = venueOrderId;
            size++;
            total += quantity;
        }

        void removeAt(final int k) {
            if (k < size - 1 - k) {
                // move the older orders one slot towards the back, then drop the front slot
                for (int j = k; j > 0; j--) {
                    move(j - 1, j);
                }
                head = (head + 1) & mask;
            } else {
                for (int j = k; j < size - 1; j++) {
                    move(j + 1, j);
                }
            }
            size--;
        }

        private void move(final int from, final int to) {
            final int f = (head + from) & mask;
            final int t = (head + to) & mask;
            ids[t] = ids[f];
            leaves[t] = leaves[f];
            handles[t] = handles[f];
            venueIds[t] = venueIds[f];
        }

        private int indexOf(final long id) {
            for (int j = 0; j < size; j++) {
                if (id(j) == id) {
                    return j;
                }
            }
            return -1;
        }

        /** Doubles the ring (allocates: only while a level first reaches a new size). */
        private void grow() {
            final int capacity = ids.length * 2;
            final long[] newIds = new long[capacity];
            final long[] newLeaves = new long[capacity];
            final int[] newHandles = new int[capacity];
            final long[] newVenueIds = new long[capacity];
            for (int j = 0; j < size; j++) {
                final int slot = (head + j) & mask;
                newIds[j] = ids[slot];
                newLeaves[j] = leaves[slot];
                newHandles[j] = handles[slot];
                newVenueIds[j] = venueIds[slot];
            }
            ids = newIds;
            leaves = newLeaves;
            handles = newHandles;
            venueIds = newVenueIds;
            mask = capacity - 1;
            head = 0;
        }

        /** Books a fill of {@code quantity} of recorded order {@code id}, which has {@code remaining} left. */
        void filled(final long id, final long quantity, final long remaining) {
            final int k = indexOf(id);
            if (k < 0) {
                return;
            }
            total -= quantity;
            if (remaining == 0) {
                removeAt(k);
            } else {
                leaves(k, remaining);
            }
        }

        /** Drops recorded order {@code id} and its quantity; false when it is not at this level. */
        boolean remove(final long id) {
            final int k = indexOf(id);
            if (k < 0) {
                return false;
            }
            total -= leaves(k);
            removeAt(k);
            return true;
        }
    }

    /** The fill model's output, copied into a ring slot by the translators below. */
    private static final class FillEvent {
        int kind;
        long clOrdId;
        long venueOrderId;
        int instrument;
        int side;
        long price;
        long qty;
        long fillQty;
        long fillPrice;
        long leaves;
        int reason;
        long time;
        double fee;
        long position;
        double settlementPrice;
    }

    private static final InputTranslator<FillEvent> ORDER = (e, f) -> {
        e.type = EventType.ORDER_EVENT;
        e.eventTimeNanos = f.time;
        e.receiveTimeNanos = f.time;
        e.instrumentId = f.instrument;
        e.orderEventKind = f.kind;
        e.clientOrderId = f.clOrdId;
        e.venueOrderId = f.venueOrderId;
        e.side = f.side;
        e.priceTicks = f.price;
        e.quantity = f.qty;
        e.fillQty = f.fillQty;
        e.fillPriceTicks = f.fillPrice;
        e.leavesQty = f.leaves;
        e.rejectReason = f.reason;
        e.fee = f.fee;
    };

    private static final InputTranslator<FillEvent> POSITION = (e, f) -> {
        e.type = EventType.POSITION_REPORT;
        e.eventTimeNanos = f.time;
        e.receiveTimeNanos = f.time;
        e.instrumentId = f.instrument;
        e.position = f.position;
    };

    private static final InputTranslator<FillEvent> SETTLEMENT = (e, f) -> {
        e.type = EventType.SETTLEMENT;
        e.eventTimeNanos = f.time;
        e.receiveTimeNanos = f.time;
        e.instrumentId = f.instrument;
        e.value = f.settlementPrice;
        e.position = f.position;
    };
}
