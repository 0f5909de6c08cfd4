package io.skytrade.engine.backtest.report;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.engine.backtest.BookedSampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report reads the backtest's one position book (the equity sampler's, which sees each event
 * first, as in {@code BacktestRunner}): a position held into a settlement is closed at the
 * settlement price, so the position chart drops to zero there and the realised PnL of "Fills per
 * product" is the per-market figures'.
 */
class ReportRecorderTest {
    private static final long T0 = 1_795_600_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final BookedSampler sampler = new BookedSampler(SECOND, 2);
    private final ReportRecorder recorder = new ReportRecorder(2, ReportRecorder.DEFAULT_MAX_POINTS,
        sampler.book.positions(), new SideBuffers(1));
    private final EngineEvent e = new EngineEvent();
    private long sequence;

    @Test
    void shouldCloseTheReportedPositionAtEachSettlement() throws Exception {
        fill(T0, Side.BUY, 3, 100);
        fill(T0 + SECOND, Side.SELL, 1, 104);
        settle(T0 + 2 * SECOND, 110.0);
        fill(T0 + 3 * SECOND, Side.SELL, 2, 90);

        // 3 bought at 100, 1 sold at 104 (+4), 2 settled at 110 (+20), then a new short of 2 at 90.
        assertEquals(24.0, recorder.positions().realisedPnl(1), 1e-9);
        assertEquals(-2, recorder.positions().position(1));
        assertEquals(3, recorder.positions().boughtLots(1));
        assertEquals(3, recorder.positions().soldLots(1));
        final DownsampledSeries position = recorder.position(1);
        // The opening zero shares its time with the first fill, so that bucket keeps the fill's 3.
        final double[] expected = {3, 2, 0, -2};
        assertEquals(expected.length, position.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], position.value(i, 0), "position point " + i);
        }
    }

    @Test
    void shouldIgnoreASettlementOfAProductItDoesNotHold() throws Exception {
        settle(T0, 110.0);
        assertEquals(0, recorder.position(1).size());
        assertEquals(0.0, recorder.positions().realisedPnl(1));
    }

    private void fill(final long t, final int side, final long qty, final long price) throws Exception {
        e.clear();
        e.type = EventType.ORDER_EVENT;
        e.orderEventKind = OrderEventKind.FILL;
        e.eventTimeNanos = t;
        e.receiveTimeNanos = t;
        e.instrumentId = 1;
        e.side = side;
        e.fillQty = qty;
        e.fillPriceTicks = price;
        sampler.onEvent(e, sequence);
        recorder.onEvent(e, sequence++, true);
    }

    private void settle(final long t, final double price) throws Exception {
        e.clear();
        e.type = EventType.SETTLEMENT;
        e.eventTimeNanos = t;
        e.receiveTimeNanos = t;
        e.instrumentId = 1;
        e.value = price;
        sampler.onEvent(e, sequence);
        recorder.onEvent(e, sequence++, true);
    }
}
