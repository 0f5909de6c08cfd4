package io.skytrade.core.regime;

/**
 * Online forward filter of a {@link GaussianHmm} for several ids, in log space: each
 * {@link #step} propagates the log posterior through the transition matrix with log-sum-exp,
 * adds the emission log density and renormalises, so long sequences never underflow. After a step
 * {@link #posterior} is P(state | observations so far) and {@link #logLikelihood} the running log
 * likelihood.
 *
 * <p>Single-threaded; primitive arrays allocated once. Hot-path cost of {@link #step}: O(K^2)
 * log-sum-exp terms (K^2 + K exponentials), no allocation. Non-finite observations throw
 * {@link IllegalArgumentException}.
 */
public final class HmmForwardFilter {
    private final GaussianHmm model;
    private final int ids;
    private final int k;
    private final double[] logPost;
    private final boolean[] started;
    private final double[] logLik;
    private final double[] next;
    private final double[] terms;

    public HmmForwardFilter(final GaussianHmm model, final int ids) {
        this.model = model;
        this.ids = ids;
        k = model.states();
        logPost = new double[ids * k];
        started = new boolean[ids];
        logLik = new double[ids];
        next = new double[k];
        terms = new double[k];
    }

    /** Folds observation {@code x} (length D) into the posterior of {@code id}. */
    public void step(final int id, final double[] x) {
        for (int d = 0; d < model.dims(); d++) {
            if (!Double.isFinite(x[d])) {
                throw new IllegalArgumentException("HmmForwardFilter.step: observation component " + d + " = "
                    + x[d] + " for id " + id + " must be finite");
            }
        }
        final int base = id * k;
        for (int j = 0; j < k; j++) {
            double prior;
            if (started[id]) {
                for (int i = 0; i < k; i++) {
                    terms[i] = logPost[base + i] + model.logTransition(i, j);
                }
                prior = GaussianHmm.logSumExp(terms, 0, k);
            } else {
                prior = model.logInitial(j);
            }
            next[j] = prior + model.logEmission(j, x);
        }
        final double c = GaussianHmm.logSumExp(next, 0, k);
        if (c == Double.NEGATIVE_INFINITY) {
            return;
        }
        for (int j = 0; j < k; j++) {
            logPost[base + j] = next[j] - c;
        }
        logLik[id] += c;
        started[id] = true;
    }

    public boolean isStarted(final int id) {
        return started[id];
    }

    /** P(state {@code j} | observations of {@code id}); the initial distribution before any step. */
    public double posterior(final int id, final int j) {
        return StrictMath.exp(started[id] ? logPost[id * k + j] : model.logInitial(j));
    }

    public double logLikelihood(final int id) {
        return logLik[id];
    }

    public int states() {
        return k;
    }

    public long stateHash() {
        long h = 19;
        for (int i = 0; i < ids * k; i++) {
            h = 31 * h + Double.doubleToLongBits(logPost[i]);
        }
        for (int i = 0; i < ids; i++) {
            h = 31 * h + Double.doubleToLongBits(logLik[i]) + (started[i] ? 1 : 0);
        }
        return h;
    }
}
