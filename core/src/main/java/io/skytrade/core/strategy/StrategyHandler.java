package io.skytrade.core.strategy;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.order.OrderPurpose;
import io.skytrade.core.order.OrderState;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.RiskLimits;
import io.skytrade.core.sizing.PositionSizer;
import io.skytrade.core.time.IntervalCadence;

/**
 * Stage "strategy": a two-sided market maker per product around the fair value. It keeps per
 * product the latest fair value and its standard deviation, the regime posterior, everyone else's
 * touch (the venue's book less our own resting orders, netted by the {@link TradingBook}, so our
 * own quotes never move the prices we quote against) and an estimate of the market's price
 * variance per second (an EWMA of squared mid changes, folded on the timer every
 * {@code strategy.varianceInterval}, or on every book with 0); it reads positions and working orders
 * from the book. On every event that
 * changes any of these for a product it:
 * <ol>
 *   <li>sizes the product's position limit with the {@link PositionSizer} (volatility of PnL,
 *       confidence tier, exposure rule, the regime's size scale);</li>
 *   <li>prices with the {@link QuoteModel}: a half-spread from the fair value's uncertainty and the
 *       market's volatility, a reservation price skewed against the position and moved by
 *       {@code microPriceWeight} of everyone else's {@link MicroPrice} offset;</li>
 *   <li>takes (IOC at everyone else's far touch) when that touch is beyond fair value by more than
 *       {@code takeStd} fair-value standard deviations, at most once per {@code takeInterval};</li>
 *   <li>keeps {@code quoteLevels} resting orders per side at the target prices (a side whose best
 *       price would lie outside risk's fair-value band is not quoted), with sizes falling
 *       with the position: a working order within the requote distance of a target stays; one that
 *       no longer keeps its edge is cancelled at once, one merely off target only after its minimum
 *       life; missing levels are proposed once the side has nothing pending and no order off target
 *       (no cancel storms, never a new order racing the cancel of the one it replaces, never a second
 *       ladder beside a stale one).</li>
 * </ol>
 * The fly, when {@link FlyRelativeValue} is on, is quoted and taken around a value partly implied by
 * the ETF's market, and re-decided when the ETF moves. The market maker's inventory in a leg
 * excludes what the {@link EtfArbitrage} holds there as a hedge; the arbitrage, run after it on the inputs {@link EtfArbitrage#runsAfter} names
 * when a run could decide anything new ({@link EtfArbitrage#due}), trades the ETF itself.
 * Intents are appended to {@link io.skytrade.core.event.SideBuffers#decisions} as PROPOSED (client order id 0); risk
 * approves them and the book assigns ids. A product is quoted only once its fair value has been
 * revalued {@code minValuations} times; a SETTLEMENT starts that count again.
 *
 * <p>Keeps no orders or positions (the book does); runs on the book's thread. A book update does
 * only what it changed: one walk over its product's live orders nets the book and collects the
 * working quotes; what depends only on other inputs (the regime's scales, the fly's payoff
 * expectation off the ETF's touch, the market's horizon deviation) is kept from when those moved.
 * Hot-path cost: O(products changed x live orders), about two hundred nanoseconds, no allocation. When the decisions
 * buffer is full intents are dropped and counted.
 */
public final class StrategyHandler implements EventHandler<EngineEvent>, StateHash {
    private static final double LN2 = 0.6931471805599453;
    private static final int MAX_WORKING = 16;

    private final TradingBook book;
    private final RiskLimits riskLimits;
    private final EtfArbitrage arbitrage;
    private final FlyRelativeValue flyValue;
    private final OrderTable orders;
    private final int seriesCount;
    private final int instrumentCount;
    private final QuoteModel model;
    private final PositionSizer sizer;
    private final int levels;
    private final long quoteSize;
    private final double levelSpacing;
    private final double quoteHorizon;
    private final long requoteTicks;
    private final double requoteFraction;
    private final long minQuoteLife;
    private final double takeStd;
    private final long takeMinTicks;
    private final long takeMaxLots;
    private final long takeInterval;
    private final double volHalfLife;
    private final long varianceInterval;
    private final int minValuations;
    private final long intentInterval;
    private final double microPriceWeight;
    private final double[] regimeSpreadScale;
    private final double[] regimeSizeScale;
    /**
     * False when every regime scale is 1: the mixture is then 1 whatever the posterior (each term
     * {@code p x 1} is {@code p}, so the scaled sum is the weight, bit for bit), and a book's
     * posterior moves nothing the strategy decides.
     */
    private final boolean regimeMoves;

