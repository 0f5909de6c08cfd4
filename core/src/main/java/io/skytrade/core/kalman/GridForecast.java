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
 * <p>The forward pass carries the state mean, each component's cumulative transition since the
 * posterior and the process-noise covariance accumulated since then, block by block (components
 * are independent), so it costs O(components) per point; the posterior's share of a variance is
 * {@code v' P v} with {@code v} the loading pulled back through the cumulative transition, O(n^2),
 * computed only where asked. The weighted sum's variance comes from one backward recursion of the
 * weights through the transposed transitions. The cos/sin of harmonic phases at every grid point
 * are tabled once per window.
 *
 * <p>Single-threaded (owned with its model by one stage); arrays preallocated for the largest
 * window. Hot-path cost of {@link #forecast}: a few dozen flops per grid point, component and
 * series; each posterior share n^2; {@link #functionalVariance} about 8 n flops per grid point
 * plus n^2; no allocation.
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
    /** Per grid point: each component's cumulative transition since the posterior (4 values). */
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
    private int first;
    private int last = -1;

    /** @param maxPoints most grid points of any window (samples + 1) */
    public GridForecast(final StructuralModel model, final int maxPoints) {
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
        phi = new double[maxPoints * comps * 4];
        xk = new double[n];
        cum = new double[comps * 4];
        proc = new double[comps * 4];
        fqStep = new double[comps * 8];
        fqFirst = new double[comps * 8];
        h = new double[rows * n];
        hPrev = new double[rows * n];
        va = new double[n];
        vb = new double[n];
        g = new double[n];
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
        for (int k = 0; k < points; k++) {
            final long t = start + k * step;
            for (int c = 0; c < comps; c++) {
                if (m.kind[c] == StructuralModel.HARMONIC) {
                    final long per = m.periodNanos[c];
                    final double phase = 2.0 * Math.PI * (Math.floorMod(t, per) / (double) per);
                    final int o = (k * comps + c) * 2;
                    cosSin[o] = StrictMath.cos(phase);
                    cosSin[o + 1] = StrictMath.sin(phase);
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
        first = kFirst;
        last = kLast;
        if (kFirst > kLast) {
            return;
        }
        System.arraycopy(m.x, 0, xk, 0, n);
        Arrays.fill(proc, 0.0);
        for (int c = 0; c < comps; c++) {
            cum[c * 4] = 1.0;
            cum[c * 4 + 1] = 0.0;
            cum[c * 4 + 2] = 0.0;
            cum[c * 4 + 3] = 1.0;
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
            final boolean moved = t > prevT;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(h, r * n, hPrev, r * n, n);
                observation(r, k, h, r * n);
            }
            for (int r = 0; r < rows; r++) {
                diffVar[r * maxPoints + k] = k == kFirst ? Double.NaN : moved ? processDiffVariance(fq, r) : 0.0;
            }
            if (moved) {
                advance(fq);
            }
            System.arraycopy(cum, 0, phi, k * comps * 4, comps * 4);
            for (int r = 0; r < rows; r++) {
                final int ho = r * n;
                double mu = m.profile(r, t);
                for (int i = 0; i < n; i++) {
                    mu += h[ho + i] * xk[i];
                }
                mean[r * maxPoints + k] = mu;
                var[r * maxPoints + k] = processCovariance(r, r);
                sample[r * maxPoints + k] = m.sampleVariance(r, t);
            }
            if (rows > 1) {
                cross[k] = processCovariance(0, 1);
            }
            prevT = moved ? t : prevT;
        }
    }

    /** Moves the mean, the cumulative transitions and the process covariance one transition forward. */
    private void advance(final double[] fq) {
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int f = c * 8;
            final int o = c * 4;
            switch (m.kind[c]) {
                case StructuralModel.LEVEL -> proc[o] += fq[f + 4];
                case StructuralModel.HARMONIC -> {
                    proc[o] += fq[f + 4];
                    proc[o + 3] += fq[f + 7];
                }
                case StructuralModel.OU -> {
                    xk[i] *= fq[f];
                    cum[o] *= fq[f];
                    proc[o] = fq[f] * fq[f] * proc[o] + fq[f + 4];
                }
                default -> {
                    final double f00 = fq[f];
                    final double f01 = fq[f + 1];
                    final double f10 = fq[f + 2];
                    final double f11 = fq[f + 3];
                    final double x0 = xk[i];
                    final double x1 = xk[i + 1];
                    xk[i] = f00 * x0 + f01 * x1;
                    xk[i + 1] = f10 * x0 + f11 * x1;
                    final double c00 = cum[o];
                    final double c01 = cum[o + 1];
                    final double c10 = cum[o + 2];
                    final double c11 = cum[o + 3];
                    cum[o] = f00 * c00 + f01 * c10;
                    cum[o + 1] = f00 * c01 + f01 * c11;
                    cum[o + 2] = f10 * c00 + f11 * c10;
                    cum[o + 3] = f10 * c01 + f11 * c11;
                    final double s00 = proc[o];
                    final double s01 = proc[o + 1];
                    final double s11 = proc[o + 3];
                    final double t00 = f00 * s00 + f01 * s01;
                    final double t01 = f00 * s01 + f01 * s11;
                    final double t10 = f10 * s00 + f11 * s01;
                    final double t11 = f10 * s01 + f11 * s11;
                    proc[o] = t00 * f00 + t01 * f01 + fq[f + 4];
                    proc[o + 1] = t00 * f10 + t01 * f11 + fq[f + 5];
                    proc[o + 2] = proc[o + 1];
                    proc[o + 3] = t10 * f10 + t11 * f11 + fq[f + 7];
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
            final int f = c * 8;
            final int o = c * 4;
            switch (m.kind[c]) {
                case StructuralModel.LEVEL, StructuralModel.OU -> {
                    final double d = fq[f] * h[ho + i] - hPrev[ho + i];
                    sum += d * d * proc[o] + h[ho + i] * h[ho + i] * fq[f + 4];
                }
                case StructuralModel.HARMONIC -> {
                    final double d0 = h[ho + i] - hPrev[ho + i];
                    final double d1 = h[ho + i + 1] - hPrev[ho + i + 1];
                    sum += d0 * d0 * proc[o] + d1 * d1 * proc[o + 3]
                        + h[ho + i] * h[ho + i] * fq[f + 4] + h[ho + i + 1] * h[ho + i + 1] * fq[f + 7];
                }
                default -> {
                    final double d0 = fq[f] * h[ho + i] + fq[f + 2] * h[ho + i + 1] - hPrev[ho + i];
                    final double d1 = fq[f + 1] * h[ho + i] + fq[f + 3] * h[ho + i + 1] - hPrev[ho + i + 1];
                    sum += d0 * d0 * proc[o] + 2.0 * d0 * d1 * proc[o + 1] + d1 * d1 * proc[o + 3];
                    final double h0 = h[ho + i];
                    final double h1 = h[ho + i + 1];
                    sum += h0 * h0 * fq[f + 4] + 2.0 * h0 * h1 * fq[f + 5] + h1 * h1 * fq[f + 7];
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
            final int o = c * 4;
            if (m.kind[c] == StructuralModel.LEVEL || m.kind[c] == StructuralModel.OU) {
                sum += h[o1 + i] * proc[o] * h[o2 + i];
            } else {
                sum += h[o1 + i] * (proc[o] * h[o2 + i] + proc[o + 1] * h[o2 + i + 1])
                    + h[o1 + i + 1] * (proc[o + 2] * h[o2 + i] + proc[o + 3] * h[o2 + i + 1]);
            }
        }
        return sum;
    }

    /** Observation row of series r at grid point k (tabled phases) into out[o..o+n). */
    private void observation(final int r, final int k, final double[] out, final int o) {
        final double scale = m.profileKind == NowcastModelSpec.ProfileKind.MULTIPLICATIVE.ordinal() ? m.profile(r, time(k)) : 1.0;
        for (int c = 0; c < comps; c++) {
            final int i = o + m.off[c];
            final double l = m.load[c * rows + r] * scale;
            switch (m.kind[c]) {
                case StructuralModel.HARMONIC -> {
                    final int t = (k * comps + c) * 2;
                    out[i] = l * cosSin[t];
                    out[i + 1] = l * cosSin[t + 1];
                }
                case StructuralModel.MATERN32 -> {
                    out[i] = l;
                    out[i + 1] = 0.0;
                }
                default -> out[i] = l;
            }
        }
    }

    /** {@code out = Phi_k' h_r(k)}: the posterior state's loading on series r's latent value at grid point k. */
    private void posteriorVector(final int r, final int k, final double[] out) {
        observation(r, k, out, 0);
        final int po = k * comps * 4;
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int o = po + c * 4;
            if (m.kind[c] == StructuralModel.OU) {
                out[i] *= phi[o];
            } else if (m.kind[c] == StructuralModel.MATERN32) {
                final double a0 = out[i];
                final double a1 = out[i + 1];
                out[i] = phi[o] * a0 + phi[o + 2] * a1;
                out[i + 1] = phi[o + 1] * a0 + phi[o + 3] * a1;
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
        posteriorVector(r, k, va);
        return var[r * maxPoints + k] + quadratic(va, va);
    }

    /** The process-noise part of {@link #variance}: O(1). */
    public double processVariance(final int r, final int k) {
        return var[r * maxPoints + k];
    }

    /**
     * Forecast variance of the change of series {@code r}'s latent value from grid point k - 1 to
     * k, for {@code kFirst < k <= kLast} (NaN otherwise); O(n^2).
     */
    public double diffVariance(final int r, final int k) {
        if (k <= first || k > last) {
            return Double.NaN;
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
        posteriorVector(0, k, va);
        posteriorVector(1, k, vb);
        return cross[k] + quadratic(va, vb);
    }

    /** The process-noise part of {@link #covariance01}: O(1). */
    public double processCovariance01(final int k) {
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
        Arrays.fill(g, 0.0);
        double procVar = 0.0;
        final long t0 = m.time();
        for (int k = last; k >= first; k--) {
            for (int r = 0; r < rows; r++) {
                final double wk = weights[r * stride + k];
                if (wk != 0.0) {
                    observation(r, k, h, 0);
                    for (int i = 0; i < n; i++) {
                        g[i] += wk * h[i];
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
                procVar += backStep(fq);
            }
        }
        return quadratic(g, g) + procVar;
    }

    /** Adds g' Q g and moves g back through F' (one transition); returns the added variance. */
    private double backStep(final double[] fq) {
        double add = 0.0;
        for (int c = 0; c < comps; c++) {
            final int i = m.off[c];
            final int f = c * 8;
            switch (m.kind[c]) {
                case StructuralModel.LEVEL -> add += g[i] * g[i] * fq[f + 4];
                case StructuralModel.OU -> {
                    add += g[i] * g[i] * fq[f + 4];
                    g[i] *= fq[f];
                }
                case StructuralModel.HARMONIC -> add += (g[i] * g[i] + g[i + 1] * g[i + 1]) * fq[f + 4];
                default -> {
                    final double g0 = g[i];
                    final double g1 = g[i + 1];
                    add += g0 * g0 * fq[f + 4] + 2.0 * g0 * g1 * fq[f + 5] + g1 * g1 * fq[f + 7];
                    g[i] = fq[f] * g0 + fq[f + 2] * g1;
                    g[i + 1] = fq[f + 1] * g0 + fq[f + 3] * g1;
                }
            }
        }
        return add;
    }
}
