package io.skytrade.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.time.ManualEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SpinThenBlockWaitStrategyTest {
    private static final InputTranslator<Long> TIMER_AT = (event, t) -> {
        event.type = EventType.TIMER;
        event.eventTimeNanos = t;
    };

    /** Counts events and remembers the thread that handles them. */
    private static final class CountingStage implements EventHandler<EngineEvent> {
        final AtomicLong seen = new AtomicLong();
        volatile Thread thread;

        @Override
        public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
            thread = Thread.currentThread();
            seen.incrementAndGet();
        }
    }

    /**
     * Events published right away, within the spin window and long after it: the stage thread sees
     * each whether it is spinning or asleep, and a quiet stage thread goes to sleep (no core kept busy).
     */
    @Test
    void shouldHandEveryEventToASpinningOrSleepingStageThreadAndSleepWhenQuiet() throws InterruptedException {
        final CountingStage stage = new CountingStage();
        final Pipeline p = new PipelineBuilder().stage("a", stage)
            .layout(PipelineLayout.singleThread(8, WaitStrategyKind.SPIN_THEN_BLOCK, List.of("a")))
            .clock(new ManualEpochNanoClock(7)).build().start();
        final long[] gaps = {0, 5_000, WaitStrategyKind.SPIN_NANOS / 2, 3 * WaitStrategyKind.SPIN_NANOS};
        for (long i = 0; i < 400; i++) {
            p.publisher().publish(TIMER_AT, i);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (stage.seen.get() <= i) {
                if (System.nanoTime() > deadline) {
                    fail("event " + i + " not handled within 5 s of its publication: a lost wake-up");
                }
                Thread.onSpinWait();
            }
            LockSupport.parkNanos(gaps[(int) (i % gaps.length)]);
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Thread.State state = stage.thread.getState();
        while (state == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
            Thread.sleep(10);
            state = stage.thread.getState();
        }
        assertEquals(Thread.State.WAITING, state, "a stage thread with nothing to do after the spin window blocks");
        p.publisher().publish(TIMER_AT, 400L);
        assertTrue(p.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(401, stage.seen.get());
    }

    @Test
    void shouldRefuseANegativeSpinTime() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpinThenBlockWaitStrategy(-1));
        assertEquals("spin time -1 ns must not be negative", e.getMessage());
    }

    @Test
    void shouldParseItsConfigurationName() {
        assertEquals(WaitStrategyKind.SPIN_THEN_BLOCK, WaitStrategyKind.fromConfig("spin-then-block"));
    }
}
