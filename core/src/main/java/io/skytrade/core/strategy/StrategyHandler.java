package io.skytrade.core.strategy;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.order.OrderState;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.sizing.PositionSizer;
import io.skytrade.core.sizing.SizerParams;

/**
 * Stage "strategy": keeps per product the latest fair value, signal, regime posterior, and the top
 * of book and imbalance of everyone else's orders (the venue's book less our own resting orders,
 * netted by the {@link TradingBook}, so our own quote never moves the price we quote against); it
 * reads its position and its one working order from the book, and on every event that changes any
 * of these for a product decides with
 * {@link AdaptiveStrategy} and {@link PositionSizer}: it appends to {@link EngineEvent#decisions}
 * an ORDER_NEW intent (side, limit price, quantity; client order id 0, status PROPOSED) toward the
 * desired position, or an ORDER_CANCEL of the working order when it points the wrong way, no longer
 * keeps the edge, or has rested its minimum life and its price is stale by more than the reprice
 * distance (a requote of the book alone never cancels). While an intent awaits its ack, reject or
 * cancel confirmation (bounded by a timeout in event time) the product gets no new intent. A
 * product trades only once its fair value has been revalued {@code minValuations} times; a
 * SETTLEMENT flattens its position and starts that count again. Timeouts
 * and order ages run on the latest event time seen, since observations carry their (earlier)
 * observation time.
 *
 * <p>Keeps no orders or positions (the book does); runs on the book's thread. Hot-path cost:
 * O(products changed x live orders), a few hundred nanoseconds at most, no allocation. When the
 * decisions buffer is full the intent is dropped and counted.
 */
public final class StrategyHandler implements EventHandler<EngineEvent>, StateHash {
    private final TradingBook book;
    private final OrderTable orders;
    private final int seriesCount;
    private final int instrumentCount;
    private final AdaptiveStrategy strategy;
    private final PositionSizer sizer;
    private final int levels;
    private final double decay;
    private final long repriceTicks;
    private final double repriceSpreadFraction;
    private final long minQuoteLife;
    private final int minValuations;
    private final long pendingTimeout;

    private final double[] fair;
    private final double[] fairStd;
    private final boolean[] hasFair;
    private final int[] valuations;
    private final double[] signal;
    private final boolean[] hasSignal;
    private final double[] regime;
    private final int[] regimeCount;
    private final long[] bestBid;
    private final long[] bestAsk;
    private final double[] imbalance;
    private final boolean[] hasBook;
    private final long[] desired;
    private final long[] netBidQty = new long[EngineEvent.BOOK_DEPTH];
    private final long[] netAskQty = new long[EngineEvent.BOOK_DEPTH];
    private final long[] netBidPrice = new long[EngineEvent.BOOK_DEPTH];
    private final long[] netAskPrice = new long[EngineEvent.BOOK_DEPTH];
    private final long[] pendingNewUntil;
    private final long[] pendingCancelUntil;
    private long now = Long.MIN_VALUE;
    private long droppedIntents;

