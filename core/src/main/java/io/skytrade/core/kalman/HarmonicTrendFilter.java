package io.skytrade.core.kalman;

/**
 * Kalman filters of a local linear trend plus harmonics (a "harmonic regression" whose
 * coefficients are learned online) for several series, with irregular time steps taken from event
 * times: a reading is {@code z = level + sum_k (a_k cos(w_k t) + b_k sin(w_k t)) + noise}, the
 * level and slope evolve as in {@link LocalLinearTrendFilter} ({@link SeriesNoise}) and each
 * coefficient is a random walk ({@link HarmonicModel}). It is what lets the Thames level be
 * forecast hours ahead along the tide (M2 12.42 h, S2 12 h, M4 6.21 h) instead of along a
 * straight line, and the diurnal cycles of weather, air quality and flights follow the clock.
 *
 * <p>State per series: {@code x = [level, slope, a_1, b_1, ..., a_K, b_K]} (dimension
 * {@code n = 2 + 2K <= }{@link HarmonicModel#MAX_STATE}) and its full covariance, kept symmetric
 * (only the upper triangle is computed, then mirrored). The update is the Joseph form for the gain
 * actually used, {@code P - K u' - u K' + S K K'} with {@code u = P h'}, written out in O(n^2).
 * Phases are {@code 2 pi (t mod P_k) / P_k} with the modulo in integer nanoseconds and StrictMath
 * trigonometry, so runs are bit-for-bit repeatable. Mahalanobis gate, rejection counting and
 * restart after {@code maxConsecutiveRejects} rejections as in {@link LocalLinearTrendFilter}; a
 * restart puts the reading in the level with the coefficients unknown.
 *
 * <p>Single-threaded; state in preallocated primitive arrays indexed by series id. Hot-path cost
 * per update: 2K StrictMath cos/sin plus ~4 n^2 flops (about 0.3 us for K = 3), no allocation.
 * Non-finite readings throw {@link IllegalArgumentException}.
 */
public final class HarmonicTrendFilter {
    private static final int N = HarmonicModel.MAX_STATE;
    private static final int NN = N * N;

    private final int ids;
    private final int[] dim;
    private final int[] harmonics;
    private final long[] periodNanos;
    private final double[] levelNoise;
    private final double[] slopeNoise;
    private final double[] measNoise;
    private final double[] initSlopeVar;
    private final double[] coefNoise;
    private final double[] initCoefVar;
    private final double[] initLevelVar;
    private final double[] x;
    private final double[] p;
    private final long[] time;
    private final InnovationGate gate;
    private final double[] h = new double[N];
    private final double[] u = new double[N];

    /**
     * @param noise  trend noise model per series id (read once; the array is not kept)
     * @param models harmonics per series id, same length (read once)
     */
    public HarmonicTrendFilter(final SeriesNoise[] noise, final HarmonicModel[] models, final double gateSigmas,
                               final int maxConsecutiveRejects) {
        if (noise.length != models.length) {
            throw new IllegalArgumentException("HarmonicTrendFilter: " + noise.length + " noise models but "
                + models.length + " harmonic models");
        }
        ids = noise.length;
        dim = new int[ids];
        harmonics = new int[ids];
        periodNanos = new long[ids * HarmonicModel.MAX_HARMONICS];
        levelNoise = new double[ids];
        slopeNoise = new double[ids];
        measNoise = new double[ids];
        initSlopeVar = new double[ids];
        coefNoise = new double[ids];
        initCoefVar = new double[ids * HarmonicModel.MAX_HARMONICS];
        initLevelVar = new double[ids];
        for (int i = 0; i < ids; i++) {
            harmonics[i] = models[i].count();
            dim[i] = 2 + 2 * harmonics[i];
            for (int k = 0; k < harmonics[i]; k++) {
                periodNanos[i * HarmonicModel.MAX_HARMONICS + k] = models[i].periodNanos(k);
            }
            levelNoise[i] = noise[i].levelNoisePerHour();
            slopeNoise[i] = noise[i].slopeNoisePerHour();
            measNoise[i] = noise[i].measurementNoise();
            initSlopeVar[i] = noise[i].initialSlopeVariance();
            coefNoise[i] = models[i].coefficientNoisePerHour();
            initLevelVar[i] = models[i].count() > 0 ? models[i].levelPriorVariance() : measNoise[i];
            for (int k = 0; k < harmonics[i]; k++) {
                initCoefVar[i * HarmonicModel.MAX_HARMONICS + k] = models[i].priorVariance(k);
            }
        }
        x = new double[ids * N];
        p = new double[ids * NN];
        time = new long[ids];
        gate = new InnovationGate(ids, gateSigmas, maxConsecutiveRejects);
    }

