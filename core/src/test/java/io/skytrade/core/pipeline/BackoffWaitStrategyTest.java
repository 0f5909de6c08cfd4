package io.skytrade.core.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class BackoffWaitStrategyTest {
    private static final long SPIN = 1_000;
    private static final long YIELD = 5_000;

    /** A barrier that is never alerted: the strategy's only use of it. */
    private static final class QuietBarrier implements SequenceBarrier {
        volatile boolean alerted;

        @Override
        public long waitFor(final long sequence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getCursor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAlerted() {
            return alerted;
        }

        @Override
        public void alert() {
            alerted = true;
        }

        @Override
        public void clearAlert() {
            alerted = false;
        }

        @Override
        public void checkAlert() throws AlertException {
            if (alerted) {
                throw AlertException.INSTANCE;
            }
        }
    }

    /** One waitFor(0) on its own thread, with the clock the test moves. */
    private static final class Waiter {
        final AtomicLong clock = new AtomicLong(1_000_000);
        final AtomicLong reads = new AtomicLong();
        final Sequence cursor = new Sequence(-1);
        final QuietBarrier barrier = new QuietBarrier();
        final AtomicLong result = new AtomicLong(Long.MIN_VALUE);
        final BackoffWaitStrategy strategy;
        final Thread thread;

        Waiter(final long beat) {
            strategy = new BackoffWaitStrategy(SPIN, YIELD, beat, () -> {
                reads.incrementAndGet();
                return clock.get();
            });
            thread = new Thread(() -> {
                try {
                    result.set(strategy.waitFor(0, cursor, cursor, barrier));
                } catch (final AlertException e) {
                    result.set(-2);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "waiter");
            thread.start();
        }

        /** Moves the clock once the wait has started (read the clock), so the move counts against the wait's start. */
        void advance(final long nanos) throws InterruptedException {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (reads.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            clock.addAndGet(nanos);
        }

        void publish() {
            cursor.set(0);
            strategy.signalAllWhenBlocking();
        }

        void awaitResult(final long expected) throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            assertEquals(expected, result.get(), "waitFor returned");
        }
    }

    private static Thread.State settle(final Thread t, final Thread.State wanted) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Thread.State s = t.getState();
        while (s != wanted && System.nanoTime() < deadline) {
            Thread.sleep(1);
            s = t.getState();
        }
        return s;
    }

    @Test
    void shouldReturnAtOnceWhenTheSequenceIsAvailable() throws Exception {
        final AtomicLong clock = new AtomicLong();
        final Sequence cursor = new Sequence(7);
        final BackoffWaitStrategy s = new BackoffWaitStrategy(SPIN, YIELD, 0, () -> {
            clock.incrementAndGet();
            return 0;
        });
        assertEquals(7, s.waitFor(3, cursor, cursor, new QuietBarrier()));
        assertEquals(0, clock.get(), "no clock read when nothing is waited for");
    }

    /** While the clock stays inside the spin and yield phases the thread never blocks; past them it does, until a publish. */
    @Test
    void shouldSpinThenYieldThenBlockByTheClock() throws Exception {
        final Waiter w = new Waiter(0);
        Thread.sleep(50);
        assertEquals(Thread.State.RUNNABLE, w.thread.getState(), "inside the spin phase");
        w.advance(SPIN + 1);
        Thread.sleep(50);
        assertEquals(Thread.State.RUNNABLE, w.thread.getState(), "inside the yield phase");
        w.advance(YIELD);
        assertEquals(Thread.State.WAITING, settle(w.thread, Thread.State.WAITING), "past the yield phase: blocked");
        w.publish();
        w.awaitResult(0);
    }

    @Test
    void shouldSeeAPublishWhileSpinningWithoutBlocking() throws Exception {
        final Waiter w = new Waiter(0);
        Thread.sleep(20);
        w.cursor.set(0);
        w.awaitResult(0);
    }

    /** With a beat the blocked thread waits timed, wakes on its own, blocks again, and still sees the publish. */
    @Test
    void shouldBlockTimedWithABeatAndStillSeeThePublish() throws Exception {
        final Waiter w = new Waiter(TimeUnit.MILLISECONDS.toNanos(1));
        w.advance(YIELD + 1);
        assertEquals(Thread.State.TIMED_WAITING, settle(w.thread, Thread.State.TIMED_WAITING), "a beating wait is timed");
        Thread.sleep(20);
        assertTrue(w.thread.isAlive(), "a beat that finds nothing published blocks again");
        w.publish();
        w.awaitResult(0);
    }

    @Test
    void shouldLeaveABlockedWaitWhenAlerted() throws Exception {
        final Waiter w = new Waiter(0);
        w.advance(YIELD + 1);
        assertEquals(Thread.State.WAITING, settle(w.thread, Thread.State.WAITING));
        w.barrier.alert();
        w.strategy.signalAllWhenBlocking();
        w.awaitResult(-2);
    }

    @Test
    void shouldRefuseInconsistentPhases() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackoffWaitStrategy(10, 5, 0));
        assertEquals("wait phases spin 10 ns, yield until 5 ns, beat 0 ns: each must be >= 0 and the yield phase must end no earlier"
            + " than the spin phase", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BackoffWaitStrategy(-1, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> new BackoffWaitStrategy(0, 5, -1));
        if (new BackoffWaitStrategy(0, 0, 0).toString().isEmpty()) {
            fail("a strategy describes itself");
        }
    }
}