    public StrategyHandler(final InstrumentRegistry registry, final StrategyParams params, final SizerParams sizerParams,
                           final TradingBook book) {
        this.book = book;
        this.orders = book.orders();
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        strategy = new AdaptiveStrategy(params);
        sizer = new PositionSizer(sizerParams);
        levels = params.imbalanceLevels();
        decay = params.imbalanceDecay();
        repriceTicks = params.repriceTicks();
        repriceSpreadFraction = params.repriceSpreadFraction();
        minQuoteLife = params.minQuoteLifeNanos();
        minValuations = params.minValuations();
        pendingTimeout = params.pendingTimeoutNanos();
        final int n = Math.max(1, instrumentCount);
        fair = new double[n];
        fairStd = new double[n];
        hasFair = new boolean[n];
        valuations = new int[n];
        signal = new double[n];
        hasSignal = new boolean[n];
        regime = new double[n * EngineEvent.MAX_REGIMES];
        regimeCount = new int[n];
        bestBid = new long[n];
        bestAsk = new long[n];
        imbalance = new double[n];
        hasBook = new boolean[n];
        desired = new long[n];
        pendingNewUntil = new long[n];
        pendingCancelUntil = new long[n];
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount)) {
            return;
        }
        now = Math.max(now, event.eventTimeNanos);
        long changed = 0;
        final long touched = event.touchedInstruments;
        final long signalled = event.signalledInstruments;
        for (int i = 0; i < instrumentCount; i++) {
            final long bit = 1L << i;
            if ((touched & bit) != 0 && Double.isFinite(event.fairValue[i]) && Double.isFinite(event.fairStd[i])) {
                fair[i] = event.fairValue[i];
                fairStd[i] = event.fairStd[i];
                hasFair[i] = true;
                if (valuations[i] < minValuations) {
                    valuations[i]++;
                }
            }
            if ((signalled & bit) != 0 && Double.isFinite(event.signal[i])) {
                signal[i] = event.signal[i];
                hasSignal[i] = true;
                changed |= bit;
            }
        }
        final int id = event.instrumentId;
        switch (event.type) {
            case EventType.MARKET_BOOK -> {
                onBook(event, id);
                changed |= 1L << id;
            }
            case EventType.ORDER_EVENT -> {
                onOrderEvent(event, id);
                changed |= 1L << id;
            }
            case EventType.POSITION_REPORT -> changed |= 1L << id;
            case EventType.SETTLEMENT -> {
                hasFair[id] = false;
                valuations[id] = 0;
            }
            default -> { }
        }
        if (changed != 0) {
            for (int i = 0; i < instrumentCount; i++) {
                if ((changed & (1L << i)) != 0) {
                    decide(event, i);
                }
            }
        }
    }

    private void onBook(final EngineEvent e, final int id) {
        book.netOwnOrders(e, netBidQty, netAskQty);
        final int bids = compact(e.bidPrices, e.bidLevels, netBidQty, netBidPrice);
        final int asks = compact(e.askPrices, e.askLevels, netAskQty, netAskPrice);
        bestBid[id] = bids > 0 ? netBidPrice[0] : 0;
        bestAsk[id] = asks > 0 ? netAskPrice[0] : 0;
        imbalance[id] = OrderBookImbalance.compute(netBidQty, bids, netAskQty, asks, levels, decay);
        hasBook[id] = bids > 0 || asks > 0;
        final int k = Math.min(e.regimeCount, EngineEvent.MAX_REGIMES);
        if (k > 0) {
            System.arraycopy(e.regimePosterior, 0, regime, id * EngineEvent.MAX_REGIMES, k);
            regimeCount[id] = k;
        }
    }

    /**
     * Moves the levels with quantity left after netting to the front: {@code qty} is compacted in
     * place, the prices go to {@code outPrices}; returns the number of levels kept.
     */
    private static int compact(final long[] prices, final int levels, final long[] qty, final long[] outPrices) {
        int n = 0;
        for (int l = 0; l < levels; l++) {
            if (qty[l] > 0) {
                outPrices[n] = prices[l];
                qty[n] = qty[l];
                n++;
            }
        }
        for (int l = n; l < qty.length; l++) {
            qty[l] = 0;
        }
        return n;
    }

    private void onOrderEvent(final EngineEvent e, final int id) {
        switch (e.orderEventKind) {
            case OrderEventKind.ACK, OrderEventKind.REJECT -> pendingNewUntil[id] = 0;
            case OrderEventKind.CANCELLED, OrderEventKind.CANCEL_REJECT -> pendingCancelUntil[id] = 0;
            default -> { }
        }
    }

    /** Slot of the product's working (resting, GTC) order in the book, or -1 when it has none. */
    private int workingSlot(final int instrument) {
        if (orders.openCount(instrument) == 0) {
            return -1;
        }
        for (int k = 0; k < orders.liveCount(); k++) {
            final int s = orders.liveSlot(k);
            if (orders.slotInstrument(s) == instrument && orders.slotTimeInForce(s) == TimeInForce.GTC) {
                return s;
            }
        }
        return -1;
    }

    private void decide(final EngineEvent e, final int i) {
        final long t = now;
        if (!hasFair[i] || valuations[i] < minValuations || !hasSignal[i] || !hasBook[i] || pendingNewUntil[i] > t
            || pendingCancelUntil[i] > t) {
            return;
        }
        strategy.blend(regime, i * EngineEvent.MAX_REGIMES, regimeCount[i]);
        final double s = signal[i];
        final long bid = bestBid[i];
        final long ask = bestAsk[i];
        final double ref = bid > 0 && ask > 0 ? 0.5 * (bid + ask) : bid > 0 ? bid : ask;
        final double halfSpread = bid > 0 && ask > bid ? 0.5 * (ask - bid) : 0.0;
        final double edgeStd = Math.sqrt(fairStd[i] * fairStd[i] + halfSpread * halfSpread);
        final long position = book.position(i);
        final long want = strategy.desiredPosition(sizer, s, fair[i] - ref, edgeStd, position);
        desired[i] = want;
        final long qty = sizer.orderQuantity(want, position);
        final int side = qty > 0 ? Side.BUY : qty < 0 ? Side.SELL : Side.NONE;
        final long price = side == Side.NONE ? 0 : strategy.limitPrice(side, fair[i], s, imbalance[i], bid, ask);
        final int working = workingSlot(i);
        if (working >= 0) {
            final int state = orders.slotState(working);
            if (state == OrderState.SENT || state == OrderState.CANCEL_SENT) {
                return;
            }
            if (shouldCancel(i, working, side, price, s, bid, ask, t)) {
                if (e.decisions.add(DecisionKind.ORDER_CANCEL, i, orders.slotSide(working), orders.slotPrice(working),
                    orders.slotLeaves(working), orders.slotClientOrderId(working), 0) < 0) {
                    droppedIntents++;
                } else {
                    pendingCancelUntil[i] = t + pendingTimeout;
                }
            }
            return;
        }
        if (side == Side.NONE || price == 0) {
            return;
        }
        if (e.decisions.add(DecisionKind.ORDER_NEW, i, side, price, Math.abs(qty), 0, 0) < 0) {
            droppedIntents++;
        } else {
            pendingNewUntil[i] = t + pendingTimeout;
        }
    }

    /**
     * Whether the working order of {@code i} must go: at once when the target now needs the other
     * side (or no order, outside the hold band), or when the order no longer keeps the edge against
     * the fair value; otherwise only to reprice, once it has rested {@code minQuoteLife} and the new
     * price is at least {@code max(repriceTicks, repriceSpreadFraction x spread)} away. Requotes of
     * the book alone therefore never churn orders.
     */
    private boolean shouldCancel(final int i, final int working, final int side, final long price, final double s,
                                 final long bid, final long ask, final long t) {
        final int ws = orders.slotSide(working);
        final long workingPrice = orders.slotPrice(working);
        if (side != ws) {
            return side != Side.NONE || !strategy.holds(s);
        }
        if (!strategy.keepsEdge(ws, workingPrice, fair[i])) {
            return true;
        }
        if (price == 0 || t - orders.slotCreatedNanos(working) < minQuoteLife) {
            return false;
        }
        final long spread = bid > 0 && ask > bid ? ask - bid : 0;
        final double distance = Math.max(repriceTicks, repriceSpreadFraction * spread);
        return Math.abs(price - workingPrice) >= distance;
    }

    /** Book imbalance of everyone else's orders (ours netted out) at the product's last book event. */
    public double imbalance(final int instrumentId) {
        return imbalance[instrumentId];
    }

    /** Desired position of {@code instrumentId} at its last decision, lots (for dashboards). */
    public long desiredPosition(final int instrumentId) {
        return desired[instrumentId];
    }

    /** Intents dropped because the event's decision buffer was full. */
    public long droppedIntents() {
        return droppedIntents;
    }

    @Override
    public long stateHash() {
        long h = 23;
        for (int i = 0; i < fair.length; i++) {
            h = 31 * h + Double.doubleToLongBits(fair[i]) + 3 * Double.doubleToLongBits(signal[i])
                + 13 * pendingNewUntil[i] + 17 * pendingCancelUntil[i] + 5 * Double.doubleToLongBits(imbalance[i])
                + 19 * bestBid[i] + 23 * bestAsk[i] + 37L * valuations[i] + 41 * desired[i];
        }
        return 31 * h + now;
    }
}
