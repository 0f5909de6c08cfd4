package io.skytrade.core.regime;

/**
 * Online forward filter of a {@link GaussianHmm} for several ids, in probability space with
 * per-step scaling: each {@link #step} propagates the normalised posterior through the transition
 * matrix (K^2 multiply-adds), weighs each state by its emission density relative to the most likely
 * state's ({@code exp(logEmission_j - max)}, so no density underflows however far the observation
 * lies), and renormalises. The log likelihood is kept as the sum of the per-step maxima plus the
 * logarithm of the product of the per-step normalisers, that product held as a mantissa in [1, 2)
 * and an integer binary exponent (exact scaling), so a long sequence never underflows and a step
 * takes no logarithm. After a step {@link #posterior} is P(state | observations so far) and
 * {@link #logLikelihood} the running log likelihood.
 *
 * <p>Equivalent to the log-space recursion (log-sum-exp over the log transition matrix) up to
 * rounding: {@code HmmForwardFilterTest} checks both against each other and against brute-force
 * enumeration. Single-threaded; primitive arrays allocated once. Hot-path cost of {@link #step}:
 * K^2 multiply-adds and K - 1 exponentials (the most likely state's factor is exactly 1), no
 * logarithm, no allocation. Non-finite observations throw {@link IllegalArgumentException}.
 */
public final class HmmForwardFilter {
    private static final double LN2 = 0.6931471805599453;

    private final GaussianHmm model;
    private final int ids;
    private final int k;
    private final double[] post;
    private final boolean[] started;
    private final double[] logMaxSum;
    private final double[] likMantissa;
    private final long[] likExponent;
    private final double[] logEm;
    private final double[] next;

    public HmmForwardFilter(final GaussianHmm model, final int ids) {
        this.model = model;
        this.ids = ids;
        k = model.states();
        post = new double[ids * k];
        started = new boolean[ids];
        logMaxSum = new double[ids];
        likMantissa = new double[ids];
        java.util.Arrays.fill(likMantissa, 1.0);
        likExponent = new long[ids];
        logEm = new double[k];
        next = new double[k];
    }

    /** Folds observation {@code x} (length D) into the posterior of {@code id}. */
    public void step(final int id, final double[] x) {
        for (int d = 0; d < model.dims(); d++) {
            if (!Double.isFinite(x[d])) {
                throw new IllegalArgumentException("HmmForwardFilter.step: observation component " + d + " = "
                    + x[d] + " for id " + id + " must be finite");
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            final double l = model.logEmission(j, x);
            logEm[j] = l;
            if (l > max) {
                max = l;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return;
        }
        final int base = id * k;
        final boolean warm = started[id];
        double c = 0.0;
        for (int j = 0; j < k; j++) {
            double prior;
            if (warm) {
                prior = 0.0;
                for (int i = 0; i < k; i++) {
                    prior += post[base + i] * model.transition(i, j);
                }
            } else {
                prior = model.initial(j);
            }
            final double d = logEm[j] - max;
            // exp(0) is exactly 1 (the most likely state): no call
            final double v = prior * (d == 0.0 ? 1.0 : StrictMath.exp(d));
            next[j] = v;
            c += v;
        }
        if (!(c > 0.0)) {
            return;
        }
        for (int j = 0; j < k; j++) {
            post[base + j] = next[j] / c;
        }
        started[id] = true;
        if (c < Double.MIN_NORMAL) {
            // subnormal normaliser (the likely states all but impossible a priori): no exact scaling
            logMaxSum[id] += max + StrictMath.log(c);
            return;
        }
        logMaxSum[id] += max;
        final int e = Math.getExponent(c);
        double m = likMantissa[id] * Math.scalb(c, -e);
        long exponent = likExponent[id] + e;
        if (m >= 2.0) {
            m *= 0.5;
            exponent++;
        }
        likMantissa[id] = m;
        likExponent[id] = exponent;
    }

    public boolean isStarted(final int id) {
        return started[id];
    }

    /** P(state {@code j} | observations of {@code id}); the initial distribution before any step. */
    public double posterior(final int id, final int j) {
        return started[id] ? post[id * k + j] : model.initial(j);
    }

    /** Log likelihood of the observations of {@code id} so far (0 before any step). Not for the hot path: one logarithm. */
    public double logLikelihood(final int id) {
        return logMaxSum[id] + (StrictMath.log(likMantissa[id]) + likExponent[id] * LN2);
    }

    public int states() {
        return k;
    }

    public long stateHash() {
        long h = 19;
        for (int i = 0; i < ids * k; i++) {
            h = 31 * h + Double.doubleToLongBits(post[i]);
        }
        for (int i = 0; i < ids; i++) {
            h = 31 * h + Double.doubleToLongBits(logMaxSum[i]) + (started[i] ? 1 : 0);
            h = 31 * h + Double.doubleToLongBits(likMantissa[i]);
            h = 31 * h + likExponent[i];
        }
        return h;
    }
}
