package io.skytrade.core.risk;

import io.skytrade.core.book.MarketView;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.position.PositionTracker;

/**
 * Pre-trade checks of one intent against {@link RiskLimits}, all read from the one
 * {@link TradingBook}: validity, maximum order size, maximum open orders, position per product in
 * lots, exposure per product and gross exposure as fractions of capital (counting open orders),
 * the price band around fair value in fair-value standard deviations, the fat-finger band around
 * the touch, and order- and cancel-rate limits in event time. Returns a {@link RiskReason} code
 * ({@link RiskReason#NONE} to approve); approvals are recorded with
 * {@link #onNewApproved}/{@link #onCancelApproved} so rates count what was sent. A product's
 * exposure is the notional of {@code max(|pos + openBuy|, |pos - openSell|)} lots at its reference
 * price (fair value, else mid, else the order's price); an order is accepted only if that stays
 * within the per-product limits and the sum over products within the gross limit (or the order
 * does not increase it). Single-threaded. Hot-path cost: constant work plus one loop over
 * {@link EngineEvent#MAX_INSTRUMENTS} for gross exposure; no allocation.
 */
public final class PreTradeRiskCheck {
    private final RiskLimits limits;
    private final MarketView market;
    private final OrderTable orders;
    private final PositionTracker positions;
    private final EventTimeRateLimiter orderRate;
    private final EventTimeRateLimiter cancelRate;
    private final double maxProductExposure;
    private final double maxGrossExposure;

    /**
     * @param capital the one capital figure exposure limits are fractions of, price units
     */
    public PreTradeRiskCheck(final RiskLimits limits, final TradingBook book, final double capital) {
        if (!(capital > 0) || Double.isInfinite(capital)) {
            throw new IllegalArgumentException("capital=" + capital + ": expected a finite number > 0");
        }
        this.limits = limits;
        this.market = book.market();
        this.orders = book.orders();
        this.positions = book.positions();
        this.orderRate = new EventTimeRateLimiter(limits.maxOrdersPerWindow(), limits.orderRateWindowNanos());
        this.cancelRate = new EventTimeRateLimiter(limits.maxCancelsPerWindow(), limits.cancelRateWindowNanos());
        this.maxProductExposure = limits.maxPositionFraction() * capital;
        this.maxGrossExposure = limits.maxGrossFraction() * capital;
    }

    /** Checks a new order; {@code qty} is the size after any reduction. */
    public int checkNew(final int instrument, final int side, final long price, final long qty, final long nowNanos) {
        if (!PositionTracker.isValidInstrument(instrument) || Side.sign(side) == 0 || price <= 0 || qty <= 0) {
            return RiskReason.INVALID_INTENT;
        }
        if (qty > limits.maxOrderLots()) {
            return RiskReason.MAX_ORDER_SIZE;
        }
        if (orders.openCount() >= limits.maxOpenOrders()) {
            return RiskReason.MAX_OPEN_ORDERS;
        }
        final long pos = positions.position(instrument);
        final long openBuy = orders.openBuyQty(instrument);
        final long openSell = orders.openSellQty(instrument);
        final long worstBefore = worstCase(pos, openBuy, openSell);
        final long worstAfter;
        if (side == Side.BUY) {
            if (pos + openBuy + qty > limits.maxPositionLots()) {
                return RiskReason.POSITION_LIMIT;
            }
            worstAfter = worstCase(pos, openBuy + qty, openSell);
        } else {
            if (pos - openSell - qty < -limits.maxPositionLots()) {
                return RiskReason.POSITION_LIMIT;
            }
            worstAfter = worstCase(pos, openBuy, openSell + qty);
        }
        if (worstAfter > worstBefore) {
            final double reference = referencePrice(instrument, price);
            if (worstAfter * reference > maxProductExposure) {
                return RiskReason.POSITION_LIMIT;
            }
            if (grossExposure() + (worstAfter - worstBefore) * reference > maxGrossExposure) {
                return RiskReason.GROSS_EXPOSURE;
            }
        }
        final double fair = market.fairValue(instrument);
        if (Double.isNaN(fair)) {
            return RiskReason.NO_FAIR_VALUE;
        }
        if (Math.abs(price - fair) > limits.fairValueBand(market.fairStd(instrument))) {
            return RiskReason.FAIR_VALUE_BAND;
        }
        final int touchReason = checkTouch(instrument, side, price);
        if (touchReason != RiskReason.NONE) {
            return touchReason;
        }
        return orderRate.canAcquire(nowNanos) ? RiskReason.NONE : RiskReason.ORDER_RATE;
    }

    /** The price a product's exposure is valued at: fair value, else mid, else {@code fallback}. */
    private double referencePrice(final int instrument, final double fallback) {
        final double fair = market.fairValue(instrument);
        if (fair > 0) {
            return fair;
        }
        final double mid = market.mid(instrument);
        return mid > 0 ? mid : fallback;
    }

    private int checkTouch(final int instrument, final int side, final long price) {
        final long bid = market.bestBid(instrument);
        final long ask = market.bestAsk(instrument);
        if (side == Side.BUY) {
            final long reference = ask > 0 ? ask : bid;
            if (reference <= 0) {
                return RiskReason.NO_MARKET_DATA;
            }
            return price > reference + limits.touchBandTicks() ? RiskReason.TOUCH_BAND : RiskReason.NONE;
        }
        final long reference = bid > 0 ? bid : ask;
        if (reference <= 0) {
            return RiskReason.NO_MARKET_DATA;
        }
        return price < reference - limits.touchBandTicks() ? RiskReason.TOUCH_BAND : RiskReason.NONE;
    }

    /** Checks a cancel of an order: it must be open, not already cancelling, and within the cancel rate. */
    public int checkCancel(final long clientOrderId, final long nowNanos) {
        final int reason = orders.checkCancel(clientOrderId);
        if (reason != RiskReason.NONE) {
            return reason;
        }
        return cancelRate.canAcquire(nowNanos) ? RiskReason.NONE : RiskReason.CANCEL_RATE;
    }

    /** Counts an approved new order (strategy or flattening) in the order rate. */
    public void onNewApproved(final long nowNanos) {
        orderRate.acquire(nowNanos);
    }

    /** Counts an approved cancel (strategy or safe mode) in the cancel rate. */
    public void onCancelApproved(final long nowNanos) {
        cancelRate.acquire(nowNanos);
    }

    /** Worst-case absolute position of a market if all open orders on one side filled. */
    public static long worstCase(final long position, final long openBuy, final long openSell) {
        return Math.max(Math.abs(position + openBuy), Math.abs(position - openSell));
    }

    /** Sum over products of the notional of {@link #worstCase} at each product's reference price, price units. */
    public double grossExposure() {
        double gross = 0;
        for (int i = 0; i < EngineEvent.MAX_INSTRUMENTS; i++) {
            final long worst = worstCase(positions.position(i), orders.openBuyQty(i), orders.openSellQty(i));
            if (worst != 0) {
                gross += worst * referencePrice(i, 0);
            }
        }
        return gross;
    }

    public long stateHash() {
        return PositionTracker.mix(orderRate.stateHash(), cancelRate.stateHash());
    }
}
