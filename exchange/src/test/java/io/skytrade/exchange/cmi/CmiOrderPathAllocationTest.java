package io.skytrade.exchange.cmi;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order stage's side of the CMI gateway (new orders and cancels handed to the sender) allocates
 * nothing per intent: measured with the thread's allocated-bytes counter over 20,000 intents after a
 * warm-up (under 1 KiB in all, the one-off allowance of {@code SteadyStateAllocationTest}).
 */
class CmiOrderPathAllocationTest {
    @Test
    void shouldHandOrdersAndCancelsToTheSenderWithoutAllocating() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        final CmiGateway gateway = new CmiGateway(CmiGatewayConfig.builder().username("u").password("p").build(),
            InstrumentRegistry.of(List.of("TIDE_SPOT"), List.of("x")), new RecordingPublisher(), new SystemEpochNanoClock());
        for (int i = 0; i < 2_000; i++) {
            gateway.sendNewOrder(i + 1, 0, Side.BUY, 100 + i % 7, 1, TimeInForce.GTC);
            gateway.sendCancel(i + 1, 0);
        }
        final long id = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            gateway.sendNewOrder(10_000 + i, 0, Side.SELL, 200 + i % 5, 2, TimeInForce.IOC);
            gateway.sendCancel(10_000 + i, 0);
        }
        final long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes over 20,000 intents (one-off JIT allocations only, as "
            + "SteadyStateAllocationTest allows)");
        assertEquals(0, gateway.intentOverflows(), "the channel held them all (the sender was not started)");
    }
}
