package io.skytrade.core.kalman;

/**
 * Scalar random-walk Kalman filters for several ids (the filtered mid of each market): the state
 * gains {@code processNoisePerHour x dt} variance between updates, and each measurement carries
 * its own noise variance. Joseph-form update, Mahalanobis gate with rejection counting and a
 * restart after too many consecutive rejections, as in {@link LocalLinearTrendFilter}.
 *
 * <p>Single-threaded; primitive arrays indexed by id. Hot-path cost: ~10 flops per update, no
 * allocation. Non-finite input throws {@link IllegalArgumentException}.
 */
public final class ScalarKalmanFilter {
    private final int ids;
    private final double q;
    private final double gate2;
    private final int maxRejects;
    private final double[] x;
    private final double[] p;
    private final long[] time;
    private final boolean[] started;
    private final long[] rejected;
    private final int[] rejectRun;
    private final double[] lastGain;

    public ScalarKalmanFilter(final int ids, final double processNoisePerHour, final double gateSigmas,
                              final int maxConsecutiveRejects) {
        KalmanParams.positive("kalman.processNoisePerHour", processNoisePerHour);
        KalmanParams.positive("kalman.gateSigmas", gateSigmas);
        this.ids = ids;
        q = processNoisePerHour;
        gate2 = gateSigmas * gateSigmas;
        maxRejects = maxConsecutiveRejects;
        x = new double[ids];
        p = new double[ids];
        time = new long[ids];
        started = new boolean[ids];
        rejected = new long[ids];
        rejectRun = new int[ids];
        lastGain = new double[ids];
    }

    /**
     * Predicts to {@code timeNanos} and folds in measurement {@code z} with noise variance {@code r}.
     *
     * @return {@link LocalLinearTrendFilter#ACCEPTED}, {@code INITIALISED} or {@code REJECTED}
     */
    public int update(final int id, final long timeNanos, final double z, final double r) {
        if (!Double.isFinite(z) || !(r > 0.0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("ScalarKalmanFilter.update: measurement " + z + " with noise " + r
                + " for id " + id + " must be finite with positive noise");
        }
        if (!started[id]) {
            started[id] = true;
            x[id] = z;
            p[id] = r;
            time[id] = timeNanos;
            rejectRun[id] = 0;
            return LocalLinearTrendFilter.INITIALISED;
        }
        if (timeNanos > time[id]) {
            p[id] += q * ((timeNanos - time[id]) / LocalLinearTrend.NANOS_PER_HOUR);
            time[id] = timeNanos;
        }
        final double y = z - x[id];
        final double s = p[id] + r;
        if (y * y / s > gate2) {
            rejected[id]++;
            if (++rejectRun[id] >= maxRejects) {
                started[id] = false;
            }
            return LocalLinearTrendFilter.REJECTED;
        }
        rejectRun[id] = 0;
        final double k = p[id] / s;
        lastGain[id] = k;
        x[id] += k * y;
        p[id] = (1.0 - k) * (1.0 - k) * p[id] + k * k * r;
        return LocalLinearTrendFilter.ACCEPTED;
    }

    public boolean isStarted(final int id) {
        return started[id];
    }

    public double estimate(final int id) {
        return x[id];
    }

    public double variance(final int id) {
        return p[id];
    }

    /** Kalman gain of the last accepted update. */
    public double lastGain(final int id) {
        return lastGain[id];
    }

    public long rejectedCount(final int id) {
        return rejected[id];
    }

    public long stateHash() {
        long h = 5;
        for (int i = 0; i < ids; i++) {
            h = 31 * h + Double.doubleToLongBits(x[i]);
            h = 31 * h + Double.doubleToLongBits(p[i]);
            h = 31 * h + time[i] + rejected[i] + (started[i] ? 1 : 0);
        }
        return h;
    }
}
