package io.skytrade.core.valuation;

import java.util.function.DoubleUnaryOperator;

/**
 * A continuous piecewise-linear payoff {@code f(x) = slope_i x + intercept_i} on the intervals
 * between sorted breakpoints, and the closed-form mean and variance of {@code f(X)} for a normal
 * {@code X ~ N(m, s^2)}: each interval contributes its truncated normal moments
 * {@code E[X^k 1{a < X < b}]}, k = 0, 1, 2. Used for the option fly, absolute values (TIDE_SPOT,
 * LHR_INDEX), floors (AQ_SPOT) and the TIDE_SWING pair payoff.
 *
 * <p>Built at start-up; {@link #evaluate} writes its result into this object (read it with
 * {@link #mean()} and {@link #variance()}), so an instance belongs to one thread. Hot-path cost of
 * {@link #evaluate}: one {@link Normal#gaussian} and a rational function per breakpoint within
 * {@code TAIL} standard deviations of the mean, a division per other breakpoint, a dozen flops
 * per interval with probability mass; no allocation.
 */
public final class PiecewiseLinearPayoff {
    /**
     * Breakpoints more standard deviations than this from the mean count as never crossed (their
     * normal tail, below 1e-18, is under the rounding of the moments they would enter).
     */
    private static final double TAIL = 9.0;
    private final double[] breaks;
    private final double[] slope;
    private final double[] intercept;
    private final double[] cdf;
    private final double[] pdf;
    private final double[] z;
    private double mean;
    private double variance;
    private double slopeMean;

    private PiecewiseLinearPayoff(final double[] breaks, final double[] slope, final double[] intercept) {
        this.breaks = breaks;
        this.slope = slope;
        this.intercept = intercept;
        cdf = new double[breaks.length];
        pdf = new double[breaks.length];
        z = new double[breaks.length];
    }

    /**
     * Builds the payoff of a function known to be linear between the given strictly increasing
     * breakpoints (start-up only: evaluates {@code f} twice per interval).
     */
    public static PiecewiseLinearPayoff of(final double[] breakpoints, final DoubleUnaryOperator f) {
        final int n = breakpoints.length;
        if (n == 0) {
            throw new IllegalArgumentException("PiecewiseLinearPayoff: at least one breakpoint needed");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(breakpoints[i]) || (i > 0 && breakpoints[i] <= breakpoints[i - 1])) {
                throw new IllegalArgumentException("PiecewiseLinearPayoff: breakpoints must be finite and strictly increasing");
            }
        }
        final double[] b = breakpoints.clone();
        final double[] sl = new double[n + 1];
        final double[] ic = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            final double x0 = i == 0 ? b[0] - 1.0 : b[i - 1];
            final double x1 = i == n ? b[n - 1] + 1.0 : b[i];
            final double y0 = f.applyAsDouble(x0);
            final double y1 = f.applyAsDouble(x1);
            sl[i] = (y1 - y0) / (x1 - x0);
            ic[i] = y0 - sl[i] * x0;
        }
        return new PiecewiseLinearPayoff(b, sl, ic);
    }

    /** The payoff at {@code x}. */
    public double value(final double x) {
        int i = 0;
        while (i < breaks.length && x >= breaks[i]) {
            i++;
        }
        return slope[i] * x + intercept[i];
    }

    /**
     * Computes the mean and variance of the payoff of {@code X ~ N(m, s^2)}; {@code s <= 0} means
     * a point mass at {@code m}.
     */
    public void evaluate(final double m, final double s) {
        if (!(s > 0.0)) {
            mean = value(m);
            variance = 0.0;
            int i = 0;
            while (i < breaks.length && m >= breaks[i]) {
                i++;
            }
            slopeMean = slope[i];
            return;
        }
        final int n = breaks.length;
        for (int j = 0; j < n; j++) {
            final double zj = (breaks[j] - m) / s;
            if (Math.abs(zj) > TAIL) {
                z[j] = zj;
                cdf[j] = zj > 0.0 ? 1.0 : 0.0;
                pdf[j] = 0.0;
                continue;
            }
            final double gauss = Normal.gaussian(zj);
            z[j] = zj;
            cdf[j] = Normal.cdfGivenGaussian(zj, gauss);
            pdf[j] = Normal.invSqrt2Pi() * gauss;
        }
        double first = 0.0;
        double second = 0.0;
        double slopes = 0.0;
        for (int i = 0; i <= n; i++) {
            final double cLo = i == 0 ? 0.0 : cdf[i - 1];
            final double pLo = i == 0 ? 0.0 : pdf[i - 1];
            final double zpLo = i == 0 ? 0.0 : z[i - 1] * pdf[i - 1];
            final double cHi = i == n ? 1.0 : cdf[i];
            final double pHi = i == n ? 0.0 : pdf[i];
            final double zpHi = i == n ? 0.0 : z[i] * pdf[i];
            final double p0 = cHi - cLo;
            if (p0 == 0.0 && pLo == 0.0 && pHi == 0.0) {
                // an interval beyond the tail on both ends adds signed zeros to sums that are never -0
                continue;
            }
            final double e1 = pLo - pHi;
            final double e2 = p0 + zpLo - zpHi;
            final double m0 = p0;
            final double m1 = m * p0 + s * e1;
            final double m2 = m * m * p0 + 2.0 * m * s * e1 + s * s * e2;
            final double a = slope[i];
            final double c = intercept[i];
            first += a * m1 + c * m0;
            slopes += a * p0;
            second += a * a * m2 + 2.0 * a * c * m1 + c * c * m0;
        }
        mean = first;
        slopeMean = slopes;
        final double v = second - first * first;
        variance = v > 0.0 ? v : 0.0;
    }

    /** Mean from the last {@link #evaluate}. */
    public double mean() {
        return mean;
    }

    /**
     * Mean slope {@code E[f'(X)]} from the last {@link #evaluate}: the sensitivity of the expected
     * payoff to a shift of X, used to linearise sums of payoffs whose arguments are correlated.
     */
    public double slopeMean() {
        return slopeMean;
    }

    /** Variance from the last {@link #evaluate}. */
    public double variance() {
        return variance;
    }
}
