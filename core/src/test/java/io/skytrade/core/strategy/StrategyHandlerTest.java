package io.skytrade.core.strategy;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.RiskReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StrategyHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A", "B"), List.of("s"));
    private static final long SEC = 1_000_000_000L;

    /** The defaults without the warm-up, so one book event can trade. */
    private static StrategyParams params() {
        final StrategyParams d = StrategyParams.defaults();
        return new StrategyParams(d.entryThresholds(), d.aggressiveness(), d.exitThreshold(),
            d.imbalanceLevels(), d.imbalanceDecay(), d.imbalanceWeight(), d.crossThreshold(), d.maxTiltTicks(),
            d.minEdgeTicks(), d.repriceTicks(), d.repriceSpreadFraction(), d.minQuoteLifeNanos(), 0,
            d.pendingTimeoutNanos());
    }

    private final TradingHarness h = new TradingHarness(REGISTRY, params());
    private final EngineEvent e = new EngineEvent();

    /** The approved new order of the current event, or fails. */
    private long approvedNew() {
        final Decisions d = e.decisions;
        for (int i = 0; i < d.count(); i++) {
            if (d.kind[i] == DecisionKind.ORDER_NEW) {
                assertEquals(Decisions.STATUS_APPROVED, d.status[i], () -> RiskReason.name(d.reason[0]));
                return d.clientOrderId[i];
            }
        }
        throw new AssertionError("no new order on this event");
    }

    @Test
    void shouldWaitForEnoughValuationsBeforeTrading() {
        final TradingHarness warm = new TradingHarness(REGISTRY, StrategyParams.defaults());
        for (int k = 1; k < StrategyParams.defaults().minValuations(); k++) {
            book(e, 0, k * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
            warm.run(e);
            assertEquals(0, e.decisions.count(), "valuation " + k + " is too early");
        }
        book(e, 0, 100 * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        warm.run(e);
        assertEquals(DecisionKind.ORDER_NEW, e.decisions.kind[0]);
    }

    @Test
    void shouldProposeBuyWaitForAckThenCancelWhenSignalFlips() {
        book(e, 1, SEC, 1000, 1002, 20, 5, 0.9, 1200, 50);
        h.runWithoutRisk(e);
        final Decisions d = e.decisions;
        assertEquals(1, d.count());
        assertEquals(DecisionKind.ORDER_NEW, d.kind[0]);
        assertEquals(Decisions.STATUS_PROPOSED, d.status[0]);
        assertEquals(Side.BUY, d.side[0]);
        assertEquals(1, d.instrumentId[0]);
        assertEquals(0, d.clientOrderId[0]);
        assertEquals(10, d.quantity[0]);
        assertEquals(1002, d.priceTicks[0], "strong signal plus bid-heavy book crosses the spread");
        h.risk.onEvent(e, e.sequence, true);
        final long id = approvedNew();

        book(e, 1, 2 * SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(0, e.decisions.count(), "intent pending");

        orderEvent(e, 1, 3 * SEC, OrderEventKind.ACK, id, Side.BUY, 1002, 10);
        h.run(e);
        assertEquals(0, e.decisions.count(), "working order still right");

        book(e, 1, 4 * SEC, 1000, 1003, 5, 5, -0.9, 800, 50);
        h.run(e);
        assertEquals(1, e.decisions.count());
        assertEquals(DecisionKind.ORDER_CANCEL, e.decisions.kind[0]);
        assertEquals(id, e.decisions.clientOrderId[0]);

        orderEvent(e, 1, 5 * SEC, OrderEventKind.CANCELLED, id, Side.BUY, 1002, 0);
        h.run(e);
        assertEquals(1, e.decisions.count());
        assertEquals(Side.SELL, e.decisions.side[0]);
        assertEquals(1003, e.decisions.priceTicks[0], "balanced book: the sell joins the ask passively");
    }

    @Test
    void shouldRetryAfterPendingTimeoutAndReadFillsFromTheBook() {
        book(e, 0, SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.runWithoutRisk(e);
        assertEquals(1, e.decisions.count());
        book(e, 0, 30 * SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.runWithoutRisk(e);
        assertEquals(0, e.decisions.count(), "intent pending");
        book(e, 0, 62 * SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(1, e.decisions.count(), "the first intent never reached the book: retry after the timeout");
        final long id = approvedNew();
        orderEvent(e, 0, 63 * SEC, OrderEventKind.ACK, id, Side.BUY, 1002, 10);
        h.run(e);
        fill(e, 0, 64 * SEC, id, 10, 1002);
        h.run(e);
        assertEquals(10, h.book.position(0));
    }

    @Test
    void shouldRepriceOnlyAfterTheMinimumLifeAndByMoreThanHalfTheSpread() {
        book(e, 0, SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(DecisionKind.ORDER_NEW, e.decisions.kind[0]);
        assertEquals(1000, e.decisions.priceTicks[0], "passive: joins the bid");
        final long id = approvedNew();
        orderEvent(e, 0, 2 * SEC, OrderEventKind.ACK, id, Side.BUY, 1000, 10);
        h.run(e);
        book(e, 0, 3 * SEC, 1030, 1070, 5, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(0, e.decisions.count(), "a young order is not repriced");
        book(e, 0, 200 * SEC, 1010, 1050, 5, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(0, e.decisions.count(), "10 ticks is less than half the 40-tick spread");
        book(e, 0, 201 * SEC, 1030, 1070, 5, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(1, e.decisions.count());
        assertEquals(DecisionKind.ORDER_CANCEL, e.decisions.kind[0]);
        assertEquals(id, e.decisions.clientOrderId[0]);
    }

    @Test
    void shouldNotRepriceWhenOurOwnOrderImprovesTheBid() {
        book(e, 0, SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.run(e);
        final long id = approvedNew();
        assertEquals(1000, e.decisions.priceTicks[0]);
        orderEvent(e, 0, 2 * SEC, OrderEventKind.ACK, id, Side.BUY, 1000, 10);
        h.run(e);
        book(e, 0, 300 * SEC, 1000, 1040, 15, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(0, e.decisions.count(), "our 10 lots at the bid are not a bid-heavy book");
        assertEquals(0.0, h.strategy.imbalance(0), 1e-12, "the strategy sees 5 against 5");
    }

    @Test
    void shouldCancelAtOnceWhenTheEdgeIsGoneButHoldInTheHoldBand() {
        book(e, 0, SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.run(e);
        final long id = approvedNew();
        orderEvent(e, 0, 2 * SEC, OrderEventKind.ACK, id, Side.BUY, 1000, 10);
        h.run(e);
        book(e, 0, 3 * SEC, 1000, 1040, 15, 5, 0.2, 1200, 50);
        h.run(e);
        assertEquals(0, e.decisions.count(), "hold band: the working order stays");
        book(e, 0, 4 * SEC, 1000, 1040, 15, 5, 0.9, 1001, 50);
        h.run(e);
        assertEquals(1, e.decisions.count(), "a buy at 1000 no longer keeps 2 ticks of edge below 1001");
        assertEquals(DecisionKind.ORDER_CANCEL, e.decisions.kind[0]);
    }

    @Test
    void shouldFlattenAtSettlementAndWaitForTheNextValuation() {
        book(e, 0, SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.run(e);
        final long id = approvedNew();
        orderEvent(e, 0, 2 * SEC, OrderEventKind.ACK, id, Side.BUY, 1000, 10);
        h.run(e);
        fill(e, 0, 3 * SEC, id, 10, 1000);
        h.runWithoutRisk(e);
        assertEquals(10, h.book.position(0));
        e.clear();
        e.type = EventType.SETTLEMENT;
        e.instrumentId = 0;
        e.eventTimeNanos = 4 * SEC;
        e.value = 1190;
        e.position = 10;
        e.fairValue[0] = 1190;
        e.fairStd[0] = 0;
        e.touch(0);
        h.run(e);
        assertEquals(0, h.book.position(0));
        assertEquals(1900.0, h.book.positions().realisedPnl(0), 1e-9);
        book(e, 0, 70 * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        e.touchedInstruments = 0;
        h.run(e);
        assertEquals(0, e.decisions.count(), "no fair value for the new session yet");
        book(e, 0, 71 * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.run(e);
        assertEquals(1, e.decisions.count(), "revalued: trades again");
    }

    @Test
    void shouldFlagUnknownInstrumentAndDoNothing() {
        book(e, 5, SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        e.instrumentId = 5;
        h.strategy.onEvent(e, 0, true);
        assertEquals(0, e.decisions.count());
        assertEquals(EngineEvent.FLAG_INPUT_REJECTED, e.flags & EngineEvent.FLAG_INPUT_REJECTED);
    }

    static void fill(final EngineEvent e, final int id, final long t, final long clOrdId, final long qty, final long price) {
        orderEvent(e, id, t, OrderEventKind.FILL, clOrdId, Side.BUY, price, 0);
        e.fillQty = qty;
        e.fillPriceTicks = price;
    }

    static void book(final EngineEvent e, final int id, final long t, final long bid, final long ask, final long bq,
                     final long aq, final double signal, final double fair, final double std) {
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
        e.signal[id] = signal;
        e.signalledInstruments = 1L << id;
        e.fairValue[id] = fair;
        e.fairStd[id] = std;
        e.touch(id);
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
        e.quantity = 10;
        e.leavesQty = leaves;
    }
}
