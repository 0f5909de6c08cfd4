package io.skytrade.core.book;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OrderPurpose;
import io.skytrade.core.order.OrderState;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TestEvents;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TradingBookTest {
    private static final long SECOND = 1_000_000_000L;

    private final TradingBook book = new TradingBook(new OrderManagerConfig(64, 5000, SECOND));
    private final EngineEvent e = new EngineEvent();

    private long open(final int side, final long price, final long qty) {
        return book.open(2, side, price, qty, TimeInForce.GTC, 0);
    }

    private String lastAlert() {
        final int i = TestEvents.decisions(e).count() - 1;
        assertEquals(DecisionKind.ALERT, TestEvents.decisions(e).kind[i]);
        return RiskReason.name(TestEvents.decisions(e).reason[i]) + " i=" + TestEvents.decisions(e).instrumentId[i] + " id="
            + TestEvents.decisions(e).clientOrderId[i] + " q=" + TestEvents.decisions(e).quantity[i];
    }

    @Test
    void shouldCountLiveOrdersByInstrumentAndPurposeAsTheyOpenAndClose() {
        final long quote = open(Side.BUY, 100, 4);
        final long hedge = book.open(2, Side.SELL, 110, 1, TimeInForce.IOC, 0, OrderPurpose.HEDGE);
        book.open(3, Side.SELL, 120, 2, TimeInForce.IOC, 0, OrderPurpose.HEDGE);
        assertEquals(1, book.orders().openCount(2, OrderPurpose.QUOTE));
        assertEquals(1, book.orders().openCount(2, OrderPurpose.HEDGE));
        assertEquals(0, book.orders().openCount(2, OrderPurpose.ARBITRAGE));
        assertEquals(1, book.orders().openCount(3, OrderPurpose.HEDGE));
        book.onInput(TestEvents.ack(e, 1, hedge), TestEvents.SIDE);
        book.onInput(TestEvents.fill(e, 2, hedge, 1, 110, 0), TestEvents.SIDE);
        assertEquals(0, book.orders().openCount(2, OrderPurpose.HEDGE), "a filled order is no longer live");
        book.onInput(TestEvents.ack(e, 3, quote), TestEvents.SIDE);
        book.onInput(TestEvents.cancelled(e, 4, quote), TestEvents.SIDE);
        assertEquals(0, book.orders().openCount(2, OrderPurpose.QUOTE), "nor a cancelled one");
        assertEquals(0, book.orders().openCount(2));
        assertEquals(1, book.orders().openCount(3, OrderPurpose.HEDGE));
    }

    @Test
    void shouldAssignUniqueIncreasingIdsAndRecordOrdersAsSent() {
        assertEquals(5001, open(Side.BUY, 100, 4));
        assertEquals(5002, open(Side.SELL, 110, 1));
        assertEquals(OrderState.SENT, book.orders().state(5001));
        assertEquals(4, book.orders().openBuyQty(2));
        assertEquals(0, book.open(2, Side.NONE, 100, 1, TimeInForce.GTC, 0), "an invalid order gets no id");
        assertEquals(5003, open(Side.BUY, 100, 1), "and consumes none");
    }

    @Test
    void shouldBookFillsAndSettlementsAndRaiseAlertsForIllegalTransitions() {
        final long id = open(Side.BUY, 100, 4);
        book.onInput(TestEvents.fill(e, 1, 4242, 1, 100, 0), TestEvents.SIDE);
        assertEquals("UNKNOWN_ORDER_EVENT i=-1 id=4242 q=1", lastAlert());
        book.onInput(TestEvents.ack(e, 2, id), TestEvents.SIDE);
        assertEquals(0, TestEvents.decisions(e).count());
        book.onInput(TestEvents.ack(e, 3, id), TestEvents.SIDE);
        assertEquals("DUPLICATE_ACK i=2 id=" + id + " q=0", lastAlert());
        book.onInput(TestEvents.fill(e, 4, id, 9, 100, 0.5), TestEvents.SIDE);
        assertEquals("OVERFILL i=2 id=" + id + " q=9", lastAlert());
        assertEquals(9, book.position(2));
        assertEquals(0.5, book.positions().fees(2), 1e-12);
        assertEquals(3, book.alertCount());
        final EngineEvent settlement = TestEvents.timer(e, 5);
        settlement.type = EventType.SETTLEMENT;
        settlement.instrumentId = 2;
        settlement.value = 103;
        book.onInput(settlement, TestEvents.SIDE);
        assertEquals(0, book.position(2));
        assertEquals(27.0, book.positions().realisedPnl(2), 1e-9);
    }

    @Test
    void shouldAlertOnceForAnOrderUnacknowledgedPastTheTimeout() {
        final long late = open(Side.BUY, 100, 1);
        final long acked = open(Side.BUY, 100, 1);
        book.onInput(TestEvents.ack(e, 1, acked), TestEvents.SIDE);
        book.onInput(TestEvents.timer(e, SECOND / 2), TestEvents.SIDE);
        assertEquals(0, TestEvents.decisions(e).count());
        book.onInput(TestEvents.timer(e, SECOND + 1), TestEvents.SIDE);
        assertEquals("ACK_TIMEOUT i=2 id=" + late + " q=0", lastAlert());
        book.onInput(TestEvents.timer(e, 3 * SECOND), TestEvents.SIDE);
        assertEquals(0, TestEvents.decisions(e).count());
        assertEquals(1, book.ackTimeouts());
    }

    @Test
    void shouldNetOurRestingOrdersOutOfTheBookLevels() {
        final long bid = open(Side.BUY, 100, 4);
        final long ask = open(Side.SELL, 103, 7);
        final long unacked = open(Side.SELL, 104, 2);
        final long ioc = book.open(2, Side.BUY, 99, 3, TimeInForce.IOC, 0);
        book.onInput(TestEvents.ack(e, 1, bid), TestEvents.SIDE);
        book.onInput(TestEvents.ack(e, 1, ask), TestEvents.SIDE);
        book.onInput(TestEvents.ack(e, 1, ioc), TestEvents.SIDE);
        TestEvents.book(e, 2, 2, 100, 103);
        e.bidLevels = 2;
        e.bidPrices[1] = 99;
        e.bidQtys[1] = 8;
        e.askLevels = 2;
        e.askPrices[1] = 104;
        e.askQtys[1] = 6;
        e.askQtys[0] = 7;
        final long[] bids = new long[EngineEvent.BOOK_DEPTH];
        final long[] asks = new long[EngineEvent.BOOK_DEPTH];
        book.netOwnOrders(e, bids, asks);
        assertEquals(6, bids[0], "10 at 100 less our 4");
        assertEquals(8, bids[1], "an IOC order never rests");
        assertEquals(0, asks[0], "the whole ask level is ours");
        assertEquals(6, asks[1], "an order the venue has not acknowledged may not be in the book yet");
        assertNotEquals(0, unacked);

        e.source = 1 | EngineEvent.SOURCE_OWN_EXCLUDED;
        book.netOwnOrders(e, bids, asks);
        assertEquals(10, bids[0], "a venue that reports the book without our orders (CMI) is not netted again");
        assertEquals(7, asks[0], "nor is a level that is all ours by the table");
    }

    @Test
    void shouldChangeItsStateHashWithAnyChangeOfState() {
        final long before = book.stateHash();
        assertEquals(before, new TradingBook(new OrderManagerConfig(64, 5000, SECOND)).stateHash());
        book.positions().onMark(30, 10.0);
        assertNotEquals(before, book.stateHash());
    }
}
