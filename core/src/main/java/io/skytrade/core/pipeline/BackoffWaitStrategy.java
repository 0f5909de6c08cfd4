package io.skytrade.core.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A stage thread's wait in three phases after the event it last handled: it spins (a volatile read and
 * {@link Thread#onSpinWait} per turn) until {@code spinNanos}, yields ({@link Thread#yield}) until
 * {@code yieldNanos}, then blocks as Disruptor's lite-blocking strategy does (the publisher signals only when
 * a thread is waiting: one atomic swap per publish otherwise). The blocked phase may wake on its own every
 * {@code beatNanos} (0: never) and block again: on this VM the wake-up of a vCPU that has been idle for
 * milliseconds costs tens of microseconds more than one idle for a fraction of one (bench/README.md
 * "Issue 15: waiting at live input rates, session 13"). The blocked phase is lite-blocking's protocol written
 * here rather than Disruptor's {@code LiteTimeoutBlockingWaitStrategy}, whose {@code Object.wait} rounds a beat
 * up to a whole millisecond (the benchmarks beat at 0.05-0.2 ms). The phases are timed by the injected clock, read
 * every {@value #TURNS_PER_CLOCK_READ} turns. Thread-safety: one waiting consumer per sequence barrier as
 * the Disruptor gives it; any number of publishers call {@link #signalAllWhenBlocking}. Hot-path cost: no
 * allocation; a spinning or yielding thread burns its core until the phase ends, a blocked one costs a
 * futex wake-up (and, with a beat, a timed wake every beat).
 */
public final class BackoffWaitStrategy implements WaitStrategy {
    /** Spin or yield turns between two reads of the clock. */
    static final int TURNS_PER_CLOCK_READ = 16;

    private final long spinNanos;
    private final long yieldNanos;
    private final long beatNanos;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private final AtomicBoolean signalNeeded = new AtomicBoolean();

    /**
     * @param spinNanos  how long after the wait starts it spins, nanoseconds (0: not at all)
     * @param yieldNanos how long after the wait starts it spins or yields before it blocks ({@code >= spinNanos})
     * @param beatNanos  how often a blocked wait wakes on its own and blocks again, nanoseconds (0: never)
     */
    public BackoffWaitStrategy(final long spinNanos, final long yieldNanos, final long beatNanos) {
        this(spinNanos, yieldNanos, beatNanos, System::nanoTime);
    }

    /**
     * @param clock the monotonic clock that times the phases, nanoseconds (tests inject one)
     * @see #BackoffWaitStrategy(long, long, long)
     */
    BackoffWaitStrategy(final long spinNanos, final long yieldNanos, final long beatNanos, final LongSupplier clock) {
        if (spinNanos < 0 || yieldNanos < spinNanos || beatNanos < 0) {
            throw new IllegalArgumentException("wait phases spin " + spinNanos + " ns, yield until " + yieldNanos + " ns, beat "
                + beatNanos + " ns: each must be >= 0 and the yield phase must end no earlier than the spin phase");
        }
        this.spinNanos = spinNanos;
        this.yieldNanos = yieldNanos;
        this.beatNanos = beatNanos;
        this.clock = clock;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException {
        long available = dependentSequence.get();
        if (available >= sequence) {
            return available;
        }
        final long start = clock.getAsLong();
        int turns = 0;
        boolean yielding = false;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (yielding) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
            if (++turns == TURNS_PER_CLOCK_READ) {
                turns = 0;
                final long waited = clock.getAsLong() - start;
                if (waited >= yieldNanos) {
                    block(sequence, cursor, barrier);
                    while ((available = dependentSequence.get()) < sequence) {
                        barrier.checkAlert();
                        Thread.onSpinWait();
                    }
                    return available;
                }
                yielding = waited >= spinNanos;
            }
        }
        return available;
    }

    /** Blocks until the cursor reaches {@code sequence}: lite-blocking's protocol, with a timed wait when beating. */
    private void block(final long sequence, final Sequence cursor, final SequenceBarrier barrier)
        throws AlertException, InterruptedException {
        if (cursor.get() >= sequence) {
            return;
        }
        lock.lock();
        try {
            do {
                signalNeeded.getAndSet(true);
                if (cursor.get() >= sequence) {
                    break;
                }
                barrier.checkAlert();
                if (beatNanos > 0) {
                    published.awaitNanos(beatNanos);
                } else {
                    published.await();
                }
            } while (cursor.get() < sequence);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void signalAllWhenBlocking() {
        if (signalNeeded.getAndSet(false)) {
            lock.lock();
            try {
                published.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "BackoffWaitStrategy{spin " + TimeUnit.NANOSECONDS.toMicros(spinNanos) + " us, yield until "
            + TimeUnit.NANOSECONDS.toMicros(yieldNanos) + " us, beat " + TimeUnit.NANOSECONDS.toMicros(beatNanos) + " us}";
    }
}
