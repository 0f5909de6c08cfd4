package io.skytrade.core.event;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineEventTest {
    @Test
    void shouldCopyInputsButNotOutputs() {
        final EngineEvent a = new EngineEvent();
        a.type = EventType.ORDER_EVENT;
        a.sequence = 9;
        a.orderEventKind = OrderEventKind.FILL;
        a.clientOrderId = 77;
        a.fillQty = 3;
        a.fee = 0.25;
        a.bidPrices[4] = 12;
        a.flags = EngineEvent.FLAG_STAGE_FAILED;
        final SideBuffers side = new SideBuffers(4);
        side.decisionsToWrite(a).add(DecisionKind.ORDER_NEW, 1, Side.BUY, 1, 1, 0, 0);
        assertEquals(1, side.decisions(a).count());
        final EngineEvent b = new EngineEvent();
        b.sequence = 3;
        b.copyInputsFrom(a);
        assertEquals(3, b.sequence);
        assertEquals(77, b.clientOrderId);
        assertEquals(3, b.fillQty);
        assertEquals(0.25, b.fee);
        assertEquals(12, b.bidPrices[4]);
        assertEquals(0, b.flags);
        assertEquals(0, side.decisions(b).count());
        assertTrue(a.toString().contains("FILL clOrdId=77"), a.toString());
        a.clear();
        assertEquals(EventType.NONE, a.type);
        assertEquals(0, a.bidPrices[4]);
        assertEquals(0, side.decisions(a).count());
    }

    @Test
    void shouldCapDecisionsAtCapacity() {
        final Decisions d = new Decisions();
        for (int i = 0; i < Decisions.CAPACITY; i++) {
            assertEquals(i, d.add(DecisionKind.ORDER_NEW, 0, Side.BUY, i, 1, 0, 0));
        }
        assertEquals(-1, d.add(DecisionKind.ORDER_NEW, 0, Side.BUY, 1, 1, 0, 0));
        final Decisions copy = new Decisions();
        copy.copyFrom(d);
        assertEquals(Decisions.CAPACITY, copy.count());
        assertEquals(Decisions.CAPACITY - 1, copy.priceTicks[Decisions.CAPACITY - 1]);
    }

    @Test
    void shouldNameCodes() {
        assertEquals("MARKET_BOOK", EventType.name(EventType.MARKET_BOOK));
        assertEquals("UNKNOWN(99)", EventType.name(99));
        assertEquals("SELL", Side.name(Side.SELL));
        assertEquals(-1, Side.sign(Side.SELL));
        assertEquals(Side.BUY, Side.opposite(Side.SELL));
        assertEquals("RESUME", ControlCode.name(ControlCode.RESUME));
        assertEquals("IOC", TimeInForce.name(TimeInForce.IOC));
        assertEquals("ALERT", DecisionKind.name(DecisionKind.ALERT));
        assertEquals("CANCEL_REJECT", OrderEventKind.name(OrderEventKind.CANCEL_REJECT));
    }
}
