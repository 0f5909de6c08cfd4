package io.skytrade.core.regime;

/**
 * A Gaussian hidden Markov model prepared for the forward filter: initial and transition
 * probabilities (and their logarithms, for enumerations and tests) and per-state diagonal Gaussian
 * emission log densities, from {@link RegimeParams}.
 *
 * <p>Immutable; safe to share. Hot-path cost of {@link #logEmission}: D multiply-adds.
 */
public final class GaussianHmm {
    private static final double LOG_2PI = StrictMath.log(2.0 * Math.PI);

    final int states;
    final int dims;
    final double[] initial;
    final double[] transition;
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
        initial = init;
        transition = trans;
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

    public double initial(final int k) {
        return initial[k];
    }

    /** Probability of moving from state {@code i} to state {@code j}. */
    public double transition(final int i, final int j) {
        return transition[i * states + j];
    }

    /** Log probability of moving from state {@code i} to state {@code j}. */
    public double logTransition(final int i, final int j) {
        return logTransition[i * states + j];
    }
}
