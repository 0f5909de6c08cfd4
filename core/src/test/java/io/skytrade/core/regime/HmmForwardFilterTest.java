package io.skytrade.core.regime;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class HmmForwardFilterTest {

    @Test
    void shouldMatchBruteForceEnumerationOfAllPaths() {
        qt().withExamples(100)
            .forAll(longs().all(), integers().between(1, 3), integers().between(1, 6))
            .checkAssert((seed, k, steps) -> {
                final SplittableRandom rnd = new SplittableRandom(seed);
                final RegimeParams p = randomParams(rnd, k, 2);
                final GaussianHmm hmm = new GaussianHmm(p);
                final HmmForwardFilter f = new HmmForwardFilter(hmm, 2);
                final double[][] xs = new double[steps][2];
                for (int t = 0; t < steps; t++) {
                    xs[t][0] = rnd.nextGaussian() * 3;
                    xs[t][1] = rnd.nextGaussian() * 3;
                    f.step(1, xs[t]);
                    final double[] joint = bruteForce(hmm, xs, t + 1);
                    double total = 0;
                    for (final double v : joint) {
                        total += v;
                    }
                    for (int j = 0; j < k; j++) {
                        assertEquals(joint[j] / total, f.posterior(1, j), 1e-9);
                    }
                    assertEquals(Math.log(total), f.logLikelihood(1), 1e-9 * (1 + Math.abs(Math.log(total))));
                }
            });
    }

    @Test
    void shouldMatchTheLogSpaceRecursionToTheLastFewBitsOnLongSequencesWithOutliers() {
        qt().withExamples(200)
            .forAll(longs().all(), integers().between(1, 4), integers().between(1, 400))
            .checkAssert((seed, k, steps) -> {
                final SplittableRandom rnd = new SplittableRandom(seed);
                final GaussianHmm hmm = new GaussianHmm(randomParams(rnd, k, 2));
                final HmmForwardFilter f = new HmmForwardFilter(hmm, 3);
                final LogSpaceReference ref = new LogSpaceReference(hmm);
                final double[] x = new double[2];
                for (int t = 0; t < steps; t++) {
                    // mostly ordinary draws, sometimes far outliers (emission densities ~exp(-1e4))
                    final double spread = rnd.nextInt(20) == 0 ? 300 : 3;
                    x[0] = rnd.nextGaussian() * spread;
                    x[1] = rnd.nextGaussian() * spread;
                    f.step(2, x);
                    ref.step(x);
                    // the log-space oracle's own rounding: exp of a difference of log terms of size m
                    // is off by ~ulp(m) relative; the probability-space filter does not have it
                    final double tolerance = 1e-13 + 4 * Math.ulp(ref.magnitude);
                    for (int j = 0; j < k; j++) {
                        assertEquals(ref.posterior(j), f.posterior(2, j), tolerance);
                    }
                    assertEquals(ref.logLik, f.logLikelihood(2), 1e-12 * (1 + Math.abs(ref.logLik)));
                }
            });
    }

    /** The log-space forward recursion the filter replaced (log-sum-exp over log transitions), as the oracle. */
    private static final class LogSpaceReference {
        private final GaussianHmm hmm;
        private final double[] logPost;
        private final double[] next;
        private final double[] terms;
        private boolean started;
        double logLik;
        double magnitude;

        LogSpaceReference(final GaussianHmm hmm) {
            this.hmm = hmm;
            logPost = new double[hmm.states()];
            next = new double[hmm.states()];
            terms = new double[hmm.states()];
        }

        void step(final double[] x) {
            final int k = hmm.states();
            for (int j = 0; j < k; j++) {
                double prior = hmm.logInitial(j);
                if (started) {
                    for (int i = 0; i < k; i++) {
                        terms[i] = logPost[i] + hmm.logTransition(i, j);
                    }
                    prior = logSumExp(terms);
                }
                next[j] = prior + hmm.logEmission(j, x);
            }
            final double c = logSumExp(next);
            magnitude = 0;
            for (int j = 0; j < k; j++) {
                magnitude = Math.max(magnitude, Math.abs(next[j]));
                logPost[j] = next[j] - c;
            }
            logLik += c;
            started = true;
        }

        double posterior(final int j) {
            return Math.exp(logPost[j]);
        }

        private static double logSumExp(final double[] v) {
            double max = Double.NEGATIVE_INFINITY;
            for (final double d : v) {
                max = Math.max(max, d);
            }
            double s = 0;
            for (final double d : v) {
                s += Math.exp(d - max);
            }
            return max + Math.log(s);
        }
    }

    /** P(x_1..x_n, s_n = j) by summing over all K^n state paths. */
    private static double[] bruteForce(final GaussianHmm hmm, final double[][] xs, final int n) {
        final int k = hmm.states();
        final double[] out = new double[k];
        final int[] path = new int[n];
        final int paths = (int) Math.pow(k, n);
        for (int code = 0; code < paths; code++) {
            int c = code;
            for (int t = 0; t < n; t++) {
                path[t] = c % k;
                c /= k;
            }
            double lp = hmm.logInitial(path[0]) + hmm.logEmission(path[0], xs[0]);
            for (int t = 1; t < n; t++) {
                lp += hmm.logTransition(path[t - 1], path[t]) + hmm.logEmission(path[t], xs[t]);
            }
            out[path[n - 1]] += Math.exp(lp);
        }
        return out;
    }

    static RegimeParams randomParams(final SplittableRandom rnd, final int k, final int dims) {
        final double[] init = simplex(rnd, k);
        final double[] trans = new double[k * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(simplex(rnd, k), 0, trans, i * k, k);
        }
        final double[] mean = new double[k * dims];
        final double[] var = new double[k * dims];
        for (int i = 0; i < k * dims; i++) {
            mean[i] = rnd.nextGaussian() * 3;
            var[i] = 0.5 + rnd.nextDouble() * 5;
        }
        return new RegimeParams(k, dims, init, trans, mean, var, 1.0);
    }

    private static double[] simplex(final SplittableRandom rnd, final int k) {
        final double[] v = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            v[i] = 0.05 + rnd.nextDouble();
            s += v[i];
        }
        for (int i = 0; i < k; i++) {
            v[i] /= s;
        }
        return v;
    }

    @Test
    void shouldStayFiniteOnLongSequencesAndRejectNonFiniteObservations() {
        final HmmForwardFilter f = new HmmForwardFilter(new GaussianHmm(RegimeParams.defaults()), 1);
        final double[] x = new double[2];
        final SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 100_000; t++) {
            x[0] = rnd.nextGaussian() * 20;
            x[1] = 5 + rnd.nextDouble() * 100;
            f.step(0, x);
        }
        double s = 0;
        for (int j = 0; j < 3; j++) {
            s += f.posterior(0, j);
        }
        assertEquals(1.0, s, 1e-12);
        final long before = f.stateHash();
        x[1] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> f.step(0, x));
        assertEquals(before, f.stateHash());
    }

    @Test
    void shouldValidateParamsNamingKey() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RegimeParams(2, 1,
            new double[] {0.5, 0.5}, new double[] {0.9, 0.2, 0.5, 0.5}, new double[] {0, 1}, new double[] {1, 1}, 1));
        assertEquals("regime.transition row 0: sums to 1.1, must sum to 1", e.getMessage());
    }
}
