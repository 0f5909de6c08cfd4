package io.skytrade.core.kalman;

/**
 * Kalman filters of a local linear trend (level and slope per hour) for several series, with
 * irregular time steps taken from event times. {@link #predict} moves a series to a time without a
 * measurement; {@link #update} predicts and then folds in a reading with the Joseph-form covariance
 * update (symmetric positive semi-definite by construction: only the upper triangle is stored and
 * every term is a congruence plus a PSD matrix). A reading whose standardised innovation exceeds
 * the Mahalanobis gate is rejected and counted; after {@code maxConsecutiveRejects} rejections in a
 * row the next reading restarts the filter.
 *
 * <p>Single-threaded; state in primitive arrays indexed by series id. Hot-path cost: ~30 flops per
 * update, no allocation. Non-finite readings throw {@link IllegalArgumentException}.
 */
public final class LocalLinearTrendFilter {
    /** {@link #update} outcome: the reading was folded in. */
    public static final int ACCEPTED = 0;
    /** {@link #update} outcome: the first reading (or a restart) initialised the state. */
    public static final int INITIALISED = 1;
    /** {@link #update} outcome: the reading failed the gate and was ignored. */
    public static final int REJECTED = 2;

    private final int ids;
    private final double[] levelNoise;
    private final double[] slopeNoise;
    private final double[] measNoise;
    private final double[] initSlopeVar;
    private final double[] level;
    private final double[] slope;
    private final double[] p00;
    private final double[] p01;
    private final double[] p11;
    private final long[] time;
    private final InnovationGate gate;

    /**
     * @param noise one noise model per series id (read once; the array is not kept)
     */
    public LocalLinearTrendFilter(final SeriesNoise[] noise, final double gateSigmas, final int maxConsecutiveRejects) {
        ids = noise.length;
        levelNoise = new double[ids];
        slopeNoise = new double[ids];
        measNoise = new double[ids];
        initSlopeVar = new double[ids];
        for (int i = 0; i < ids; i++) {
            levelNoise[i] = noise[i].levelNoisePerHour();
            slopeNoise[i] = noise[i].slopeNoisePerHour();
            measNoise[i] = noise[i].measurementNoise();
            initSlopeVar[i] = noise[i].initialSlopeVariance();
        }
        level = new double[ids];
        slope = new double[ids];
        p00 = new double[ids];
        p01 = new double[ids];
        p11 = new double[ids];
        time = new long[ids];
        gate = new InnovationGate(ids, gateSigmas, maxConsecutiveRejects);
    }

    /** Moves the state of {@code id} forward to {@code timeNanos}; a no-op for earlier times or before the first reading. */
    public void predict(final int id, final long timeNanos) {
        if (!gate.isStarted(id) || timeNanos <= time[id]) {
            return;
        }
        final double h = (timeNanos - time[id]) / LocalLinearTrend.NANOS_PER_HOUR;
        final double qs = slopeNoise[id];
        final double a = p00[id];
        final double b = p01[id];
        final double c = p11[id];
        level[id] += slope[id] * h;
        p00[id] = a + 2.0 * h * b + h * h * c + levelNoise[id] * h + qs * h * h * h / 3.0;
        p01[id] = b + h * c + qs * h * h / 2.0;
        p11[id] = c + qs * h;
        time[id] = timeNanos;
    }

    /**
     * Predicts to {@code timeNanos} and folds in reading {@code z}; a reading older than the state
     * is applied at the state's time.
     *
     * @return {@link #ACCEPTED}, {@link #INITIALISED} or {@link #REJECTED}
     */
    public int update(final int id, final long timeNanos, final double z) {
        if (!Double.isFinite(z)) {
            throw new IllegalArgumentException("LocalLinearTrendFilter.update: reading " + z + " for series " + id + " must be finite");
        }
        if (!gate.isStarted(id)) {
            restart(id, timeNanos, z);
            return INITIALISED;
        }
        predict(id, timeNanos);
        final double r = measNoise[id];
        final double y = z - level[id];
        final double s = p00[id] + r;
        if (!gate.admit(id, y, s)) {
            return REJECTED;
        }
        final double a = p00[id];
        final double b = p01[id];
        final double c = p11[id];
        final double k0 = a / s;
        final double k1 = b / s;
        level[id] += k0 * y;
        slope[id] += k1 * y;
        final double a00 = 1.0 - k0;
        final double a10 = -k1;
        p00[id] = a00 * a00 * a + k0 * k0 * r;
        p01[id] = a00 * (a10 * a + b) + k0 * k1 * r;
        p11[id] = a10 * a10 * a + 2.0 * a10 * b + c + k1 * k1 * r;
        return ACCEPTED;
    }

    private void restart(final int id, final long timeNanos, final double z) {
        gate.start(id);
        level[id] = z;
        slope[id] = 0.0;
        p00[id] = measNoise[id];
        p01[id] = 0.0;
        p11[id] = initSlopeVar[id];
        time[id] = timeNanos;
    }

    public boolean isStarted(final int id) {
        return gate.isStarted(id);
    }

    public double level(final int id) {
        return level[id];
    }

    /** Slope in series units per hour. */
    public double slope(final int id) {
        return slope[id];
    }

    public double varLevel(final int id) {
        return p00[id];
    }

    public double covLevelSlope(final int id) {
        return p01[id];
    }

    public double varSlope(final int id) {
        return p11[id];
    }

    /** Event time of the state, epoch nanoseconds. */
    public long time(final int id) {
        return time[id];
    }

    /** Readings rejected by the gate since start-up. */
    public long rejectedCount(final int id) {
        return gate.rejectedCount(id);
    }

    /** Standardised innovation of the last reading; NaN when it was rejected. */
    public double lastInnovationZ(final int id) {
        return gate.lastInnovationZ(id);
    }

    /** Forecast mean of the level at {@code timeNanos} (not before the state time). */
    public double forecastMean(final int id, final long timeNanos) {
        final double h = Math.max(0L, timeNanos - time[id]) / LocalLinearTrend.NANOS_PER_HOUR;
        return LocalLinearTrend.mean(level[id], slope[id], h);
    }

    /** Forecast variance of the level at {@code timeNanos} (not before the state time). */
    public double forecastVariance(final int id, final long timeNanos) {
        final double h = Math.max(0L, timeNanos - time[id]) / LocalLinearTrend.NANOS_PER_HOUR;
        return LocalLinearTrend.levelVariance(p00[id], p01[id], p11[id], levelNoise[id], slopeNoise[id], h);
    }

    public long stateHash() {
        long hsh = 3;
        for (int i = 0; i < ids; i++) {
            hsh = 31 * hsh + Double.doubleToLongBits(level[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(slope[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(p00[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(p01[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(p11[i]);
            hsh = 31 * hsh + time[i] + gate.rejectedCount(i) + (gate.isStarted(i) ? 1 : 0);
        }
        return hsh;
    }
}
