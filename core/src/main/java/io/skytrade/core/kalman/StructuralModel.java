package io.skytrade.core.kalman;

import io.skytrade.core.math.FdlibmPort;

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
 * about 0.5 us), plus two StrictMath calls per harmonic at a time other than the last one asked
 * (the phases of the last time are kept); no allocation.
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
    static final int MATERN52 = 4;
    static final int KNOT = 5;
    /** Values per component in a transition array: F then Q, each 3x3 row-major. */
    static final int FQ = 18;

    final int rows;
    final int n;
    final int comps;
    final int[] kind;
    final int[] off;
    final int[] size;
    final boolean[] identity;
    final double[] sigma2;
    final double[] lambda;
    final double[] q;
    final double[] m0;
    final double[] v0;
    final long[] periodNanos;
    /** Per KNOT component: the knot spacing in nanoseconds (0 otherwise). */
    final long[] knotNanos;
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

    private final double[] nilpotent = new double[9];
    private final double[] h = new double[MAX_STATE];
    private final double[] u = new double[MAX_STATE];
    private final double[] v = new double[MAX_STATE];
    private final double[] w = new double[MAX_STATE];
    final double[] fq;
    /** Per component: its stationary (or prior) covariance, 3x3 row-major. */
    final double[] stat;
    private double fqDt = Double.NaN;
    /** The time whose harmonic phases {@link #phaseCos} and {@link #phaseSin} hold (per component), or none yet. */
    private long phaseTime = Long.MIN_VALUE;
    private boolean phaseKnown;
    private final double[] phaseCos;
    private final double[] phaseSin;

    /** How many of the latest rank-one updates the model keeps for incremental forecasts ({@link GridForecast}). */
    static final int HISTORY = 8;
    /** Changes of the posterior other than predictions (each update, restart and reopening), counted. */
    private long revision;
    /** Changes that were not a rank-one update (a restart or a reopening), counted. */
    private long epoch;
    /** Per kept update (ring by revision): {@code u = P h} before it, in HISTORY rows of n. */
    final double[] historyU;
    /** Per kept update: its posterior time, innovation variance {@code s} and gain {@code y / s}. */
    final long[] historyTime = new long[HISTORY];
    final double[] historyS = new double[HISTORY];
    final double[] historyGain = new double[HISTORY];

    public StructuralModel(final NowcastModelSpec spec, final double gateSigmas, final int maxConsecutiveRejects) {
        rows = spec.seriesNames().length;
        comps = spec.components().size();
        kind = new int[comps];
        off = new int[comps];
        size = new int[comps];
        identity = new boolean[comps];
        sigma2 = new double[comps];
        lambda = new double[comps];
        q = new double[comps];
        m0 = new double[comps];
        v0 = new double[comps];
        periodNanos = new long[comps];
        knotNanos = new long[comps];
        load = new double[comps * rows];
        int c = 0;
        int dim = 0;
        for (final Map.Entry<String, ModelComponent> e : spec.components().entrySet()) {
            final ModelComponent mc = e.getValue();
            kind[c] = mc.type().ordinal();
            off[c] = dim;
            size[c] = mc.type().size();
            identity[c] = !mc.type().stationary();
            dim += mc.type().size();
            sigma2[c] = mc.sigma() * mc.sigma();
            lambda[c] = switch (mc.type()) {
                case MATERN32 -> Math.sqrt(3.0) / mc.lengthHours();
                case MATERN52 -> Math.sqrt(5.0) / mc.lengthHours();
                case OU -> 1.0 / mc.lengthHours();
                default -> 0.0;
            };
            q[c] = mc.noisePerHour();
            m0[c] = mc.initialMean();
            v0[c] = mc.initialVariance();
            periodNanos[c] = Math.round(mc.periodHours() * NANOS_PER_HOUR);
            knotNanos[c] = mc.type() == ComponentType.KNOT ? Math.round(mc.lengthHours() * NANOS_PER_HOUR) : 0L;
            if (mc.type() == ComponentType.HARMONIC && periodNanos[c] <= 0) {
                throw new IllegalArgumentException("kalman.models.components." + e.getKey() + ".periodHours: "
                    + mc.periodHours() + " rounds to no nanoseconds");
            }
            System.arraycopy(mc.loadings(), 0, load, c * rows, rows);
            c++;
        }
        n = dim;
        readNoise = spec.readingNoise().clone();
        sampleNoise = spec.sampleNoise().clone();
        samplePerUnit = spec.sampleNoisePerUnit().clone();
        logScale = spec.logScale();
        profileKind = spec.profile().ordinal();
        slots = spec.profile() == NowcastModelSpec.ProfileKind.NONE ? 0 : spec.profileSlots();
        slotNanos = slots == 0 ? DAY_NANOS : DAY_NANOS / slots;
        profile = slots == 0 ? new double[0] : spec.profileInitial().clone();
        profileRate = slots == 0 ? 0.0 : 1.0 / spec.profileDays();
        x = new double[n];
        p = new double[n * n];
        fq = new double[comps * FQ];
        stat = new double[comps * 9];
        for (int k = 0; k < comps; k++) {
            stationaryCovariance(k, stat, k * 9);
        }
        gate = new InnovationGate(1, gateSigmas, maxConsecutiveRejects);
        historyU = new double[HISTORY * n];
        phaseCos = new double[comps];
        phaseSin = new double[comps];
    }

    /**
     * Changes of the posterior other than predictions so far: each accepted update, restart and
     * reopening. A prediction leaves every forecast of a later time unchanged, so a forecast
     * made at one revision holds until the next.
     */
    long revision() {
        return revision;
    }

    /** Changes of the posterior that were not a rank-one update (restarts, reopenings) so far. */
    long epoch() {
        return epoch;
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
        final double z = logScale ? FdlibmPort.log(Math.max(value, LOG_FLOOR)) : value;
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
        final int slot = (int) (revision % HISTORY);
        System.arraycopy(u, 0, historyU, slot * n, n);
        historyTime[slot] = time;
        historyS[slot] = s;
        historyGain[slot] = gain;
        revision++;
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
        revision++;
        epoch++;
        for (int c = 0; c < comps; c++) {
            if (kind[c] == HARMONIC) {
                continue;
            }
            addBlock(c, stat, c * 9);
        }
    }

    /** Adds the 3x3 row-major block {@code src[o..]} to component c's diagonal block of P. */
    private void addBlock(final int c, final double[] src, final int o) {
        final int i0 = off[c];
        for (int a = 0; a < size[c]; a++) {
            for (int b = 0; b < size[c]; b++) {
                p[(i0 + a) * n + i0 + b] += src[o + a * 3 + b];
            }
        }
    }

    /** Writes component c's stationary covariance (its prior for LEVEL and HARMONIC) into out[o..o+9). */
    private void stationaryCovariance(final int c, final double[] out, final int o) {
        java.util.Arrays.fill(out, o, o + 9, 0.0);
        final double s2 = sigma2[c];
        final double l = lambda[c];
        switch (kind[c]) {
            case LEVEL -> out[o] = v0[c];
            case HARMONIC -> {
                out[o] = v0[c];
                out[o + 4] = v0[c];
            }
            case MATERN32 -> {
                out[o] = s2;
                out[o + 4] = l * l * s2;
            }
            case KNOT -> {
                out[o] = s2;
                out[o + 4] = s2;
            }
            case MATERN52 -> {
                out[o] = s2;
                out[o + 2] = -l * l * s2 / 3.0;
                out[o + 4] = l * l * s2 / 3.0;
                out[o + 6] = -l * l * s2 / 3.0;
                out[o + 8] = l * l * l * l * s2;
            }
            default -> out[o] = s2;
        }
    }

    /** Starts from the components' priors at {@code timeNanos}. */
    private void restart(final long timeNanos) {
        gate.start(0);
        revision++;
        epoch++;
        java.util.Arrays.fill(x, 0.0);
        java.util.Arrays.fill(p, 0.0);
        for (int c = 0; c < comps; c++) {
            if (kind[c] == LEVEL) {
                x[off[c]] = m0[c];
            }
            addBlock(c, stat, c * 9);
        }
        time = timeNanos;
    }

    /** Moves the posterior forward to {@code timeNanos} (no-op for earlier times). */
    public void predict(final long timeNanos) {
        if (timeNanos <= time) {
            return;
        }
        transitionBetween(time, timeNanos);
        for (int c = 0; c < comps; c++) {
            if (identity[c]) {
                continue;
            }
            final int i0 = off[c];
            final int b = size[c];
            final int f = c * FQ;
            applyBlock(fq, f, b, x, i0, 1);
            for (int j = 0; j < n; j++) {
                applyBlock(fq, f, b, p, i0 * n + j, n);
            }
            for (int i = 0; i < n; i++) {
                applyBlock(fq, f, b, p, i * n + i0, 1);
            }
        }
        for (int c = 0; c < comps; c++) {
            addBlock(c, fq, c * FQ + 9);
        }
        time = timeNanos;
    }

    /** {@code v <- F v} for the b-vector {@code v[o], v[o + stride], ...} with the 3x3 F at {@code fq[f..]}. */
    static void applyBlock(final double[] fqArr, final int f, final int b, final double[] v, final int o, final int stride) {
        if (b == 1) {
            v[o] *= fqArr[f];
            return;
        }
        final double a0 = v[o];
        final double a1 = v[o + stride];
        if (b == 2) {
            v[o] = fqArr[f] * a0 + fqArr[f + 1] * a1;
            v[o + stride] = fqArr[f + 3] * a0 + fqArr[f + 4] * a1;
            return;
        }
        final double a2 = v[o + 2 * stride];
        v[o] = fqArr[f] * a0 + fqArr[f + 1] * a1 + fqArr[f + 2] * a2;
        v[o + stride] = fqArr[f + 3] * a0 + fqArr[f + 4] * a1 + fqArr[f + 5] * a2;
        v[o + 2 * stride] = fqArr[f + 6] * a0 + fqArr[f + 7] * a1 + fqArr[f + 8] * a2;
    }

    /** {@code v <- F' v} for the b-vector {@code v[o..o+b)} with the 3x3 F at {@code fq[f..]}. */
    static void applyTransposed(final double[] fqArr, final int f, final int b, final double[] v, final int o) {
        if (b == 1) {
            v[o] *= fqArr[f];
            return;
        }
        final double a0 = v[o];
        final double a1 = v[o + 1];
        if (b == 2) {
            v[o] = fqArr[f] * a0 + fqArr[f + 3] * a1;
            v[o + 1] = fqArr[f + 1] * a0 + fqArr[f + 4] * a1;
            return;
        }
        final double a2 = v[o + 2];
        v[o] = fqArr[f] * a0 + fqArr[f + 3] * a1 + fqArr[f + 6] * a2;
        v[o + 1] = fqArr[f + 1] * a0 + fqArr[f + 4] * a1 + fqArr[f + 7] * a2;
        v[o + 2] = fqArr[f + 2] * a0 + fqArr[f + 5] * a1 + fqArr[f + 8] * a2;
    }

    /**
     * Fills {@link #fq} with each component's transition {@code F} and process noise {@code Q} over
     * {@code dt} hours ({@link #FQ} values per component); cached for a repeated {@code dt}.
     */
    void transition(final double dt) {
        if (dt == fqDt) {
            return;
        }
        transition(dt, fq);
        fqDt = dt;
    }

    /** Whether the model has KNOT components (whose transitions depend on the times, not only the step). */
    boolean hasKnots() {
        for (int c = 0; c < comps; c++) {
            if (kind[c] == KNOT) {
                return true;
            }
        }
        return false;
    }

    /** Writes each component's {@code F} and {@code Q} over {@code dt} hours into {@code out} ({@link #FQ} per component). */
    void transition(final double dt, final double[] out) {
        for (int c = 0; c < comps; c++) {
            final int f = c * FQ;
            java.util.Arrays.fill(out, f, f + FQ, 0.0);
            switch (kind[c]) {
                case LEVEL -> {
                    out[f] = 1.0;
                    out[f + 9] = q[c] * dt;
                }
                case HARMONIC -> {
                    out[f] = 1.0;
                    out[f + 4] = 1.0;
                    out[f + 9] = q[c] * dt;
                    out[f + 13] = q[c] * dt;
                }
                case OU -> {
                    final double e = StrictMath.exp(-lambda[c] * dt);
                    out[f] = e;
                    out[f + 9] = sigma2[c] * (1.0 - e * e);
                }
                case KNOT -> {
                    out[f] = 1.0;
                    out[f + 4] = 1.0;
                }
                case MATERN32 -> {
                    final double l = lambda[c];
                    final double e = StrictMath.exp(-l * dt);
                    out[f] = e * (1.0 + l * dt);
                    out[f + 1] = e * dt;
                    out[f + 3] = -e * l * l * dt;
                    out[f + 4] = e * (1.0 - l * dt);
                    stationaryQ(c, out, f);
                }
                default -> {
                    final double l = lambda[c];
                    final double e = StrictMath.exp(-l * dt);
                    // F = e^{-l dt} (I + dt N + dt^2 N^2 / 2), N = A + l I nilpotent for the triple pole at -l
                    final double l2 = l * l;
                    final double l3 = l2 * l;
                    final double[] nn = nilpotent;
                    nn[0] = l;
                    nn[1] = 1.0;
                    nn[2] = 0.0;
                    nn[3] = 0.0;
                    nn[4] = l;
                    nn[5] = 1.0;
                    nn[6] = -l3;
                    nn[7] = -3.0 * l2;
                    nn[8] = -2.0 * l;
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            double n2 = 0.0;
                            for (int k = 0; k < 3; k++) {
                                n2 += nn[a * 3 + k] * nn[k * 3 + b];
                            }
                            out[f + a * 3 + b] = e * ((a == b ? 1.0 : 0.0) + dt * nn[a * 3 + b] + 0.5 * dt * dt * n2);
                        }
                    }
                    stationaryQ(c, out, f);
                }
            }
        }
    }

    /**
     * Sets the KNOT components' transition from {@code t0} to {@code t1} in {@code out} (after
     * {@link #transition(double, double[])}, which leaves them as the identity): a knot passed
     * shifts the next knot into the current one and draws a new next knot; two passed draw both.
     */
    void knots(final long t0, final long t1, final double[] out) {
        for (int c = 0; c < comps; c++) {
            if (kind[c] != KNOT) {
                continue;
            }
            final int f = c * FQ;
            final long crossed = t1 <= t0 ? 0 : Math.floorDiv(t1, knotNanos[c]) - Math.floorDiv(t0, knotNanos[c]);
            java.util.Arrays.fill(out, f, f + FQ, 0.0);
            if (crossed == 0) {
                out[f] = 1.0;
                out[f + 4] = 1.0;
            } else if (crossed == 1) {
                out[f + 1] = 1.0;
                out[f + 13] = sigma2[c];
            } else {
                out[f + 9] = sigma2[c];
                out[f + 13] = sigma2[c];
            }
        }
    }

    /** The transition from {@code t0} to {@code t1} into {@link #fq} (its time-invariant part cached by length). */
    void transitionBetween(final long t0, final long t1) {
        transition(Math.max(0L, t1 - t0) / NANOS_PER_HOUR);
        knots(t0, t1, fq);
    }

    /** {@code Q = S - F S F'} for a stationary component with stationary covariance S (F at out[f..f+9)). */
    void stationaryQ(final int c, final double[] out, final int f) {
        final int b = size[c];
        final int so = c * 9;
        for (int a = 0; a < b; a++) {
            for (int d = 0; d < b; d++) {
                double fsf = 0.0;
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        fsf += out[f + a * 3 + i] * stat[so + i * 3 + j] * out[f + d * 3 + j];
                    }
                }
                out[f + 9 + a * 3 + d] = stat[so + a * 3 + d] - fsf;
            }
        }
        for (int a = 0; a < b; a++) {
            out[f + 9 + a * 3 + a] = Math.max(0.0, out[f + 9 + a * 3 + a]);
        }
    }

    /**
     * Writes the observation row of series {@code row} at {@code t} into {@code out[0..n)} and
     * returns its offset (the profile for a profiled model, else 0), in model units.
     */
    double observation(final int row, final long t, final double[] out) {
        final double prof = slots == 0 ? 0.0 : profile[row * slots + slot(t)];
        final double scale = profileKind == NowcastModelSpec.ProfileKind.MULTIPLICATIVE.ordinal() ? prof : 1.0;
        if (!phaseKnown || t != phaseTime) {
            phases(t);
        }
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            final double l = load[c * rows + row] * scale;
            switch (kind[c]) {
                case HARMONIC -> {
                    out[i] = l * phaseCos[c];
                    out[i + 1] = l * phaseSin[c];
                }
                case KNOT -> {
                    final double w = knotWeight(t, knotNanos[c]);
                    out[i] = l * (1.0 - w);
                    out[i + 1] = l * w;
                }
                default -> {
                    out[i] = l;
                    for (int k = 1; k < size[c]; k++) {
                        out[i + k] = 0.0;
                    }
                }
            }
        }
        return prof;
    }

    /**
     * Computes the harmonics' {@code cos} and {@code sin} at {@code t} (kept: the rows of every series
     * at one time share them, and a reading, its valuation and the forecasts of its instant ask
     * for the same time).
     */
    private void phases(final long t) {
        for (int c = 0; c < comps; c++) {
            if (kind[c] == HARMONIC) {
                final long per = periodNanos[c];
                final double phase = 2.0 * Math.PI * (Math.floorMod(t, per) / (double) per);
                phaseCos[c] = StrictMath.cos(phase);
                phaseSin[c] = StrictMath.sin(phase);
            }
        }
        phaseTime = t;
        phaseKnown = true;
    }

    /** Weight of the next knot at {@code t}: the smoothstep {@code 3f^2 - 2f^3} of the fraction f of the spacing passed. */
    static double knotWeight(final long t, final long spacing) {
        final double f = Math.floorMod(t, spacing) / (double) spacing;
        return f * f * (3.0 - 2.0 * f);
    }

    /** Profile slot of the UTC day that contains {@code t}. */
    int slot(final long t) {
        return (int) (Math.floorMod(t, DAY_NANOS) / slotNanos);
    }

    /** The learned profile value of {@code row} at {@code t} (0 without a profile). */
    public double profile(final int row, final long t) {
        return slots == 0 ? 0.0 : profileInSlot(row, slot(t));
    }

    /** The learned profile value of {@code row} in profile slot {@code slot} (0 without a profile). */
    double profileInSlot(final int row, final int slot) {
        return slots == 0 ? 0.0 : profile[row * slots + slot];
    }

    /**
     * Variance of the settlement source's own noise around the latent value of {@code row} at
     * {@code t}, in the series' unit: unpredictable even with a perfect model.
     */
    public double sampleVariance(final int row, final long t) {
        return sampleVarianceInSlot(row, slots == 0 ? 0 : slot(t));
    }

    /** {@link #sampleVariance} in profile slot {@code slot}. */
    double sampleVarianceInSlot(final int row, final int slot) {
        return sampleNoise[row] + (slots == 0 ? 0.0 : samplePerUnit[row] * Math.max(0.0, profile[row * slots + slot]));
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
        observation(row, t, v);
        double rest = 0.0;
        for (int i = 0; i < n; i++) {
            rest += v[i] * x[i];
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
        transitionBetween(time, Math.max(t, time));
        observation(r1, t, h);
        observation(r2, t, v);
        double proc = 0.0;
        for (int c = 0; c < comps; c++) {
            final int i = off[c];
            final int f = c * FQ + 9;
            for (int a = 0; a < size[c]; a++) {
                for (int b = 0; b < size[c]; b++) {
                    proc += h[i + a] * fq[f + a * 3 + b] * v[i + b];
                }
            }
        }
        for (int c = 0; c < comps; c++) {
            if (!identity[c]) {
                applyTransposed(fq, c * FQ, size[c], h, off[c]);
                applyTransposed(fq, c * FQ, size[c], v, off[c]);
            }
        }
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

    /** Writes the state mean propagated to {@code t} into {@code out}. */
    private void propagateMean(final long t, final double[] out) {
        transitionBetween(time, Math.max(t, time));
        System.arraycopy(x, 0, out, 0, n);
        for (int c = 0; c < comps; c++) {
            if (!identity[c]) {
                applyBlock(fq, c * FQ, size[c], out, off[c], 1);
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
