package io.skytrade.bench;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live rows of {@link BusinessStagesBenchmark} measure an engine that trades: after the
 * two-day warm-up every measured input finds it NORMAL, the venue acknowledges, fills and cancels
 * its orders during the measurement, none waits for an acknowledgement past the timeout, risk
 * refuses nothing for want of open-order room or for SAFE mode, and no product's book comes at
 * the same interval as its previous one (jittered times). A cumulative row ({@code upTo} before
 * the order stage) keeps the engine as live: the later stages run untimed.
 */
class BusinessStagesBenchmarkTest {
    @ParameterizedTest
    @CsvSource({"book, orders", "timer, orders", "book, strategy"})
    void shouldMeasureALiveEngineWhoseOrdersTheVenueAnswers(final String input, final String upTo) throws Exception {
        final BusinessStagesBenchmark b = new BusinessStagesBenchmark();
        b.upTo = upTo;
        b.input = input;
        b.venue = "acking";
        b.setUp();
        final AcknowledgingVenue venue = b.venue();
        final long acks = venue.orderEvents[OrderEventKind.ACK];
        final long fills = venue.orderEvents[OrderEventKind.FILL];
        final long cancelled = venue.orderEvents[OrderEventKind.CANCELLED];
        final int operations = 20_000;
        for (int i = 0; i < operations; i++) {
            b.deliverUpToNextMeasured();
            b.stagesUpTo();
        }
        b.deliverUpToNextMeasured();
        final LiveCounters c = b.counters();
        final String what = b.describe();
        assertEquals(operations, c.measured, what);
        assertEquals(operations, c.modes[TradingMode.NORMAL], what);
        assertTrue(venue.orderEvents[OrderEventKind.ACK] - acks > 50, what);
        assertTrue(venue.orderEvents[OrderEventKind.FILL] - fills > 10, what);
        assertTrue(venue.orderEvents[OrderEventKind.CANCELLED] - cancelled > 10, what);
        assertTrue(c.intents(DecisionKind.ORDER_NEW) > 50, what);
        assertTrue(venue.newOrders > 50, what);
        assertEquals(0, b.stages().book().ackTimeouts(), what);
        assertEquals(0, c.refused(RiskReason.MAX_OPEN_ORDERS), what);
        assertEquals(0, c.refused(RiskReason.SAFE_MODE), what);
        assertTrue(b.stages().book().orders().liveCount() < 64, what);
        assertEquals("book".equals(input) ? operations : 0, c.measuredBooks, what);
        assertEquals(0, c.sameIntervalBooks, what);
    }
}
