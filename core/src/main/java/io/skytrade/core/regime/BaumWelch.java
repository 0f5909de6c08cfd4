package io.skytrade.core.regime;

import java.util.Arrays;

/**
 * Offline maximum-likelihood fit of a Gaussian HMM (diagonal emissions) by the Baum-Welch EM
 * algorithm with scaled forward-backward recursions: the E step computes state and transition
 * posteriors, the M step re-estimates initial, transition, mean and variance parameters, until the
 * log likelihood improves by less than the tolerance. Used by the {@code skytrade regime fit}
 * command on observations read from a journal; its result loads as {@link RegimeParams}.
 *
 * <p>Stateless; allocates O(T K) working arrays per call. Not for the hot path: O(T K^2) per
 * iteration.
 */
public final class BaumWelch {
    private BaumWelch() {
    }

    /**
     * Outcome of a fit.
     *
     * @param params        fitted parameters (observation scale copied from the start point)
     * @param logLikelihood log likelihood of the data under {@code params}
     * @param iterations    EM iterations run
     * @param converged     true when the improvement fell below the tolerance before the cap
     */
    public record Result(RegimeParams params, double logLikelihood, int iterations, boolean converged) {
    }

    /**
     * Fits from {@code start}.
     *
     * @param series        observations, one array per component ({@code series[d][t]}), equal lengths >= 2
     * @param start         starting parameters (states, dims and scale are kept)
     * @param maxIterations cap on EM iterations, >= 1
     * @param tolerance     stop when the log likelihood improves by less than this, > 0
     * @param varianceFloor smallest variance allowed per component, > 0 (prevents collapse on a point)
     */
    public static Result fit(final double[][] series, final RegimeParams start, final int maxIterations,
                             final double tolerance, final double varianceFloor) {
        final double[] floors = new double[start.dims()];
        Arrays.fill(floors, varianceFloor);
        return fit(series, start, maxIterations, tolerance, floors);
    }

