package io.skytrade.core.risk;

import io.skytrade.core.book.BookStage;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OutboundStage;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.OrderGateway;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteadyStateAllocationTest {
    private static final OrderGateway NO_GATEWAY = new OrderGateway() {
        @Override
        public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                                 final long quantity, final int timeInForce) {
        }

        @Override
        public void sendCancel(final long clientOrderId, final int instrumentId) {
        }
    };
    private static final DecisionListener NO_JOURNAL = (event, side) -> { };

    private final TradingBook book = new TradingBook(OrderManagerConfig.defaults());
    private final BookStage bookStage = new BookStage(book, TestEvents.SIDE);
    private final RiskStage risk = RiskStage.withDefaults(book, TestEvents.SIDE, 1_000_000);
    private final OutboundStage orders = new OutboundStage(NO_GATEWAY, NO_JOURNAL, TestEvents.SIDE);
    private final EngineEvent e = new EngineEvent();
    private long t;

    private void run() {
        bookStage.onEvent(e, e.sequence, true);
        risk.onEvent(e, e.sequence, true);
        orders.onEvent(e, e.sequence, true);
    }

    /** One round trip: book with fair value, an intent, its ack and fill, a resting order and its cancel. */
    private void cycle(final int k) {
        t += 200_000_000L;
        final long mid = 100;
        TestEvents.fair(TestEvents.book(e, t, k % 4, mid - 1, mid + 1), k % 4, mid);
        run();
        TestEvents.timer(e, t + 1);
        final int a = TestEvents.propose(e, k % 4, (k / 4) % 2 == 0 ? Side.BUY : Side.SELL, mid, 3);
        final int b = TestEvents.propose(e, k % 4, Side.BUY, mid - 5, 1);
        run();
        final long filled = TestEvents.decisions(e).clientOrderId[a];
        final long resting = TestEvents.decisions(e).clientOrderId[b];
        TestEvents.ack(e, t + 2, filled);
        run();
        TestEvents.fill(e, t + 3, filled, 3, mid, 0);
        run();
        TestEvents.timer(e, t + 4);
        TestEvents.proposeCancel(e, k % 4, resting);
        run();
        TestEvents.cancelled(e, t + 5, resting);
        run();
    }

    /**
     * Steady state allocates nothing: after 20,000 warm-up cycles, five rounds of 4,000 cycles are
     * measured and the quietest must stay under 256 bytes. A per-cycle allocation shows in every
     * round (at least 4,000 x 16 bytes); a one-off allocation of the JIT or the JVM (1,176 bytes
     * seen once in a single 20,000-cycle window on a busy host) can only spoil one round.
     */
    @Test
    void shouldNotAllocateInSteadyState() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        int k = 0;
        for (; k < 20_000; k++) {
            cycle(k);
        }
        long quietest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            final long before = threads.getThreadAllocatedBytes(thread);
            for (final int end = k + 4_000; k < end; k++) {
                cycle(k);
            }
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(thread) - before);
        }
        assertEquals(0, book.orders().illegalTransitions());
        assertTrue(orders.ordersSent() > 60_000, "sent " + orders.ordersSent());
        assertTrue(quietest < 256, "allocated " + quietest + " bytes in the quietest round of 4,000 cycles");
    }
}
