package io.skytrade.engine.calibration;

import io.skytrade.core.world.SeriesPath;
import io.skytrade.core.world.WorldSeries;

import java.util.Arrays;

/**
 * A {@link SeriesPath} over recorded readings (a journal's observations), so that the settlement
 * rules can settle real data with the same code that settles the synthetic world: the value of a
 * series at an instant is the reading taken at that instant or, failing that, the latest reading
 * at most {@code maxAgeNanos} before it. Anything else is a miss: the value is NaN and
 * {@link #misses()} counts it, so a caller can tell a settlement computed from complete data from
 * one that silently read a gap (some formulas map NaN to 0, e.g. an empty flight bin).
 *
 * <p>Fill with {@link #add}, then {@link #freeze} before reading. Not thread-safe. Offline tool:
 * allocates as readings are added.
 */
final class RecordedSeriesPath implements SeriesPath {
    private final long maxAgeNanos;
    private final long[][] times = new long[WorldSeries.COUNT][];
    private final double[][] values = new double[WorldSeries.COUNT][];
    private final int[] counts = new int[WorldSeries.COUNT];
    private long misses;

    RecordedSeriesPath(final long maxAgeNanos) {
        this.maxAgeNanos = maxAgeNanos;
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            times[s] = new long[64];
            values[s] = new double[64];
        }
    }

    /** Records a reading of world series {@code series} taken at {@code timeNanos}; any order. */
    void add(final int series, final long timeNanos, final double value) {
        if (counts[series] == times[series].length) {
            times[series] = Arrays.copyOf(times[series], 2 * counts[series]);
            values[series] = Arrays.copyOf(values[series], 2 * counts[series]);
        }
        times[series][counts[series]] = timeNanos;
        values[series][counts[series]] = value;
        counts[series]++;
    }

    /**
     * Sorts each series by time; of several readings with the same time the last one added wins
     * (a late correction replaces the first report).
     */
    void freeze() {
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            final int n = counts[s];
            final Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final long[] t = times[s];
            Arrays.sort(order, (a, b) -> t[a] != t[b] ? Long.compare(t[a], t[b]) : Integer.compare(a, b));
            final long[] sortedTimes = new long[n];
            final double[] sortedValues = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                final int k = order[i];
                if (m > 0 && sortedTimes[m - 1] == t[k]) {
                    sortedValues[m - 1] = values[s][k];
                } else {
                    sortedTimes[m] = t[k];
                    sortedValues[m] = values[s][k];
                    m++;
                }
            }
            times[s] = sortedTimes;
            values[s] = sortedValues;
            counts[s] = m;
        }
    }

    /** Readings of a world series after {@link #freeze}. */
    int count(final int series) {
        return counts[series];
    }

    /** Lookups that found no reading since the last {@link #resetMisses}. */
    long misses() {
        return misses;
    }

    void resetMisses() {
        misses = 0;
    }

    @Override
    public double value(final int series, final long epochNanos) {
        final int i = Arrays.binarySearch(times[series], 0, counts[series], epochNanos);
        if (i >= 0) {
            return values[series][i];
        }
        final int before = -i - 2;
        if (before >= 0 && epochNanos - times[series][before] <= maxAgeNanos) {
            return values[series][before];
        }
        misses++;
        return Double.NaN;
    }
}