    private final double[] fair;
    private final double[] fairStd;
    private final double[] arbitrageFair;
    private final boolean[] hasFair;
    private final int[] valuations;
    private final double[] regime;
    private final int[] regimeCount;
    private final long[] bestBid;
    private final long[] bestAsk;
    private final long[] bidQty;
    private final long[] askQty;
    private final double[] lastMid;
    private final long[] lastMidTime;
    private final double[] variance;
    /** {@code sqrt(variance x quoteHorizon)}: the market's standard deviation over the quote horizon, kept with the variance. */
    private final double[] marketStd;
    /** The regime's spread and size multipliers and the base quote size, kept with the posterior they come from. */
    private final double[] spreadScaleOf;
    private final double[] sizeScaleOf;
    private final long[] baseSizeOf;
    private final long[] alphaDtNanos;
    private final double[] alpha;
    private final double[] pendingSquares;
    private final long[] foldedTime;
    private final IntervalCadence foldCadence;
    private final long[] limit;
    private final long[] nextTake;
    private final long[] nextBuyIntent;
    private final long[] nextSellIntent;
    private final long[] netBidQty = new long[EngineEvent.BOOK_DEPTH];
    private final long[] netAskQty = new long[EngineEvent.BOOK_DEPTH];
    private final long[] targetPrice = new long[StrategyParams.MAX_LEVELS];
    private final long[] targetSize = new long[StrategyParams.MAX_LEVELS];
    private final boolean[] targetMatched = new boolean[StrategyParams.MAX_LEVELS];
    private final int[] workingBuy = new int[MAX_WORKING];
    private final int[] workingSell = new int[MAX_WORKING];
    private int workingBuyCount;
    private int workingSellCount;
    /** The product whose working quotes the lists hold for this input's decision (-1: none). */
    private int workingOf = -1;
    private final SideBuffers side;
    private long now = Long.MIN_VALUE;
    private long droppedIntents;
    private long takes;

    /**
     * @param riskLimits risk's limits: the strategy never proposes a price outside risk's fair-value
     *                   band (the rule is risk's, read here, not restated)
     */
    public StrategyHandler(final InstrumentRegistry registry, final StrategyParams params, final PositionSizer sizer,
                           final RiskLimits riskLimits, final TradingBook book, final SideBuffers side) {
        this(registry, params, sizer, riskLimits, book, side, new EtfArbitrage(book, side,
            new ArbitrageParams(false, 0, 1, 1, 0, 1, 1, 0.0, false), -1, new int[0], riskLimits));
    }

    /**
     * @param side      the ring's side buffers: the strategy reads the regime posteriors there and
     *                  writes its intents to the event's decisions
     * @param arbitrage the ETF arbitrage, run after the market maker on the inputs it asks for
     *                  ({@link EtfArbitrage#runsAfter}; its ETF is not market-made)
     */
    public StrategyHandler(final InstrumentRegistry registry, final StrategyParams params, final PositionSizer sizer,
                           final RiskLimits riskLimits, final TradingBook book, final SideBuffers side,
                           final EtfArbitrage arbitrage) {
        this(registry, params, sizer, riskLimits, book, side, arbitrage, FlyRelativeValue.off());
    }