    /** Moves the state of {@code id} forward to {@code timeNanos}; a no-op for earlier times or before the first reading. */
    public void predict(final int id, final long timeNanos) {
        if (!gate.isStarted(id) || timeNanos <= time[id]) {
            return;
        }
        final double dt = (timeNanos - time[id]) / LocalLinearTrend.NANOS_PER_HOUR;
        final int n = dim[id];
        final int xo = id * N;
        final int po = id * NN;
        x[xo] += x[xo + 1] * dt;
        // P <- F P F' with F = I + dt e0 e1': row 0 += dt row 1, then column 0 += dt column 1.
        for (int j = 0; j < n; j++) {
            p[po + j] += dt * p[po + N + j];
        }
        for (int i = 0; i < n; i++) {
            p[po + i * N] += dt * p[po + i * N + 1];
        }
        final double qs = slopeNoise[id];
        p[po] += levelNoise[id] * dt + qs * dt * dt * dt / 3.0;
        p[po + 1] += qs * dt * dt / 2.0;
        p[po + N] += qs * dt * dt / 2.0;
        p[po + N + 1] += qs * dt;
        final double qc = coefNoise[id] * dt;
        for (int i = 2; i < n; i++) {
            p[po + i * N + i] += qc;
        }
        time[id] = timeNanos;
    }

    /**
     * Predicts to {@code timeNanos} and folds in reading {@code z}; a reading older than the state
     * is applied at the state's time (with the regressors of its own time).
     *
     * @return {@link LocalLinearTrendFilter#ACCEPTED}, {@code INITIALISED} or {@code REJECTED}
     */
    public int update(final int id, final long timeNanos, final double z) {
        if (!Double.isFinite(z)) {
            throw new IllegalArgumentException("HarmonicTrendFilter.update: reading " + z + " for series " + id + " must be finite");
        }
        if (!gate.isStarted(id)) {
            restart(id, timeNanos, z);
            fold(id, timeNanos, z);
            gate.start(id);
            return LocalLinearTrendFilter.INITIALISED;
        }
        predict(id, timeNanos);
        return fold(id, timeNanos, z);
    }

    private int fold(final int id, final long timeNanos, final double z) {
        final int n = dim[id];
        final int xo = id * N;
        final int po = id * NN;
        h[0] = 1.0;
        h[1] = 0.0;
        HarmonicModel.regressors(periodNanos, id * HarmonicModel.MAX_HARMONICS, harmonics[id], timeNanos, h, 2);
        double fit = 0.0;
        for (int i = 0; i < n; i++) {
            fit += h[i] * x[xo + i];
        }
        double s = measNoise[id];
        for (int i = 0; i < n; i++) {
            double ui = 0.0;
            for (int j = 0; j < n; j++) {
                ui += p[po + i * N + j] * h[j];
            }
            u[i] = ui;
            s += h[i] * ui;
        }
        final double y = z - fit;
        if (!gate.admit(id, y, s)) {
            return LocalLinearTrendFilter.REJECTED;
        }
        for (int i = 0; i < n; i++) {
            x[xo + i] += u[i] / s * y;
        }
        for (int i = 0; i < n; i++) {
            final double ki = u[i] / s;
            for (int j = i; j < n; j++) {
                final double kj = u[j] / s;
                final double v = p[po + i * N + j] - ki * u[j] - u[i] * kj + s * ki * kj;
                p[po + i * N + j] = v;
                p[po + j * N + i] = v;
            }
        }
        return LocalLinearTrendFilter.ACCEPTED;
    }

