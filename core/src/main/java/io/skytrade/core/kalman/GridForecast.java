package io.skytrade.core.kalman;

import java.util.Arrays;

/**
 * A {@link StructuralModel}'s joint forecast over the sampling grid of a settlement window
 * ({@code start + k step}, {@code k = 0..points-1}), from its current posterior: for every grid
 * point from {@code kFirst} on, each series' forecast mean, the variance of its latent value, the
 * variance of its change since the previous grid point, and the covariance of the first two
 * series; and the variance of any weighted sum of latent values over the grid
 * ({@link #functionalVariance}), the covariance the sums of TIDE_SWING, WX_SUM and LHR_COUNT need:
 * the forecast errors of neighbouring samples are neither independent nor fully correlated.
 *
 * <p>The full forward pass carries the state mean, each component's cumulative transition since
 * the posterior and the process-noise covariance accumulated since then, block by block
 * (components are independent), O(components) per point; the posterior's share of a variance is
 * {@code v' P v} with {@code v} the loading pulled back through the cumulative transition, O(n^2).
 * For a model without a learned profile (the tide, the weather) that pass runs once per window
 * (and after a restart or reopening): a prediction leaves every later point's forecast unchanged
 * and an update changes it by a rank-one term, so each later reading carries the means and the
 * full variances, change variances and covariances by {@code u = P h} of that update pushed
 * through the grid (O(points x n)); their process-noise parts come in closed form from tables of
 * the window. A multiplicative profile (the flights') scales the rows by the profile of each
 * point's slot and learns from every reading, but only in the reading's own slot: its forecast
 * is carried likewise while the profile of every forecast point's slot is the one its rows were
 * tabled with, and forecast afresh when one moved. The weighted sum's variance is one backward recursion of the weights through the
 * transposed transitions, one component at a time over the series it loads. A carried update's
 * point values are dot products over the states a series loads; the process-noise parts of a
 * forecast are tabled per pair of series on first use, the stationary components' from the
 * transition carried point to point by the grid step's (no exponential per point). The observation rows, harmonic phases, knot
 * indices and profile slots of the grid are tabled once per window (a multiplicative profile's
 * rows once per forecast).
 *
 * <p>Single-threaded (owned with its model by one stage); arrays preallocated for the largest
 * window. Hot-path cost of a carried {@link #forecast}: about (rows + 1) n flops per grid point and
 * update; of a full one a few dozen flops per point, component and series plus n^2 per variance;
 * {@link #functionalVariance} a few flops per point and component plus n^2; no allocation.
 */
public final class GridForecast {
    private final StructuralModel m;
    private final int n;
    private final int rows;
    private final int comps;
    private final int maxPoints;
    private final double[] cosSin;
    private long start;
    private long step;
    private int points;

    private final double[] mean;
    private final double[] var;
    private final double[] diffVar;
    private final double[] cross;
    private final double[] sample;
    /** Per grid point: each component's cumulative transition since the posterior (3x3 row-major). */
    private final double[] phi;

    private final double[] xk;
    private final double[] cum;
    private final double[] proc;
    private final double[] fqStep;
    private final double[] fqFirst;
    private final double[] h;
    private final double[] hPrev;
    private final double[] va;
    private final double[] vb;
    private final double[] g;
    private final boolean knots;
    /** Whether the forward pass computes the variances of the changes between grid points (only TIDE_SWING reads them). */
    private final boolean differences;
    private int first;
    private int last = -1;

    /**
     * Whether the forecast is carried from reading to reading (a model without a learned profile,
     * whose observation rows depend on the time alone, or with a multiplicative one while the
     * forecast points' slots keep their profile): a prediction leaves the forecast of every later
     * grid point unchanged and an update changes it by a rank-one term, so the full variances are
     * kept and updated in O(points x n) per reading instead of re-forecast.
     */
    private final boolean incremental;
    /**
     * Whether the observation rows are tabled per window (they do not depend on a learned profile);
     * with a multiplicative profile they are tabled again by each {@link #forecast} (the profile
     * learns from every reading).
     */
    private final boolean tabled;
    /** Per window: the profile slot of each grid point. */
    private final int[] slotOf;
    /** Whether the model has stationary components other than knots (their process noise needs the transition per point). */
    private final boolean stationary;
    /** Per window: each series' observation row at each grid point, (r * maxPoints + k) * n. */
    private final double[] hTab;
    /** Per window: each knot component's knot index at each grid point, k * comps + c. */
    private final long[] knotIndex;
    /** Per forecast: each knot component's knot index at the posterior's time. */
    private final long[] knotAtPosterior;
    /** Per forecast (stationary models): each component's process covariance from the posterior to point k, (k * comps + c) * 9. */
    private final double[] statQ;
    /**
     * Per window: for each pair of series (r, r) and (0, 1), the levels' and harmonics' process
     * noise per hour on it at each grid point ({@code sum q h1 . h2}), and each knot component's
     * noise on it when one or both of its knots are new ({@code sigma^2 h1 h2} of the next knot,
     * of the current one): the process-noise parts in closed form.
     */
    private final double[] walkNoise;
    private final double[] knotNext;
    private final double[] knotCurrent;
    private final int[] knotComps;
    private final double[] fqScratch;
    /** A multiplicative profile's value at each point of the observation rows tabled by the last full forecast, (r * maxPoints + k). */
    private final double[] profileTabled;
    /** The full forecast variances (posterior and process parts) carried between readings. */
    private final double[] fullVar;
    private final double[] fullDiff;
    private final double[] fullCross;
    private final double[] v;
    private final double[] ePrev;
    /** Per series: the state indices its observation row can load (a component with a non-zero loading on it), ascending. */
    private final int[][] rowStates;
    /** Per component: the series it loads (non-zero loading), ascending. */
    private final int[][] compRows;
    /**
     * Per forecast, tabled on first use: the process-noise part of each pair of series (r, r) and
     * (0, 1) at points first..last, (pair * maxPoints + k); {@link #procTabled} says which pairs are.
     */
    private final double[] procTab;
    private final boolean[] procTabled;
    /** Per forecast, on first use: each point's hours since the posterior, and per knot component the first point past one and two new knots. */
    private final double[] hoursSince;
    private final int[] crossOnce;
    private final int[] crossTwice;
    private boolean hoursTabled;
    /** The stationary components other than knots (their blocks move with every step), ascending. */
    private final int[] movingComps;
    /** Per window: at each point, the knot components (bits) whose knot index moved since the previous point. */
    private final long[] knotsPassed;
    private boolean carried;
    /** Whether the last {@link #forecast} was carried from the one before (not a full forward pass). */
    private boolean lastCarried;
    private long carriedRevision;
    private long carriedEpoch;
    private int carriedLast;

