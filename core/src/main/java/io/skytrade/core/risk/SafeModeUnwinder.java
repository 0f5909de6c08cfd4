package io.skytrade.core.risk;

import io.skytrade.core.book.MarketView;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.order.OrderState;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.position.PositionTracker;

/**
 * What SAFE (and HALTED) mode does on every event until the book is clean: cancels every open
 * resting order that has no cancel in flight, and, when flattening is on, closes each position
 * whose market has no open order left with a marketable IOC limit order priced
 * {@code flattenSlippageTicks} through the touch but kept inside the touch band (and, only when
 * {@code safeMode.flattenFairValueBandTicks} is set, within that distance of fair value: the
 * strategy's fair-value band does not apply, because after a shock the nowcast lags the market and
 * would keep the position the drawdown stop is closing).
 * IOC orders, its own flattening orders among them, are never cancelled: they do not rest, the
 * venue ends them itself, and a cancel would only race their fills and come back rejected.
 * Level-triggered, so an action lost to a full decision buffer or an unfilled IOC is retried on
 * the next event. Decisions it appends are APPROVED and recorded in the {@link TradingBook}.
 * Single-threaded. Hot-path cost: one pass over the order table's slots and over the
 * instruments, in SAFE only; no allocation.
 */
public final class SafeModeUnwinder {
    private final RiskLimits limits;
    private final SafeModeConfig config;
    private final MarketView market;
    private final OrderTable orders;
    private final PositionTracker positions;
    private final TradingBook book;
    private final PreTradeRiskCheck check;
    private long overflows;

    public SafeModeUnwinder(final RiskLimits limits, final SafeModeConfig config, final TradingBook book,
                            final PreTradeRiskCheck check) {
        this.limits = limits;
        this.config = config;
        this.book = book;
        this.market = book.market();
        this.orders = book.orders();
        this.positions = book.positions();
        this.check = check;
    }

    /** Appends an approved cancel for every open GTC order not already cancelling. */
    public void cancelAll(final Decisions out, final long nowNanos) {
        if (orders.openCount() == 0) {
            return;
        }
        for (int k = 0; k < orders.liveCount(); k++) {
            final int s = orders.liveSlot(k);
            final int st = orders.slotState(s);
            if (st != OrderState.SENT && st != OrderState.ACKED && st != OrderState.PARTIALLY_FILLED
                || orders.slotTimeInForce(s) == TimeInForce.IOC) {
                continue;
            }
            final long id = orders.slotClientOrderId(s);
            final int i = out.add(DecisionKind.ORDER_CANCEL, orders.slotInstrument(s), orders.slotSide(s), 0,
                orders.slotLeaves(s), id, RiskReason.SAFE_MODE);
            if (i < 0) {
                overflows++;
                return;
            }
            out.status[i] = Decisions.STATUS_APPROVED;
            book.requestCancel(id);
            check.onCancelApproved(nowNanos);
        }
    }

    /** Appends an approved marketable IOC order closing each position whose market has no open order. */
    public void flatten(final Decisions out, final long nowNanos) {
        if (!config.flattenOnSafe()) {
            return;
        }
        // instruments from tradedBound on have never held a position
        for (int instrument = 0; instrument < positions.tradedBound(); instrument++) {
            final long pos = positions.position(instrument);
            if (pos == 0 || orders.openCount(instrument) > 0) {
                continue;
            }
            final int side = pos > 0 ? Side.SELL : Side.BUY;
            final long price = flattenPrice(instrument, side);
            if (price <= 0) {
                continue;
            }
            final long qty = Math.min(Math.abs(pos), limits.maxOrderLots());
            final int i = out.add(DecisionKind.ORDER_NEW, instrument, side, price, qty, 0, RiskReason.SAFE_MODE);
            if (i < 0) {
                overflows++;
                return;
            }
            final long id = book.open(instrument, side, price, qty, TimeInForce.IOC, nowNanos);
            if (id == 0) {
                out.status[i] = Decisions.STATUS_REJECTED;
                out.reason[i] = RiskReason.ORDER_TABLE_FULL;
                continue;
            }
            out.clientOrderId[i] = id;
            out.status[i] = Decisions.STATUS_APPROVED;
            out.timeInForce[i] = TimeInForce.IOC;
            check.onNewApproved(nowNanos);
        }
    }

    /**
     * Price of a flattening order: marketable (at or through the touch), inside the touch band and,
     * when configured, the flattening fair-value band; 0 when no such price exists (no touch on the
     * side to hit, or the fair-value band forbids crossing).
     */
    public long flattenPrice(final int instrument, final int side) {
        final long fairBand = config.flattenFairValueBandTicks();
        final double fair = market.fairValue(instrument);
        final boolean hasFair = fairBand > 0 && !Double.isNaN(fair);
        if (side == Side.SELL) {
            final long bid = market.bestBid(instrument);
            if (bid <= 0) {
                return 0;
            }
            long floor = bid - limits.touchBandTicks();
            if (hasFair) {
                floor = Math.max(floor, (long) Math.ceil(fair - fairBand));
            }
            final long price = Math.max(Math.max(bid - config.flattenSlippageTicks(), floor), 1);
            return price <= bid ? price : 0;
        }
        final long ask = market.bestAsk(instrument);
        if (ask <= 0) {
            return 0;
        }
        long cap = ask + limits.touchBandTicks();
        if (hasFair) {
            cap = Math.min(cap, (long) Math.floor(fair + fairBand));
        }
        final long price = Math.min(ask + config.flattenSlippageTicks(), cap);
        return price >= ask ? price : 0;
    }

    /** Actions dropped because the event's decision buffer was full (retried on the next event). */
    public long overflows() {
        return overflows;
    }

    public long stateHash() {
        return PositionTracker.mix(overflows, config.flattenOnSafe() ? 1 : 0);
    }
}