    /**
     * @param flyValue the fly's value off the ETF's market: the fly is quoted and taken around it,
     *                 and re-decided whenever the ETF's book or fair value moves
     */
    public StrategyHandler(final InstrumentRegistry registry, final StrategyParams params, final PositionSizer sizer,
                           final RiskLimits riskLimits, final TradingBook book, final SideBuffers side,
                           final EtfArbitrage arbitrage, final FlyRelativeValue flyValue) {
        this.book = book;
        this.side = side;
        this.flyValue = flyValue;
        this.riskLimits = riskLimits;
        this.arbitrage = arbitrage;
        this.orders = book.orders();
        this.sizer = sizer;
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        model = new QuoteModel(params);
        levels = params.quoteLevels();
        quoteSize = params.quoteSize();
        levelSpacing = params.levelSpacing();
        quoteHorizon = params.quoteHorizonSeconds();
        requoteTicks = params.requoteTicks();
        requoteFraction = params.requoteFraction();
        minQuoteLife = params.minQuoteLifeNanos();
        takeStd = params.takeStd();
        takeMinTicks = params.takeMinTicks();
        takeMaxLots = params.takeMaxLots();
        takeInterval = params.takeIntervalNanos();
        volHalfLife = params.volHalfLifeSeconds();
        varianceInterval = params.varianceIntervalNanos();
        minValuations = params.minValuations();
        intentInterval = params.intentIntervalNanos();
        microPriceWeight = params.microPriceWeight();
        regimeSpreadScale = params.regimeSpreadScale();
        regimeSizeScale = params.regimeSizeScale();
        regimeMoves = !allOnes(regimeSpreadScale) || !allOnes(regimeSizeScale);
        final int n = Math.max(1, instrumentCount);
        fair = new double[n];
        fairStd = new double[n];
        arbitrageFair = new double[n];
        hasFair = new boolean[n];
        valuations = new int[n];
        regime = new double[n * EngineEvent.MAX_REGIMES];
        regimeCount = new int[n];
        bestBid = new long[n];
        bestAsk = new long[n];
        bidQty = new long[n];
        askQty = new long[n];
        lastMid = new double[n];
        lastMidTime = new long[n];
        variance = new double[n];
        marketStd = new double[n];
        spreadScaleOf = new double[n];
        sizeScaleOf = new double[n];
        baseSizeOf = new long[n];
        for (int i = 0; i < n; i++) {
            marketStd[i] = Math.sqrt(variance[i] * quoteHorizon);
            regimeScales(i);
        }
        alphaDtNanos = new long[n];
        alpha = new double[n];
        pendingSquares = new double[n];
        foldedTime = new long[n];
        foldCadence = new IntervalCadence(n, varianceInterval);
        limit = new long[n];
        nextTake = new long[n];
        nextBuyIntent = new long[n];
        nextSellIntent = new long[n];
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        arbitrage.onInput(event.type);
        if (EventGuard.rejected(event, seriesCount, instrumentCount)) {
            return;
        }
        now = Math.max(now, event.eventTimeNanos);
        workingOf = -1;
        long changed = 0;
        long touched = instrumentCount >= Long.SIZE ? event.touchedInstruments : event.touchedInstruments & ((1L << instrumentCount) - 1);
        while (touched != 0) {
            final int i = Long.numberOfTrailingZeros(touched);
            touched &= touched - 1;
            final double fv = side.fairValue(event, i);
            final double fs = side.fairStd(event, i);
            if (Double.isFinite(fv) && Double.isFinite(fs)) {
                fair[i] = fv;
                fairStd[i] = fs;
                hasFair[i] = true;
                if (valuations[i] < minValuations) {
                    valuations[i]++;
                }
                changed |= 1L << i;
            }
        }
        final int id = event.instrumentId;
        switch (event.type) {
            case EventType.MARKET_BOOK -> {
                onBook(event, id);
                changed |= 1L << id;
            }
            case EventType.ORDER_EVENT, EventType.POSITION_REPORT -> changed |= 1L << id;
            case EventType.TIMER -> foldVariances(now);
            case EventType.SETTLEMENT -> {
                hasFair[id] = false;
                valuations[id] = 0;
                changed &= ~(1L << id);
                arbitrage.onSettlement(id, now);
            }
            default -> { }
        }
        final int flyEtf = flyValue.etf();
        if (flyEtf >= 0 && (changed & (1L << flyEtf)) != 0 && hasFair[flyValue.fly()]) {
            changed |= 1L << flyValue.fly();
        }
        final long moved = changed;
        while (changed != 0) {
            final int i = Long.numberOfTrailingZeros(changed);
            changed &= changed - 1;
            if (i < instrumentCount && !arbitrage.ownsEtf(i)) {
                decide(event, i);
            }
        }
        if (arbitrage.due(moved, event.type, now)) {
            for (int i = 0; i < instrumentCount; i++) {
                arbitrageFair[i] = hasFair[i] ? fair[i] : Double.NaN;
            }
            arbitrage.onEvent(event, now, bestBid, bestAsk, bidQty, askQty, arbitrageFair, fairStd);
        }
    }