    /** @param maxPoints most grid points of any window (samples + 1) */
    public GridForecast(final StructuralModel model, final int maxPoints) {
        this(model, maxPoints, true);
    }

    /**
     * @param maxPoints   most grid points of any window (samples + 1)
     * @param differences whether {@link #diffVariance} will be asked (false: the forward pass skips
     *                    the change variances, whose process-noise part costs as much as the rest of it)
     */
    public GridForecast(final StructuralModel model, final int maxPoints, final boolean differences) {
        this.differences = differences;
        m = model;
        n = model.n;
        rows = model.rows;
        comps = model.comps;
        this.maxPoints = maxPoints;
        cosSin = new double[maxPoints * comps * 2];
        mean = new double[rows * maxPoints];
        var = new double[rows * maxPoints];
        diffVar = new double[rows * maxPoints];
        cross = new double[maxPoints];
        sample = new double[rows * maxPoints];
        phi = new double[maxPoints * comps * 9];
        xk = new double[n];
        cum = new double[comps * 9];
        proc = new double[comps * 9];
        fqStep = new double[comps * StructuralModel.FQ];
        fqFirst = new double[comps * StructuralModel.FQ];
        h = new double[rows * n];
        hPrev = new double[rows * n];
        va = new double[n];
        vb = new double[n];
        g = new double[n];
        knots = model.hasKnots();
        tabled = model.profileKind != NowcastModelSpec.ProfileKind.MULTIPLICATIVE.ordinal();
        slotOf = new int[maxPoints];
        incremental = model.profileKind != NowcastModelSpec.ProfileKind.ADDITIVE.ordinal();
        boolean st = false;
        for (int c = 0; c < comps; c++) {
            st |= !model.identity[c] && model.kind[c] != StructuralModel.KNOT;
        }
        stationary = st;
        hTab = new double[rows * maxPoints * n];
        knotIndex = new long[maxPoints * comps];
        knotAtPosterior = new long[comps];
        statQ = new double[incremental && stationary ? maxPoints * comps * 9 : 0];
        int kc = 0;
        for (int c = 0; c < comps; c++) {
            kc += model.kind[c] == StructuralModel.KNOT ? 1 : 0;
        }
        knotComps = new int[kc];
        kc = 0;
        for (int c = 0; c < comps; c++) {
            if (model.kind[c] == StructuralModel.KNOT) {
                knotComps[kc++] = c;
            }
        }
        final int pairs = rows + 1;
        walkNoise = new double[incremental ? pairs * maxPoints : 0];
        knotNext = new double[incremental ? pairs * maxPoints * kc : 0];
        knotCurrent = new double[incremental ? pairs * maxPoints * kc : 0];
        fqScratch = new double[comps * StructuralModel.FQ];
        fullVar = new double[incremental ? rows * maxPoints : 0];
        profileTabled = new double[incremental && !tabled ? rows * maxPoints : 0];
        fullDiff = new double[incremental && differences ? rows * maxPoints : 0];
        fullCross = new double[incremental ? maxPoints : 0];
        v = new double[n];
        ePrev = new double[rows];
        rowStates = new int[rows][];
        for (int r = 0; r < rows; r++) {
            int count = 0;
            for (int c = 0; c < comps; c++) {
                count += model.load[c * rows + r] != 0.0 ? model.size[c] : 0;
            }
            rowStates[r] = new int[count];
            count = 0;
            for (int c = 0; c < comps; c++) {
                if (model.load[c * rows + r] != 0.0) {
                    for (int a = 0; a < model.size[c]; a++) {
                        rowStates[r][count++] = model.off[c] + a;
                    }
                }
            }
        }
        compRows = new int[comps][];
        for (int c = 0; c < comps; c++) {
            int count = 0;
            for (int r = 0; r < rows; r++) {
                count += model.load[c * rows + r] != 0.0 ? 1 : 0;
            }
            compRows[c] = new int[count];
            count = 0;
            for (int r = 0; r < rows; r++) {
                if (model.load[c * rows + r] != 0.0) {
                    compRows[c][count++] = r;
                }
            }
        }
        procTab = new double[incremental ? pairs * maxPoints : 0];
        procTabled = new boolean[pairs];
        hoursSince = new double[incremental ? maxPoints : 0];
        crossOnce = new int[kc];
        crossTwice = new int[kc];
        int moving = 0;
        for (int c = 0; c < comps; c++) {
            moving += !model.identity[c] && model.kind[c] != StructuralModel.KNOT ? 1 : 0;
        }
        movingComps = new int[moving];
        moving = 0;
        for (int c = 0; c < comps; c++) {
            if (!model.identity[c] && model.kind[c] != StructuralModel.KNOT) {
                movingComps[moving++] = c;
            }
        }
        knotsPassed = new long[maxPoints];
    }

