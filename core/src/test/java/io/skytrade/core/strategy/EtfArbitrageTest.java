package io.skytrade.core.strategy;

import io.skytrade.core.book.TradingBook;
import io.skytrade.core.risk.RiskLimits;
import io.skytrade.core.risk.TestEvents;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.order.OrderPurpose;
import io.skytrade.core.registry.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EtfArbitrageTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("TIDE", "WX", "LHR", "ETF"), List.of("s"));
    private static final long SEC = 1_000_000_000L;
    private static final int ETF = 3;

    private final TradingHarness h = new TradingHarness(REGISTRY, params(), ArbitrageParams.defaults(), ETF, 0, 1, 2);
    private final EngineEvent e = new EngineEvent();

    /** Defaults without the warm-up and without takes, so only the arbitrage crosses spreads. */
    private static StrategyParams params() {
        final StrategyParams d = StrategyParams.defaults();
        return new StrategyParams(d.quoteLevels(), d.quoteSize(), d.levelSpacing(), d.halfSpreadStd(), d.halfSpreadVol(),
            d.quoteHorizonSeconds(), d.minHalfSpreadTicks(), d.inventorySkew(), d.minEdgeTicks(), d.requoteTicks(),
            d.requoteFraction(), d.minQuoteLifeNanos(), d.takeStd(), d.takeMinTicks(), 0, d.takeIntervalNanos(),
            d.volHalfLifeSeconds(), 0, d.intentIntervalNanos(), d.microPriceWeight(), d.regimeSpreadScale(),
            d.regimeSizeScale());
    }

    /** IOC orders of the current event, approved, as "instrument SIDE price xqty purpose-id". */
    private List<long[]> iocs() {
        final List<long[]> out = new ArrayList<>();
        final Decisions d = TestEvents.decisions(e);
        for (int i = 0; i < d.count(); i++) {
            if (d.kind[i] == DecisionKind.ORDER_NEW && d.timeInForce[i] == TimeInForce.IOC) {
                assertEquals(Decisions.STATUS_APPROVED, d.status[i], "reason " + d.reason[i]);
                out.add(new long[] {d.instrumentId[i], d.side[i], d.priceTicks[i], d.quantity[i], d.purpose[i], d.clientOrderId[i]});
            }
        }
        return out;
    }

    private void books(final long t, final long etfBid, final long etfAsk) {
        books(h, t, 995, 20, etfBid, etfAsk);
    }

    /** The three legs' books (TIDE's fair value and std given) and then the ETF's, each run through {@code harness}. */
    private void books(final TradingHarness harness, final long t, final double tideFair, final double tideStd,
                       final long etfBid, final long etfAsk) {
        StrategyHandlerTest.book(e, 0, t, 990, 1000, 5, 5, tideFair, tideStd);
        harness.run(e);
        StrategyHandlerTest.book(e, 1, t, 1990, 2000, 5, 3, 1995, 20);
        harness.run(e);
        StrategyHandlerTest.book(e, 2, t, 2990, 3000, 5, 5, 2995, 20);
        harness.run(e);
        StrategyHandlerTest.book(e, ETF, t, etfBid, etfAsk, 8, 8, 5985, 60);
        harness.run(e);
    }

    private void fill(final long t, final long[] order, final long qty) {
        StrategyHandlerTest.orderEvent(e, (int) order[0], t, OrderEventKind.FILL, order[5], (int) order[1], order[2], 0);
        e.fillQty = qty;
        e.fillPriceTicks = order[2];
        h.run(e);
    }

    @Test
    void shouldSellTheRichEtfThenHedgeOnlyWhatFilledLegByLeg() {
        books(SEC, 6030, 6060);
        final List<long[]> entry = iocs();
        assertEquals(1, entry.size());
        assertEquals(List.of((long) ETF, (long) Side.SELL, 6030L, 3L, (long) OrderPurpose.ARBITRAGE),
            List.of(entry.get(0)[0], entry.get(0)[1], entry.get(0)[2], entry.get(0)[3], entry.get(0)[4]),
            "the ETF bid is 30 above the legs' asks (6,000); 3 lots, the thinnest leg's ask");
        fill(2 * SEC, entry.get(0), 2);
        assertEquals(-2, h.book.purposePosition(OrderPurpose.ARBITRAGE, ETF));
        final List<long[]> hedges = iocs();
        assertEquals(3, hedges.size(), "one hedge per leg for the 2 lots that filled");
        for (final long[] hedge : hedges) {
            assertEquals(Side.BUY, hedge[1]);
            assertEquals(2, hedge[3]);
            assertEquals(OrderPurpose.HEDGE, hedge[4]);
        }
        assertEquals(1005, hedges.get(0)[2], "through the leg's ask by the hedge slippage");
        fill(3 * SEC, hedges.get(0), 2);
        fill(3 * SEC, hedges.get(2), 2);
        fill(3 * SEC, hedges.get(1), 1);
        assertEquals(2, h.book.purposePosition(OrderPurpose.HEDGE, 0));
        assertEquals(1, h.book.purposePosition(OrderPurpose.HEDGE, 1), "the leg risk is visible in the book");
        StrategyHandlerTest.orderEvent(e, 1, 3 * SEC, OrderEventKind.CANCELLED, hedges.get(1)[5], Side.BUY, 2005, 0);
        h.run(e);
        assertEquals(0, iocs().size(), "one hedge per leg and interval (2 s)");
        StrategyHandlerTest.orderEvent(e, 1, 5 * SEC, OrderEventKind.CANCELLED, 999, Side.BUY, 2005, 0);
        h.run(e);
        final List<long[]> retry = iocs();
        assertEquals(1, retry.size(), "the short leg is hedged again, and nothing else: no entry while a leg is unhedged");
        assertEquals(List.of(1L, (long) Side.BUY, 1L, (long) OrderPurpose.HEDGE),
            List.of(retry.get(0)[0], retry.get(0)[1], retry.get(0)[3], retry.get(0)[4]));
    }

    @Test
    void shouldEnterAgainOnAnotherProductsBookOnceTheEntryIntervalHasPassed() {
        final InstrumentRegistry five = InstrumentRegistry.of(List.of("TIDE", "WX", "LHR", "ETF", "OTHER"), List.of("s"));
        final TradingHarness h5 = new TradingHarness(five, params(), ArbitrageParams.defaults(), ETF, 0, 1, 2);
        books(h5, SEC, 995, 20, 6030, 6060);
        final List<long[]> entry = iocs();
        assertEquals(1, entry.size());
        StrategyHandlerTest.orderEvent(e, ETF, SEC + SEC / 2, OrderEventKind.CANCELLED, entry.get(0)[5], Side.SELL, 6030, 0);
        h5.run(e);
        assertEquals(0, iocs().size(), "nothing filled, but one entry per interval (2 s)");
        // OTHER has no fair value: its books move nothing the arbitrage reads and open no quote
        StrategyHandlerTest.book(e, 4, 2 * SEC + SEC / 2, 500, 510, 5, 5, Double.NaN, Double.NaN);
        h5.run(e);
        assertEquals(0, iocs().size(), "still inside the interval");
        StrategyHandlerTest.book(e, 4, 3 * SEC + SEC / 2, 500, 510, 5, 5, Double.NaN, Double.NaN);
        h5.run(e);
        final List<long[]> again = iocs();
        assertEquals(1, again.size(), "the interval's end is a time gate: the next input that runs the arbitrage enters");
        assertEquals(List.of((long) ETF, (long) Side.SELL, 6030L, (long) OrderPurpose.ARBITRAGE),
            List.of(again.get(0)[0], again.get(0)[1], again.get(0)[2], again.get(0)[4]));
    }

    @Test
    void shouldNotEnterWhenALegsHedgeWouldLieOutsideRisksBand() {
        books(h, SEC, 1100, 5, 6030, 6060);
        assertEquals(0, iocs().size(), "TIDE's ask of 1000 is 100 below its fair value 1100 +- 5: outside the 20-tick band");
    }

    @Test
    void shouldScratchTheEtfALegCannotHedge() {
        books(SEC, 6030, 6060);
        fill(2 * SEC, iocs().get(0), 3);
        final List<long[]> hedges = iocs();
        fill(3 * SEC, hedges.get(0), 3);
        fill(3 * SEC, hedges.get(2), 3);
        StrategyHandlerTest.orderEvent(e, 1, 3 * SEC, OrderEventKind.CANCELLED, hedges.get(1)[5], Side.BUY, 2005, 0);
        h.run(e);
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = 1;
        e.eventTimeNanos = 4 * SEC;
        h.run(e);
        assertEquals(0, iocs().size(), "the WX leg has no ask to hedge against");
        StrategyHandlerTest.book(e, ETF, 70 * SEC, 6030, 6060, 8, 8, 5985, 60);
        e.bidLevels = 1;
        h.run(e);
        final List<long[]> scratch = iocs();
        assertEquals(1, scratch.size());
        assertEquals(List.of((long) ETF, (long) Side.BUY, 6065L, 3L, (long) OrderPurpose.ARBITRAGE),
            List.of(scratch.get(0)[0], scratch.get(0)[1], scratch.get(0)[2], scratch.get(0)[3], scratch.get(0)[4]),
            "after a minute the 3 ETF lots WX never hedged are bought back");
    }

    @Test
    void shouldRunOnlyAfterInputsMovingTheEtfOrALegAndOnTimersWhenAskedTo() {
        final EtfArbitrage every = arbitrage(ArbitrageParams.defaults(), ETF);
        final EtfArbitrage onMoves = arbitrage(ArbitrageParams.defaults().withOnMoves(true), ETF);
        final long other = 1L << 5;
        assertTrue(every.runsAfter(other, EventType.MARKET_BOOK), "before session 8: after anything moved");
        assertFalse(every.runsAfter(0, EventType.TIMER), "and not when nothing moved");
        assertFalse(onMoves.runsAfter(other, EventType.MARKET_BOOK), "a product that is neither the ETF nor a leg");
        for (final int moved : new int[] {0, 1, 2, ETF}) {
            assertTrue(onMoves.runsAfter(other | 1L << moved, EventType.ORDER_EVENT), "moved " + moved);
        }
        assertTrue(onMoves.runsAfter(0, EventType.TIMER), "the timer carries its time-driven hedges and scratches");
        assertFalse(arbitrage(ArbitrageParams.defaults().withOnMoves(true), -1).runsAfter(-1L, EventType.TIMER), "off");
    }

    private static EtfArbitrage arbitrage(final ArbitrageParams params, final int etf) {
        return new EtfArbitrage(TradingBook.withDefaults(), TestEvents.SIDE, params, etf, new int[] {0, 1, 2},
            RiskLimits.defaults());
    }
}