    private void restart(final int id, final long timeNanos, final double z) {
        gate.start(id);
        final int xo = id * N;
        final int po = id * NN;
        for (int i = 0; i < N; i++) {
            x[xo + i] = 0.0;
        }
        for (int i = 0; i < NN; i++) {
            p[po + i] = 0.0;
        }
        x[xo] = z;
        p[po] = initLevelVar[id];
        p[po + N + 1] = initSlopeVar[id];
        for (int i = 2; i < dim[id]; i++) {
            p[po + i * N + i] = initCoefVar[id * HarmonicModel.MAX_HARMONICS + (i - 2) / 2];
        }
        time[id] = timeNanos;
    }

    public boolean isStarted(final int id) {
        return gate.isStarted(id);
    }

    /** State dimension of {@code id}: 2 + 2 x harmonics. */
    public int dimension(final int id) {
        return dim[id];
    }

    /** Number of harmonics of {@code id}. */
    public int harmonics(final int id) {
        return harmonics[id];
    }

    /** Level of the trend (the series without its harmonics). */
    public double level(final int id) {
        return x[id * N];
    }

    /** Slope of the trend, unit per hour. */
    public double slope(final int id) {
        return x[id * N + 1];
    }

    /** State component {@code i} (0 level, 1 slope, 2k+2 and 2k+3 the cos and sin coefficient of harmonic k). */
    public double state(final int id, final int i) {
        return x[id * N + i];
    }

    /** Covariance of state components {@code i} and {@code j}. */
    public double covariance(final int id, final int i, final int j) {
        return p[id * NN + i * N + j];
    }

    /** Copies the state into {@code out[0..n)} and the covariance, row-major with stride n, into {@code cov[0..n*n)}. */
    public void copyState(final int id, final double[] out, final double[] cov) {
        final int n = dim[id];
        System.arraycopy(x, id * N, out, 0, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(p, id * NN + i * N, cov, i * n, n);
        }
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

    /** Forecast mean of a reading at {@code timeNanos} (the trend extrapolated from the state time, harmonics at that time). */
    public double forecastMean(final int id, final long timeNanos) {
        final double dt = Math.max(0L, timeNanos - time[id]) / LocalLinearTrend.NANOS_PER_HOUR;
        h[0] = 1.0;
        h[1] = dt;
        HarmonicModel.regressors(periodNanos, id * HarmonicModel.MAX_HARMONICS, harmonics[id], timeNanos, h, 2);
        double m = 0.0;
        for (int i = 0; i < dim[id]; i++) {
            m += h[i] * x[id * N + i];
        }
        return m;
    }

    /** Forecast variance of the level plus harmonics (without reading noise) at {@code timeNanos}. */
    public double forecastVariance(final int id, final long timeNanos) {
        final double dt = Math.max(0L, timeNanos - time[id]) / LocalLinearTrend.NANOS_PER_HOUR;
        h[0] = 1.0;
        h[1] = dt;
        HarmonicModel.regressors(periodNanos, id * HarmonicModel.MAX_HARMONICS, harmonics[id], timeNanos, h, 2);
        final int n = dim[id];
        final int po = id * NN;
        double v = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v += h[i] * p[po + i * N + j] * h[j];
            }
        }
        v += levelNoise[id] * dt + slopeNoise[id] * dt * dt * dt / 3.0 + coefNoise[id] * dt * harmonics[id];
        return v > 0.0 ? v : 0.0;
    }

    public long stateHash() {
        long hsh = 7;
        for (int i = 0; i < ids; i++) {
            for (int j = 0; j < dim[i]; j++) {
                hsh = 31 * hsh + Double.doubleToLongBits(x[i * N + j]);
                for (int k = j; k < dim[i]; k++) {
                    hsh = 31 * hsh + Double.doubleToLongBits(p[i * NN + j * N + k]);
                }
            }
            hsh = 31 * hsh + time[i] + gate.rejectedCount(i) + (gate.isStarted(i) ? 1 : 0);
        }
        return hsh;
    }
}