    /** Sets the grid of a window: {@code points} times {@code start + k step}; tables the harmonic phases. */
    public void setGrid(final long startNanos, final long stepNanos, final int pointCount) {
        if (pointCount < 1 || pointCount > maxPoints || stepNanos <= 0) {
            throw new IllegalArgumentException("GridForecast.setGrid: " + pointCount + " points (1.." + maxPoints
                + ") of step " + stepNanos + " ns");
        }
        start = startNanos;
        step = stepNanos;
        points = pointCount;
        first = 0;
        last = -1;
        carried = false;
        for (int k = 0; k < points; k++) {
            final long t = start + k * step;
            for (int c = 0; c < comps; c++) {
                if (m.kind[c] == StructuralModel.HARMONIC) {
                    final long per = m.periodNanos[c];
                    final double phase = 2.0 * Math.PI * (Math.floorMod(t, per) / (double) per);
                    final int o = (k * comps + c) * 2;
                    cosSin[o] = StrictMath.cos(phase);
                    cosSin[o + 1] = StrictMath.sin(phase);
                } else if (m.kind[c] == StructuralModel.KNOT) {
                    knotIndex[k * comps + c] = Math.floorDiv(t, m.knotNanos[c]);
                }
            }
        }
        for (int k = 0; k < points; k++) {
            slotOf[k] = m.slots == 0 ? 0 : m.slot(start + k * step);
            long passed = 0L;
            for (int c = 0; c < comps && k > 0; c++) {
                if (m.kind[c] == StructuralModel.KNOT && knotIndex[k * comps + c] != knotIndex[(k - 1) * comps + c]) {
                    passed |= 1L << c;
                }
            }
            knotsPassed[k] = passed;
        }
        if (tabled) {
            tableObservations(0, points - 1);
        }
        if (incremental) {
            m.transition(step / StructuralModel.NANOS_PER_HOUR, fqStep);
            if (tabled) {
                tableProcessNoise(0, points - 1);
            }
        }
    }

    /**
     * Tables, for grid points {@code kFrom..kTo}, the process-noise parts' closed forms from the
     * observation rows: per pair of series the levels' and harmonics' noise per hour and each knot
     * component's noise when its knots are new.
     */
    private void tableProcessNoise(final int kFrom, final int kTo) {
        for (int pr = 0; pr <= rows; pr++) {
            final int r1 = pr < rows ? pr : 0;
            final int r2 = pr < rows ? pr : 1;
            if (r2 >= rows) {
                continue;
            }
            for (int k = kFrom; k <= kTo; k++) {
                final int o1 = (r1 * maxPoints + k) * n;
                final int o2 = (r2 * maxPoints + k) * n;
                double walk = 0.0;
                for (int c = 0; c < comps; c++) {
                    final int i = m.off[c];
                    if (m.kind[c] == StructuralModel.LEVEL) {
                        walk += m.q[c] * (hTab[o1 + i] * hTab[o2 + i]);
                    } else if (m.kind[c] == StructuralModel.HARMONIC) {
                        walk += m.q[c] * (hTab[o1 + i] * hTab[o2 + i] + hTab[o1 + i + 1] * hTab[o2 + i + 1]);
                    }
                }
                walkNoise[pr * maxPoints + k] = walk;
                for (int j = 0; j < knotComps.length; j++) {
                    final int c = knotComps[j];
                    final int i = m.off[c];
                    final int o = (pr * maxPoints + k) * knotComps.length + j;
                    knotNext[o] = m.sigma2[c] * (hTab[o1 + i + 1] * hTab[o2 + i + 1]);
                    knotCurrent[o] = m.sigma2[c] * (hTab[o1 + i] * hTab[o2 + i]);
                }
            }
        }
    }

    public long time(final int k) {
        return start + k * step;
    }

    public int points() {
        return points;
    }

    /** Whether the last {@link #forecast} was carried by the kept updates rather than a full forward pass. */
    boolean lastCarried() {
        return lastCarried;
    }

    /** The first grid point strictly after the model's posterior time (points when none). */
    public int firstAfterPosterior() {
        final long off = m.time() - start;
        if (off < 0) {
            return 0;
        }
        return (int) Math.min(points, off / step + 1);
    }

