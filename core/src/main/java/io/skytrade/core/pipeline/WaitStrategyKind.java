package io.skytrade.core.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How a stage thread waits for the next event: the configuration names of the Disruptor wait
 * strategies. BLOCKING uses least CPU (a lock and condition, signalled on every publish);
 * LITE_BLOCKING is the same but takes the lock only when a consumer is actually waiting; PHASED
 * spins {@value #PHASED_SPIN_NANOS} ns, yields until {@value #PHASED_YIELD_NANOS} ns, then waits as
 * LITE_BLOCKING (an event that arrives soon after the last one finds its thread awake, without a
 * futex wake-up; a quiet thread sleeps; Disruptor's implementation reads the clock only every
 * 10,000 spins, so its phases last tens of microseconds whatever their configured times);
 * SPIN_THEN_BLOCK spins {@value #SPIN_NANOS} ns by the clock, then waits as LITE_BLOCKING
 * ({@link SpinThenBlockWaitStrategy}); SLEEPING spins, yields, then parks (~37 us floor measured
 * here); YIELDING keeps a core busy at low latency; BUSY_SPIN is for pinned threads on isolated
 * cores only. bench/README.md has what each measured on the default layout.
 *
 * <p>{@link #DEFAULT} is SPIN_THEN_BLOCK, by issue 15's rule (the best p50 whose p99 is no worse than
 * blocking's in the same run): on the idle 2-core host (session 7, six runs of 100k inputs/s in three
 * orders, disk journal) its p50 was 4.0-4.8 us against 13.9-14.7 for LITE_BLOCKING and 14.0-15.7 for
 * BLOCKING, and its p99 was no worse than blocking's in 4 of the 6 runs, as lite-blocking's (both
 * p99s are the disk journal's page-fault bursts); bench/README.md "Idle-host figures, session 7".
 * Once quiet it waits as LITE_BLOCKING, whose lock elision the Disruptor's javadoc calls
 * experimental; read against its source (4.0.0) it is sound: the waiting consumer sets
 * {@code signalNeeded} with an atomic getAndSet and only then re-checks the cursor under the mutex,
 * the publisher stores the cursor and then clears the flag with getAndSet, so either the consumer
 * sees the new cursor or the publisher sees the flag and notifies under the mutex (the two
 * read-modify-writes of one variable are totally ordered). {@code PipelineBuilderTest} races a publish
 * against the stage thread going back to sleep thousands of times per strategy.
 */
public enum WaitStrategyKind {
    BLOCKING("blocking"),
    LITE_BLOCKING("lite-blocking"),
    PHASED("phased"),
    SPIN_THEN_BLOCK("spin-then-block"),
    SLEEPING("sleeping"),
    YIELDING("yielding"),
    BUSY_SPIN("busy-spin");

    /** The wait strategy of a configuration that names none (config/default.yaml names the same). */
    public static final WaitStrategyKind DEFAULT = SPIN_THEN_BLOCK;

    /**
     * How long a SPIN_THEN_BLOCK wait spins before it blocks: longer than the gap between two input
     * bursts at 100k inputs/s here (a parked I/O thread wakes ~50 us late, Linux timer slack), so a
     * busy engine's stage thread never sleeps, while an idle one sleeps after 100 us.
     */
    public static final long SPIN_NANOS = 100_000;

    /** How long a PHASED wait spins before it yields. */
    public static final long PHASED_SPIN_NANOS = 2_000;
    /** How long (from the start of the wait) a PHASED wait spins and yields before it blocks. */
    public static final long PHASED_YIELD_NANOS = 20_000;

    private final String configName;

    WaitStrategyKind(final String configName) {
        this.configName = configName;
    }

    /** The name used in YAML configuration. */
    public String configName() {
        return configName;
    }

    /** A new Disruptor wait strategy of this kind (one per ring). */
    public WaitStrategy create() {
        return switch (this) {
            case BLOCKING -> new BlockingWaitStrategy();
            case LITE_BLOCKING -> new LiteBlockingWaitStrategy();
            case PHASED -> PhasedBackoffWaitStrategy.withLiteLock(PHASED_SPIN_NANOS, PHASED_YIELD_NANOS, TimeUnit.NANOSECONDS);
            case SPIN_THEN_BLOCK -> new SpinThenBlockWaitStrategy(SPIN_NANOS);
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }

    /**
     * Parses a configuration name ("blocking", "lite-blocking", "phased", "spin-then-block", "sleeping", "yielding", "busy-spin").
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static WaitStrategyKind fromConfig(final String name) {
        final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (final WaitStrategyKind kind : values()) {
            if (kind.configName.equals(n)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of blocking, lite-blocking, phased, spin-then-block, sleeping, yielding, busy-spin");
    }
}
