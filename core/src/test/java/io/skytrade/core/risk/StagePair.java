package io.skytrade.core.risk;

import io.skytrade.core.book.BookStage;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OutboundStage;

/**
 * The trading book's stages in pipeline order on one event (book post-trade phase, risk as its
 * pre-trade phase, outbound), with recording boundaries; a strategy's intents are put into the
 * event by the test between the book and risk.
 */
public final class StagePair {
    public final TradingBook book;
    public final BookStage bookStage;
    public final RiskStage risk;
    public final OutboundStage orders;
    public final RecordingOrderGateway gateway = new RecordingOrderGateway();
    public final RecordingDecisionListener journal = new RecordingDecisionListener(gateway);

    /** Capital of the test stages: exposure and drawdown limits are fractions of it. */
    public static final double CAPITAL = 100_000;

    public StagePair(final RiskLimits limits, final DrawdownLimits drawdown, final SafeModeConfig safeMode,
                     final OrderManagerConfig orderConfig) {
        book = new TradingBook(orderConfig);
        bookStage = new BookStage(book, TestEvents.SIDE);
        risk = new RiskStage(book, TestEvents.SIDE, limits, drawdown, safeMode, CAPITAL);
        orders = new OutboundStage(gateway, journal, TestEvents.SIDE);
    }

    /** Risk limits in the tests' terms: lots per product and gross lots at a price of 100 ticks, a fixed band in ticks. */
    public static RiskLimits limits(final long maxPosition, final long maxGrossLotsAt100, final long bandTicks,
                                    final long touchTicks, final int ordersPerSecond, final int cancelsPerSecond,
                                    final int maxOpen) {
        final double gross = maxGrossLotsAt100 * 100 / CAPITAL;
        return new RiskLimits(maxPosition, Math.min(0.2, gross), gross, 20, 1e-9, bandTicks, touchTicks, ordersPerSecond,
            1_000_000_000L, cancelsPerSecond, 1_000_000_000L, maxOpen);
    }

    /** Drawdown limits in price units of the tests' capital. */
    public static DrawdownLimits drawdown(final double soft, final double recovery, final double hard, final double daily,
                                          final long dayNanos) {
        return new DrawdownLimits(soft / CAPITAL, recovery / CAPITAL, hard / CAPITAL, daily / CAPITAL, dayNanos);
    }

    public static StagePair defaults() {
        return new StagePair(RiskLimits.defaults(), DrawdownLimits.defaults(), SafeModeConfig.defaults(),
            OrderManagerConfig.defaults());
    }

    /**
     * Runs the event through book, risk and outbound. Intents already in the event stay PROPOSED for
     * risk: the book appends only alerts, after them, so their indexes do not move.
     */
    public EngineEvent run(final EngineEvent event) {
        bookStage.onEvent(event, event.sequence, true);
        risk.onEvent(event, event.sequence, true);
        orders.onEvent(event, event.sequence, true);
        return event;
    }
}
