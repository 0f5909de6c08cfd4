package io.skytrade.exchange.matching;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingEngineTest {
    private final RecordingExecutionListener events = new RecordingExecutionListener();
    private final MatchingEngine engine = new MatchingEngine(2, 4, 64, 16, 100, events);

    @Test
    void shouldFillPartiallyAtTheRestingPriceInTimePriority() {
        engine.submit(0, 0, 1, 0, Side.SELL, 101, 5, TimeInForce.GTC);
        engine.submit(0, 1, 1, 0, Side.SELL, 100, 3, TimeInForce.GTC);
        engine.submit(0, 2, 1, 0, Side.SELL, 100, 4, TimeInForce.GTC);
        events.events.clear();
        engine.submit(1, 3, 7, 0, Side.BUY, 101, 9, TimeInForce.GTC);
        assertEquals(List.of(
            "ACK p3 c7 i0 s1 9@101",
            "FILL p1 c1 3@100 leaves 0 resting", "FILL p3 c7 3@100 leaves 6 aggressor", "TRADE i0 3@100 buyer p3 seller p1",
            "FILL p2 c1 4@100 leaves 0 resting", "FILL p3 c7 4@100 leaves 2 aggressor", "TRADE i0 4@100 buyer p3 seller p2",
            "FILL p0 c1 2@101 leaves 3 resting", "FILL p3 c7 2@101 leaves 0 aggressor", "TRADE i0 2@101 buyer p3 seller p0"),
            events.events);
        assertEquals(9, engine.position(3, 0));
        assertEquals(-(3 * 100 + 4 * 100 + 2 * 101), engine.cash(3, 0));
        assertEquals(101, engine.bestAsk(0));
        assertEquals(MatchingEngine.NO_PRICE, engine.bestBid(0));
    }

    @Test
    void shouldCancelTheRemainderOfAnIocOrder() {
        engine.submit(0, 0, 1, 1, Side.BUY, 50, 2, TimeInForce.GTC);
        events.events.clear();
        engine.submit(0, 1, 1, 1, Side.SELL, 49, 5, TimeInForce.IOC);
        assertEquals("CANCELLED p1 c1 3 IOC_REMAINDER", events.events.get(events.events.size() - 1));
        assertEquals(MatchingEngine.NO_PRICE, engine.bestAsk(1));
    }

    @Test
    void shouldPreventSelfTrades() {
        engine.submit(0, 0, 1, 0, Side.SELL, 100, 5, TimeInForce.GTC);
        events.events.clear();
        engine.submit(0, 0, 2, 0, Side.BUY, 100, 5, TimeInForce.GTC);
        assertEquals(List.of("ACK p0 c2 i0 s1 5@100", "CANCELLED p0 c2 5 SELF_TRADE"), events.events);
        assertEquals(0, engine.position(0, 0));
    }

    @Test
    void shouldCountOpenOrdersAgainstThePositionLimit() {
        assertEquals(RejectReason.NONE, engine.submit(0, 0, 1, 0, Side.BUY, 10, 60, TimeInForce.GTC));
        assertEquals(RejectReason.POSITION_LIMIT, engine.submit(0, 0, 2, 0, Side.BUY, 11, 41, TimeInForce.GTC));
        assertEquals(RejectReason.NONE, engine.submit(0, 0, 3, 0, Side.BUY, 11, 40, TimeInForce.GTC));
        assertEquals(RejectReason.NONE, engine.submit(0, 0, 4, 0, Side.SELL, 20, 100, TimeInForce.GTC));
        assertEquals(RejectReason.POSITION_LIMIT, engine.submit(0, 0, 5, 0, Side.SELL, 20, 1, TimeInForce.GTC));
        assertEquals(RejectReason.NONE, engine.cancel(0, 0, 1));
        assertEquals(RejectReason.NONE, engine.submit(0, 0, 6, 0, Side.BUY, 9, 60, TimeInForce.GTC));
    }

    @Test
    void shouldRejectDuplicatesBadInputAndUnknownCancels() {
        assertEquals(RejectReason.NONE, engine.submit(0, 0, 1, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.DUPLICATE_CLIENT_ORDER_ID, engine.submit(0, 0, 1, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, engine.submit(0, 0, 2, 5, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.INVALID_QUANTITY, engine.submit(0, 0, 3, 0, Side.BUY, 10, 0, TimeInForce.GTC));
        assertEquals(RejectReason.INVALID_PRICE, engine.submit(0, 0, 4, 0, Side.BUY, -1, 1, TimeInForce.GTC));
        assertEquals(RejectReason.INVALID_SIDE, engine.submit(0, 0, 5, 0, 7, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.INVALID_TIME_IN_FORCE, engine.submit(0, 0, 6, 0, Side.BUY, 10, 1, 9));
        assertEquals(RejectReason.INVALID_CLIENT_ORDER_ID, engine.submit(0, 0, 0, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.UNKNOWN_ORDER, engine.cancel(0, 0, 99));
        assertEquals(RejectReason.UNKNOWN_ORDER, engine.cancel(0, 1, 1));
    }

    @Test
    void shouldLimitTheOrderRate() {
        engine.rateLimit(2, 10, 3);
        final long second = 1_000_000_000L;
        assertEquals(RejectReason.NONE, engine.submit(0, 2, 1, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.NONE, engine.submit(0, 2, 2, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.NONE, engine.submit(0, 2, 3, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.RATE_LIMIT, engine.submit(0, 2, 4, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.RATE_LIMIT, engine.cancel(0, 2, 1));
        assertEquals(RejectReason.NONE, engine.submit(second / 10, 2, 5, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.RATE_LIMIT, engine.submit(second / 10, 2, 6, 0, Side.BUY, 10, 1, TimeInForce.GTC));
        assertEquals(RejectReason.NONE, engine.submit(2 * second, 2, 7, 0, Side.BUY, 10, 1, TimeInForce.GTC));
    }

    @Test
    void shouldSettlePositionsAndCloseTheSession() {
        engine.submit(0, 0, 1, 0, Side.SELL, 100, 5, TimeInForce.GTC);
        engine.submit(0, 1, 1, 0, Side.BUY, 100, 3, TimeInForce.GTC);
        engine.submit(0, 1, 2, 0, Side.BUY, 90, 3, TimeInForce.GTC);
        events.events.clear();
        engine.settle(5, 0, 110.5);
        assertEquals(List.of("CANCELLED p1 c2 3 SESSION_CLOSED", "CANCELLED p0 c1 2 SESSION_CLOSED",
            "SETTLED p0 i0 pos -3 pnl -31.5", "SETTLED p1 i0 pos 3 pnl 31.5"), events.events);
        assertEquals(RejectReason.SESSION_CLOSED, engine.submit(6, 1, 3, 0, Side.BUY, 90, 3, TimeInForce.GTC));
        assertEquals(31.5, engine.realisedPnl(1));
        assertEquals(0, engine.position(1, 0));
        assertTrue(engine.stateHash() != 0);
    }

    @Test
    void shouldKeepQueuePositionWhenReduced() {
        engine.submit(0, 0, 1, 0, Side.SELL, 100, 5, TimeInForce.GTC);
        engine.submit(0, 1, 1, 0, Side.SELL, 100, 5, TimeInForce.GTC);
        assertEquals(RejectReason.NONE, engine.reduce(0, 0, 1, 2));
        events.events.clear();
        engine.submit(0, 2, 1, 0, Side.BUY, 100, 3, TimeInForce.IOC);
        assertEquals("FILL p0 c1 2@100 leaves 0 resting", events.events.get(1));
        assertEquals("FILL p1 c1 1@100 leaves 4 resting", events.events.get(4));
    }

    @Test
    void shouldGrowOnlyTheLastOrderOfALevelInPlace() {
        engine.submit(0, 0, 1, 0, Side.SELL, 100, 5, TimeInForce.GTC);
        engine.submit(0, 1, 1, 0, Side.SELL, 100, 5, TimeInForce.GTC);
        assertFalse(engine.growIfLast(0, 1, 3), "participant 1 rests behind it");
        assertFalse(engine.growIfLast(0, 99, 3), "not open");
        assertFalse(engine.growIfLast(1, 1, 0), "nothing to add");
        assertTrue(engine.growIfLast(1, 1, 3));
        assertEquals(13, engine.quantityAt(0, Side.SELL, 100));
        assertEquals(8, engine.openSellQuantity(1, 0));
        events.events.clear();
        engine.submit(0, 2, 1, 0, Side.BUY, 100, 12, TimeInForce.IOC);
        assertEquals("FILL p0 c1 5@100 leaves 0 resting", events.events.get(1));
        assertEquals("FILL p1 c1 7@100 leaves 1 resting", events.events.get(4));
    }
}
