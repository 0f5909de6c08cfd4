package io.skytrade.core.feature;

/**
 * Rolling-window statistics over the last {@code capacity} values of each of several ids (data
 * series or instruments): mean and sample variance by Welford's add/remove update (re-synchronised
 * by an exact two-pass recomputation once per {@code capacity} additions, so rounding error cannot
 * accumulate), z-score, momentum and rate of change, and minimum and maximum by a pass over the
 * window when asked (no stage asks on the hot path, so {@link #add} keeps no order statistics).
 *
 * <p>State is held in flat primitive arrays indexed by id, allocated once in the constructor.
 * Single-threaded (owned by one stage). Hot-path cost of {@link #add}: O(1) amortised, no
 * allocation; the re-synchronisation costs O(capacity) once every {@code capacity} additions;
 * {@link #min} and {@link #max} cost O(capacity).
 */
public final class RollingWindow {
    private final int capacity;
    /** capacity - 1 when the capacity is a power of two (ring positions by a mask, not a long division), else -1. */
    private final long ringMask;
    private final int ids;
    private final double[] values;
    private final long[] times;
    private final long[] pushed;
    private final double[] mean;
    private final double[] m2;
    private final int[] sinceResync;

    /**
     * @param ids      number of ids (0..ids-1)
     * @param capacity values kept per id, at least 1
     */
    public RollingWindow(final int ids, final int capacity) {
        if (ids < 1) {
            throw new IllegalArgumentException("RollingWindow.ids: " + ids + " must be >= 1");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("RollingWindow.capacity: " + capacity + " must be >= 1");
        }
        this.ids = ids;
        this.capacity = capacity;
        ringMask = Integer.bitCount(capacity) == 1 ? capacity - 1 : -1;
        values = new double[ids * capacity];
        times = new long[ids * capacity];
        pushed = new long[ids];
        mean = new double[ids];
        m2 = new double[ids];
        sinceResync = new int[ids];
    }

    public int capacity() {
        return capacity;
    }

    /** {@code position % capacity} for a non-negative position (a mask for the default power-of-two capacities). */
    private int ring(final long position) {
        return ringMask >= 0 ? (int) (position & ringMask) : (int) (position % capacity);
    }

    /**
     * Adds one value observed at {@code timeNanos}, evicting the oldest when the window is full.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, or the id out of range
     */
    public void add(final int id, final long timeNanos, final double x) {
        if (id < 0 || id >= ids) {
            throw new IllegalArgumentException("RollingWindow.add: id " + id + " must be in [0, " + ids + ")");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("RollingWindow.add: value " + x + " for id " + id + " must be finite");
        }
        final int base = id * capacity;
        final long p = pushed[id];
        final int slot = ring(p);
        int n = (int) Math.min(p, capacity);
        if (n == capacity) {
            final double old = values[base + slot];
            final double meanOld = mean[id];
            final double meanNew = n == 1 ? 0.0 : meanOld + (meanOld - old) / (n - 1);
            m2[id] = n == 1 ? 0.0 : m2[id] - (old - meanOld) * (old - meanNew);
            mean[id] = meanNew;
            n--;
        }
        n++;
        final double d = x - mean[id];
        mean[id] += d / n;
        m2[id] += d * (x - mean[id]);
        if (m2[id] < 0.0) {
            m2[id] = 0.0;
        }
        values[base + slot] = x;
        times[base + slot] = timeNanos;
        pushed[id] = p + 1;
        if (++sinceResync[id] >= capacity) {
            resync(id, n);
        }
    }

    private void resync(final int id, final int n) {
        sinceResync[id] = 0;
        final int base = id * capacity;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += values[base + i];
        }
        final double m = sum / n;
        double ss = 0.0;
        for (int i = 0; i < n; i++) {
            final double d = values[base + i] - m;
            ss += d * d;
        }
        mean[id] = m;
        m2[id] = ss;
    }

    /** Number of values in the window of {@code id}. */
    public int count(final int id) {
        return (int) Math.min(pushed[id], capacity);
    }

    public double mean(final int id) {
        return mean[id];
    }

    /** Sample variance (divisor n-1); 0 with fewer than two values. */
    public double variance(final int id) {
        final int n = count(id);
        return n < 2 ? 0.0 : m2[id] / (n - 1);
    }

    public double std(final int id) {
        return Math.sqrt(variance(id));
    }

    /** Largest value in the window (the newest of equal ones); NaN when empty. O(capacity). */
    public double max(final int id) {
        final long p = pushed[id];
        if (p == 0) {
            return Double.NaN;
        }
        final int base = id * capacity;
        double best = Double.NEGATIVE_INFINITY;
        for (long q = Math.max(0, p - capacity); q < p; q++) {
            final double v = values[base + ring(q)];
            if (v >= best) {
                best = v;
            }
        }
        return best;
    }

    /** Smallest value in the window (the newest of equal ones); NaN when empty. O(capacity). */
    public double min(final int id) {
        final long p = pushed[id];
        if (p == 0) {
            return Double.NaN;
        }
        final int base = id * capacity;
        double best = Double.POSITIVE_INFINITY;
        for (long q = Math.max(0, p - capacity); q < p; q++) {
            final double v = values[base + ring(q)];
            if (v <= best) {
                best = v;
            }
        }
        return best;
    }

    /** Most recent value; NaN when empty. */
    public double newest(final int id) {
        final long p = pushed[id];
        return p == 0 ? Double.NaN : values[id * capacity + ring(p - 1)];
    }

    /** Oldest value still in the window; NaN when empty. */
    public double oldest(final int id) {
        final long p = pushed[id];
        if (p == 0) {
            return Double.NaN;
        }
        return values[id * capacity + ring(p <= capacity ? 0 : p)];
    }

    private long oldestTime(final int id) {
        final long p = pushed[id];
        return times[id * capacity + ring(p <= capacity ? 0 : p)];
    }

    private long newestTime(final int id) {
        return times[id * capacity + ring(pushed[id] - 1)];
    }

    /** (x - mean) / std of the window; 0 when the window has no spread. */
    public double zScore(final int id, final double x) {
        final double s = std(id);
        return s > 0.0 ? (x - mean[id]) / s : 0.0;
    }

    /** Newest minus oldest value in the window; 0 when empty. */
    public double momentum(final int id) {
        return pushed[id] == 0 ? 0.0 : newest(id) - oldest(id);
    }

    /** Momentum divided by the elapsed event time in seconds; 0 when no time has elapsed. */
    public double rateOfChangePerSecond(final int id) {
        if (pushed[id] < 2) {
            return 0.0;
        }
        final long dt = newestTime(id) - oldestTime(id);
        return dt > 0 ? momentum(id) / (dt * 1e-9) : 0.0;
    }

    /** Hash of the state of every id, for replay and snapshot comparisons (not hot path). */
    public long stateHash() {
        long h = 1;
        for (int id = 0; id < ids; id++) {
            h = 31 * h + pushed[id];
            h = 31 * h + Double.doubleToLongBits(mean[id]);
            h = 31 * h + Double.doubleToLongBits(m2[id]);
        }
        for (int i = 0; i < values.length; i++) {
            h = 31 * h + Double.doubleToLongBits(values[i]);
        }
        return h;
    }
}
