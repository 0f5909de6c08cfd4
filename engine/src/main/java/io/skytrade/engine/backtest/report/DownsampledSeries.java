package io.skytrade.engine.backtest.report;

import java.util.Arrays;

/**
 * A time series of rows of {@code width} doubles kept to at most {@code capacity} rows by
 * bucketing in time: rows that fall into the same bucket (of {@code bucketNanos}, counted from the
 * series' first time) merge into one, either keeping the latest row ({@link Merge#LAST}: levels
 * such as prices, positions, probabilities) or adding them up ({@link Merge#SUM}: quantities such
 * as fills). When the series is full, the bucket width doubles and the stored rows are merged
 * again until at most half the capacity is used, so a long run keeps between {@code capacity / 2}
 * and {@code capacity} rows evenly spread over its whole span, whatever its length. Each row keeps
 * the time of its latest sample. Times must not decrease.
 *
 * <p>Backtest report only (not for the live path): appends are O(1) amortised, a compaction is
 * O(capacity); memory is O(capacity x width), allocated once. Single-threaded.
 */
public final class DownsampledSeries {
    /** How samples in one bucket combine. */
    public enum Merge {
        /** The bucket keeps its latest sample. */
        LAST,
        /** The bucket keeps the sum of its samples, column by column. */
        SUM
    }

    private final int width;
    private final int capacity;
    private final Merge merge;
    private final long[] times;
    private final double[] values;
    private long bucketNanos;
    private long origin;
    private int size;

    /**
     * @param width              values per row, >= 1
     * @param capacity           most rows kept, >= 2
     * @param initialBucketNanos starting bucket width, > 0 (it doubles as the series fills up)
     */
    public DownsampledSeries(final int width, final int capacity, final long initialBucketNanos, final Merge merge) {
        if (width < 1) {
            throw new IllegalArgumentException("series width " + width + " must be >= 1");
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("series capacity " + capacity + " must be >= 2");
        }
        if (initialBucketNanos <= 0) {
            throw new IllegalArgumentException("series bucket width " + initialBucketNanos + " ns must be > 0");
        }
        this.width = width;
        this.capacity = capacity;
        this.merge = merge;
        this.bucketNanos = initialBucketNanos;
        times = new long[capacity];
        values = new double[capacity * width];
    }

    /** Adds a one-value sample (width 1). */
    public void add(final long timeNanos, final double value) {
        if (width != 1) {
            throw new IllegalArgumentException("series of width " + width + " given 1 value");
        }
        final int at = slot(timeNanos);
        combine(at, value);
    }

    /** Adds a sample of the first {@code width} values of {@code row}. */
    public void add(final long timeNanos, final double[] row) {
        if (row.length < width) {
            throw new IllegalArgumentException("series of width " + width + " given " + row.length + " values");
        }
        final int at = slot(timeNanos);
        for (int c = 0; c < width; c++) {
            combine(at + c, row[c]);
        }
    }

    private void combine(final int index, final double v) {
        values[index] = merge == Merge.SUM ? values[index] + v : v;
    }

    /** Returns the offset in {@link #values} of the row that takes a sample at {@code t}. */
    private int slot(final long t) {
        if (size > 0) {
            final long last = times[size - 1];
            if (t < last) {
                throw new IllegalArgumentException("series time " + t + " is before the previous sample " + last);
            }
            if (bucket(t) == bucket(last)) {
                times[size - 1] = t;
                return (size - 1) * width;
            }
            if (size == capacity) {
                compact();
                return slot(t);
            }
        } else {
            origin = t;
        }
        times[size] = t;
        Arrays.fill(values, size * width, (size + 1) * width, 0.0);
        return size++ * width;
    }

    private long bucket(final long t) {
        return (t - origin) / bucketNanos;
    }

    private void compact() {
        while (size > capacity / 2) {
            bucketNanos = Math.multiplyExact(bucketNanos, 2L);
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (kept > 0 && bucket(times[i]) == bucket(times[kept - 1])) {
                    times[kept - 1] = times[i];
                    for (int c = 0; c < width; c++) {
                        combine((kept - 1) * width + c, values[i * width + c]);
                    }
                } else {
                    times[kept] = times[i];
                    System.arraycopy(values, i * width, values, kept * width, width);
                    kept++;
                }
            }
            size = kept;
        }
    }

    public int size() {
        return size;
    }

    public int width() {
        return width;
    }

    /** Time of row {@code row}'s latest sample, epoch nanoseconds. */
    public long time(final int row) {
        return times[row];
    }

    /** Value {@code column} of row {@code row}. */
    public double value(final int row, final int column) {
        return values[row * width + column];
    }

    /** Current bucket width in nanoseconds. */
    public long bucketNanos() {
        return bucketNanos;
    }
}
