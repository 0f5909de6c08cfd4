package io.skytrade.core.risk;

import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;
import io.skytrade.core.order.OrderManagerConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreTradeRiskCheckTest {
    private static final long SECOND = 1_000_000_000L;

    private final EngineEvent e = new EngineEvent();
    private StagePair stages = StagePair.defaults();

    private void use(final RiskLimits limits) {
        stages = new StagePair(limits, DrawdownLimits.defaults(), SafeModeConfig.defaults(), OrderManagerConfig.defaults());
    }

    private static RiskLimits limits(final long maxPosition, final long maxGross, final int ordersPerSecond,
                                     final int cancelsPerSecond, final int maxOpen) {
        return StagePair.limits(maxPosition, maxGross, 50, 10, ordersPerSecond, cancelsPerSecond, maxOpen);
    }

    private void market(final int instrument, final long t) {
        stages.run(TestEvents.fair(TestEvents.book(e, t, instrument, 99, 101), instrument, 100.0, 10.0));
    }

    /** Proposes one intent on a timer event and returns its index. */
    private int propose(final long t, final int instrument, final int side, final long price, final long qty) {
        TestEvents.timer(e, t);
        final int i = TestEvents.propose(e, instrument, side, price, qty);
        stages.run(e);
        return i;
    }

    private void assertApproved(final int i, final String why) {
        assertEquals(Decisions.STATUS_APPROVED, TestEvents.decisions(e).status[i], () -> why + ": " + RiskReason.name(TestEvents.decisions(e).reason[i]));
    }

    private void assertApproved(final int i) {
        assertEquals(Decisions.STATUS_APPROVED, TestEvents.decisions(e).status[i], () -> RiskReason.name(TestEvents.decisions(e).reason[i]));
    }

    private void assertRejected(final int i, final int reason) {
        assertEquals(Decisions.STATUS_REJECTED, TestEvents.decisions(e).status[i]);
        assertEquals(RiskReason.name(reason), RiskReason.name(TestEvents.decisions(e).reason[i]));
    }

    @Test
    void shouldApproveAnOrderInsideEveryLimitAndSendItWithAnId() {
        market(0, 0);
        final int i = propose(1, 0, Side.BUY, 100, 5);
        assertApproved(i);
        assertEquals(1, TestEvents.decisions(e).clientOrderId[i]);
        assertEquals(1, stages.gateway.orders.size());
        assertEquals(1, stages.gateway.orders.get(0).clientOrderId());
        assertEquals(5, stages.book.orders().openBuyQty(0));
    }

    @Test
    void shouldRejectAnOversizedOrder() {
        market(0, 0);
        assertRejected(propose(1, 0, Side.BUY, 100, 21), RiskReason.MAX_ORDER_SIZE);
        assertEquals(0, stages.gateway.orders.size());
    }

    @Test
    void shouldRejectMalformedIntents() {
        market(0, 0);
        assertRejected(propose(1, 0, Side.NONE, 100, 1), RiskReason.INVALID_INTENT);
        assertRejected(propose(1, 0, Side.BUY, 0, 1), RiskReason.INVALID_INTENT);
        assertRejected(propose(1, 40, Side.BUY, 100, 1), RiskReason.INVALID_INTENT);
        assertRejected(propose(1, 0, Side.BUY, 100, -3), RiskReason.INVALID_INTENT);
    }

    @Test
    void shouldCountOpenOrdersTowardsThePositionLimit() {
        market(0, 0);
        for (int k = 0; k < 5; k++) {
            assertApproved(propose(1, 0, Side.BUY, 100, 20));
        }
        assertRejected(propose(2, 0, Side.BUY, 100, 1), RiskReason.POSITION_LIMIT);
        assertApproved(propose(3, 0, Side.SELL, 100, 20));
    }

    @Test
    void shouldLimitGrossExposureCountingOpenOrders() {
        use(limits(100, 150, 100, 100, 64));
        market(0, 0);
        market(1, 0);
        for (int k = 0; k < 5; k++) {
            assertApproved(propose(1, 0, Side.BUY, 100, 20));
        }
        assertApproved(propose(2, 1, Side.SELL, 100, 20));
        assertApproved(propose(2, 1, Side.SELL, 100, 20));
        assertRejected(propose(2, 1, Side.SELL, 100, 20), RiskReason.GROSS_EXPOSURE);
        assertApproved(propose(2, 1, Side.SELL, 100, 10));
        assertEquals(150 * 100.0, stages.risk.grossExposure(), 1e-9, "150 lots at a fair value of 100");
    }

    @Test
    void shouldMeasureTheFairValueBandInStandardDeviationsWithAFloorInTicks() {
        market(0, 0);
        assertRejected(propose(1, 0, Side.BUY, 59, 1), RiskReason.FAIR_VALUE_BAND);
        assertApproved(propose(1, 0, Side.BUY, 60, 1));
        stages.run(TestEvents.fair(TestEvents.timer(e, 2), 0, 100.0, 2.0));
        assertRejected(propose(3, 0, Side.BUY, 79, 1), RiskReason.FAIR_VALUE_BAND);
        assertApproved(propose(3, 0, Side.BUY, 80, 1), "4 x 2 = 8 ticks is below the 20-tick floor");
    }

    @Test
    void shouldLimitOneProductsExposureToItsShareOfCapital() {
        use(new RiskLimits(100, 0.05, 0.8, 20, 4.0, 20, 10, 100, SECOND, 100, SECOND, 64));
        market(0, 0);
        assertApproved(propose(1, 0, Side.BUY, 100, 20));
        assertApproved(propose(1, 0, Side.BUY, 100, 20));
        assertRejected(propose(1, 0, Side.BUY, 100, 20), RiskReason.POSITION_LIMIT);
        assertApproved(propose(1, 0, Side.BUY, 100, 10), "50 lots at 100 is 5% of 100,000");
    }

    @Test
    void shouldRejectPricesOutsideTheFairValueBand() {
        use(limits(100, 500, 20, 40, 64));
        market(0, 0);
        assertRejected(propose(1, 0, Side.BUY, 49, 1), RiskReason.FAIR_VALUE_BAND);
        assertRejected(propose(1, 0, Side.SELL, 151, 1), RiskReason.FAIR_VALUE_BAND);
        assertApproved(propose(1, 0, Side.BUY, 50, 1));
    }

    @Test
    void shouldUseTheEventsFairValueWhenTouchedAndTheLastOneOtherwise() {
        use(limits(100, 500, 20, 40, 64));
        market(0, 0);
        TestEvents.fair(TestEvents.timer(e, 1), 0, 140.0);
        int i = TestEvents.propose(e, 0, Side.SELL, 180, 1);
        stages.run(e);
        assertApproved(i);
        i = propose(2, 0, Side.BUY, 89, 1);
        assertRejected(i, RiskReason.FAIR_VALUE_BAND);
        assertApproved(propose(2, 0, Side.BUY, 95, 1));
    }

    @Test
    void shouldRejectWithoutFairValueOrMarketData() {
        stages.run(TestEvents.book(e, 0, 2, 99, 101));
        assertRejected(propose(1, 2, Side.BUY, 100, 1), RiskReason.NO_FAIR_VALUE);
        stages.run(TestEvents.fair(TestEvents.timer(e, 1), 3, 100.0));
        assertRejected(propose(1, 3, Side.BUY, 100, 1), RiskReason.NO_MARKET_DATA);
    }

    @Test
    void shouldRejectFatFingerPricesThroughTheTouch() {
        market(0, 0);
        assertRejected(propose(1, 0, Side.BUY, 112, 1), RiskReason.TOUCH_BAND);
        assertApproved(propose(1, 0, Side.BUY, 111, 1));
        assertRejected(propose(1, 0, Side.SELL, 88, 1), RiskReason.TOUCH_BAND);
        assertApproved(propose(1, 0, Side.SELL, 89, 1));
    }

    @Test
    void shouldKeepTheLastTouchPerInstrument() {
        market(0, 0);
        stages.run(TestEvents.book(e, 1, 0, 120, 122));
        assertApproved(propose(2, 0, Side.BUY, 130, 1));
        stages.run(TestEvents.book(e, 3, 1, 10, 12));
        assertApproved(propose(4, 0, Side.BUY, 130, 1));
    }

    @Test
    void shouldLimitTheOrderRateInEventTime() {
        use(limits(100, 500, 3, 40, 64));
        market(0, 0);
        for (int k = 0; k < 3; k++) {
            assertApproved(propose(10, 0, Side.BUY, 100, 1));
        }
        assertRejected(propose(SECOND / 2, 0, Side.BUY, 100, 1), RiskReason.ORDER_RATE);
        assertApproved(propose(SECOND + 10, 0, Side.BUY, 100, 1));
    }

    @Test
    void shouldLimitTheCancelRateAndRefuseUnknownOrDoubleCancels() {
        use(limits(100, 500, 20, 2, 64));
        market(0, 0);
        for (int k = 0; k < 4; k++) {
            propose(1, 0, Side.BUY, 100, 1);
        }
        final int[] reasons = new int[5];
        TestEvents.timer(e, 2);
        for (int id = 1; id <= 3; id++) {
            TestEvents.proposeCancel(e, 0, id);
        }
        TestEvents.proposeCancel(e, 0, 1);
        TestEvents.proposeCancel(e, 0, 99);
        stages.run(e);
        for (int k = 0; k < 5; k++) {
            reasons[k] = TestEvents.decisions(e).reason[k];
        }
        assertEquals(Decisions.STATUS_APPROVED, TestEvents.decisions(e).status[0]);
        assertEquals(Decisions.STATUS_APPROVED, TestEvents.decisions(e).status[1]);
        assertEquals(RiskReason.CANCEL_RATE, reasons[2]);
        assertEquals(RiskReason.ALREADY_CANCELLING, reasons[3]);
        assertEquals(RiskReason.UNKNOWN_ORDER, reasons[4]);
        assertEquals(2, stages.gateway.cancels.size());
    }

    @Test
    void shouldLimitOpenOrders() {
        use(limits(100, 500, 20, 40, 2));
        market(0, 0);
        assertApproved(propose(1, 0, Side.BUY, 100, 1));
        assertApproved(propose(1, 0, Side.BUY, 100, 1));
        assertRejected(propose(1, 0, Side.BUY, 100, 1), RiskReason.MAX_OPEN_ORDERS);
        stages.run(TestEvents.cancelled(e, 2, 1));
        assertApproved(propose(3, 0, Side.BUY, 100, 1));
    }

    @Test
    void shouldNameKeyValueAndExpectationInValidationErrors() {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> limits(0, 500, 20, 40, 64));
        assertEquals("risk.maxPositionLots=0: expected > 0", error.getMessage());
        final IllegalArgumentException dd = assertThrows(IllegalArgumentException.class,
            () -> new DrawdownLimits(0.5, 0.1, 0.4, 0.6, 1));
        assertEquals("drawdown.hardDrawdown=0.4: expected > drawdown.softDrawdown (0.5)", dd.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new RiskStage(new TradingBook(new OrderManagerConfig(64, 0, 1)), TestEvents.SIDE, RiskLimits.defaults(),
                DrawdownLimits.defaults(), SafeModeConfig.defaults(), StagePair.CAPITAL));
        assertEquals(100, RiskLimits.defaults().maxPositionLots());
    }
}
