package io.skytrade.core.kalman;

import java.util.Map;

/**
 * A Kalman filter of a linear Gaussian structural time-series model of one or more series read
 * together ({@link NowcastModelSpec}): the state is a stack of independent components (random-walk
 * levels, harmonics with random-walk coefficients, Matern-3/2 and Ornstein-Uhlenbeck processes,
 * {@link ComponentType}), so the transition over any time step is block-diagonal with 1x1 or 2x2
 * blocks in closed form; a reading of series {@code r} at time {@code t} is
 * {@code offset_r(t) + h_r(t)' x + noise}, where {@code h_r(t)} holds the components' loadings
 * (times cos/sin of the harmonics' phases, and times the series' profile for a multiplicative
 * profile), {@code offset_r(t)} the series' learned per-slot profile, and the noise is the feed's
 * reading noise plus the settlement source's own sample noise. A log-scale model filters the log
 * of the readings (noise variances scaled by the reading squared). Predictions, forecasts and
 * variances follow the exact discrete-time transition between irregular event times.
 *
 * <p>Besides filtering it answers the valuation's forecast questions about any future time (mean,
 * latent variance, covariance of two series) from its posterior; {@link GridForecast} answers
 * them over a settlement window's grid.
 *
 * <p>Phases are {@code 2 pi (t mod P) / P} with the modulo in integer nanoseconds and StrictMath
 * trigonometry (as are the exponentials), so runs are bit-for-bit repeatable. A Mahalanobis gate
 * rejects outliers ({@link InnovationGate}); after too many in a row (a genuine shift) the level and
 * the stationary components get their prior uncertainty back and the reading is taken, while the
 * learned harmonics and profile are kept.
 *
 * <p>Single-threaded; preallocated primitive arrays. Hot-path cost of {@link #update}: the
 * prediction and the update, each about 2 n^2 flops for n state variables (n = 13 for the tide:
 * about 0.5 us), plus two StrictMath calls per harmonic; no allocation.
 */
public final class StructuralModel {
    /** Most state variables of one model. */
    public static final int MAX_STATE = 20;
    /** Most series of one model. */
    public static final int MAX_ROWS = 4;
    public static final int ACCEPTED = 0;
    public static final int INITIALISED = 1;
    public static final int REJECTED = 2;
    /** The reading carried no information (a profile of 0 and no noise: a curfew bin). */
    public static final int IGNORED = 3;

    static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    private static final long DAY_NANOS = 86_400_000_000_000L;
    /** Smallest reading a log-scale model takes the log of. */
    static final double LOG_FLOOR = 0.05;
    static final int LEVEL = 0;
    static final int HARMONIC = 1;
    static final int MATERN32 = 2;
    static final int OU = 3;

    final int rows;
    final int n;
    final int comps;
    final int[] kind;
    final int[] off;
    final double[] sigma2;
    final double[] lambda;
    final double[] q;
    final double[] m0;
    final double[] v0;
    final long[] periodNanos;
    final double[] load;
    final double[] readNoise;
    final double[] sampleNoise;
    final double[] samplePerUnit;
    final boolean logScale;
    final int profileKind;
    final int slots;
    final long slotNanos;
    final double[] profile;
    final double profileRate;

    final double[] x;
    final double[] p;
    private long time;
    private final InnovationGate gate;

    private final double[] h = new double[MAX_STATE];
    private final double[] u = new double[MAX_STATE];
    private final double[] v = new double[MAX_STATE];
    private final double[] w = new double[MAX_STATE];
    final double[] fq;
    private double fqDt = Double.NaN;

