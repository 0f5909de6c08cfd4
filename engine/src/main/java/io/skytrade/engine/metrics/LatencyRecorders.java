package io.skytrade.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One HdrHistogram {@link SingleWriterRecorder} per {@link LatencyStage}: the stage's single
 * writer thread records nanoseconds wait-free and without allocation; the reporter thread calls
 * {@link #sample()} to swap out each interval histogram (the recorder/interval-histogram pattern)
 * and adds it to a cumulative histogram for {@code /metrics}. Values are clamped to
 * [0, {@link #MAX_NANOS}] (a recorder throws on values beyond its range).
 *
 * <p>Thread-safety: {@link #record} from the one thread that owns the stage; everything else
 * from the reporter thread, or under this object's lock ({@link #cumulative}, {@link #interval}).
 * Hot-path cost of {@link #record}: two uncontended atomic increments and an array increment.
 */
public final class LatencyRecorders {
    /** Largest latency recorded: 60 s. */
    public static final long MAX_NANOS = 60_000_000_000L;
    private static final int DIGITS = 2;

    private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[LatencyStage.COUNT];
    private final Histogram[] recycled = new Histogram[LatencyStage.COUNT];
    private final Histogram[] interval = new Histogram[LatencyStage.COUNT];
    private final Histogram[] cumulative = new Histogram[LatencyStage.COUNT];

    public LatencyRecorders() {
        for (int s = 0; s < LatencyStage.COUNT; s++) {
            recorders[s] = new SingleWriterRecorder(1, MAX_NANOS, DIGITS);
            interval[s] = recorders[s].getIntervalHistogram();
            cumulative[s] = new Histogram(1, MAX_NANOS, DIGITS);
        }
    }

    /** Records one latency of {@code stage}; called only by that stage's writer thread. */
    public void record(final int stage, final long nanos) {
        recorders[stage].recordValue(nanos < 0 ? 0 : Math.min(nanos, MAX_NANOS));
    }

    /**
     * Swaps out what every stage recorded since the last call: it becomes the latest interval
     * histogram and is added to the cumulative one. Reporter thread only.
     */
    public synchronized void sample() {
        for (int s = 0; s < LatencyStage.COUNT; s++) {
            final Histogram h = recorders[s].getIntervalHistogram(recycled[s]);
            recycled[s] = interval[s];
            interval[s] = h;
            cumulative[s].add(h);
        }
    }

    /** A copy of everything recorded for {@code stage} up to the last {@link #sample()}. */
    public synchronized Histogram cumulative(final int stage) {
        return cumulative[stage].copy();
    }

    /** A copy of the latest interval histogram of {@code stage} (between the last two samples). */
    public synchronized Histogram interval(final int stage) {
        return interval[stage].copy();
    }
}