    private void onBook(final EngineEvent e, final int id) {
        netAndCollect(e, id);
        bestBid[id] = 0;
        bidQty[id] = 0;
        for (int l = 0; l < e.bidLevels; l++) {
            if (netBidQty[l] > 0) {
                bestBid[id] = e.bidPrices[l];
                bidQty[id] = netBidQty[l];
                break;
            }
        }
        bestAsk[id] = 0;
        askQty[id] = 0;
        for (int l = 0; l < e.askLevels; l++) {
            if (netAskQty[l] > 0) {
                bestAsk[id] = e.askPrices[l];
                askQty[id] = netAskQty[l];
                break;
            }
        }
        if (bestBid[id] > 0 && bestAsk[id] > bestBid[id]) {
            updateVariance(id, 0.5 * (bestBid[id] + bestAsk[id]), e.eventTimeNanos);
        }
        final int k = Math.min(e.regimeCount, EngineEvent.MAX_REGIMES);
        if (k > 0 && regimeMoves) {
            side.copyRegimePosterior(e, k, regime, id * EngineEvent.MAX_REGIMES);
            regimeCount[id] = k;
            regimeScales(id);
        }
    }

    private static boolean allOnes(final double[] scales) {
        for (final double s : scales) {
            if (s != 1.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The product's spread and size multipliers, its posterior's mixture of the regimes' scales
     * (the first scale of each without a posterior), and the base quote size they give: computed
     * when the posterior changes, read by every decision.
     */
    private void regimeScales(final int i) {
        double spreadScale = regimeSpreadScale[0];
        double sizeScale = regimeSizeScale[0];
        final int k = Math.min(regimeCount[i], regimeSpreadScale.length);
        double w = 0;
        double sp = 0;
        double sz = 0;
        for (int j = 0; j < k; j++) {
            final double p = regime[i * EngineEvent.MAX_REGIMES + j];
            if (p > 0) {
                w += p;
                sp += p * regimeSpreadScale[j];
                sz += p * regimeSizeScale[j];
            }
        }
        if (w > 0 && Double.isFinite(w)) {
            spreadScale = sp / w;
            sizeScale = sz / w;
        }
        spreadScaleOf[i] = spreadScale;
        sizeScaleOf[i] = sizeScale;
        baseSizeOf[i] = Math.max(1, Math.round(quoteSize * sizeScale));
    }

    /**
     * Takes a mid into the product's EWMA of squared mid changes per second (half-life in event
     * time): with {@code varianceInterval} 0 folds the change at once, otherwise adds its square to
     * the product's pending sum for {@link #foldVariances}.
     */
    private void updateVariance(final int id, final double mid, final long time) {
        if (lastMidTime[id] != 0 && time > lastMidTime[id]) {
            final double d = mid - lastMid[id];
            if (varianceInterval == 0) {
                fold(id, d * d, time - lastMidTime[id]);
            } else {
                pendingSquares[id] += d * d;
                foldCadence.mark(id);
            }
        } else if (lastMidTime[id] == 0) {
            foldedTime[id] = time;
        }
        if (time >= lastMidTime[id]) {
            lastMid[id] = mid;
            lastMidTime[id] = time;
        }
    }

    /**
     * The timer's fold: every product with mid changes since its last fold, and its interval passed,
     * folds their summed squares over the time they span (from the mid of the last fold to the
     * latest); one change folds exactly as {@code varianceInterval} 0 folds it on its book.
     */
    private void foldVariances(final long t) {
        if (varianceInterval == 0) {
            return;
        }
        for (int id = 0; id < instrumentCount; id++) {
            if (foldCadence.takeDue(id, t)) {
                fold(id, pendingSquares[id], lastMidTime[id] - foldedTime[id]);
                pendingSquares[id] = 0.0;
                foldedTime[id] = lastMidTime[id];
            }
        }
    }

    /**
     * Folds squared mid changes {@code squares} spanning {@code dtNanos} > 0 into the product's EWMA.
     * The weight depends on the span alone and is kept per product with the span it was computed
     * for: a product updated at a steady cadence takes no exponential.
     */
    private void fold(final int id, final double squares, final long dtNanos) {
        final double dt = dtNanos * 1e-9;
        final double rate = squares / dt;
        if (alphaDtNanos[id] != dtNanos) {
            alpha[id] = 1.0 - StrictMath.exp(-dt * LN2 / volHalfLife);
            alphaDtNanos[id] = dtNanos;
        }
        final double a = alpha[id];
        variance[id] = variance[id] == 0 ? rate : variance[id] + a * (rate - variance[id]);
        marketStd[id] = Math.sqrt(variance[id] * quoteHorizon);
    }

    private void decide(final EngineEvent e, final int i) {
        if (!hasFair[i] || valuations[i] < minValuations || bestBid[i] == 0 && bestAsk[i] == 0) {
            return;
        }
        final double riskFair = fair[i];
        final int etf = flyValue.etf();
        final double f = i == flyValue.fly() && hasFair[etf]
            ? flyValue.value(riskFair, bestBid[etf], bestAsk[etf], fairStd[etf]) : riskFair;
        final double sf = fairStd[i];
        final long q = book.position(i) - book.purposePosition(OrderPurpose.HEDGE, i);
        final long lim = sizer.limit(f, sf, variance[i], sizeScaleOf[i]);
        limit[i] = lim;
        final double half = model.halfSpread(sf, marketStd[i], spreadScaleOf[i]);
        final double reservation = model.reservation(f, q, lim, half)
            + microPriceWeight * MicroPrice.offset(bestBid[i], bidQty[i], bestAsk[i], askQty[i]);
        final double band = riskLimits.fairValueBand(sf);
        take(e, i, f, riskFair, sf, q, lim, band);
        final long base = baseSizeOf[i];
        final long bid = model.bidPrice(reservation, half, f, bestBid[i], bestAsk[i]);
        final long ask = model.askPrice(reservation, half, f, bestBid[i], bestAsk[i]);
        if (workingOf != i) {
            collectWorking(i);
        }
        final long step = Math.max(1, Math.round(levelSpacing * half));
        final long distance = Math.max(requoteTicks, Math.round(requoteFraction * half));
        quote(e, i, Side.BUY, riskFair - bid <= band ? bid : 0, step, distance, f, model.quoteSize(1, q, lim, base),
            lim - q - orders.openBuyQty(i), workingBuy, workingBuyCount);
        quote(e, i, Side.SELL, ask - riskFair <= band ? ask : 0, step, distance, f, model.quoteSize(-1, q, lim, base),
            lim + q - orders.openSellQty(i), workingSell, workingSellCount);
    }

    /**
     * An IOC at everyone else's far touch when it lies beyond the value quoted around ({@code f}) by
     * more than the take threshold but within risk's band around the valuation's fair value
     * ({@code riskFair}; further than that the market and the valuation disagree too much for either
     * to be trusted).
     */
    private void take(final EngineEvent e, final int i, final double f, final double riskFair, final double sf, final long q,
                      final long lim, final double band) {
        if (takeMaxLots == 0 || now < nextTake[i]) {
            return;
        }
        final double threshold = Math.max(takeStd * sf, (double) takeMinTicks);
        if (bestAsk[i] > 0 && bestAsk[i] <= f - threshold && riskFair - bestAsk[i] <= band) {
            final long room = lim - q - orders.openBuyQty(i);
            final long qty = Math.min(Math.min(takeMaxLots, askQty[i]), room);
            if (qty > 0) {
                propose(e, i, Side.BUY, bestAsk[i], qty, TimeInForce.IOC, OrderPurpose.TAKE);
                nextTake[i] = now + takeInterval;
                takes++;
            }
        } else if (bestBid[i] > 0 && bestBid[i] >= f + threshold && bestBid[i] - riskFair <= band) {
            final long room = lim + q - orders.openSellQty(i);
            final long qty = Math.min(Math.min(takeMaxLots, bidQty[i]), room);
            if (qty > 0) {
                propose(e, i, Side.SELL, bestBid[i], qty, TimeInForce.IOC, OrderPurpose.TAKE);
                nextTake[i] = now + takeInterval;
                takes++;
            }
        }
    }

    /**
     * Keeps the side's resting orders on its target ladder: best price {@code top} (0: no quote),
     * levels {@code step} ticks apart, {@code size} lots per level, at most {@code room} more lots
     * than are already working; a working order within {@code distance} ticks of a target is on it;
     * the side's resting quotes are the first {@code n} slots of {@code working}, in live-list order.
     */
    private void quote(final EngineEvent e, final int i, final int side, final long top, final long step,
                       final long distance, final double f, final long size, final long room, final int[] working,
                       final int n) {
        final int dir = Side.sign(side);
        for (int k = 0; k < levels; k++) {
            targetPrice[k] = top <= 0 ? 0 : top - dir * k * step;
            targetSize[k] = targetPrice[k] > 0 ? size : 0;
            targetMatched[k] = false;
        }
        boolean pending = false;
        for (int w = 0; w < n; w++) {
            final int slot = working[w];
            final int state = orders.slotState(slot);
            if (state == OrderState.SENT || state == OrderState.CANCEL_SENT) {
                pending = true;
                continue;
            }
            final long price = orders.slotPrice(slot);
            int match = -1;
            long best = Long.MAX_VALUE;
            for (int k = 0; k < levels; k++) {
                final long d = Math.abs(price - targetPrice[k]);
                if (!targetMatched[k] && targetSize[k] > 0 && d < distance && d < best) {
                    best = d;
                    match = k;
                }
            }
            final boolean safe = model.keepsEdge(dir, price, f);
            if (match >= 0 && safe) {
                targetMatched[match] = true;
                continue;
            }
            if (!safe || now - orders.slotCreatedNanos(slot) >= minQuoteLife) {
                if (this.side.decisionsToWrite(e).add(DecisionKind.ORDER_CANCEL, i, side, price, orders.slotLeaves(slot),
                    orders.slotClientOrderId(slot), 0) < 0) {
                    droppedIntents++;
                }
            }
            pending = true;
        }
        if (pending || now < (side == Side.BUY ? nextBuyIntent[i] : nextSellIntent[i])) {
            return;
        }
        long left = room;
        boolean proposed = false;
        for (int k = 0; k < levels && left > 0; k++) {
            if (!targetMatched[k] && targetSize[k] > 0) {
                final long qty = Math.min(targetSize[k], left);
                propose(e, i, side, targetPrice[k], qty, TimeInForce.GTC, OrderPurpose.QUOTE);
                left -= qty;
                proposed = true;
            }
        }
        if (proposed) {
            if (side == Side.BUY) {
                nextBuyIntent[i] = now + intentInterval;
            } else {
                nextSellIntent[i] = now + intentInterval;
            }
        }
    }

    /**
     * One walk over the book's product's live orders: everyone else's book ({@link TradingBook#netOwnOrders}'s
     * rule, into {@link #netBidQty} and {@link #netAskQty}) and the product's working quotes
     * ({@link #collectWorking}'s lists, kept for this input's decision of the product).
     */
    private void netAndCollect(final EngineEvent e, final int id) {
        TradingBook.copyLevels(e, netBidQty, netAskQty);
        final boolean netting = book.netsOwnOrders(e);
        workingBuyCount = 0;
        workingSellCount = 0;
        for (int s = orders.firstSlotOf(id); s >= 0; s = orders.nextSlotOf(s)) {
            if (netting && book.restsInBook(s)) {
                book.netOrder(e, s, netBidQty, netAskQty);
            }
            collectIfWorking(s);
        }
        workingOf = id;
    }

    /**
     * Fills {@link #workingBuy} and {@link #workingSell} with the slots of the product's resting
     * (GTC) quotes on each side: the first {@link #MAX_WORKING} of each in live-list order, found
     * by walking the product's own live orders and keeping each side sorted by live position.
     */
    private void collectWorking(final int instrument) {
        workingBuyCount = 0;
        workingSellCount = 0;
        for (int s = orders.firstSlotOf(instrument); s >= 0; s = orders.nextSlotOf(s)) {
            collectIfWorking(s);
        }
        workingOf = instrument;
    }

    /** Adds {@code slot} to its side's working list if it is a resting (GTC) quote. */
    private void collectIfWorking(final int slot) {
        if (orders.slotPurpose(slot) == OrderPurpose.QUOTE && orders.slotTimeInForce(slot) == TimeInForce.GTC) {
            if (orders.slotSide(slot) == Side.BUY) {
                workingBuyCount = insertByLivePosition(workingBuy, workingBuyCount, slot);
            } else if (orders.slotSide(slot) == Side.SELL) {
                workingSellCount = insertByLivePosition(workingSell, workingSellCount, slot);
            }
        }
    }

    /**
     * Inserts {@code slot} into the first {@code n} entries of {@code list}, kept in ascending live
     * position and at most {@link #MAX_WORKING} long (a slot beyond a full list's last is dropped);
     * returns the new length.
     */
    private int insertByLivePosition(final int[] list, final int n, final int slot) {
        final int position = orders.livePosition(slot);
        int k = n < MAX_WORKING ? n : MAX_WORKING - 1;
        if (n == MAX_WORKING && orders.livePosition(list[k]) < position) {
            return n;
        }
        while (k > 0 && orders.livePosition(list[k - 1]) > position) {
            list[k] = list[k - 1];
            k--;
        }
        list[k] = slot;
        return n < MAX_WORKING ? n + 1 : n;
    }

    private void propose(final EngineEvent e, final int i, final int side, final long price, final long qty, final int tif,
                         final int purpose) {
        final Decisions decisions = this.side.decisionsToWrite(e);
        final int d = decisions.add(DecisionKind.ORDER_NEW, i, side, price, qty, 0, 0);
        if (d < 0) {
            droppedIntents++;
        } else {
            decisions.timeInForce[d] = tif;
            decisions.purpose[d] = purpose;
        }
    }

    /** Position limit of {@code instrumentId} at its last decision, lots (for dashboards and tests). */
    public long limit(final int instrumentId) {
        return limit[instrumentId];
    }

    /** Everyone else's best bid (our orders netted out) at the product's last book event, ticks. */
    public long bestBid(final int instrumentId) {
        return bestBid[instrumentId];
    }

    /** Everyone else's best ask (our orders netted out) at the product's last book event, ticks. */
    public long bestAsk(final int instrumentId) {
        return bestAsk[instrumentId];
    }

    /** The product's market price variance per second, price units squared. */
    public double marketVariance(final int instrumentId) {
        return variance[instrumentId];
    }

    /** Intents dropped because the event's decision buffer was full. */
    public long droppedIntents() {
        return droppedIntents;
    }

    /** Takes (IOC intents) proposed. */
    public long takes() {
        return takes;
    }

    /** The ETF arbitrage this stage runs. */
    public EtfArbitrage arbitrage() {
        return arbitrage;
    }

    @Override
    public long stateHash() {
        long h = 23;
        for (int i = 0; i < fair.length; i++) {
            h = 31 * h + Double.doubleToLongBits(fair[i]) + 3 * Double.doubleToLongBits(fairStd[i])
                + 5 * Double.doubleToLongBits(variance[i]) + 7 * Double.doubleToLongBits(lastMid[i]) + 11 * lastMidTime[i]
                + 13 * nextTake[i] + 17 * nextBuyIntent[i] + 19 * nextSellIntent[i] + 23 * bestBid[i]
                + 29 * bestAsk[i] + 37L * valuations[i] + 41 * limit[i] + 43 * bidQty[i] + 47 * askQty[i];
            if (varianceInterval > 0) {
                // folded on every book nothing is pending: the hash is as before the cadence existed
                h += 53 * Double.doubleToLongBits(pendingSquares[i]) + 59 * foldedTime[i] + 61 * foldCadence.nextAt(i)
                    + (foldCadence.pending(i) ? 67 : 0);
            }
        }
        return 31 * (31 * h + now) + arbitrage.stateHash();
    }
}