    public StructuralModel(final NowcastModelSpec spec, final double gateSigmas, final int maxConsecutiveRejects) {
        rows = spec.seriesNames().length;
        comps = spec.components().size();
        kind = new int[comps];
        off = new int[comps];
        sigma2 = new double[comps];
        lambda = new double[comps];
        q = new double[comps];
        m0 = new double[comps];
        v0 = new double[comps];
        periodNanos = new long[comps];
        load = new double[comps * rows];
        int c = 0;
        int dim = 0;
        for (final Map.Entry<String, ModelComponent> e : spec.components().entrySet()) {
            final ModelComponent mc = e.getValue();
            kind[c] = mc.type().ordinal();
            off[c] = dim;
            dim += mc.type().size();
            sigma2[c] = mc.sigma() * mc.sigma();
            lambda[c] = mc.type() == ComponentType.MATERN32 ? Math.sqrt(3.0) / mc.lengthHours()
                : mc.type() == ComponentType.OU ? 1.0 / mc.lengthHours() : 0.0;
            q[c] = mc.noisePerHour();
            m0[c] = mc.initialMean();
            v0[c] = mc.initialVariance();
            periodNanos[c] = Math.round(mc.periodHours() * NANOS_PER_HOUR);
            if (mc.type() == ComponentType.HARMONIC && periodNanos[c] <= 0) {
                throw new IllegalArgumentException("kalman.models.components." + e.getKey() + ".periodHours: "
                    + mc.periodHours() + " rounds to no nanoseconds");
            }
            System.arraycopy(mc.loadings(), 0, load, c * rows, rows);
            c++;
        }
        n = dim;
        readNoise = spec.readingNoise();
        sampleNoise = spec.sampleNoise();
        samplePerUnit = spec.sampleNoisePerUnit();
        logScale = spec.logScale();
        profileKind = spec.profile().ordinal();
        slots = spec.profile() == NowcastModelSpec.ProfileKind.NONE ? 0 : spec.profileSlots();
        slotNanos = slots == 0 ? DAY_NANOS : DAY_NANOS / slots;
        profile = slots == 0 ? new double[0] : spec.profileInitial();
        profileRate = slots == 0 ? 0.0 : 1.0 / spec.profileDays();
        x = new double[n];
        p = new double[n * n];
        fq = new double[comps * 8];
        gate = new InnovationGate(1, gateSigmas, maxConsecutiveRejects);
    }

    /** Number of series (rows). */
    public int rows() {
        return rows;
    }

    /** Number of state variables. */
    public int dimension() {
        return n;
    }

    public boolean isStarted() {
        return gate.isStarted(0);
    }

    /** Event time of the posterior, epoch nanoseconds. */
    public long time() {
        return time;
    }

    public boolean logScale() {
        return logScale;
    }

    /** Standardised innovation of the last reading; NaN when it was rejected. */
    public double lastInnovationZ() {
        return gate.lastInnovationZ(0);
    }

    /** Readings rejected by the gate so far. */
    public long rejectedCount() {
        return gate.rejectedCount(0);
    }

    /** State variable {@code i} of the posterior. */
    public double state(final int i) {
        return x[i];
    }

    /** Posterior covariance of state variables {@code i} and {@code j}. */
    public double covariance(final int i, final int j) {
        return p[i * n + j];
    }

    /**
     * Folds in a reading {@code value} (in the series' unit) of row {@code row} taken at
     * {@code timeNanos}: predicts to that time (a reading older than the posterior is applied at
     * the posterior's time with its own regressors), gates and updates, then moves the row's
     * profile slot towards it.
     *
     * @return {@link #ACCEPTED}, {@link #INITIALISED}, {@link #REJECTED} or {@link #IGNORED}
     */
    public int update(final int row, final long timeNanos, final double value) {
        if (!Double.isFinite(value) || row < 0 || row >= rows) {
            throw new IllegalArgumentException("StructuralModel.update: reading " + value + " of row " + row + " must be finite, row 0.."
                + (rows - 1));
        }
        int outcome = ACCEPTED;
        if (!gate.isStarted(0)) {
            restart(timeNanos);
            outcome = INITIALISED;
        } else {
            predict(timeNanos);
        }
        final double z = logScale ? StrictMath.log(Math.max(value, LOG_FLOOR)) : value;
        double r = readNoise[row] + sampleVariance(row, timeNanos);
        if (logScale) {
            final double level = Math.max(value, LOG_FLOOR);
            r /= level * level;
        }
        final double offset = observation(row, timeNanos, h);
        double fit = offset;
        for (int i = 0; i < n; i++) {
            fit += h[i] * x[i];
        }
        double s = gain(r);
        final double y = z - fit;
        if (!(s > 1e-12)) {
            learnProfile(row, timeNanos, z);
            return IGNORED;
        }
        if (outcome != INITIALISED && !gate.admit(0, y, s)) {
            if (gate.isStarted(0)) {
                return REJECTED;
            }
            reopen();
            s = gain(r);
            outcome = INITIALISED;
        }
        final double gain = y / s;
        for (int i = 0; i < n; i++) {
            x[i] += u[i] * gain;
        }
        for (int i = 0; i < n; i++) {
            final double ui = u[i] / s;
            final int ro = i * n;
            for (int j = i; j < n; j++) {
                final double val = p[ro + j] - ui * u[j];
                p[ro + j] = val;
                p[j * n + i] = val;
            }
        }
        learnProfile(row, timeNanos, z);
        return outcome;
    }

