package io.skytrade.core.strategy;

import io.skytrade.core.risk.TestEvents;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.RiskReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A", "B"), List.of("s"));
    private static final long SEC = 1_000_000_000L;

    /** The defaults without the warm-up, so one book event can quote, with the half-spread (0.3 std) and take threshold (1 std) the cases are worked out for. */
    private static StrategyParams params() {
        final StrategyParams d = StrategyParams.defaults();
        return new StrategyParams(d.quoteLevels(), d.quoteSize(), d.levelSpacing(), 0.3, d.halfSpreadVol(),
            d.quoteHorizonSeconds(), d.minHalfSpreadTicks(), d.inventorySkew(), d.minEdgeTicks(), d.requoteTicks(),
            d.requoteFraction(), d.minQuoteLifeNanos(), 1.0, d.takeMinTicks(), d.takeMaxLots(),
            d.takeIntervalNanos(), d.volHalfLifeSeconds(), 0, d.intentIntervalNanos(), d.microPriceWeight(),
            d.regimeSpreadScale(), d.regimeSizeScale());
    }

    private final TradingHarness h = new TradingHarness(REGISTRY, params());
    private final EngineEvent e = new EngineEvent();

    /** The current event's decisions as "KIND SIDE price xqty TIF status" lines. */
    private List<String> decisions() {
        final List<String> out = new ArrayList<>();
        final Decisions d = TestEvents.decisions(e);
        for (int i = 0; i < d.count(); i++) {
            out.add(DecisionKind.name(d.kind[i]) + " " + Side.name(d.side[i]) + " " + d.priceTicks[i] + " x" + d.quantity[i]
                + " " + TimeInForce.name(d.timeInForce[i]) + (d.status[i] == Decisions.STATUS_REJECTED
                ? " REJECTED " + RiskReason.name(d.reason[i]) : ""));
        }
        return out;
    }

    /** Acknowledges every order approved on the current event, one venue event each. */
    private void ackAll(final long t) {
        final Decisions d = TestEvents.decisions(e);
        final List<long[]> approved = new ArrayList<>();
        for (int i = 0; i < d.count(); i++) {
            if (d.kind[i] == DecisionKind.ORDER_NEW && d.status[i] == Decisions.STATUS_APPROVED) {
                approved.add(new long[] {d.clientOrderId[i], d.instrumentId[i], d.side[i], d.priceTicks[i], d.quantity[i]});
            }
        }
        for (final long[] o : approved) {
            orderEvent(e, (int) o[1], t, OrderEventKind.ACK, o[0], (int) o[2], o[3], o[4]);
            h.run(e);
        }
    }

    @Test
    void shouldWaitForEnoughValuationsBeforeQuoting() {
        final TradingHarness warm = new TradingHarness(REGISTRY, StrategyParams.defaults());
        for (int k = 1; k < StrategyParams.defaults().minValuations(); k++) {
            book(e, 0, k * SEC, 990, 1010, 5, 5, 1000, 20);
            warm.run(e);
            assertEquals(0, TestEvents.decisions(e).count(), "valuation " + k + " is too early");
        }
        book(e, 0, 100 * SEC, 990, 1010, 5, 5, 1000, 20);
        warm.run(e);
        assertEquals(4, TestEvents.decisions(e).count());
    }

    @Test
    void shouldQuoteTwoLevelsEachSideAroundFairValueOneTickInsideTheTouch() {
        book(e, 0, SEC, 990, 1010, 5, 5, 1000, 20);
        h.run(e);
        assertEquals(List.of("ORDER_NEW BUY 991 x5 GTC", "ORDER_NEW BUY 988 x5 GTC", "ORDER_NEW SELL 1009 x5 GTC",
            "ORDER_NEW SELL 1012 x5 GTC"), decisions());
        assertEquals(35, h.strategy.limit(0), "2% uncertainty: the middle confidence tier");
    }

    @Test
    void shouldNeitherCancelNorRequoteWhenOurOwnOrdersJoinTheBook() {
        book(e, 0, SEC, 990, 1010, 5, 5, 1000, 20);
        h.run(e);
        ackAll(2 * SEC);
        book(e, 0, 300 * SEC, 991, 1009, 5, 5, 1000, 20);
        levels(e, new long[] {991, 5, 990, 5, 988, 5}, new long[] {1009, 5, 1010, 5});
        h.run(e);
        assertEquals(List.of(), decisions(), "our own quotes at the touch are not a new market");
        assertEquals(990, h.strategy.bestBid(0), "the strategy sees everyone else's bid");
        assertEquals(1010, h.strategy.bestAsk(0));
        assertEquals(0.0, h.strategy.marketVariance(0), "the mid it sees has not moved");
    }

    @Test
    void shouldNeitherCancelNorRequoteWhenOurOrdersAddToLevelsOthersAlreadyQuote() {
        book(e, 0, SEC, 990, 1010, 5, 5, 1000, 20);
        levels(e, new long[] {990, 5, 988, 7}, new long[] {1010, 5, 1012, 7});
        h.run(e);
        assertEquals(List.of("ORDER_NEW BUY 991 x5 GTC", "ORDER_NEW BUY 988 x5 GTC", "ORDER_NEW SELL 1009 x5 GTC",
            "ORDER_NEW SELL 1012 x5 GTC"), decisions(), "the second levels join everyone else's 988 and 1012");
        ackAll(2 * SEC);
        book(e, 0, 300 * SEC, 991, 1009, 5, 5, 1000, 20);
        levels(e, new long[] {991, 5, 990, 5, 988, 12}, new long[] {1009, 5, 1010, 5, 1012, 12});
        h.run(e);
        assertEquals(List.of(), decisions(), "988 going from 7 to 12 lots is our own 5, not a new market");
        assertEquals(990, h.strategy.bestBid(0));
        assertEquals(1010, h.strategy.bestAsk(0));
        assertEquals(0.0, h.strategy.marketVariance(0));
    }

    @Test
    void shouldFoldTheMarketVarianceOnTheTimerAsEveryBookWouldWithOneChangePerInterval() {
        final TradingHarness everyBook = new TradingHarness(REGISTRY, params().withVarianceIntervalNanos(0));
        final TradingHarness timed = new TradingHarness(REGISTRY, params().withVarianceIntervalNanos(SEC));
        final long[] mids = {1000, 1004, 998, 1010, 1010, 990};
        double expected = 0.0;
        for (int k = 0; k < mids.length; k++) {
            final long t = (k + 1) * 15 * SEC + k * 7_919L;
            book(e, 0, t, mids[k] - 10, mids[k] + 10, 5, 5, 1000, 20);
            timed.run(e);
            assertEquals(expected, timed.strategy.marketVariance(0), "book " + k + " is decided on the last fold");
            book(e, 0, t, mids[k] - 10, mids[k] + 10, 5, 5, 1000, 20);
            everyBook.run(e);
            expected = everyBook.strategy.marketVariance(0);
            timer(e, t + SEC / 2);
            timed.run(e);
            assertEquals(expected, timed.strategy.marketVariance(0), "the fold after book " + k + " is that book's own, bit for bit");
        }
        assertTrue(expected > 0.0);
    }

    @Test
    void shouldFoldSeveralChangesOnceAsTheirSumOverTheTimeTheySpan() {
        final TradingHarness every5s = new TradingHarness(REGISTRY, params().withVarianceIntervalNanos(5 * SEC));
        book(e, 0, SEC, 990, 1010, 5, 5, 1000, 20);
        every5s.run(e);
        timer(e, SEC);
        every5s.run(e);
        assertEquals(0.0, every5s.strategy.marketVariance(0), "nothing to fold from one mid");
        book(e, 0, 3 * SEC, 994, 1014, 5, 5, 1000, 20);
        every5s.run(e);
        timer(e, 4 * SEC);
        every5s.run(e);
        final double first = 16.0 / 2.0;
        assertEquals(first, every5s.strategy.marketVariance(0), 1e-12, "(1004 - 1000)^2 over 2 s seeds the estimate");
        book(e, 0, 5 * SEC, 991, 1011, 5, 5, 1000, 20);
        every5s.run(e);
        book(e, 0, 7 * SEC, 995, 1015, 5, 5, 1000, 20);
        every5s.run(e);
        timer(e, 8 * SEC);
        every5s.run(e);
        assertEquals(first, every5s.strategy.marketVariance(0), "within 5 s of the last fold: nothing folds");
        timer(e, 9 * SEC);
        every5s.run(e);
        final double alpha = 1.0 - StrictMath.exp(-4.0 * StrictMath.log(2.0) / StrategyParams.defaults().volHalfLifeSeconds());
        assertEquals(first + alpha * ((9.0 + 16.0) / 4.0 - first), every5s.strategy.marketVariance(0), 1e-12,
            "3^2 + 4^2 over the 4 s from the mid of the last fold");
    }

    private static void timer(final EngineEvent e, final long t) {
        e.clear();
        e.type = EventType.TIMER;
        e.eventTimeNanos = t;
    }

    /** Sets the book's levels from (price, quantity) pairs, best first. */
    private static void levels(final EngineEvent e, final long[] bids, final long[] asks) {
        e.bidLevels = bids.length / 2;
        for (int l = 0; l < e.bidLevels; l++) {
            e.bidPrices[l] = bids[2 * l];
            e.bidQtys[l] = bids[2 * l + 1];
        }
        e.askLevels = asks.length / 2;
        for (int l = 0; l < e.askLevels; l++) {
            e.askPrices[l] = asks[2 * l];
            e.askQtys[l] = asks[2 * l + 1];
        }
    }

    @Test
    void shouldTakeWhenTheMarketCrossesFairValueByMoreThanItsUncertainty() {
        book(e, 0, SEC, 950, 975, 5, 3, 1000, 20);
        h.run(e);
        assertEquals("ORDER_NEW BUY 975 x3 IOC", decisions().get(0), "975 is 25 below fair value, its std is 20");
        book(e, 0, 2 * SEC, 950, 985, 5, 3, 1000, 20);
        h.run(e);
        assertTrue(decisions().stream().noneMatch(d -> d.endsWith("IOC")), "985 is within one std: no take");
    }

    @Test
    void shouldNeitherQuoteNorTakeOutsideRisksFairValueBand() {
        book(e, 0, SEC, 900, 950, 5, 5, 1000, 2);
        h.run(e);
        assertEquals(List.of("ORDER_NEW SELL 1002 x5 GTC", "ORDER_NEW SELL 1003 x5 GTC"), decisions(),
            "the market is 50 ticks below a fair value of 1000 +- 2: beyond the 20-tick band, no bid and no take");
    }

    @Test
    void shouldCancelAtOnceAnOrderThatNoLongerKeepsItsEdgeButMoveOthersOnlyAfterTheirLife() {
        book(e, 0, SEC, 990, 1010, 5, 5, 1000, 20);
        h.run(e);
        ackAll(2 * SEC);
        book(e, 0, 3 * SEC, 970, 990, 5, 5, 980, 20);
        h.run(e);
        assertEquals(List.of("ORDER_CANCEL BUY 991 x5 GTC", "ORDER_CANCEL BUY 988 x5 GTC"), decisions(),
            "bids above the new fair value go at once; asks still keep their edge and are young, so they stay and nothing"
                + " is added beside them");
        book(e, 0, 20 * SEC, 970, 990, 5, 5, 980, 20);
        h.run(e);
        assertEquals(List.of("ORDER_CANCEL SELL 1009 x5 GTC", "ORDER_CANCEL SELL 1012 x5 GTC"), decisions(),
            "after their minimum life the asks follow the fair value down; the bids' cancels are still pending");
    }

    @Test
    void shouldSkewTowardsReducingAPosition() {
        book(e, 0, SEC, 995, 1005, 5, 5, 1000, 20);
        h.run(e);
        final long bid = TestEvents.decisions(e).clientOrderId[0];
        assertEquals("ORDER_NEW BUY 994 x5 GTC", decisions().get(0));
        ackAll(2 * SEC);
        orderEvent(e, 0, 3 * SEC, OrderEventKind.FILL, bid, Side.BUY, 994, 0);
        e.fillQty = 5;
        e.fillPriceTicks = 994;
        h.run(e);
        assertEquals(5, h.book.position(0));
        final List<String> after = decisions();
        assertTrue(after.contains("ORDER_NEW BUY 993 x4 GTC"), "the filled level comes back lower and smaller: " + after);
    }

    @Test
    void shouldStopAtSettlementAndWaitForTheNextValuation() {
        book(e, 0, SEC, 990, 1010, 5, 5, 1000, 20);
        h.run(e);
        e.clear();
        e.type = EventType.SETTLEMENT;
        e.instrumentId = 0;
        e.eventTimeNanos = 4 * SEC;
        e.value = 1005;
        TestEvents.SIDE.setValuation(e, 0, 1005, 0, 1005, 0, Double.NaN, Double.NaN, 1.0);
        h.run(e);
        assertEquals(0, TestEvents.decisions(e).count());
        book(e, 0, 70 * SEC, 990, 1010, 5, 5, 1000, 20);
        e.touchedInstruments = 0;
        h.run(e);
        assertEquals(0, TestEvents.decisions(e).count(), "no fair value for the new session yet");
    }

    @Test
    void shouldFlagUnknownInstrumentAndDoNothing() {
        book(e, 5, SEC, 1000, 1002, 5, 5, 1200, 50);
        e.instrumentId = 5;
        h.strategy.onEvent(e, 0, true);
        assertEquals(0, TestEvents.decisions(e).count());
        assertEquals(EngineEvent.FLAG_INPUT_REJECTED, e.flags & EngineEvent.FLAG_INPUT_REJECTED);
    }

    static void book(final EngineEvent e, final int id, final long t, final long bid, final long ask, final long bq,
                     final long aq, final double fair, final double std) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = id;
        e.eventTimeNanos = t;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = bid;
        e.askPrices[0] = ask;
        e.bidQtys[0] = bq;
        e.askQtys[0] = aq;
        if (id >= 0 && id < EngineEvent.MAX_INSTRUMENTS) {
            TestEvents.SIDE.setValuation(e, id, fair, std, fair, std, Double.NaN, Double.NaN, 1.0);
        }
    }

    static void orderEvent(final EngineEvent e, final int id, final long t, final int kind, final long clOrdId,
                           final int side, final long price, final long leaves) {
        e.clear();
        e.type = EventType.ORDER_EVENT;
        e.instrumentId = id;
        e.eventTimeNanos = t;
        e.orderEventKind = kind;
        e.clientOrderId = clOrdId;
        e.side = side;
        e.priceTicks = price;
        e.quantity = leaves;
        e.leavesQty = leaves;
    }
}