    /**
     * Forecasts grid points {@code kFirst..kLast} from the model's posterior: the means, and the
     * process-noise parts of the variances (a point at or before the posterior's time is forecast
     * as of the posterior, with no transition). The posterior's parts are added on demand by
     * {@link #variance}, {@link #diffVariance} and {@link #covariance01}.
     */
    public void forecast(final int kFirst, final int kLast) {
        if (incremental && carried && kFirst <= kLast && kLast == carriedLast && kFirst >= first
            && m.epoch() == carriedEpoch && m.revision() - carriedRevision <= StructuralModel.HISTORY
            && profileUnchanged(kFirst, kLast)) {
            for (long rev = carriedRevision; rev < m.revision(); rev++) {
                applyUpdate((int) (rev % StructuralModel.HISTORY), kFirst, kLast);
            }
            carriedRevision = m.revision();
            first = kFirst;
            last = kLast;
            prepareProcess();
            lastCarried = true;
            return;
        }
        lastCarried = false;
        carried = false;
        first = kFirst;
        last = kLast;
        if (kFirst > kLast) {
            return;
        }
        if (!tabled) {
            tableObservations(kFirst, kLast);
            if (incremental) {
                for (int r = 0; r < rows; r++) {
                    for (int k = kFirst; k <= kLast; k++) {
                        profileTabled[r * maxPoints + k] = m.profileInSlot(r, slotOf[k]);
                    }
                }
                tableProcessNoise(kFirst, kLast);
            }
        }
        System.arraycopy(m.x, 0, xk, 0, n);
        Arrays.fill(proc, 0.0);
        Arrays.fill(cum, 0.0);
        for (int c = 0; c < comps; c++) {
            cum[c * 9] = 1.0;
            cum[c * 9 + 4] = 1.0;
            cum[c * 9 + 8] = 1.0;
        }
        m.transition(step / StructuralModel.NANOS_PER_HOUR, fqStep);
        long prevT = m.time();
        for (int k = kFirst; k <= kLast; k++) {
            final long t = time(k);
            final double[] fq;
            if (k == kFirst || t - prevT != step) {
                m.transition(Math.max(0L, t - prevT) / StructuralModel.NANOS_PER_HOUR, fqFirst);
                fq = fqFirst;
            } else {
                fq = fqStep;
            }
            if (knots) {
                m.knots(prevT, Math.max(t, prevT), fq);
            }
            final boolean moved = t > prevT;
            for (int r = 0; r < rows; r++) {
                if (differences) {
                    System.arraycopy(h, r * n, hPrev, r * n, n);
                }
                observation(r, k, h, r * n);
            }
            if (differences) {
                for (int r = 0; r < rows; r++) {
                    diffVar[r * maxPoints + k] = k == kFirst ? Double.NaN : moved ? processDiffVariance(fq, r) : 0.0;
                }
            }
            if (moved) {
                advance(fq);
            }
            System.arraycopy(cum, 0, phi, k * comps * 9, comps * 9);
            for (int r = 0; r < rows; r++) {
                final int ho = r * n;
                double mu = m.profileInSlot(r, slotOf[k]);
                for (int i = 0; i < n; i++) {
                    mu += h[ho + i] * xk[i];
                }
                mean[r * maxPoints + k] = mu;
                var[r * maxPoints + k] = processCovariance(r, r);
                sample[r * maxPoints + k] = m.sampleVarianceInSlot(r, slotOf[k]);
            }
            if (rows > 1) {
                cross[k] = processCovariance(0, 1);
            }
            prevT = moved ? t : prevT;
        }
        if (incremental) {
            carry();
        }
    }

