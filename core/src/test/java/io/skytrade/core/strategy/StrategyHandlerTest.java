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

    private static StrategyHandler handler() {
        return new StrategyHandler(REGISTRY, StrategyParams.defaults(), SizerParams.defaults());
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
        book(e, 0, 7 * SEC, 1000, 1002, 5, 5, 0.9, 1200, 50);
        h.onEvent(e, 1, true);
        assertEquals(1, e.decisions.count(), "risk never acked the first intent: retry after the timeout");
        orderEvent(e, 0, 8 * SEC, OrderEventKind.ACK, 5, Side.BUY, 1002, 10);
        h.onEvent(e, 2, true);
        orderEvent(e, 0, 9 * SEC, OrderEventKind.FILL, 5, Side.BUY, 1002, 0);
        e.fillQty = 10;
        h.onEvent(e, 3, true);
        assertEquals(10, h.position(0));
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
