package io.skytrade.core.risk;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.order.OrderManagerConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class SafeModeTest {
    private static final long SECOND = 1_000_000_000L;
    private static final DrawdownLimits DRAWDOWN = StagePair.drawdown(50, 20, 100, 150, 1_000 * SECOND);
    private static final SafeModeConfig SAFE = new SafeModeConfig(10 * SECOND, true, 2, 0);

    private final EngineEvent e = new EngineEvent();
    private StagePair stages = new StagePair(RiskLimits.defaults(), DRAWDOWN, SAFE, OrderManagerConfig.defaults());

    private void book(final long t, final long bid, final long ask) {
        stages.run(TestEvents.fair(TestEvents.book(e, t, 0, bid, ask), 0, 100.0));
    }

    /** Buys {@code qty} at 101 and gets it acked and filled; returns the client order id. */
    private long longPosition(final long t, final long qty) {
        TestEvents.timer(e, t);
        final int i = TestEvents.propose(e, 0, Side.BUY, 101, qty);
        stages.run(e);
        assertEquals(Decisions.STATUS_APPROVED, TestEvents.decisions(e).status[i], () -> RiskReason.name(TestEvents.decisions(e).reason[i]));
        final long id = TestEvents.decisions(e).clientOrderId[i];
        stages.run(TestEvents.ack(e, t + 1, id));
        stages.run(TestEvents.fill(e, t + 2, id, qty, 101, 0));
        return id;
    }

    private long openBuy(final long t, final long price, final long qty) {
        TestEvents.timer(e, t);
        final int i = TestEvents.propose(e, 0, Side.BUY, price, qty);
        stages.run(e);
        assertEquals(Decisions.STATUS_APPROVED, TestEvents.decisions(e).status[i], () -> RiskReason.name(TestEvents.decisions(e).reason[i]));
        return TestEvents.decisions(e).clientOrderId[i];
    }

    /** The last MODE_CHANGE decision of the current event: {new mode, cause}. */
    private int[] modeChange() {
        final Decisions d = TestEvents.decisions(e);
        for (int i = d.count() - 1; i >= 0; i--) {
            if (d.kind[i] == DecisionKind.MODE_CHANGE) {
                return new int[] {d.reason[i], (int) d.priceTicks[i], (int) d.quantity[i], d.instrumentId[i]};
            }
        }
        return null;
    }

    private void assertEntered(final int mode, final int cause) {
        final int[] change = modeChange();
        assertTrue(change != null, "no MODE_CHANGE on this event");
        assertEquals(TradingMode.name(mode), TradingMode.name(change[0]));
        assertEquals(RiskReason.name(cause), RiskReason.name(change[1]));
        assertEquals(TradingMode.name(mode), TradingMode.name(stages.risk.mode()));
    }

    private int proposeOne(final long t) {
        TestEvents.timer(e, t);
        final int i = TestEvents.propose(e, 0, Side.BUY, 100, 2);
        stages.run(e);
        return i;
    }

    @Test
    void shouldRealiseAndFlattenAtSettlementSoTheNextSessionReconciles() {
        book(0, 99, 101);
        longPosition(1, 10);
        final EngineEvent settlement = TestEvents.timer(e, 5);
        settlement.type = EventType.SETTLEMENT;
        settlement.value = 104;
        settlement.position = 10;
        stages.run(settlement);
        assertEquals(0, stages.book.positions().position(0));
        assertEquals(30.0, stages.book.positions().realisedPnl(0), 1e-9);
        stages.run(TestEvents.positionReport(e, 6, 0, 0));
        assertEquals(TradingMode.NORMAL, stages.risk.mode(), "the venue's flat position matches ours");
    }

    @Test
    void shouldEnterSafeAtTheHardDrawdownLimitAndFlatten() {
        book(0, 99, 101);
        longPosition(1, 20);
        book(10, 94, 96);
        assertEntered(TradingMode.SAFE, RiskReason.HARD_DRAWDOWN);
        final RecordingOrderGateway.Sent flatten = stages.gateway.orders.get(stages.gateway.orders.size() - 1);
        assertEquals(Side.SELL, flatten.side());
        assertEquals(20, flatten.quantity());
        assertEquals(92, flatten.priceTicks());
        assertEquals(TimeInForce.IOC, flatten.timeInForce());
        final int i = proposeOne(11);
        assertEquals(RiskReason.SAFE_MODE, TestEvents.decisions(e).reason[i]);
        assertEquals(Decisions.STATUS_REJECTED, TestEvents.decisions(e).status[i]);
        stages.run(TestEvents.fill(e, 12, flatten.clientOrderId(), 20, 94, 0));
        assertEquals(0, stages.book.positions().position(0));
        final int before = stages.gateway.orders.size();
        stages.run(TestEvents.timer(e, 13));
        assertEquals(before, stages.gateway.orders.size());
    }

    @Test
    void shouldNeverCancelItsOwnFlatteningOrderWhileItIsInFlight() {
        book(0, 99, 101);
        longPosition(1, 20);
        longPosition(3, 10);
        book(10, 94, 96);
        assertEntered(TradingMode.SAFE, RiskReason.HARD_DRAWDOWN);
        final RecordingOrderGateway.Sent first = stages.gateway.orders.get(stages.gateway.orders.size() - 1);
        assertEquals(TimeInForce.IOC, first.timeInForce());
        stages.run(TestEvents.timer(e, 11));
        book(12, 94, 96);
        assertEquals(List.of(), stages.gateway.cancels);
        assertEquals(0, stages.risk.decisionOverflowCount());
        stages.run(TestEvents.ack(e, 13, first.clientOrderId()));
        stages.run(TestEvents.fill(e, 14, first.clientOrderId(), 5, 94, 0));
        stages.run(TestEvents.cancelled(e, 15, first.clientOrderId()));
        final RecordingOrderGateway.Sent second = stages.gateway.orders.get(stages.gateway.orders.size() - 1);
        assertEquals(Side.SELL, second.side());
        assertEquals(20, second.quantity());
        stages.run(TestEvents.timer(e, 16));
        assertEquals(List.of(), stages.gateway.cancels);
        assertEquals(0, stages.book.orders().illegalTransitions());
    }

    @Test
    void shouldWarnAndHalveSizesAtTheSoftLimitAndRecover() {
        book(0, 99, 101);
        longPosition(1, 10);
        book(10, 94, 96);
        assertEntered(TradingMode.REDUCING, RiskReason.SOFT_DRAWDOWN);
        assertEquals(1, stages.journal.of(DecisionKind.ALERT).size());
        TestEvents.timer(e, 11);
        final int big = TestEvents.propose(e, 0, Side.BUY, 95, 10);
        final int tiny = TestEvents.propose(e, 0, Side.BUY, 95, 1);
        stages.run(e);
        assertEquals(Decisions.STATUS_APPROVED, TestEvents.decisions(e).status[big]);
        assertEquals(5, TestEvents.decisions(e).quantity[big]);
        assertEquals(5, stages.gateway.orders.get(stages.gateway.orders.size() - 1).quantity());
        assertEquals(RiskReason.SIZE_REDUCED_TO_ZERO, TestEvents.decisions(e).reason[tiny]);
        book(12, 99, 101);
        assertEntered(TradingMode.NORMAL, RiskReason.DRAWDOWN_RECOVERED);
    }

    @Test
    void shouldEnterSafeAtTheDailyLossLimit() {
        stages = new StagePair(RiskLimits.defaults(), StagePair.drawdown(100, 50, 1000, 60, 1_000 * SECOND), SAFE,
            OrderManagerConfig.defaults());
        book(0, 99, 101);
        longPosition(1, 10);
        book(10, 93, 95);
        assertEntered(TradingMode.SAFE, RiskReason.DAILY_LOSS);
    }

    @Test
    void shouldStartANewTradingDayFromTheLastEquity() {
        stages = new StagePair(RiskLimits.defaults(), StagePair.drawdown(100, 50, 1000, 60, 100 * SECOND), SAFE,
            OrderManagerConfig.defaults());
        book(0, 99, 101);
        longPosition(1, 10);
        book(10, 95, 97);
        assertEquals(TradingMode.NORMAL, stages.risk.mode());
        book(101 * SECOND, 95, 97);
        book(101 * SECOND + 1, 91, 93);
        assertEquals(TradingMode.NORMAL, stages.risk.mode());
        assertEquals(40.0, stages.risk.drawdown().dailyLoss(), 1e-9);
    }

    @Test
    void shouldEnterSafeOnAStageFailureFlagAndRejectThatEventsIntents() {
        book(0, 99, 101);
        TestEvents.timer(e, 1);
        final int i = TestEvents.propose(e, 0, Side.BUY, 100, 1);
        e.flags |= EngineEvent.FLAG_STAGE_FAILED;
        stages.run(e);
        assertEntered(TradingMode.SAFE, RiskReason.STAGE_FAILED);
        assertEquals(RiskReason.SAFE_MODE, TestEvents.decisions(e).reason[i]);
        assertEquals(0, stages.gateway.orders.size());
    }

    @Test
    void shouldEnterSafeOnStaleMarketDataAtATimerTick() {
        book(0, 99, 101);
        stages.run(TestEvents.timer(e, 10 * SECOND));
        assertEquals(TradingMode.NORMAL, stages.risk.mode());
        stages.run(TestEvents.timer(e, 10 * SECOND + 1));
        assertEntered(TradingMode.SAFE, RiskReason.STALE_MARKET_DATA);
        assertEquals(0, modeChange()[3]);
    }

    @Test
    void shouldEnterSafeOnOperatorCommandAndCancelEveryOpenOrderOnce() {
        book(0, 99, 101);
        final long a = openBuy(1, 100, 3);
        final long b = openBuy(1, 99, 4);
        stages.run(TestEvents.ack(e, 2, a));
        stages.run(TestEvents.control(e, 3, ControlCode.SAFE));
        assertEntered(TradingMode.SAFE, RiskReason.OPERATOR_SAFE);
        assertEquals(List.of(a, b), stages.gateway.cancels);
        stages.run(TestEvents.timer(e, 4));
        assertEquals(2, stages.gateway.cancels.size());
        stages.run(TestEvents.cancelled(e, 5, a));
        stages.run(TestEvents.cancelled(e, 6, b));
        assertEquals(0, stages.book.orders().openCount());
        assertEquals(0, stages.gateway.orders.size() - 2);
    }

    @Test
    void shouldAlertAndEnterSafeOnAPositionMismatch() {
        book(0, 99, 101);
        longPosition(1, 5);
        stages.run(TestEvents.positionReport(e, 5, 0, 5));
        assertEquals(TradingMode.NORMAL, stages.risk.mode());
        stages.run(TestEvents.positionReport(e, 6, 0, 7));
        assertEntered(TradingMode.SAFE, RiskReason.POSITION_MISMATCH);
        final List<String> alerts = stages.journal.of(DecisionKind.ALERT);
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).contains("r=POSITION_MISMATCH"), alerts.get(0));
    }

    @Test
    void shouldRejectEverythingAndSendNothingWhenTheJournalFailed() {
        book(0, 99, 101);
        final long open = openBuy(1, 100, 3);
        TestEvents.timer(e, 2);
        final int i = TestEvents.propose(e, 0, Side.BUY, 100, 1);
        e.journalFailed = true;
        final int sentBefore = stages.gateway.callCount();
        stages.run(e);
        assertEquals(RiskReason.JOURNAL_FAILED, TestEvents.decisions(e).reason[i]);
        assertEntered(TradingMode.SAFE, RiskReason.JOURNAL_FAILED);
        assertEquals(sentBefore, stages.gateway.callCount());
        stages.run(TestEvents.timer(e, 3));
        assertEquals(List.of(open), stages.gateway.cancels);
    }

    @Test
    void shouldLeaveSafeOnlyOnAnOperatorResume() {
        qt().withExamples(100).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60))
            .checkAssert(ops -> {
                final StagePair s = new StagePair(RiskLimits.defaults(), DRAWDOWN, SAFE, OrderManagerConfig.defaults());
                final EngineEvent ev = new EngineEvent();
                s.run(TestEvents.fair(TestEvents.book(ev, 0, 0, 99, 101), 0, 100.0));
                s.run(TestEvents.control(ev, 1, ControlCode.SAFE));
                long t = 2;
                for (final int x : ops) {
                    t += (x >>> 4) % (20 * SECOND);
                    switch (x % 6) {
                        case 0 -> TestEvents.timer(ev, t);
                        case 1 -> TestEvents.fair(TestEvents.book(ev, t, 0, 95 + x % 10, 105 + x % 10), 0, 100.0);
                        case 2 -> TestEvents.control(ev, t, x % 4 == 2 ? ControlCode.SAFE : ControlCode.NONE);
                        case 3 -> TestEvents.positionReport(ev, t, 0, 0);
                        case 4 -> TestEvents.fill(ev, t, 1 + x % 5, 1, 100, 0);
                        default -> TestEvents.ack(ev, t, 1 + x % 5);
                    }
                    TestEvents.propose(ev, 0, Side.BUY, 100, 1);
                    s.run(ev);
                    assertEquals(TradingMode.SAFE, s.risk.mode());
                    assertEquals(Decisions.STATUS_REJECTED, TestEvents.decisions(ev).status[0]);
                }
                s.run(TestEvents.resume(ev, t + 1));
                assertEquals(TradingMode.NORMAL, s.risk.mode());
            });
    }

    @Test
    void shouldRestartTheDrawdownPeakOnResume() {
        book(0, 99, 101);
        longPosition(1, 20);
        book(10, 94, 96);
        assertEquals(TradingMode.SAFE, stages.risk.mode());
        stages.run(TestEvents.resume(e, 11));
        assertEntered(TradingMode.NORMAL, RiskReason.OPERATOR_RESUME);
        stages.run(TestEvents.timer(e, 12));
        assertEquals(TradingMode.NORMAL, stages.risk.mode());
    }

    @Test
    void shouldStayHaltedAfterHaltAndNeverFlatten() {
        book(0, 99, 101);
        longPosition(1, 5);
        final long open = openBuy(5, 100, 3);
        stages.run(TestEvents.control(e, 6, ControlCode.HALT));
        assertEntered(TradingMode.HALTED, RiskReason.OPERATOR_HALT);
        assertEquals(List.of(open), stages.gateway.cancels);
        stages.run(TestEvents.cancelled(e, 7, open));
        stages.run(TestEvents.resume(e, 8));
        assertEquals(TradingMode.HALTED, stages.risk.mode());
        final int i = proposeOne(9);
        assertEquals(RiskReason.HALTED, TestEvents.decisions(e).reason[i]);
        assertEquals(2, stages.gateway.orders.size());
    }

    @Test
    void shouldFlattenOnlyOnceCancelsAreConfirmedAndInsideTheBands() {
        book(0, 99, 101);
        longPosition(1, 20);
        longPosition(3, 10);
        final long open = openBuy(5, 95, 3);
        stages.run(TestEvents.control(e, 6, ControlCode.SAFE));
        assertEquals(List.of(open), stages.gateway.cancels);
        final int sent = stages.gateway.orders.size();
        stages.run(TestEvents.timer(e, 7));
        assertEquals(sent, stages.gateway.orders.size());
        stages.run(TestEvents.cancelled(e, 8, open));
        final RecordingOrderGateway.Sent first = stages.gateway.orders.get(sent);
        assertEquals(Side.SELL, first.side());
        assertEquals(20, first.quantity());
        assertEquals(97, first.priceTicks());
        stages.run(TestEvents.fill(e, 9, first.clientOrderId(), 20, 99, 0));
        final RecordingOrderGateway.Sent second = stages.gateway.orders.get(sent + 1);
        assertEquals(10, second.quantity());
        assertEquals(97, second.priceTicks());
        assertEquals(sent + 2, stages.gateway.orders.size());
    }

    @Test
    void shouldFlattenIntoAShockedBookWhateverTheStrategysFairValueBand() {
        // Fair value 100 with a 50-tick strategy band, the market shocked to 40/42: the flattening
        // order sells 2 ticks through the touch, inside the 10-tick touch band.
        stages = new StagePair(StagePair.limits(100, 500, 50, 10, 20, 40, 64), DRAWDOWN, SAFE,
            OrderManagerConfig.defaults());
        book(0, 99, 101);
        longPosition(1, 10);
        stages.run(TestEvents.fair(TestEvents.book(e, 5, 0, 40, 42), 0, 100.0));
        stages.run(TestEvents.control(e, 6, ControlCode.SAFE));
        assertEquals(2, stages.gateway.orders.size());
        final RecordingOrderGateway.Sent flatten = stages.gateway.orders.get(1);
        assertEquals(Side.SELL, flatten.side());
        assertEquals(10, flatten.quantity());
        assertEquals(38, flatten.priceTicks());
        assertEquals(TimeInForce.IOC, flatten.timeInForce());
    }

    @Test
    void shouldNotFlattenFurtherFromFairValueThanTheFlatteningBandWhenOneIsSet() {
        stages = new StagePair(StagePair.limits(100, 500, 50, 10, 20, 40, 64), DRAWDOWN,
            new SafeModeConfig(10 * SECOND, true, 2, 0, 15), OrderManagerConfig.defaults());
        book(0, 99, 101);
        longPosition(1, 10);
        stages.run(TestEvents.fair(TestEvents.book(e, 5, 0, 40, 42), 0, 100.0));
        stages.run(TestEvents.control(e, 6, ControlCode.SAFE));
        assertEquals(1, stages.gateway.orders.size());
        stages.run(TestEvents.fair(TestEvents.book(e, 7, 0, 90, 92), 0, 100.0));
        final RecordingOrderGateway.Sent flatten = stages.gateway.orders.get(1);
        assertEquals(Side.SELL, flatten.side());
        assertEquals(10, flatten.quantity());
        assertEquals(88, flatten.priceTicks());
        assertThrows(IllegalArgumentException.class, () -> new SafeModeConfig(SECOND, true, 2, 0, -1));
    }

    @Test
    void shouldNotFlattenWhenFlatteningIsOff() {
        stages = new StagePair(RiskLimits.defaults(), DRAWDOWN, new SafeModeConfig(10 * SECOND, false, 2, 0),
            OrderManagerConfig.defaults());
        book(0, 99, 101);
        longPosition(1, 5);
        stages.run(TestEvents.control(e, 6, ControlCode.SAFE));
        stages.run(TestEvents.timer(e, 7));
        assertEquals(1, stages.gateway.orders.size());
        assertEquals(5, stages.book.positions().position(0));
    }

    @Test
    void shouldAcceptPositionReportsWithinTheTolerance() {
        stages = new StagePair(RiskLimits.defaults(), DRAWDOWN, new SafeModeConfig(10 * SECOND, true, 2, 1),
            OrderManagerConfig.defaults());
        book(0, 99, 101);
        longPosition(1, 5);
        stages.run(TestEvents.positionReport(e, 5, 0, 6));
        assertEquals(TradingMode.NORMAL, stages.risk.mode());
        stages.run(TestEvents.positionReport(e, 6, 0, 3));
        assertEntered(TradingMode.SAFE, RiskReason.POSITION_MISMATCH);
        assertEquals(0, modeChange()[3]);
    }

    @Test
    void shouldIgnoreInputsRejectedUpstream() {
        book(0, 99, 101);
        TestEvents.control(e, 1, ControlCode.SAFE);
        e.flags |= EngineEvent.FLAG_INPUT_REJECTED;
        stages.run(e);
        assertEquals(TradingMode.NORMAL, stages.risk.mode());
    }

    @Test
    void shouldGoFromReducingToSafeAndBackToNormalOnResume() {
        book(0, 99, 101);
        longPosition(1, 10);
        book(10, 94, 96);
        assertEquals(TradingMode.REDUCING, stages.risk.mode());
        stages.run(TestEvents.control(e, 11, ControlCode.SAFE));
        assertEntered(TradingMode.SAFE, RiskReason.OPERATOR_SAFE);
        assertEquals(TradingMode.REDUCING, modeChange()[2]);
        stages.run(TestEvents.resume(e, 12));
        assertEntered(TradingMode.NORMAL, RiskReason.OPERATOR_RESUME);
    }
}
