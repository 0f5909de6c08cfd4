package io.skytrade.core.strategy;

import io.skytrade.core.math.LongRounding;

/**
 * The market maker's pricing rules, free of event handling (Avellaneda-Stoikov in the engine's
 * units): the half-spread from the fair value's uncertainty and the market's volatility; the
 * reservation price, fair value moved against the position by up to {@code inventorySkew}
 * half-spreads at a full position; a side's best quote price, at the reservation price less the
 * half-spread but never better than one tick inside everyone else's touch, never crossing their
 * far touch, and never beyond fair value less the minimum edge; and quote sizes that fall with the
 * position on the side that would add to it.
 *
 * <p>Immutable. Hot-path cost: a few flops per call; no allocation.
 */
public final class QuoteModel {
    private final double halfSpreadStd;
    private final double halfSpreadVol;
    private final long minHalfSpread;
    private final double inventorySkew;
    private final long minEdge;

    public QuoteModel(final StrategyParams p) {
        halfSpreadStd = p.halfSpreadStd();
        halfSpreadVol = p.halfSpreadVol();
        minHalfSpread = p.minHalfSpreadTicks();
        inventorySkew = p.inventorySkew();
        minEdge = p.minEdgeTicks();
    }

    /**
     * Half-spread in ticks.
     *
     * @param fairStd   standard deviation of the fair value
     * @param marketStd standard deviation of the market's price over the quote horizon
     * @param scale     the regime's multiplier
     */
    public double halfSpread(final double fairStd, final double marketStd, final double scale) {
        final double h = (halfSpreadStd * fairStd + halfSpreadVol * marketStd) * scale;
        return h > minHalfSpread ? h : minHalfSpread;
    }

    /** Reservation price: fair value moved against {@code position} ({@code limit} 0 counts any position as full). */
    public double reservation(final double fair, final long position, final long limit, final double halfSpread) {
        if (position == 0) {
            return fair;
        }
        final double fullness = limit <= 0 ? Math.signum(position) : Math.max(-1.0, Math.min(1.0, (double) position / limit));
        return fair - inventorySkew * halfSpread * fullness;
    }

    /**
     * Price of the best bid to rest, ticks, or 0 when none fits.
     *
     * @param bestBid  everyone else's best bid (ours netted out), 0 when none
     * @param bestAsk  everyone else's best ask, 0 when none
     */
    public long bidPrice(final double reservation, final double halfSpread, final double fair, final long bestBid,
                         final long bestAsk) {
        long price = LongRounding.floor(reservation - halfSpread);
        price = Math.min(price, LongRounding.floor(fair) - minEdge);
        if (bestBid > 0) {
            price = Math.min(price, bestBid + 1);
        }
        if (bestAsk > 0) {
            price = Math.min(price, bestAsk - 1);
        }
        return price >= 1 ? price : 0;
    }

    /** Price of the best ask to rest, ticks, or 0 when none fits. */
    public long askPrice(final double reservation, final double halfSpread, final double fair, final long bestBid,
                         final long bestAsk) {
        long price = LongRounding.ceil(reservation + halfSpread);
        price = Math.max(price, LongRounding.ceil(fair) + minEdge);
        if (bestAsk > 0) {
            price = Math.max(price, bestAsk - 1);
        }
        if (bestBid > 0) {
            price = Math.max(price, bestBid + 1);
        }
        return price >= 1 ? price : 0;
    }

    /** True when a resting order on {@code side} (+1 buy, -1 sell) at {@code price} still keeps the minimum edge. */
    public boolean keepsEdge(final int dir, final long price, final double fair) {
        return dir > 0 ? price <= LongRounding.floor(fair) - minEdge : price >= LongRounding.ceil(fair) + minEdge;
    }

    /**
     * Lots per level on a side ({@code dir} +1 buy, -1 sell): the base size, falling linearly to 0 as
     * the position reaches the limit in that side's direction (and growing up to twice the base on
     * the side that reduces it), never more than the room left to the limit.
     */
    public long quoteSize(final int dir, final long position, final long limit, final long baseSize) {
        if (limit <= 0) {
            return dir * position < 0 ? Math.min(baseSize, Math.abs(position)) : 0;
        }
        final double fullness = Math.max(-1.0, Math.min(1.0, (double) position / limit));
        final long size = Math.round(baseSize * (1.0 - dir * fullness));
        final long room = limit - dir * position;
        return Math.max(0, Math.min(size, room));
    }
}
