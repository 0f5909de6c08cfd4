package io.skytrade.core.kalman;

/**
 * Scalar random-walk Kalman filters for several ids (the filtered mid of each market): the state
 * gains {@code processNoisePerHour x dt} variance between updates, and each measurement carries
 * its own noise variance. Joseph-form update, and the nowcast filters' {@link InnovationGate}
 * (rejection counting, restart after too many consecutive rejections).
 *
 * <p>Single-threaded; primitive arrays indexed by id. Hot-path cost: ~10 flops per update, no
 * allocation. Non-finite input throws {@link IllegalArgumentException}.
 */
public final class ScalarKalmanFilter {
    private final int ids;
    private final double q;
    private final double[] x;
    private final double[] p;
    private final long[] time;
    private final InnovationGate gate;
    private final double[] lastGain;

    public ScalarKalmanFilter(final int ids, final double processNoisePerHour, final double gateSigmas,
                              final int maxConsecutiveRejects) {
        KalmanParams.positive("kalman.processNoisePerHour", processNoisePerHour);
        KalmanParams.positive("kalman.gateSigmas", gateSigmas);
        this.ids = ids;
        q = processNoisePerHour;
        x = new double[ids];
        p = new double[ids];
        time = new long[ids];
        gate = new InnovationGate(ids, gateSigmas, maxConsecutiveRejects);
        lastGain = new double[ids];
    }

    /**
     * Predicts to {@code timeNanos} and folds in measurement {@code z} with noise variance {@code r}.
     *
     * @return {@link StructuralModel#ACCEPTED}, {@code INITIALISED} or {@code REJECTED}
     */
    public int update(final int id, final long timeNanos, final double z, final double r) {
        if (!Double.isFinite(z) || !(r > 0.0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("ScalarKalmanFilter.update: measurement " + z + " with noise " + r
                + " for id " + id + " must be finite with positive noise");
        }
        if (!gate.isStarted(id)) {
            gate.start(id);
            x[id] = z;
            p[id] = r;
            time[id] = timeNanos;
            return StructuralModel.INITIALISED;
        }
        if (timeNanos > time[id]) {
            p[id] += q * ((timeNanos - time[id]) / StructuralModel.NANOS_PER_HOUR);
            time[id] = timeNanos;
        }
        final double y = z - x[id];
        final double s = p[id] + r;
        if (!gate.admit(id, y, s)) {
            return StructuralModel.REJECTED;
        }
        final double k = p[id] / s;
        lastGain[id] = k;
        x[id] += k * y;
        p[id] = (1.0 - k) * (1.0 - k) * p[id] + k * k * r;
        return StructuralModel.ACCEPTED;
    }

    public boolean isStarted(final int id) {
        return gate.isStarted(id);
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
        return gate.rejectedCount(id);
    }

    public long stateHash() {
        long h = 5;
        for (int i = 0; i < ids; i++) {
            h = 31 * h + Double.doubleToLongBits(x[i]);
            h = 31 * h + Double.doubleToLongBits(p[i]);
            h = 31 * h + time[i] + gate.rejectedCount(i) + (gate.isStarted(i) ? 1 : 0);
        }
        return h;
    }
}
