package io.skytrade.core.strategy;

import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.order.OrderPurpose;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.risk.RiskLimits;

import java.util.Arrays;

/**
 * The ETF against its legs on market prices: when everyone else's ETF bid exceeds the sum of the
 * legs' asks by {@code edgeTicks} it sells the ETF (IOC, purpose ARBITRAGE), and when the legs'
 * bids summed exceed the ETF's ask it buys; the legs follow only for what the ETF leg filled: each
 * leg is hedged (IOC through its touch, purpose HEDGE) until the book's HEDGE position in it is the
 * opposite of its ARBITRAGE position in the ETF. A leg still unhedged after {@code scratchAfter}
 * has its share scratched: the ETF quantity no leg left open is closed back. Every price lies within
 * risk's fair-value band of its product (an entry whose hedges would not is not made; a hedge waits;
 * at most one hedge per leg and interval). Entries wait until every leg is hedged and nothing is pending, at most one per {@code interval}, within
 * {@code maxPosition}; around a settlement of the ETF or a leg nothing is sent for a minute (the
 * venue settles them one after another). The position each purpose built is the book's, so the
 * leg risk is visible there. A hedged position converges by construction: the ETF settles at the
 * sum of its legs.
 *
 * <p>Runs inside the strategy stage, on the book's thread, after the inputs {@link #runsAfter} names,
 * and only when a run could decide differently from the last ({@link #due}): what it reads changed,
 * an order was opened, the last run proposed something, or one of its time gates opened since.
 * Hot-path cost: O(legs) per run (live orders by purpose are the order table's counts), a few
 * compares on an input that moves none of it; no allocation.
 */
public final class EtfArbitrage {
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final TradingBook book;
    private final OrderTable orders;
    private final ArbitrageParams p;
    private final int etf;
    private final int[] legs;
    private final long[] deficitSince;
    private final long[] nextHedge;
    private final RiskLimits risk;
    private final boolean onMoves;
    /** The ETF's and its legs' bits (0 when the arbitrage is off). */
    private final long moves;
    private double[] fair;
    private double[] fairStd;
    private long nextEntry;
    private final SideBuffers side;
    private long quietUntil;
    private long entries;
    private long hedges;
    private long scratches;
    private long dropped;
    /** What a run reads may have changed since the last run (or that run proposed something). */
    private boolean stale = true;
    /** The order table's last client order id at the last run: an order opened since changes it. */
    private long lastIdAtRun;
    /** The earliest time after the last run at which one of its time gates opens. */
    private long wakeAt;

    /**
     * @param etf          instrument id of the ETF, -1 when it is not traded (the arbitrage is off)
     * @param legs         instrument ids of its legs (one lot each per ETF lot)
     * @param risk         risk's limits: no order larger than its largest order, none priced outside
     *                     its fair-value band (read here, not restated, so no intent is refused for it)
     */
    public EtfArbitrage(final TradingBook book, final SideBuffers side, final ArbitrageParams params, final int etf,
                        final int[] legs, final RiskLimits risk) {
        this.book = book;
        this.side = side;
        this.orders = book.orders();
        this.p = params;
        this.etf = params.enabled() ? etf : -1;
        this.legs = legs.clone();
        this.deficitSince = new long[legs.length];
        this.nextHedge = new long[legs.length];
        this.risk = risk;
        this.onMoves = params.onMoves();
        long bits = 0;
        if (this.etf >= 0) {
            bits = 1L << this.etf;
            for (final int leg : legs) {
                bits |= 1L << leg;
            }
        }
        this.moves = bits;
    }

    /**
     * Whether the strategy runs the arbitrage ({@link #onEvent}) after an input of {@code type} that
     * moved the products in {@code moved} (their books, fair values, orders or positions; a bit per
     * instrument). With {@link ArbitrageParams#onMoves}: when it moved the ETF or a leg, and on every
     * TIMER input (the time-driven hedges, scratches and entries: at most one timer interval later
     * than on any input); otherwise after every input that moved anything. Never when it is off.
     */
    public boolean runsAfter(final long moved, final int type) {
        if (etf < 0) {
            return false;
        }
        return onMoves ? (moved & moves) != 0 || type == EventType.TIMER : moved != 0;
    }

    /**
     * Whether to run the arbitrage now, after an input of {@code type} that moved {@code moved}
     * (as {@link #runsAfter}), at {@code now}: when the rule runs it and a run could decide
     * differently from the last one. Everything a run reads besides the time is the ETF's and the
     * legs' touches and fair values (their bits in {@code moved}), the positions and live orders by
     * purpose (changed only by ORDER_EVENT, POSITION_REPORT and SETTLEMENT inputs, which
     * {@link #onInput} notes, and by orders opened, which move the order table's client order id), and its own state. A run that
     * proposed nothing leaves that state as a second run on the same inputs would, until a time
     * gate opens (the end of the quiet, the next entry, a leg's next hedge, the scratch's wait), so
     * skipping such runs decides exactly as running them. Call once per input.
     */
    public boolean due(final long moved, final int type, final long now) {
        if (etf < 0) {
            return false;
        }
        if ((moved & moves) != 0) {
            stale = true;
        }
        return runsAfter(moved, type) && (stale || now >= wakeAt || orders.lastClientOrderId() != lastIdAtRun);
    }