    /** {@code u = P h} for the current observation row; returns the innovation variance {@code h' P h + r}. */
    private double gain(final double r) {
        double s = r;
        for (int i = 0; i < n; i++) {
            double ui = 0.0;
            final int ro = i * n;
            for (int j = 0; j < n; j++) {
                ui += p[ro + j] * h[j];
            }
            u[i] = ui;
        }
        for (int i = 0; i < n; i++) {
            s += h[i] * u[i];
        }
        return s;
    }

    /**
     * After too many rejections in a row (a genuine shift, not outliers): the level and the
     * stationary components get their prior uncertainty back, so the next reading moves them;
     * the harmonics' learned coefficients are kept.
     */
    private void reopen() {
        gate.start(0);
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            switch (kind[c]) {
                case LEVEL -> p[i * n + i] += v0[c];
                case MATERN32 -> {
                    p[i * n + i] += sigma2[c];
                    p[(i + 1) * n + i + 1] += lambda[c] * lambda[c] * sigma2[c];
                }
                case OU -> p[i * n + i] += sigma2[c];
                default -> { }
            }
        }
    }

    /** Starts from the components' priors at {@code timeNanos}. */
    private void restart(final long timeNanos) {
        gate.start(0);
        java.util.Arrays.fill(x, 0.0);
        java.util.Arrays.fill(p, 0.0);
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            switch (kind[c]) {
                case LEVEL -> {
                    x[i] = m0[c];
                    p[i * n + i] = v0[c];
                }
                case HARMONIC -> {
                    p[i * n + i] = v0[c];
                    p[(i + 1) * n + i + 1] = v0[c];
                }
                case MATERN32 -> {
                    p[i * n + i] = sigma2[c];
                    p[(i + 1) * n + i + 1] = lambda[c] * lambda[c] * sigma2[c];
                }
                default -> p[i * n + i] = sigma2[c];
            }
        }
        time = timeNanos;
    }

    /** Moves the posterior forward to {@code timeNanos} (no-op for earlier times). */
    public void predict(final long timeNanos) {
        if (timeNanos <= time) {
            return;
        }
        final double dt = (timeNanos - time) / NANOS_PER_HOUR;
        transition(dt);
        for (int c = 0; c < comps; c++) {
            final int k = kind[c];
            if (k == LEVEL || k == HARMONIC) {
                continue;
            }
            final int i = off[c];
            final int f = c * 8;
            if (k == OU) {
                x[i] *= fq[f];
                for (int j = 0; j < n; j++) {
                    p[i * n + j] *= fq[f];
                }
                for (int j = 0; j < n; j++) {
                    p[j * n + i] *= fq[f];
                }
            } else {
                final double a = x[i];
                final double b = x[i + 1];
                x[i] = fq[f] * a + fq[f + 1] * b;
                x[i + 1] = fq[f + 2] * a + fq[f + 3] * b;
                for (int j = 0; j < n; j++) {
                    final double pa = p[i * n + j];
                    final double pb = p[(i + 1) * n + j];
                    p[i * n + j] = fq[f] * pa + fq[f + 1] * pb;
                    p[(i + 1) * n + j] = fq[f + 2] * pa + fq[f + 3] * pb;
                }
                for (int j = 0; j < n; j++) {
                    final double pa = p[j * n + i];
                    final double pb = p[j * n + i + 1];
                    p[j * n + i] = pa * fq[f] + pb * fq[f + 1];
                    p[j * n + i + 1] = pa * fq[f + 2] + pb * fq[f + 3];
                }
            }
        }
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            final int f = c * 8 + 4;
            p[i * n + i] += fq[f];
            if (kind[c] == MATERN32 || kind[c] == HARMONIC) {
                p[i * n + i + 1] += fq[f + 1];
                p[(i + 1) * n + i] += fq[f + 2];
                p[(i + 1) * n + i + 1] += fq[f + 3];
            }
        }
        time = timeNanos;
    }

    /**
     * Fills {@link #fq} with each component's transition {@code F} (row-major 2x2 or [f]) and
     * process noise {@code Q} over {@code dt} hours: 8 values per component.
     */
    void transition(final double dt) {
        if (dt == fqDt) {
            return;
        }
        transition(dt, fq);
        fqDt = dt;
    }

    /** Writes each component's {@code F} and {@code Q} over {@code dt} hours into {@code out} (8 per component). */
    void transition(final double dt, final double[] out) {
        for (int c = 0; c < comps; c++) {
            final int f = c * 8;
            switch (kind[c]) {
                case LEVEL -> {
                    out[f] = 1.0;
                    out[f + 4] = q[c] * dt;
                }
                case HARMONIC -> {
                    out[f] = 1.0;
                    out[f + 1] = 0.0;
                    out[f + 2] = 0.0;
                    out[f + 3] = 1.0;
                    out[f + 4] = q[c] * dt;
                    out[f + 5] = 0.0;
                    out[f + 6] = 0.0;
                    out[f + 7] = q[c] * dt;
                }
                case MATERN32 -> {
                    final double l = lambda[c];
                    final double e = StrictMath.exp(-l * dt);
                    final double f00 = e * (1.0 + l * dt);
                    final double f01 = e * dt;
                    final double f10 = -e * l * l * dt;
                    final double f11 = e * (1.0 - l * dt);
                    final double s0 = sigma2[c];
                    final double s1 = l * l * sigma2[c];
                    out[f] = f00;
                    out[f + 1] = f01;
                    out[f + 2] = f10;
                    out[f + 3] = f11;
                    out[f + 4] = Math.max(0.0, s0 - (f00 * f00 * s0 + f01 * f01 * s1));
                    final double q01 = -(f00 * f10 * s0 + f01 * f11 * s1);
                    out[f + 5] = q01;
                    out[f + 6] = q01;
                    out[f + 7] = Math.max(0.0, s1 - (f10 * f10 * s0 + f11 * f11 * s1));
                }
                default -> {
                    final double e = StrictMath.exp(-lambda[c] * dt);
                    out[f] = e;
                    out[f + 4] = sigma2[c] * (1.0 - e * e);
                }
            }
        }
    }

    /**
     * Writes the observation row of series {@code row} at {@code t} into {@code out[0..n)} and
     * returns its offset (the profile for a profiled model, else 0), in model units.
     */
    double observation(final int row, final long t, final double[] out) {
        final double prof = slots == 0 ? 0.0 : profile[row * slots + slot(t)];
        final double scale = profileKind == NowcastModelSpec.ProfileKind.MULTIPLICATIVE.ordinal() ? prof : 1.0;
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            final double l = load[c * rows + row] * scale;
            switch (kind[c]) {
                case HARMONIC -> {
                    final long per = periodNanos[c];
                    final double phase = 2.0 * Math.PI * (Math.floorMod(t, per) / (double) per);
                    out[i] = l * StrictMath.cos(phase);
                    out[i + 1] = l * StrictMath.sin(phase);
                }
                case MATERN32 -> {
                    out[i] = l;
                    out[i + 1] = 0.0;
                }
                default -> out[i] = l;
            }
        }
        return prof;
    }

    /** Profile slot of the UTC day that contains {@code t}. */
    int slot(final long t) {
        return (int) (Math.floorMod(t, DAY_NANOS) / slotNanos);
    }

    /** The learned profile value of {@code row} at {@code t} (0 without a profile). */
    public double profile(final int row, final long t) {
        return slots == 0 ? 0.0 : profile[row * slots + slot(t)];
    }

    /**
     * Variance of the settlement source's own noise around the latent value of {@code row} at
     * {@code t}, in the series' unit: unpredictable even with a perfect model.
     */
    public double sampleVariance(final int row, final long t) {
        return sampleNoise[row] + (slots == 0 ? 0.0 : samplePerUnit[row] * Math.max(0.0, profile[row * slots + slot(t)]));
    }

    /** Variance of a feed reading of {@code row} around the settlement source's value, series unit. */
    public double readingVariance(final int row) {
        return readNoise[row];
    }

    /**
     * Moves the profile slot of the reading towards it: a multiplicative profile towards the
     * reading itself (the long-run mean of the slot; the components carry the day's deviation,
     * which averages out), an additive one towards the reading less the components.
     */
    private void learnProfile(final int row, final long t, final double z) {
        if (slots == 0) {
            return;
        }
        final int k = row * slots + slot(t);
        if (profileKind == NowcastModelSpec.ProfileKind.MULTIPLICATIVE.ordinal()) {
            profile[k] += profileRate * (z - profile[k]);
            return;
        }
        double rest = 0.0;
        for (int c = 0; c < comps; c++) {
            final double l = load[c * rows + row];
            if (l == 0.0) {
                continue;
            }
            final int i = off[c];
            if (kind[c] == HARMONIC) {
                final long per = periodNanos[c];
                final double phase = 2.0 * Math.PI * (Math.floorMod(t, per) / (double) per);
                rest += l * (x[i] * StrictMath.cos(phase) + x[i + 1] * StrictMath.sin(phase));
            } else {
                rest += l * x[i];
            }
        }
        profile[k] += profileRate * (z - rest - profile[k]);
    }

    /**
     * Forecast mean of row {@code row} at {@code t} (at the posterior's time for earlier times), in
     * model units (the log for a log-scale model).
     */
    public double mean(final int row, final long t) {
        propagateMean(t, w);
        final double offset = observation(row, t, h);
        double m = offset;
        for (int i = 0; i < n; i++) {
            m += h[i] * w[i];
        }
        return m;
    }

    /** Forecast covariance of the latent values of rows {@code r1} and {@code r2} at {@code t}, model units. */
    public double latentCovariance(final int r1, final int r2, final long t) {
        final double dt = Math.max(0L, t - time) / NANOS_PER_HOUR;
        transition(dt);
        observation(r1, t, h);
        observation(r2, t, v);
        double proc = 0.0;
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            final int f = c * 8;
            if (kind[c] == LEVEL || kind[c] == OU) {
                proc += h[i] * fq[f + 4] * v[i];
            } else {
                proc += h[i] * (fq[f + 4] * v[i] + fq[f + 5] * v[i + 1]) + h[i + 1] * (fq[f + 6] * v[i] + fq[f + 7] * v[i + 1]);
            }
        }
        transposeApply(h);
        transposeApply(v);
        double post = 0.0;
        for (int i = 0; i < n; i++) {
            double pv = 0.0;
            final int ro = i * n;
            for (int j = 0; j < n; j++) {
                pv += p[ro + j] * v[j];
            }
            post += h[i] * pv;
        }
        return post + proc;
    }

    /** Forecast variance of the latent value of {@code row} at {@code t}, model units. */
    public double latentVariance(final int row, final long t) {
        return latentCovariance(row, row, t);
    }

    /** {@code vec <- F' vec} with the transition currently in {@link #fq}. */
    private void transposeApply(final double[] vec) {
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            final int f = c * 8;
            if (kind[c] == OU) {
                vec[i] *= fq[f];
            } else if (kind[c] == MATERN32) {
                final double a = vec[i];
                final double b = vec[i + 1];
                vec[i] = fq[f] * a + fq[f + 2] * b;
                vec[i + 1] = fq[f + 1] * a + fq[f + 3] * b;
            }
        }
    }

    /** Writes the state mean propagated to {@code t} into {@code out}. */
    private void propagateMean(final long t, final double[] out) {
        final double dt = Math.max(0L, t - time) / NANOS_PER_HOUR;
        transition(dt);
        System.arraycopy(x, 0, out, 0, n);
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            final int f = c * 8;
            if (kind[c] == OU) {
                out[i] *= fq[f];
            } else if (kind[c] == MATERN32) {
                final double a = out[i];
                final double b = out[i + 1];
                out[i] = fq[f] * a + fq[f + 1] * b;
                out[i + 1] = fq[f + 2] * a + fq[f + 3] * b;
            }
        }
    }

    public long stateHash() {
        long hash = 17 + time;
        for (int i = 0; i < n; i++) {
            hash = 31 * hash + Double.doubleToLongBits(x[i]);
        }
        for (int i = 0; i < n * n; i++) {
            hash = 31 * hash + Double.doubleToLongBits(p[i]);
        }
        for (final double v2 : profile) {
            hash = 31 * hash + Double.doubleToLongBits(v2);
        }
        return hash;
    }
}
