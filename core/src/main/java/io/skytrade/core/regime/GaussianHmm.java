package io.skytrade.core.regime;

/**
 * A Gaussian hidden Markov model prepared for log-space computation: log initial and transition
 * probabilities and per-state diagonal Gaussian emission log densities, from {@link RegimeParams}.
 *
 * <p>Immutable; safe to share. Hot-path cost of {@link #logEmission}: D multiply-adds.
 */
public final class GaussianHmm {
    private static final double LOG_2PI = StrictMath.log(2.0 * Math.PI);

    final int states;
    final int dims;
    final double[] logInitial;
    final double[] logTransition;
    final double[] mean;
    final double[] invVar;
    final double[] logNorm;

    public GaussianHmm(final RegimeParams p) {
        states = p.states();
        dims = p.dims();
        final double[] init = p.initial();
        final double[] trans = p.transition();
        mean = p.means();
        final double[] var = p.variances();
        logInitial = new double[states];
        logTransition = new double[states * states];
        invVar = new double[states * dims];
        logNorm = new double[states];
        for (int i = 0; i < states; i++) {
            logInitial[i] = StrictMath.log(init[i]);
            double ln = 0.0;
            for (int d = 0; d < dims; d++) {
                invVar[i * dims + d] = 1.0 / var[i * dims + d];
                ln -= 0.5 * (LOG_2PI + StrictMath.log(var[i * dims + d]));
            }
            logNorm[i] = ln;
        }
        for (int i = 0; i < trans.length; i++) {
            logTransition[i] = StrictMath.log(trans[i]);
        }
    }

    public int states() {
        return states;
    }

    public int dims() {
        return dims;
    }

    /** Log density of observation {@code x} (length D) in state {@code k}. */
    public double logEmission(final int k, final double[] x) {
        double s = logNorm[k];
        final int base = k * dims;
        for (int d = 0; d < dims; d++) {
            final double z = x[d] - mean[base + d];
            s -= 0.5 * z * z * invVar[base + d];
        }
        return s;
    }

    public double logInitial(final int k) {
        return logInitial[k];
    }

    /** Log probability of moving from state {@code i} to state {@code j}. */
    public double logTransition(final int i, final int j) {
        return logTransition[i * states + j];
    }

    /** {@code log(sum exp(v[from..from+n)))}, stable; -infinity when every term is. */
    static double logSumExp(final double[] v, final int from, final int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            if (v[i] > max) {
                max = v[i];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0.0;
        for (int i = from; i < from + n; i++) {
            final double d = v[i] - max;
            // exp(0) is exactly 1 (the max term): no call, same bits
            s += d == 0.0 ? 1.0 : StrictMath.exp(d);
        }
        return max + StrictMath.log(s);
    }
}
