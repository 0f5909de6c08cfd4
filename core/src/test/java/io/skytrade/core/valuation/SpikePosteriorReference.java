package io.skytrade.core.valuation;

import io.skytrade.core.kalman.SpikeSpec;

/**
 * The spike posterior as {@link SpikeTracker} computed it before its cells were summed width by
 * width over tabulated shapes (commit 187e5fc): every cell's log marginal likelihood with its
 * logarithm, {@code StrictMath.exp} per cell, every shape computed. The test oracle for the faster
 * form ({@link SpikeTrackerTest}); not used by the engine.
 */
final class SpikePosteriorReference {
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    private static final long STEP_NANOS = 15 * 60_000_000_000L;
    private static final int BACK_STEPS = 32;
    private static final int READINGS = SpikeTracker.READINGS;
    private static final int CENTRES = SpikeTracker.CENTRES;
    private static final int WIDTHS = SpikeTracker.WIDTHS;
    private final SpikeSpec spec;
    private final double[] widthHours = new double[WIDTHS];
    private final long[] readingTime = new long[READINGS];
    private final double[] readingExcess = new double[READINGS];
    private final double[] readingVariance = new double[READINGS];
    private int kept;
    private final double[] weight = new double[CENTRES * WIDTHS];
    private final double[] heightMean = new double[CENTRES * WIDTHS];
    private final double[] heightVariance = new double[CENTRES * WIDTHS];
    private boolean active;
    private long gridTime;

    SpikePosteriorReference(final SpikeSpec spec) {
        this.spec = spec;
        for (int k = 0; k < WIDTHS; k++) {
            widthHours[k] = spec.widthMinHours() + (spec.widthMaxHours() - spec.widthMinHours()) * k / (WIDTHS - 1);
        }
    }

    void observe(final long t, final double excess, final double variance) {
        if (kept == READINGS) {
            System.arraycopy(readingTime, 1, readingTime, 0, READINGS - 1);
            System.arraycopy(readingExcess, 1, readingExcess, 0, READINGS - 1);
            System.arraycopy(readingVariance, 1, readingVariance, 0, READINGS - 1);
            kept--;
        }
        readingTime[kept] = t;
        readingExcess[kept] = excess;
        readingVariance[kept] = variance;
        kept++;
        gridTime = t;
        final double priorPrecision = 1.0 / (spec.sizeStd() * spec.sizeStd());
        final double priorTerm = spec.sizeMean() * priorPrecision;
        final double span = (double) (CENTRES * STEP_NANOS) / NANOS_PER_HOUR;
        final double episode = Math.min(0.99, spec.episodesPerHour() * span);
        final double cellPrior = StrictMath.log(episode / (CENTRES * WIDTHS));
        double quiet = 0.0;
        for (int i = 0; i < kept; i++) {
            quiet += readingExcess[i] * readingExcess[i] / readingVariance[i];
        }
        double quietWeight = StrictMath.log1p(-episode) - 0.5 * quiet;
        double best = quietWeight;
        for (int c = 0; c < CENTRES; c++) {
            final long centre = t + (c - BACK_STEPS) * STEP_NANOS;
            for (int k = 0; k < WIDTHS; k++) {
                double precision = priorPrecision;
                double linear = priorTerm;
                for (int i = 0; i < kept; i++) {
                    final double g = shape(readingTime[i] - centre, widthHours[k]);
                    final double inv = 1.0 / readingVariance[i];
                    precision += g * g * inv;
                    linear += g * readingExcess[i] * inv;
                }
                final int j = c * WIDTHS + k;
                heightMean[j] = linear / precision;
                heightVariance[j] = 1.0 / precision;
                final double logLik = cellPrior - 0.5 * (quiet + spec.sizeMean() * priorTerm - linear * linear / precision)
                    - 0.5 * StrictMath.log(precision / priorPrecision);
                weight[j] = logLik;
                best = Math.max(best, logLik);
            }
        }
        quietWeight = StrictMath.exp(quietWeight - best);
        double total = quietWeight;
        for (int j = 0; j < weight.length; j++) {
            weight[j] = StrictMath.exp(weight[j] - best);
            total += weight[j];
        }
        quietWeight /= total;
        for (int j = 0; j < weight.length; j++) {
            weight[j] /= total;
        }
        active = quietWeight < 1.0 - 1e-9;
    }

    private static double shape(final long dtNanos, final double widthHours) {
        final double x = dtNanos / NANOS_PER_HOUR / widthHours;
        return StrictMath.exp(-0.5 * x * x);
    }

    /** The tracked episode's mean (index 0) and variance (index 1) at {@code t}. */
    double[] moments(final long t) {
        double m = 0.0;
        double s = 0.0;
        if (active) {
            for (int c = 0; c < CENTRES; c++) {
                final long centre = gridTime + (c - BACK_STEPS) * STEP_NANOS;
                for (int k = 0; k < WIDTHS; k++) {
                    final int j = c * WIDTHS + k;
                    final double g = shape(t - centre, widthHours[k]);
                    final double h = Math.max(0.0, heightMean[j]);
                    m += weight[j] * h * g;
                    s += weight[j] * (h * h + heightVariance[j]) * g * g;
                }
            }
        }
        return new double[] {m, Math.max(0.0, s - m * m)};
    }
}
