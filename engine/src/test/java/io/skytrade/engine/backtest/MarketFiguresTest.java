package io.skytrade.engine.backtest;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.engine.backtest.report.ReportTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Per-market figures of a two-product run checked against values computed by hand (written out
 * below), and the per-market PnLs adding up to the total's on random runs.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MarketFiguresTest {
    private static final long DAY = 86_400_000_000_000L;
    private static final long HOUR = 3_600_000_000_000L;
    /** Event times start after 0 (the sampler ignores unstamped events). */
    private static final long T0 = 10 * DAY;
    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC");

    private static EngineEvent book(final long t, final int id, final long bid, final long ask) {
        final EngineEvent e = new EngineEvent();
        e.type = EventType.MARKET_BOOK;
        e.eventTimeNanos = t;
        e.instrumentId = id;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = bid;
        e.askPrices[0] = ask;
        e.bidQtys[0] = 1;
        e.askQtys[0] = 1;
        return e;
    }

    private static EngineEvent fill(final long t, final int id, final int side, final long qty, final long price, final double fee) {
        final EngineEvent e = new EngineEvent();
        e.type = EventType.ORDER_EVENT;
        e.orderEventKind = OrderEventKind.FILL;
        e.eventTimeNanos = t;
        e.instrumentId = id;
        e.side = side;
        e.fillQty = qty;
        e.fillPriceTicks = price;
        e.fee = fee;
        return e;
    }

    @Test
    void shouldMatchHandComputedFiguresPerMarket() {
        final BookedSampler booked = new BookedSampler(DAY, 3);
        final EquitySampler s = booked.sampler;
        long seq = 0;
        for (final EngineEvent e : List.of(
            book(T0, 0, 99, 101),                                   // sample 0: everything 0
            book(T0 + HOUR, 1, 49, 51),
            fill(T0 + 2 * HOUR, 0, Side.BUY, 2, 100, 1.0),          // AAA long 2 @ 100
            fill(T0 + 3 * HOUR, 1, Side.SELL, 1, 50, 0.5),          // BBB short 1 @ 50
            book(T0 + DAY, 0, 109, 111),                            // sample 1: AAA 2*(110-100)-1 = 19; BBB 0-0.5 = -0.5
            book(T0 + DAY + HOUR, 1, 39, 41),                       // BBB unrealised -1*(40-50) = 10
            fill(T0 + DAY + 2 * HOUR, 0, Side.SELL, 2, 105, 1.0),   // AAA flat: realised 10, fees 2: 8; trip +8
            book(T0 + 2 * DAY, 0, 99, 101),                         // sample 2: AAA 8; BBB 10-0.5 = 9.5
            fill(T0 + 2 * DAY + HOUR, 1, Side.BUY, 1, 45, 0.5),     // BBB flat: realised 5, fees 1: 4; trip +4
            book(T0 + 3 * DAY, 1, 44, 46))) {                       // sample 3: AAA 8, BBB 4
            booked.onEvent(e, seq++);
        }
        final List<MarketFigures> markets = MarketFigures.of(s, SYMBOLS, 1000);
        assertEquals(2, markets.size(), "CCC never traded");

        // AAA: equity 0, 19, 8, 8; returns 0.019, -0.011, 0; position 0, 2, 0, 0
        final MarketFigures a = markets.get(0);
        assertEquals("AAA", a.symbol());
        final PerformanceAnalyzer.Metrics am = a.metrics();
        final double aMean = 0.008 / 3;
        final double aVar = (sq(0.019 - aMean) + sq(-0.011 - aMean) + sq(0 - aMean)) / 2;
        assertEquals(8.0, a.finalEquity(), 1e-12);
        assertEquals(2, a.fills());
        assertEquals(0.008, am.totalReturn(), 1e-12);
        assertEquals(aMean * 365.25, am.annualisedReturn(), 1e-9);
        assertEquals(Math.sqrt(aVar * 365.25), am.annualisedVolatility(), 1e-9);
        assertEquals(aMean * 365.25 / Math.sqrt(sq(0.011) / 3 * 365.25), am.sortino(), 1e-9);
        // peak 19 on day 1, 8 on days 2 and 3: drawdown 0.011 of capital lasting 2 days
        assertEquals(0.011, am.maxDrawdown(), 1e-12);
        assertEquals(2 * DAY, am.maxDrawdownNanos());
        assertEquals(1.0, am.hitRate(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, am.profitFactor());
        // notional 2*100 + 2*105 = 410
        assertEquals(0.41, am.turnover(), 1e-12);
        assertEquals(DAY, am.averageHoldingNanos(), 1e-3);
        assertEquals(1.0 / 3, am.exposure(), 1e-12);
        assertEquals(2.0, am.fees(), 1e-12);

        // BBB: equity 0, -0.5, 9.5, 4; returns -0.0005, 0.01, -0.0055; position 0, 1, 1, 0
        final MarketFigures b = markets.get(1);
        assertEquals("BBB", b.symbol());
        final PerformanceAnalyzer.Metrics bm = b.metrics();
        final double bMean = 0.004 / 3;
        assertEquals(4.0, b.finalEquity(), 1e-12);
        assertEquals(0.004, bm.totalReturn(), 1e-12);
        assertEquals(bMean * 365.25 / Math.sqrt((sq(0.0005) + sq(0.0055)) / 3 * 365.25), bm.sortino(), 1e-9);
        // below the peak 0 on day 1 (0.0005), new peak 9.5 on day 2, 4 on day 3 (0.0055): 1 day each
        assertEquals(0.0055, bm.maxDrawdown(), 1e-12);
        assertEquals(DAY, bm.maxDrawdownNanos());
        assertEquals(bMean * 365.25 / 0.0055, bm.calmar(), 1e-9);
        // one trip from 3h to 2 days + 1h, +4 net of both fees
        assertEquals(1.0, bm.hitRate(), 1e-12);
        assertEquals(2 * DAY - 2 * HOUR, bm.averageHoldingNanos(), 1e-3);
        assertEquals(0.095, bm.turnover(), 1e-12);
        assertEquals(2.0 / 3, bm.exposure(), 1e-12);
        assertEquals(1.0, bm.fees(), 1e-12);

        // the total: equity 0, 18.5, 17.5, 12
        final PerformanceAnalyzer.Metrics total = PerformanceAnalyzer.analyse(s.times(), s.equity(), s.grossPositions(), 1000,
            s.roundTrips(), s.notional(), s.fees());
        assertEquals(0.012, total.totalReturn(), 1e-12);
        assertEquals(List.of(8.0, 4.0), s.roundTrips().stream().map(PerformanceAnalyzer.RoundTrip::pnl).toList());

        final ReportTable table = MetricsReport.marketTable(markets);
        assertEquals(List.of("AAA", "BBB"), table.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(table.columns().size(), table.rows().get(0).size());
    }

    @Test
    void shouldAddPerMarketPnlsUpToTheTotal() {
        qt().withFixedSeed(7L).withExamples(200)
            .forAll(lists().of(lists().of(integers().between(0, 1_000)).ofSize(5)).ofSizeBetween(2, 60))
            .checkAssert(steps -> {
                final BookedSampler booked = new BookedSampler(HOUR, SYMBOLS.size());
                final EquitySampler s = booked.sampler;
                long t = 0;
                long seq = 0;
                for (final List<Integer> step : steps) {
                    t += 1 + step.get(0) * (HOUR / 300);
                    final int id = step.get(1) % SYMBOLS.size();
                    final long price = 900 + step.get(2) % 200;
                    final EngineEvent e = switch (step.get(3) % 3) {
                        case 0 -> book(t, id, price - 1, price + 1);
                        case 1 -> fill(t, id, step.get(4) % 2 == 0 ? Side.BUY : Side.SELL, 1 + step.get(4) % 7, price,
                            step.get(4) % 5 * 0.25);
                        default -> {
                            final EngineEvent x = new EngineEvent();
                            x.type = EventType.SETTLEMENT;
                            x.eventTimeNanos = t;
                            x.instrumentId = id;
                            x.value = price;
                            yield step.get(4) % 4 == 0 ? x : book(t, id, price - 2, price + 2);
                        }
                    };
                    booked.onEvent(e, seq++);
                }
                final double[] equity = s.equity();
                if (equity.length < 2) {
                    return;
                }
                final double capital = 1e6;
                final double totalPnl = PerformanceAnalyzer.analyse(s.times(), equity, s.grossPositions(), capital,
                    s.roundTrips(), s.notional(), s.fees()).totalReturn() * capital;
                double sumPnl = 0;
                double sumFinal = 0;
                for (final MarketFigures m : MarketFigures.of(s, SYMBOLS, capital)) {
                    sumPnl += m.metrics().totalReturn() * capital;
                    sumFinal += m.finalEquity();
                }
                assertTrue(close(sumPnl, totalPnl), sumPnl + " vs " + totalPnl);
                assertTrue(close(sumFinal, s.positions().equity()), sumFinal + " vs " + s.positions().equity());
            });
    }

    /** Equal within 1e-9 relative (of the larger magnitude, at least one price unit). */
    private static boolean close(final double a, final double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static double sq(final double x) {
        return x * x;
    }
}