    /**
     * Fits from {@code start} with a variance floor per component ({@code varianceFloor[d]}, each
     * > 0), such as {@link #relativeVarianceFloor}: returns that are exactly zero whenever the mid
     * does not move would otherwise collapse a state onto a point mass whose likelihood swamps the
     * others wherever a return is zero.
     */
    public static Result fit(final double[][] series, final RegimeParams start, final int maxIterations,
                             final double tolerance, final double[] varianceFloor) {
        final int dims = start.dims();
        final int k = start.states();
        final int n = validate(series, dims);
        if (maxIterations < 1 || !(tolerance > 0.0) || varianceFloor.length != dims
            || Arrays.stream(varianceFloor).anyMatch(f -> !(f > 0.0))) {
            throw new IllegalArgumentException("BaumWelch.fit: maxIterations " + maxIterations + " must be >= 1, tolerance "
                + tolerance + " and the " + dims + " variance floors " + Arrays.toString(varianceFloor) + " must be > 0");
        }
        double[] init = start.initial();
        double[] trans = start.transition();
        double[] mean = start.means();
        double[] var = start.variances();
        final double[] b = new double[n * k];
        final double[] alpha = new double[n * k];
        final double[] beta = new double[n * k];
        final double[] scale = new double[n];
        final double[] shift = new double[n];
        final double[] x = new double[dims];
        double prevLl = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            final GaussianHmm model = new GaussianHmm(new RegimeParams(k, dims, init, trans, mean, var, start.observationScale(),
                start.stepIntervalNanos()));
            for (int t = 0; t < n; t++) {
                for (int d = 0; d < dims; d++) {
                    x[d] = series[d][t];
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    b[t * k + j] = model.logEmission(j, x);
                    max = Math.max(max, b[t * k + j]);
                }
                shift[t] = max;
                for (int j = 0; j < k; j++) {
                    b[t * k + j] = StrictMath.exp(b[t * k + j] - max);
                }
            }
            ll = forwardBackward(n, k, init, trans, b, alpha, beta, scale, shift);
            final double[] newInit = new double[k];
            final double[] newTrans = new double[k * k];
            final double[] gammaSum = new double[k];
            final double[] gammaSumExceptLast = new double[k];
            final double[] newMean = new double[k * dims];
            final double[] newVar = new double[k * dims];
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < k; j++) {
                    final double g = alpha[t * k + j] * beta[t * k + j];
                    if (t == 0) {
                        newInit[j] = g;
                    }
                    gammaSum[j] += g;
                    if (t < n - 1) {
                        gammaSumExceptLast[j] += g;
                    }
                    for (int d = 0; d < dims; d++) {
                        newMean[j * dims + d] += g * series[d][t];
                    }
                }
                if (t < n - 1) {
                    final double c = scale[t + 1];
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            newTrans[i * k + j] += alpha[t * k + i] * trans[i * k + j] * b[(t + 1) * k + j]
                                * beta[(t + 1) * k + j] / c;
                        }
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                final double gs = Math.max(gammaSum[j], 1e-300);
                for (int d = 0; d < dims; d++) {
                    newMean[j * dims + d] /= gs;
                }
            }
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < k; j++) {
                    final double g = alpha[t * k + j] * beta[t * k + j];
                    for (int d = 0; d < dims; d++) {
                        final double z = series[d][t] - newMean[j * dims + d];
                        newVar[j * dims + d] += g * z * z;
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                final double gs = Math.max(gammaSum[j], 1e-300);
                for (int d = 0; d < dims; d++) {
                    newVar[j * dims + d] = Math.max(varianceFloor[d], newVar[j * dims + d] / gs);
                }
                final double rs = Math.max(gammaSumExceptLast[j], 1e-300);
                double rowSum = 0.0;
                for (int i = 0; i < k; i++) {
                    newTrans[j * k + i] /= rs;
                    rowSum += newTrans[j * k + i];
                }
                for (int i = 0; i < k; i++) {
                    newTrans[j * k + i] = rowSum > 0.0 ? newTrans[j * k + i] / rowSum : 1.0 / k;
                }
            }
            normalise(newInit);
            init = newInit;
            trans = newTrans;
            mean = newMean;
            var = newVar;
            if (ll - prevLl < tolerance) {
                converged = true;
                break;
            }
            prevLl = ll;
        }
        final RegimeParams fitted = new RegimeParams(k, dims, init, trans, mean, var, start.observationScale(), start.stepIntervalNanos());
        return new Result(fitted, logLikelihood(series, fitted), it, converged);
    }

    /** Log likelihood of {@code series} under {@code params} (forward algorithm). */
    public static double logLikelihood(final double[][] series, final RegimeParams params) {
        final int n = validate(series, params.dims());
        final HmmForwardFilter f = new HmmForwardFilter(new GaussianHmm(params), 1);
        final double[] x = new double[params.dims()];
        for (int t = 0; t < n; t++) {
            for (int d = 0; d < x.length; d++) {
                x[d] = series[d][t];
            }
            f.step(0, x);
        }
        return f.logLikelihood(0);
    }

    /**
     * A variance floor per component: {@code fraction} of the component's variance over the whole
     * series, and at least 1e-8 (a constant component).
     */
    public static double[] relativeVarianceFloor(final double[][] series, final double fraction) {
        if (!(fraction > 0.0)) {
            throw new IllegalArgumentException("BaumWelch.relativeVarianceFloor: fraction " + fraction + " must be > 0");
        }
        final double[] floors = new double[series.length];
        for (int d = 0; d < series.length; d++) {
            double mean = 0.0;
            for (final double x : series[d]) {
                mean += x;
            }
            mean /= Math.max(1, series[d].length);
            double var = 0.0;
            for (final double x : series[d]) {
                var += (x - mean) * (x - mean);
            }
            var /= Math.max(1, series[d].length);
            floors[d] = Math.max(1e-8, fraction * var);
        }
        return floors;
    }

    /**
     * A deterministic starting point: observations sorted by component {@code dim} and cut into
     * {@code states} equal-count groups, whose means and variances seed the states; transitions 0.9
     * on the diagonal; uniform initial distribution.
     */
    public static RegimeParams initialGuess(final double[][] series, final int states, final int dim,
                                            final double observationScale) {
        final int dims = series.length;
        final int n = validate(series, dims);
        if (dim < 0 || dim >= dims || states < 1 || states > n) {
            throw new IllegalArgumentException("BaumWelch.initialGuess: dim " + dim + " must be in [0, " + dims
                + ") and states " + states + " in [1, " + n + "]");
        }
        final long[] order = new long[n];
        final double[] key = series[dim];
        final Integer[] idx = new Integer[n];
        for (int t = 0; t < n; t++) {
            idx[t] = t;
        }
        Arrays.sort(idx, (a, c) -> Double.compare(key[a], key[c]));
        for (int t = 0; t < n; t++) {
            order[t] = idx[t];
        }
        final double[] init = new double[states];
        final double[] trans = new double[states * states];
        final double[] mean = new double[states * dims];
        final double[] var = new double[states * dims];
        for (int j = 0; j < states; j++) {
            init[j] = 1.0 / states;
            for (int i = 0; i < states; i++) {
                trans[j * states + i] = states == 1 ? 1.0 : (i == j ? 0.9 : 0.1 / (states - 1));
            }
            final int from = (int) ((long) j * n / states);
            final int to = (int) ((long) (j + 1) * n / states);
            for (int d = 0; d < dims; d++) {
                double s = 0.0;
                for (int t = from; t < to; t++) {
                    s += series[d][(int) order[t]];
                }
                final double m = s / (to - from);
                double ss = 0.0;
                for (int t = from; t < to; t++) {
                    final double z = series[d][(int) order[t]] - m;
                    ss += z * z;
                }
                mean[j * dims + d] = m;
                var[j * dims + d] = Math.max(1e-12, ss / (to - from));
            }
        }
        return new RegimeParams(states, dims, init, trans, mean, var, observationScale);
    }

    private static double forwardBackward(final int n, final int k, final double[] init, final double[] trans,
                                          final double[] b, final double[] alpha, final double[] beta,
                                          final double[] scale, final double[] shift) {
        double ll = 0.0;
        for (int t = 0; t < n; t++) {
            double c = 0.0;
            for (int j = 0; j < k; j++) {
                double a;
                if (t == 0) {
                    a = init[j];
                } else {
                    a = 0.0;
                    for (int i = 0; i < k; i++) {
                        a += alpha[(t - 1) * k + i] * trans[i * k + j];
                    }
                }
                a *= b[t * k + j];
                alpha[t * k + j] = a;
                c += a;
            }
            if (!(c > 0.0)) {
                c = 1e-300;
            }
            scale[t] = c;
            for (int j = 0; j < k; j++) {
                alpha[t * k + j] /= c;
            }
            ll += StrictMath.log(c) + shift[t];
        }
        for (int j = 0; j < k; j++) {
            beta[(n - 1) * k + j] = 1.0;
        }
        for (int t = n - 2; t >= 0; t--) {
            for (int i = 0; i < k; i++) {
                double s = 0.0;
                for (int j = 0; j < k; j++) {
                    s += trans[i * k + j] * b[(t + 1) * k + j] * beta[(t + 1) * k + j];
                }
                beta[t * k + i] = s / scale[t + 1];
            }
        }
        return ll;
    }

    private static void normalise(final double[] v) {
        double s = 0.0;
        for (final double x : v) {
            s += x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = s > 0.0 ? v[i] / s : 1.0 / v.length;
        }
    }

    private static int validate(final double[][] series, final int dims) {
        if (series == null || series.length != dims) {
            throw new IllegalArgumentException("BaumWelch: " + (series == null ? "null" : series.length)
                + " observation arrays given, must be " + dims);
        }
        final int n = series[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("BaumWelch: " + n + " observations, must be >= 2");
        }
        for (int d = 0; d < dims; d++) {
            if (series[d].length != n) {
                throw new IllegalArgumentException("BaumWelch: observation array " + d + " has " + series[d].length
                    + " values, must have " + n);
            }
            for (int t = 0; t < n; t++) {
                if (!Double.isFinite(series[d][t])) {
                    throw new IllegalArgumentException("BaumWelch: observation [" + d + "][" + t + "] = "
                        + series[d][t] + " must be finite");
                }
            }
        }
        return n;
    }
}
