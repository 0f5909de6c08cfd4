package io.skytrade.core.strategy;

import io.skytrade.core.risk.TestEvents;
import io.skytrade.core.book.BookStage;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OutboundStage;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.DrawdownLimits;
import io.skytrade.core.risk.RecordingDecisionListener;
import io.skytrade.core.risk.RecordingOrderGateway;
import io.skytrade.core.risk.RiskLimits;
import io.skytrade.core.risk.RiskStage;
import io.skytrade.core.risk.SafeModeConfig;
import io.skytrade.core.sizing.PositionSizer;
import io.skytrade.core.sizing.SizerParams;

/**
 * The trading stages a strategy test needs, in pipeline order on one event: the book's post-trade
 * phase, the strategy, risk (the book's pre-trade phase, default limits on a capital of 1,000,000) and the
 * outbound stage with a recording gateway. Venue replies are written by the test with the ids the
 * book assigned.
 */
final class TradingHarness {
    static final double CAPITAL = 1_000_000;
    final TradingBook book = new TradingBook(OrderManagerConfig.defaults());
    final BookStage bookStage = new BookStage(book, TestEvents.SIDE);
    final StrategyHandler strategy;
    final RiskStage risk = new RiskStage(book, TestEvents.SIDE, RiskLimits.defaults(), DrawdownLimits.defaults(), SafeModeConfig.defaults(),
        CAPITAL);
    final RecordingOrderGateway gateway = new RecordingOrderGateway();
    final RecordingDecisionListener journal = new RecordingDecisionListener(gateway);
    final OutboundStage outbound = new OutboundStage(gateway, journal, TestEvents.SIDE);
    private long sequence;

    TradingHarness(final InstrumentRegistry registry, final StrategyParams params) {
        strategy = new StrategyHandler(registry, params,
            new PositionSizer(SizerParams.defaults(), CAPITAL, RiskLimits.defaults().maxPositionFraction()),
            RiskLimits.defaults(), book, TestEvents.SIDE);
    }

    /** With the ETF arbitrage on instrument {@code etf} against {@code legs}. */
    TradingHarness(final InstrumentRegistry registry, final StrategyParams params, final ArbitrageParams arbitrage,
                   final int etf, final int... legs) {
        strategy = new StrategyHandler(registry, params,
            new PositionSizer(SizerParams.defaults(), CAPITAL, RiskLimits.defaults().maxPositionFraction()),
            RiskLimits.defaults(), book, TestEvents.SIDE, new EtfArbitrage(book, TestEvents.SIDE, arbitrage, etf, legs, RiskLimits.defaults()));
    }

    /** With the fly priced off the ETF's market (no ETF arbitrage). */
    TradingHarness(final InstrumentRegistry registry, final StrategyParams params, final FlyRelativeValue flyValue) {
        strategy = new StrategyHandler(registry, params,
            new PositionSizer(SizerParams.defaults(), CAPITAL, RiskLimits.defaults().maxPositionFraction()),
            RiskLimits.defaults(), book, TestEvents.SIDE, new EtfArbitrage(book, TestEvents.SIDE, ArbitrageParams.defaults(), -1,
            new int[0], RiskLimits.defaults()), flyValue);
    }

    /** Book, strategy, risk and outbound on {@code e}. */
    EngineEvent run(final EngineEvent e) {
        e.sequence = sequence++;
        bookStage.onEvent(e, e.sequence, true);
        strategy.onEvent(e, e.sequence, true);
        risk.onEvent(e, e.sequence, true);
        outbound.onEvent(e, e.sequence, true);
        return e;
    }

    /** Book and strategy only: intents stay PROPOSED and nothing reaches the book. */
    EngineEvent runWithoutRisk(final EngineEvent e) {
        e.sequence = sequence++;
        bookStage.onEvent(e, e.sequence, true);
        strategy.onEvent(e, e.sequence, true);
        return e;
    }
}
