package io.skytrade.core.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * A stage thread's wait that spins (a volatile read and {@link Thread#onSpinWait} per turn) for a
 * bounded time after the event it last handled, then waits as {@link LiteBlockingWaitStrategy}:
 * an input that arrives within the window is seen within a fraction of a microsecond, without the
 * futex wake-up of a sleeping thread (on a virtual machine whose guest halt-polling is off, the
 * wake of an idle vCPU goes through the hypervisor: ~10 us, bench/README.md "Where the p50 goes");
 * a quiet thread sleeps, so the cost is at most the window's CPU per input burst. This is what
 * Disruptor's {@code PhasedBackoffWaitStrategy} intends, with the deadline read every few turns
 * instead of every 10,000 spins (there the spin and yield phases last tens of microseconds whatever
 * their configured times). Publishers signal through the lite strategy (one atomic swap per
 * publish when no thread sleeps). No allocation.
 */
public final class SpinThenBlockWaitStrategy implements WaitStrategy {
    /** Spin turns between two reads of the clock. */
    private static final int TURNS_PER_CLOCK_READ = 16;

    private final long spinNanos;
    private final LiteBlockingWaitStrategy blocking = new LiteBlockingWaitStrategy();

    /** @param spinNanos how long a wait spins before it blocks, nanoseconds (0: block at once) */
    public SpinThenBlockWaitStrategy(final long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spin time " + spinNanos + " ns must not be negative");
        }
        this.spinNanos = spinNanos;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException, TimeoutException {
        long available = dependentSequence.get();
        if (available >= sequence) {
            return available;
        }
        final long deadline = System.nanoTime() + spinNanos;
        int turns = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            Thread.onSpinWait();
            if (++turns == TURNS_PER_CLOCK_READ) {
                turns = 0;
                if (System.nanoTime() - deadline >= 0) {
                    return blocking.waitFor(sequence, cursor, dependentSequence, barrier);
                }
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        blocking.signalAllWhenBlocking();
    }

    @Override
    public String toString() {
        return "SpinThenBlockWaitStrategy{spinNanos=" + spinNanos + '}';
    }
}