    /**
     * Notes an input of {@code type}, rejected or not, before {@link #due}: an ORDER_EVENT,
     * POSITION_REPORT or SETTLEMENT may move the positions and live orders a run reads.
     */
    public void onInput(final int type) {
        if (type == EventType.ORDER_EVENT || type == EventType.POSITION_REPORT || type == EventType.SETTLEMENT) {
            stale = true;
        }
    }

    /** True when the arbitrage trades {@code instrument} as its ETF (the market maker leaves it alone). */
    public boolean ownsEtf(final int instrument) {
        return etf >= 0 && instrument == etf;
    }

    /** A settlement of {@code instrument} at {@code now}: quiet for a minute if it is the ETF or a leg. */
    public void onSettlement(final int instrument, final long now) {
        if (etf >= 0 && (instrument == etf || isLeg(instrument))) {
            quietUntil = Math.max(quietUntil, now + QUIET_NANOS);
            Arrays.fill(deficitSince, 0);
        }
    }

    private boolean isLeg(final int instrument) {
        for (final int leg : legs) {
            if (leg == instrument) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hedges, scratches and enters, given everyone else's touch per product (ours netted out): prices
     * in ticks (0 when none) and the quantity at the touch; and each product's fair value and its
     * standard deviation (NaN when unknown), against which risk's band is judged.
     */
    public void onEvent(final EngineEvent e, final long now, final long[] bid, final long[] ask, final long[] bidQty,
                        final long[] askQty, final double[] fair, final double[] fairStd) {
        if (etf < 0) {
            return;
        }
        final long proposed = entries + hedges + scratches;
        run(e, now, bid, ask, bidQty, askQty, fair, fairStd);
        stale = entries + hedges + scratches != proposed;
        lastIdAtRun = orders.lastClientOrderId();
        wakeAt = nextGate(now);
    }

    /**
     * The earliest of the run's time gates still closed at {@code now} ({@code Long.MAX_VALUE} when
     * none): each is a {@code now < t} test in {@link #run}.
     */
    private long nextGate(final long now) {
        long w = closedUntil(Long.MAX_VALUE, quietUntil, now);
        w = closedUntil(w, nextEntry, now);
        for (int k = 0; k < legs.length; k++) {
            w = closedUntil(w, nextHedge[k], now);
            if (deficitSince[k] != 0) {
                w = closedUntil(w, deficitSince[k] + p.scratchAfterNanos(), now);
            }
        }
        return w;
    }

    private static long closedUntil(final long earliest, final long gate, final long now) {
        return gate > now && gate < earliest ? gate : earliest;
    }

    private void run(final EngineEvent e, final long now, final long[] bid, final long[] ask, final long[] bidQty,
                     final long[] askQty, final double[] fair, final double[] fairStd) {
        if (now < quietUntil) {
            return;
        }
        this.fair = fair;
        this.fairStd = fairStd;
        final long arbPosition = book.purposePosition(OrderPurpose.ARBITRAGE, etf);
        boolean hedged = true;
        long minHedged = Long.MAX_VALUE;
        for (int k = 0; k < legs.length; k++) {
            final int leg = legs[k];
            final long held = book.purposePosition(OrderPurpose.HEDGE, leg);
            minHedged = Math.min(minHedged, -Long.signum(arbPosition) * held);
            final long deficit = -arbPosition - held;
            if (deficit == 0) {
                deficitSince[k] = 0;
                continue;
            }
            hedged = false;
            if (deficitSince[k] == 0) {
                deficitSince[k] = now;
            }
            if (now < nextHedge[k] || live(OrderPurpose.HEDGE, leg)) {
                continue;
            }
            final int side = deficit > 0 ? Side.BUY : Side.SELL;
            final long price = side == Side.BUY ? (ask[leg] > 0 ? ask[leg] + p.hedgeSlippageTicks() : 0)
                : bid[leg] - p.hedgeSlippageTicks();
            if (price > 0 && inBand(leg, price)) {
                propose(e, leg, side, price, Math.min(Math.abs(deficit), risk.maxOrderLots()), OrderPurpose.HEDGE);
                nextHedge[k] = now + p.intervalNanos();
                hedges++;
            }
        }
        if (!hedged) {
            scratch(e, now, arbPosition, Math.max(0, minHedged), bid, ask);
            return;
        }
        enter(e, now, arbPosition, bid, ask, bidQty, askQty);
    }

    /** Closes the ETF quantity no leg hedged once a leg has waited past scratchAfter. */
    private void scratch(final EngineEvent e, final long now, final long arbPosition, final long minHedged,
                         final long[] bid, final long[] ask) {
        long oldest = Long.MAX_VALUE;
        for (final long since : deficitSince) {
            if (since != 0) {
                oldest = Math.min(oldest, since);
            }
        }
        final long residue = Math.abs(arbPosition) - minHedged;
        if (oldest == Long.MAX_VALUE || now - oldest < p.scratchAfterNanos() || residue <= 0
            || live(OrderPurpose.ARBITRAGE, etf)) {
            return;
        }
        final int side = arbPosition < 0 ? Side.BUY : Side.SELL;
        final long price = side == Side.BUY ? (ask[etf] > 0 ? ask[etf] + p.hedgeSlippageTicks() : 0)
            : bid[etf] - p.hedgeSlippageTicks();
        if (price > 0 && inBand(etf, price)) {
            propose(e, etf, side, price, Math.min(residue, risk.maxOrderLots()), OrderPurpose.ARBITRAGE);
            scratches++;
            Arrays.fill(deficitSince, now);
        }
    }

    private void enter(final EngineEvent e, final long now, final long arbPosition, final long[] bid, final long[] ask,
                       final long[] bidQty, final long[] askQty) {
        if (now < nextEntry || live(OrderPurpose.ARBITRAGE, etf) || bid[etf] <= 0 || ask[etf] <= 0) {
            return;
        }
        long legsAsk = 0;
        long legsBid = 0;
        long legsAskQty = Long.MAX_VALUE;
        long legsBidQty = Long.MAX_VALUE;
        for (final int leg : legs) {
            if (bid[leg] <= 0 || ask[leg] <= 0 || !inBand(leg, bid[leg] - p.hedgeSlippageTicks())
                || !inBand(leg, ask[leg] + p.hedgeSlippageTicks())) {
                return;
            }
            legsAsk += ask[leg];
            legsBid += bid[leg];
            legsAskQty = Math.min(legsAskQty, askQty[leg]);
            legsBidQty = Math.min(legsBidQty, bidQty[leg]);
        }
        if (bid[etf] - legsAsk >= p.edgeTicks() && arbPosition > -p.maxPosition() && inBand(etf, bid[etf])) {
            final long qty = Math.min(Math.min(p.maxLots(), bidQty[etf]), Math.min(legsAskQty, p.maxPosition() + arbPosition));
            if (qty > 0) {
                propose(e, etf, Side.SELL, bid[etf], qty, OrderPurpose.ARBITRAGE);
                entries++;
                nextEntry = now + p.intervalNanos();
            }
        } else if (legsBid - ask[etf] >= p.edgeTicks() && arbPosition < p.maxPosition() && inBand(etf, ask[etf])) {
            final long qty = Math.min(Math.min(p.maxLots(), askQty[etf]), Math.min(legsBidQty, p.maxPosition() - arbPosition));
            if (qty > 0) {
                propose(e, etf, Side.BUY, ask[etf], qty, OrderPurpose.ARBITRAGE);
                entries++;
                nextEntry = now + p.intervalNanos();
            }
        }
    }

    /** True when {@code price} lies within risk's fair-value band of the product's fair value. */
    private boolean inBand(final int instrument, final long price) {
        final double f = fair[instrument];
        return f > 0 && Math.abs(price - f) <= risk.fairValueBand(fairStd[instrument]);
    }

    /** True when an order of {@code purpose} is live in {@code instrument}. */
    private boolean live(final int purpose, final int instrument) {
        return orders.openCount(instrument, purpose) > 0;
    }

    private void propose(final EngineEvent e, final int instrument, final int side, final long price, final long qty,
                         final int purpose) {
        final Decisions decisions = this.side.decisionsToWrite(e);
        final int d = decisions.add(DecisionKind.ORDER_NEW, instrument, side, price, qty, 0, 0);
        if (d < 0) {
            dropped++;
            return;
        }
        decisions.timeInForce[d] = TimeInForce.IOC;
        decisions.purpose[d] = purpose;
    }

    public long entries() {
        return entries;
    }

    public long hedges() {
        return hedges;
    }

    public long scratches() {
        return scratches;
    }

    /** Intents lost to a full decision buffer. */
    public long dropped() {
        return dropped;
    }

    /** Hash of its state (the positions are the book's). */
    public long stateHash() {
        long h = nextEntry * 31 + quietUntil;
        for (int k = 0; k < legs.length; k++) {
            h = 31 * (31 * h + deficitSince[k]) + nextHedge[k];
        }
        return 31 * (31 * (31 * h + entries) + hedges) + scratches;
    }
}
