package io.skytrade.core.strategy;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.sizing.SizerParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StrategyHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A", "B"), List.of("s"));
    private static final long SEC = 1_000_000_000L;

    /** The defaults without the warm-up, so one book event can trade. */
    private static StrategyHandler handler() {
        final StrategyParams d = StrategyParams.defaults();
        return new StrategyHandler(REGISTRY, new StrategyParams(d.entryThresholds(), d.aggressiveness(), d.exitThreshold(),
            d.imbalanceLevels(), d.imbalanceDecay(), d.imbalanceWeight(), d.crossThreshold(), d.maxTiltTicks(),
            d.minEdgeTicks(), d.repriceTicks(), d.repriceSpreadFraction(), d.minQuoteLifeNanos(), 0,
            d.pendingTimeoutNanos()), SizerParams.defaults());
    }

    @Test
    void shouldWaitForEnoughValuationsBeforeTrading() {
        final StrategyHandler h = new StrategyHandler(REGISTRY, StrategyParams.defaults(), SizerParams.defaults());
        final EngineEvent e = new EngineEvent();
        for (int k = 1; k < StrategyParams.defaults().minValuations(); k++) {
            book(e, 0, k * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
            h.onEvent(e, k, true);
            assertEquals(0, e.decisions.count(), "valuation " + k + " is too early");
        }
        book(e, 0, 100 * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 100, true);
        assertEquals(DecisionKind.ORDER_NEW, e.decisions.kind[0]);
    }

    @Test
    void shouldProposeBuyWaitForAckThenCancelWhenSignalFlips() {
        final StrategyHandler h = handler();
        final EngineEvent e = new EngineEvent();
        book(e, 1, SEC, 1000, 1002, 20, 5, 0.9, 1200, 50);
        h.onEvent(e, 0, true);
        final Decisions d = e.decisions;
        assertEquals(1, d.count());
        assertEquals(DecisionKind.ORDER_NEW, d.kind[0]);
        assertEquals(Decisions.STATUS_PROPOSED, d.status[0]);
        assertEquals(Side.BUY, d.side[0]);
        assertEquals(1, d.instrumentId[0]);
        assertEquals(0, d.clientOrderId[0]);
        assertEquals(10, d.quantity[0]);
        assertEquals(1002, d.priceTicks[0], "strong signal plus bid-heavy book crosses the spread");

        book(e, 1, 2 * SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 1, true);
        assertEquals(0, e.decisions.count(), "intent pending");

        orderEvent(e, 1, 3 * SEC, OrderEventKind.ACK, 77, Side.BUY, 1002, 10);
        h.onEvent(e, 2, true);
        assertEquals(0, e.decisions.count(), "working order still right");

        book(e, 1, 4 * SEC, 1000, 1002, 5, 5, -0.9, 800, 50);
        h.onEvent(e, 3, true);
        assertEquals(1, e.decisions.count());
        assertEquals(DecisionKind.ORDER_CANCEL, e.decisions.kind[0]);
        assertEquals(77, e.decisions.clientOrderId[0]);

        orderEvent(e, 1, 5 * SEC, OrderEventKind.CANCELLED, 77, Side.BUY, 1002, 0);
        h.onEvent(e, 4, true);
        assertEquals(1, e.decisions.count());
        assertEquals(Side.SELL, e.decisions.side[0]);
        assertEquals(1002, e.decisions.priceTicks[0], "balanced book: the sell joins the ask passively");
    }

    @Test
    void shouldRetryAfterPendingTimeoutAndTrackFills() {
        final StrategyHandler h = handler();
        final EngineEvent e = new EngineEvent();
        book(e, 0, SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 0, true);
        assertEquals(1, e.decisions.count());
        book(e, 0, 62 * SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 1, true);
        assertEquals(1, e.decisions.count(), "risk never acked the first intent: retry after the timeout");
        orderEvent(e, 0, 63 * SEC, OrderEventKind.ACK, 5, Side.BUY, 1002, 10);
        h.onEvent(e, 2, true);
        orderEvent(e, 0, 64 * SEC, OrderEventKind.FILL, 5, Side.BUY, 1002, 0);
        e.fillQty = 10;
        h.onEvent(e, 3, true);
        assertEquals(10, h.position(0));
    }

    @Test
    void shouldRepriceOnlyAfterTheMinimumLifeAndByMoreThanHalfTheSpread() {
        final StrategyHandler h = handler();
        final EngineEvent e = new EngineEvent();
        book(e, 0, SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 0, true);
        assertEquals(DecisionKind.ORDER_NEW, e.decisions.kind[0]);
        assertEquals(1000, e.decisions.priceTicks[0], "passive: joins the bid");
        orderEvent(e, 0, 2 * SEC, OrderEventKind.ACK, 9, Side.BUY, 1000, 10);
        h.onEvent(e, 1, true);
        book(e, 0, 3 * SEC, 1030, 1070, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 2, true);
        assertEquals(0, e.decisions.count(), "a young order is not repriced");
        book(e, 0, 200 * SEC, 1010, 1050, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 3, true);
        assertEquals(0, e.decisions.count(), "10 ticks is less than half the 40-tick spread");
        book(e, 0, 201 * SEC, 1030, 1070, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 4, true);
        assertEquals(1, e.decisions.count());
        assertEquals(DecisionKind.ORDER_CANCEL, e.decisions.kind[0]);
        assertEquals(9, e.decisions.clientOrderId[0]);
    }

    @Test
    void shouldCancelAtOnceWhenTheEdgeIsGoneButHoldInTheHoldBand() {
        final StrategyHandler h = handler();
        final EngineEvent e = new EngineEvent();
        book(e, 0, SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 0, true);
        orderEvent(e, 0, 2 * SEC, OrderEventKind.ACK, 9, Side.BUY, 1000, 10);
        h.onEvent(e, 1, true);
        book(e, 0, 3 * SEC, 1000, 1040, 5, 5, 0.2, 1200, 50);
        h.onEvent(e, 2, true);
        assertEquals(0, e.decisions.count(), "hold band: the working order stays");
        book(e, 0, 4 * SEC, 1000, 1040, 5, 5, 0.9, 1001, 50);
        h.onEvent(e, 3, true);
        assertEquals(1, e.decisions.count(), "a buy at 1000 no longer keeps 2 ticks of edge below 1001");
        assertEquals(DecisionKind.ORDER_CANCEL, e.decisions.kind[0]);
    }

    @Test
    void shouldFlattenAtSettlementAndWaitForTheNextValuation() {
        final StrategyHandler h = handler();
        final EngineEvent e = new EngineEvent();
        book(e, 0, SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 0, true);
        orderEvent(e, 0, 2 * SEC, OrderEventKind.ACK, 9, Side.BUY, 1000, 10);
        h.onEvent(e, 1, true);
        orderEvent(e, 0, 3 * SEC, OrderEventKind.FILL, 9, Side.BUY, 1000, 0);
        e.fillQty = 10;
        h.onEvent(e, 2, true);
        assertEquals(10, h.position(0));
        e.clear();
        e.type = EventType.SETTLEMENT;
        e.instrumentId = 0;
        e.eventTimeNanos = 4 * SEC;
        e.value = 1190;
        e.position = 10;
        e.fairValue[0] = 1190;
        e.fairStd[0] = 0;
        e.touch(0);
        h.onEvent(e, 3, true);
        assertEquals(0, h.position(0));
        book(e, 0, 70 * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        e.touchedInstruments = 0;
        h.onEvent(e, 4, true);
        assertEquals(0, e.decisions.count(), "no fair value for the new session yet");
        book(e, 0, 71 * SEC, 1000, 1040, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 5, true);
        assertEquals(1, e.decisions.count(), "revalued: trades again");
    }

    @Test
    void shouldFlagUnknownInstrumentAndDoNothing() {
        final StrategyHandler h = handler();
        final EngineEvent e = new EngineEvent();
        book(e, 5, SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        e.instrumentId = 5;
        h.onEvent(e, 0, true);
        assertEquals(0, e.decisions.count());
        assertEquals(EngineEvent.FLAG_INPUT_REJECTED, e.flags & EngineEvent.FLAG_INPUT_REJECTED);
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
