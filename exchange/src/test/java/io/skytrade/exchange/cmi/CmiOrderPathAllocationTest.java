package io.skytrade.exchange.cmi;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order stage's side of the CMI gateway (the intent channel's writes, what
 * {@link CmiGateway#sendNewOrder} and {@link CmiGateway#sendCancel} do besides an unpark) allocates
 * nothing per intent: the thread's allocated-bytes counter over rounds of 10,000 intents, drained
 * between rounds outside the measurement. The quietest round must stay under 256 bytes; a single
 * object per intent would be over 100 KiB a round. (One round may carry one-off JIT allocations.)
 */
class CmiOrderPathAllocationTest {
    private static final int PAIRS = 5_000;

    @Test
    void shouldHandOrdersAndCancelsToTheSenderWithoutAllocating() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        final CmiSession session = new CmiSession(CmiGatewayConfig.builder().username("u").password("p").build(),
            InstrumentRegistry.of(List.of("TIDE_SPOT"), List.of("x")), new RecordingPublisher(), new SystemEpochNanoClock());
        final IntentChannel channel = new IntentChannel(1 << 20, session);
        final long thread = Thread.currentThread().getId();
        long quietest = Long.MAX_VALUE;
        long id = 1;
        for (int round = 0; round < 8; round++) {
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < PAIRS; i++) {
                assertTrue(channel.offerNew(id, 0, Side.BUY, 100 + i % 7, 1 + i % 3, i % 2 == 0 ? TimeInForce.GTC : TimeInForce.IOC));
                assertTrue(channel.offerCancel(id++, 0));
            }
            final long allocated = threads.getThreadAllocatedBytes(thread) - before;
            if (round >= 2) {
                quietest = Math.min(quietest, allocated);
            }
            channel.drain();
        }
        assertTrue(quietest < 256, "the quietest round of " + 2 * PAIRS + " intents allocated " + quietest + " bytes");
    }
}