    /**
     * Whether the observation rows tabled by the last full forecast still hold for points
     * {@code kFirst..kLast}: always for rows that depend on the time alone; for a multiplicative
     * profile, when the profile of each of those points' slots is bit for bit the one tabled (a
     * reading moves only its own slot's, mostly one already in the past).
     */
    private boolean profileUnchanged(final int kFirst, final int kLast) {
        if (tabled) {
            return true;
        }
        for (int r = 0; r < rows; r++) {
            for (int k = kFirst; k <= kLast; k++) {
                if (Double.doubleToRawLongBits(m.profileInSlot(r, slotOf[k]))
                    != Double.doubleToRawLongBits(profileTabled[r * maxPoints + k])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Computes the full variances of the points just forecast, from which later readings are carried. */
    private void carry() {
        for (int k = first; k <= last; k++) {
            for (int r = 0; r < rows; r++) {
                posteriorVector(r, k, va);
                fullVar[r * maxPoints + k] = var[r * maxPoints + k] + quadratic(va, va);
                if (differences && k > first) {
                    posteriorVector(r, k - 1, vb);
                    for (int i = 0; i < n; i++) {
                        va[i] -= vb[i];
                    }
                    fullDiff[r * maxPoints + k] = diffVar[r * maxPoints + k] + quadratic(va, va);
                }
            }
            if (rows > 1) {
                posteriorVector(0, k, va);
                posteriorVector(1, k, vb);
                fullCross[k] = cross[k] + quadratic(va, vb);
            }
        }
        carried = true;
        carriedRevision = m.revision();
        carriedEpoch = m.epoch();
        carriedLast = last;
        prepareProcess();
    }

    /**
     * Carries the forecast of points {@code kFirst..kLast} through the model's kept update in
     * {@code slot}: with {@code u = P h} at the update's time pushed forward to each point
     * ({@code v_k = Phi(t_k, tau) u}) and {@code e_k = h_k' v_k}, the point's mean moves by
     * {@code e_k y / s}, its variance by {@code -e_k^2 / s}, the change since the previous point
     * by {@code -(e_k - e_(k-1))^2 / s} and the two series' covariance by {@code -e0_k e1_k / s}.
     */
    private void applyUpdate(final int slot, final int kFirst, final int kLast) {
        final long tau = m.historyTime[slot];
        final long off = tau - start;
        final int k0 = off < 0 ? 0 : (int) Math.min(points, off / step + 1);
        if (k0 > kLast) {
            return;
        }
        System.arraycopy(m.historyU, slot * n, v, 0, n);
        final double s = m.historyS[slot];
        final double gain = m.historyGain[slot];
        m.transition(Math.max(0L, time(k0) - tau) / StructuralModel.NANOS_PER_HOUR, fqScratch);
        if (knots) {
            m.knots(tau, Math.max(time(k0), tau), fqScratch);
        }
        for (int c = 0; c < comps; c++) {
            if (!m.identity[c]) {
                StructuralModel.applyBlock(fqScratch, c * StructuralModel.FQ, m.size[c], v, m.off[c], 1);
            }
        }
        double e0 = 0.0;
        for (int k = k0; k <= kLast; k++) {
            if (k > k0) {
                stepForward(k);
            }
            if (k < kFirst) {
                continue;
            }
            for (int r = 0; r < rows; r++) {
                final int ho = (r * maxPoints + k) * n;
                final int[] states = rowStates[r];
                double e = 0.0;
                for (int j = 0; j < states.length; j++) {
                    final int i = states[j];
                    e += hTab[ho + i] * v[i];
                }
                final int idx = r * maxPoints + k;
                mean[idx] += e * gain;
                fullVar[idx] -= e * e / s;
                if (differences && k > kFirst) {
                    final double d = e - ePrev[r];
                    fullDiff[idx] -= d * d / s;
                }
                ePrev[r] = e;
                if (r == 0) {
                    e0 = e;
                } else if (r == 1) {
                    fullCross[k] -= e0 * e / s;
                }
            }
        }
    }

    /**
     * {@code v <- F v} over the grid step from point k - 1 to k: the stationary components by the
     * step's transition, the knots that passed a knot there (the window's table) by their shift;
     * the other components' blocks do not move.
     */
    private void stepForward(final int k) {
        for (int j = 0; j < movingComps.length; j++) {
            final int c = movingComps[j];
            StructuralModel.applyBlock(fqStep, c * StructuralModel.FQ, m.size[c], v, m.off[c], 1);
        }
        long mask = knotsPassed[k];
        while (mask != 0L) {
            final int c = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1L;
            final int i = m.off[c];
            if (knotIndex[k * comps + c] - knotIndex[(k - 1) * comps + c] == 1) {
                v[i] = v[i + 1];
                v[i + 1] = 0.0;
            } else {
                v[i] = 0.0;
                v[i + 1] = 0.0;
            }
        }
    }

    /**
     * Tables what the process-noise parts from the posterior's time need: the knot indices there,
     * the stationary components' noise {@code Q_k = S - Phi_k S Phi_k'} from the posterior to each
     * point, with the transition {@code Phi_k} carried from point to point by the grid step's
     * ({@code Phi_k = F Phi_(k-1)}; from the posterior's time to the first point, and after any
     * step that is not the grid's, the closed form): no exponential per point.
     */
    private void prepareProcess() {
        Arrays.fill(procTabled, false);
        hoursTabled = false;
        final long t0 = m.time();
        for (int c = 0; c < comps; c++) {
            if (m.kind[c] == StructuralModel.KNOT) {
                knotAtPosterior[c] = Math.floorDiv(t0, m.knotNanos[c]);
            }
        }
        if (!stationary) {
            return;
        }
        long prevN = -1L;
        for (int k = first; k <= last; k++) {
            final long dN = Math.max(0L, time(k) - t0);
            if (prevN > 0 && dN - prevN == step) {
                for (int c = 0; c < comps; c++) {
                    if (m.identity[c] || m.kind[c] == StructuralModel.KNOT) {
                        continue;
                    }
                    final int f = c * StructuralModel.FQ;
                    for (int col = 0; col < m.size[c]; col++) {
                        StructuralModel.applyBlock(fqStep, f, m.size[c], fqScratch, f + col, 3);
                    }
                    m.stationaryQ(c, fqScratch, f);
                    System.arraycopy(fqScratch, f + 9, statQ, (k * comps + c) * 9, 9);
                }
            } else {
                m.transition(dN / StructuralModel.NANOS_PER_HOUR, fqScratch);
                for (int c = 0; c < comps; c++) {
                    System.arraycopy(fqScratch, c * StructuralModel.FQ + 9, statQ, (k * comps + c) * 9, 9);
                }
            }
            prevN = dN;
        }
    }

    /**
     * Process-noise covariance of series r1 and r2 at grid point k since the posterior's time, in
     * closed form (the noise over one transition from the posterior to the point): a level's or
     * harmonic's grows with the time, a knot's is its new knots' (one or both), a stationary
     * component's is its stationary covariance less what the posterior still explains. Points
     * first..last of the last forecast (NaN otherwise); the pair's values at all of them are tabled
     * on its first use after each forecast.
     */
    private double processPart(final int r1, final int r2, final int k) {
        if (k < first || k > last) {
            return Double.NaN;
        }
        final int pr = r1 == r2 ? r1 : rows;
        if (!procTabled[pr]) {
            tableProcessPart(pr, r1, r2);
        }
        return procTab[pr * maxPoints + k];
    }

    /**
     * Tables, for the points of the last forecast, the hours from the posterior's time to each and,
     * per knot component, the first point at which one and two knots are new since the posterior
     * (its knot index at the points does not decrease).
     */
    private void tableHoursAndCrossings() {
        final long t0 = m.time();
        for (int k = first; k <= last; k++) {
            hoursSince[k] = Math.max(0L, time(k) - t0) / StructuralModel.NANOS_PER_HOUR;
        }
        for (int j = 0; j < knotComps.length; j++) {
            final int c = knotComps[j];
            final long at = knotAtPosterior[c];
            int once = last + 1;
            int twice = last + 1;
            for (int k = last; k >= first; k--) {
                final long crossed = knotIndex[k * comps + c] - at;
                if (crossed >= 1) {
                    once = k;
                }
                if (crossed > 1) {
                    twice = k;
                }
            }
            crossOnce[j] = once;
            crossTwice[j] = twice;
        }
        hoursTabled = true;
    }

    /**
     * Tables {@link #processPart} of pair {@code pr} (rows r1, r2) at points first..last: each
     * point's terms are added in the same order as one point at a time would add them (the walk,
     * then each knot component's, then each stationary component's), a term kind at a time over
     * the points.
     */
    private void tableProcessPart(final int pr, final int r1, final int r2) {
        if (!hoursTabled) {
            tableHoursAndCrossings();
        }
        final int base = pr * maxPoints;
        for (int k = first; k <= last; k++) {
            procTab[base + k] = hoursSince[k] * walkNoise[base + k];
        }
        final int kc = knotComps.length;
        for (int j = 0; j < kc; j++) {
            // the knot's index at the points does not decrease: one new knot from crossOnce[j], both from crossTwice[j]
            final int kTwice = crossTwice[j];
            for (int k = crossOnce[j]; k <= last; k++) {
                final int ko = (base + k) * kc + j;
                double sum = procTab[base + k] + knotNext[ko];
                if (k >= kTwice) {
                    sum += knotCurrent[ko];
                }
                procTab[base + k] = sum;
            }
        }
        if (stationary) {
            for (int k = first; k <= last; k++) {
                final int o1 = (r1 * maxPoints + k) * n;
                final int o2 = (r2 * maxPoints + k) * n;
                double sum = procTab[base + k];
                for (int c = 0; c < comps; c++) {
                    if (m.identity[c] || m.kind[c] == StructuralModel.KNOT) {
                        continue;
                    }
                    final int i = m.off[c];
                    final int b = m.size[c];
                    final int o = (k * comps + c) * 9;
                    for (int a = 0; a < b; a++) {
                        for (int d = 0; d < b; d++) {
                            sum += hTab[o1 + i + a] * statQ[o + a * 3 + d] * hTab[o2 + i + d];
                        }
                    }
                }
                procTab[base + k] = sum;
            }
        }
        procTabled[pr] = true;
    }

    /** Moves the mean, the cumulative transitions and the process covariance one transition forward. */
    private void advance(final double[] fq) {
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int b = m.size[c];
            final int f = c * StructuralModel.FQ;
            final int o = c * 9;
            if (!m.identity[c]) {
                StructuralModel.applyBlock(fq, f, b, xk, i, 1);
                for (int col = 0; col < b; col++) {
                    StructuralModel.applyBlock(fq, f, b, cum, o + col, 3);
                }
                // proc <- F proc F'
                for (int col = 0; col < b; col++) {
                    StructuralModel.applyBlock(fq, f, b, proc, o + col, 3);
                }
                for (int row = 0; row < b; row++) {
                    StructuralModel.applyBlock(fq, f, b, proc, o + row * 3, 1);
                }
            }
            for (int r = 0; r < b; r++) {
                for (int s = 0; s < b; s++) {
                    proc[o + r * 3 + s] += fq[f + 9 + r * 3 + s];
                }
            }
        }
    }

    /** Process-noise part of the variance of row r's change over the coming transition (before {@link #advance}). */
    private double processDiffVariance(final double[] fq, final int r) {
        final int ho = r * n;
        double sum = 0.0;
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int b = m.size[c];
            final int f = c * StructuralModel.FQ;
            final int o = c * 9;
            // d = F' h_k - h_{k-1}; d' S d + h_k' Q h_k
            for (int a = 0; a < b; a++) {
                va[a] = h[ho + i + a];
            }
            if (!m.identity[c]) {
                StructuralModel.applyTransposed(fq, f, b, va, 0);
            }
            for (int a = 0; a < b; a++) {
                va[a] -= hPrev[ho + i + a];
            }
            for (int a = 0; a < b; a++) {
                for (int d = 0; d < b; d++) {
                    sum += va[a] * proc[o + a * 3 + d] * va[d] + h[ho + i + a] * fq[f + 9 + a * 3 + d] * h[ho + i + d];
                }
            }
        }
        return sum;
    }

    /** Process-noise covariance of rows r1 and r2 at the current point (after {@link #advance}). */
    private double processCovariance(final int r1, final int r2) {
        final int o1 = r1 * n;
        final int o2 = r2 * n;
        double sum = 0.0;
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int b = m.size[c];
            final int o = c * 9;
            for (int a = 0; a < b; a++) {
                for (int d = 0; d < b; d++) {
                    sum += h[o1 + i + a] * proc[o + a * 3 + d] * h[o2 + i + d];
                }
            }
        }
        return sum;
    }

    /** Observation row of series r at grid point k into out[o..o+n), from the table. */
    private void observation(final int r, final int k, final double[] out, final int o) {
        System.arraycopy(hTab, (r * maxPoints + k) * n, out, o, n);
    }

    /** Tables every series' observation row at grid points kFrom..kTo. */
    private void tableObservations(final int kFrom, final int kTo) {
        for (int r = 0; r < rows; r++) {
            for (int k = kFrom; k <= kTo; k++) {
                computeObservation(r, k, hTab, (r * maxPoints + k) * n);
            }
        }
    }

    /** Observation row of series r at grid point k (tabled phases) into out[o..o+n). */
    private void computeObservation(final int r, final int k, final double[] out, final int o) {
        final double scale = m.profileKind == NowcastModelSpec.ProfileKind.MULTIPLICATIVE.ordinal() ? m.profileInSlot(r, slotOf[k]) : 1.0;
        for (int c = 0; c < comps; c++) {
            final int i = o + m.off[c];
            final double l = m.load[c * rows + r] * scale;
            switch (m.kind[c]) {
                case StructuralModel.HARMONIC -> {
                    final int t = (k * comps + c) * 2;
                    out[i] = l * cosSin[t];
                    out[i + 1] = l * cosSin[t + 1];
                }
                case StructuralModel.KNOT -> {
                    final double w = StructuralModel.knotWeight(time(k), m.knotNanos[c]);
                    out[i] = l * (1.0 - w);
                    out[i + 1] = l * w;
                }
                default -> {
                    out[i] = l;
                    for (int k2 = 1; k2 < m.size[c]; k2++) {
                        out[i + k2] = 0.0;
                    }
                }
            }
        }
    }

    /** {@code out = Phi_k' h_r(k)}: the posterior state's loading on series r's latent value at grid point k. */
    private void posteriorVector(final int r, final int k, final double[] out) {
        observation(r, k, out, 0);
        final int po = k * comps * 9;
        for (int c = 0; c < comps; c++) {
            if (m.identity[c]) {
                continue;
            }
            final int i = m.off[c];
            final int b = m.size[c];
            final int o = po + c * 9;
            double a0 = out[i];
            double a1 = b > 1 ? out[i + 1] : 0.0;
            double a2 = b > 2 ? out[i + 2] : 0.0;
            for (int col = 0; col < b; col++) {
                out[i + col] = phi[o + col] * a0 + phi[o + 3 + col] * a1 + phi[o + 6 + col] * a2;
            }
        }
    }

    /** {@code a' P b} with the model's posterior covariance. */
    private double quadratic(final double[] a, final double[] b) {
        final double[] p = m.p;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            final double ai = a[i];
            if (ai == 0.0) {
                continue;
            }
            final int ro = i * n;
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += p[ro + j] * b[j];
            }
            sum += ai * s;
        }
        return sum;
    }

    /** Forecast mean of series {@code r} at grid point {@code k} (model units). */
    public double mean(final int r, final int k) {
        return mean[r * maxPoints + k];
    }

    /** Forecast variance of the latent value of series {@code r} at grid point {@code k} (model units); O(n^2). */
    public double variance(final int r, final int k) {
        if (incremental) {
            return fullVar[r * maxPoints + k];
        }
        posteriorVector(r, k, va);
        return var[r * maxPoints + k] + quadratic(va, va);
    }

    /** The process-noise part of {@link #variance}: O(1). */
    public double processVariance(final int r, final int k) {
        if (incremental) {
            return processPart(r, r, k);
        }
        return var[r * maxPoints + k];
    }

    /**
     * Forecast variance of the change of series {@code r}'s latent value from grid point k - 1 to
     * k, for {@code kFirst < k <= kLast} (NaN otherwise); O(n^2).
     */
    public double diffVariance(final int r, final int k) {
        if (!differences) {
            throw new IllegalStateException("GridForecast.diffVariance: this forecast was built without differences");
        }
        if (k <= first || k > last) {
            return Double.NaN;
        }
        if (incremental) {
            return fullDiff[r * maxPoints + k];
        }
        posteriorVector(r, k, va);
        posteriorVector(r, k - 1, vb);
        for (int i = 0; i < n; i++) {
            va[i] -= vb[i];
        }
        return diffVar[r * maxPoints + k] + quadratic(va, va);
    }

    /** Forecast covariance of the latent values of series 0 and 1 at grid point {@code k}; O(n^2). */
    public double covariance01(final int k) {
        if (incremental) {
            return fullCross[k];
        }
        posteriorVector(0, k, va);
        posteriorVector(1, k, vb);
        return cross[k] + quadratic(va, vb);
    }

    /** The process-noise part of {@link #covariance01}: O(1). */
    public double processCovariance01(final int k) {
        if (incremental) {
            return processPart(0, 1, k);
        }
        return cross[k];
    }

    /**
     * Forecast covariance of the latent values of series {@code r1} and {@code r2} (the same, or
     * series 0 and 1) at grid point {@code k}.
     */
    public double covariance(final int r1, final int r2, final int k) {
        if (r1 == r2) {
            return variance(r1, k);
        }
        if (r1 + r2 != 1) {
            throw new IllegalArgumentException("GridForecast.covariance: rows " + r1 + " and " + r2 + "; only series 0 and 1 are crossed");
        }
        return covariance01(k);
    }

    /** The settlement source's own noise variance of series {@code r} at grid point {@code k} (series unit). */
    public double sampleVariance(final int r, final int k) {
        return sample[r * maxPoints + k];
    }

    /**
     * Variance of {@code sum_k sum_r weights[r * stride + k] x latent_r(k)} over the last
     * forecast's points: the posterior's share plus the process noise's, from one backward pass.
     */
    public double functionalVariance(final double[] weights, final int stride) {
        if (first > last) {
            return 0.0;
        }
        if (time(first) > m.time()) {
            return componentwiseFunctionalVariance(weights, stride);
        }
        Arrays.fill(g, 0.0);
        double procVar = 0.0;
        final long t0 = m.time();
        for (int k = last; k >= first; k--) {
            for (int r = 0; r < rows; r++) {
                final double wk = weights[r * stride + k];
                if (wk != 0.0) {
                    final int ho = (r * maxPoints + k) * n;
                    for (int i = 0; i < n; i++) {
                        g[i] += wk * hTab[ho + i];
                    }
                }
            }
            final long prev = k == first ? t0 : Math.max(time(k - 1), t0);
            final long dtN = time(k) - prev;
            if (dtN > 0) {
                final double[] fq;
                if (dtN == step) {
                    fq = fqStep;
                } else {
                    m.transition(dtN / StructuralModel.NANOS_PER_HOUR, fqFirst);
                    fq = fqFirst;
                }
                if (knots) {
                    m.knots(prev, time(k), fq);
                }
                procVar += backStep(fq);
            }
        }
        return quadratic(g, g) + procVar;
    }

    /**
     * {@link #functionalVariance} one component at a time (the transitions are block-diagonal, so
     * each component's block of the pulled-back weights and its process-noise share recur on
     * their own), from the window's tables: a few flops per component and point, in tight loops.
     */
    private double componentwiseFunctionalVariance(final double[] weights, final int stride) {
        final long t0 = m.time();
        final long dt0 = time(first) - t0;
        if (dt0 > 0) {
            m.transition(dt0 / StructuralModel.NANOS_PER_HOUR, fqFirst);
            if (knots) {
                m.knots(t0, time(first), fqFirst);
            }
        }
        double procVar = 0.0;
        final double[] gc = g;
        final double[] ht = hTab;
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int b = m.size[c];
            final int f = c * StructuralModel.FQ;
            final boolean moves = !m.identity[c];
            final int[] cr = compRows[c];
            final int nr = cr.length;
            final double f00 = fqStep[f];
            final double f01 = fqStep[f + 1];
            final double f10 = fqStep[f + 3];
            final double f11 = fqStep[f + 4];
            final double q00 = fqStep[f + 9];
            final double q01 = fqStep[f + 10];
            final double q10 = fqStep[f + 12];
            final double q11 = fqStep[f + 13];
            double g0 = 0.0;
            double g1 = 0.0;
            double g2 = 0.0;
            double add = 0.0;
            int k = last;
            if (m.kind[c] == StructuralModel.KNOT) {
                final double s2 = m.sigma2[c];
                for (; k > first; k--) {
                    for (int j = 0; j < nr; j++) {
                        final int r = cr[j];
                        final double wk = weights[r * stride + k];
                        if (wk != 0.0) {
                            final int ho = (r * maxPoints + k) * n + i;
                            g0 += wk * ht[ho];
                            g1 += wk * ht[ho + 1];
                        }
                    }
                    final long crossed = knotIndex[k * comps + c] - knotIndex[(k - 1) * comps + c];
                    if (crossed == 1) {
                        add += g1 * s2 * g1;
                        g1 = g0;
                        g0 = 0.0;
                    } else if (crossed > 1) {
                        add += g0 * s2 * g0 + g1 * s2 * g1;
                        g0 = 0.0;
                        g1 = 0.0;
                    }
                }
            } else if (b == 1) {
                for (; k > first; k--) {
                    for (int j = 0; j < nr; j++) {
                        final int r = cr[j];
                        final double wk = weights[r * stride + k];
                        if (wk != 0.0) {
                            g0 += wk * ht[(r * maxPoints + k) * n + i];
                        }
                    }
                    add += g0 * q00 * g0;
                    if (moves) {
                        g0 *= f00;
                    }
                }
            } else if (b == 2) {
                for (; k > first; k--) {
                    for (int j = 0; j < nr; j++) {
                        final int r = cr[j];
                        final double wk = weights[r * stride + k];
                        if (wk != 0.0) {
                            final int ho = (r * maxPoints + k) * n + i;
                            g0 += wk * ht[ho];
                            g1 += wk * ht[ho + 1];
                        }
                    }
                    add += g0 * q00 * g0 + g0 * q01 * g1 + g1 * q10 * g0 + g1 * q11 * g1;
                    if (moves) {
                        final double a0 = g0;
                        g0 = f00 * a0 + f10 * g1;
                        g1 = f01 * a0 + f11 * g1;
                    }
                }
            } else {
                for (; k > first; k--) {
                    for (int j = 0; j < nr; j++) {
                        final int r = cr[j];
                        final double wk = weights[r * stride + k];
                        if (wk != 0.0) {
                            final int ho = (r * maxPoints + k) * n + i;
                            g0 += wk * ht[ho];
                            g1 += wk * ht[ho + 1];
                            g2 += wk * ht[ho + 2];
                        }
                    }
                    gc[i] = g0;
                    gc[i + 1] = g1;
                    gc[i + 2] = g2;
                    add += blockQuadratic(fqStep, f + 9, b, gc, i);
                    if (moves) {
                        StructuralModel.applyTransposed(fqStep, f, b, gc, i);
                    }
                    g0 = gc[i];
                    g1 = gc[i + 1];
                    g2 = gc[i + 2];
                }
            }
            for (int j = 0; j < nr; j++) {
                final int r = cr[j];
                final double wk = weights[r * stride + first];
                if (wk != 0.0) {
                    final int ho = (r * maxPoints + first) * n + i;
                    g0 += wk * ht[ho];
                    if (b > 1) {
                        g1 += wk * ht[ho + 1];
                        if (b > 2) {
                            g2 += wk * ht[ho + 2];
                        }
                    }
                }
            }
            gc[i] = g0;
            if (b > 1) {
                gc[i + 1] = g1;
            }
            if (b > 2) {
                gc[i + 2] = g2;
            }
            if (dt0 > 0) {
                // the partial step from the posterior to the first point
                add += blockQuadratic(fqFirst, f + 9, b, gc, i);
                if (moves) {
                    StructuralModel.applyTransposed(fqFirst, f, b, gc, i);
                }
            }
            procVar += add;
        }
        return quadratic(gc, gc) + procVar;
    }

    /** {@code v' Q v} for the b-block of v at i and the 3x3 Q at {@code fq[o..]}. */
    private static double blockQuadratic(final double[] fq, final int o, final int b, final double[] v, final int i) {
        double sum = 0.0;
        for (int a = 0; a < b; a++) {
            for (int d = 0; d < b; d++) {
                sum += v[i + a] * fq[o + a * 3 + d] * v[i + d];
            }
        }
        return sum;
    }

    /** Adds g' Q g and moves g back through F' (one transition); returns the added variance. */
    private double backStep(final double[] fq) {
        double add = 0.0;
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int b = m.size[c];
            final int f = c * StructuralModel.FQ;
            for (int a = 0; a < b; a++) {
                for (int d = 0; d < b; d++) {
                    add += g[i + a] * fq[f + 9 + a * 3 + d] * g[i + d];
                }
            }
            if (!m.identity[c]) {
                StructuralModel.applyTransposed(fq, f, b, g, i);
            }
        }
        return add;
    }
}
