package io.skytrade.core.valuation;

import io.skytrade.core.kalman.SpikeSpec;
import io.skytrade.core.kalman.StructuralModel;
import io.skytrade.core.math.FdlibmPort;

/**
 * Follows the episodes ({@link SpikeSpec}) on top of a log-scale nowcast model, such as PM2.5's
 * pollution spikes. Every reading's excess over the model's expected value is kept (the last
 * {@value #READINGS}); a reading far above the model's predictive distribution starts an episode,
 * and while one is under way the tracker holds a posterior over its shape: a bump of height
 * {@code h} centred at {@code c} with width {@code w}, {@code h exp(-(t - c)^2 / (2 w^2))}
 * ({@link SpikeSpec#widthMinHours} to {@link SpikeSpec#widthMaxHours}), on a grid of centres every
 * 15 minutes from 8 h before the newest reading to 3 h after it and {@value #WIDTHS} widths, each
 * with a normal posterior of its height (prior {@link SpikeSpec#sizeMean}, {@link SpikeSpec#sizeStd})
 * from the kept excesses, each uncertain by the model's predictive spread at its time. So an
 * episode seen rising is forecast to rise on (its peak may lie ahead), one seen falling to fade
 * as its shape says. While an episode is under way the model is given its own expected value
 * instead of the reading, so a spike does not drag the smooth components up. A forecast adds the episode's
 * posterior mean and variance at its time, and the mean and variance of episodes not seen yet,
 * which grow from nothing at the last reading ({@link SpikeSpec}).
 *
 * <p>Single-threaded (owned by the valuation stage). Hot-path cost: per reading a model forecast
 * and {@value #CENTRES} x {@value #WIDTHS} posterior cells of
 * a few multiply-adds per kept reading and one exponential each (the shapes are looked up in a
 * table when the times lie on the 15-minute grid, as hourly and quarter-hourly readings and the
 * session end do); per forecast time one table lookup per cell, cached until the next reading; no allocation.
 */
final class SpikeTracker {
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    /** Readings kept for the posterior. */
    static final int READINGS = 8;
    /** Grid step of the episode's centre. */
    private static final long STEP_NANOS = 15 * 60_000_000_000L;
    private static final int BACK_STEPS = 32;
    private static final int AHEAD_STEPS = 12;
    static final int CENTRES = BACK_STEPS + AHEAD_STEPS + 1;
    static final int WIDTHS = 5;
    /** Shapes tabulated for time offsets of whole grid steps up to this many steps either way. */
    private static final int TABLE_HALF = 160;
    private final SpikeSpec spec;
    private final double[] widthHours = new double[WIDTHS];
    private final double[][] shapeTable = new double[WIDTHS][2 * TABLE_HALF + 1];
    private final long[] readingTime = new long[READINGS];
    private final double[] readingExcess = new double[READINGS];
    private final double[] readingVariance = new double[READINGS];
    private int kept;
    private final double[] weight = new double[CENTRES * WIDTHS];
    private final double[] heightMean = new double[CENTRES * WIDTHS];
    private final double[] heightVariance = new double[CENTRES * WIDTHS];
    private boolean active;
    private double quietWeight = 1.0;
    private long gridTime;
    private long lastReading;
    private long cachedAt = Long.MIN_VALUE;
    private double cachedMean;
    private double cachedVariance;

    SpikeTracker(final SpikeSpec spec) {
        this.spec = spec;
        for (int k = 0; k < WIDTHS; k++) {
            widthHours[k] = spec.widthMinHours() + (spec.widthMaxHours() - spec.widthMinHours()) * k / (WIDTHS - 1);
            for (int d = -TABLE_HALF; d <= TABLE_HALF; d++) {
                shapeTable[k][d + TABLE_HALF] = shape(d * STEP_NANOS, widthHours[k]);
            }
        }
    }

    /**
     * Takes a reading of the model's row: updates the episode's posterior and returns what the
     * model should fold in (the reading, or the model's own expected value while an episode is under way).
     */
    double onReading(final StructuralModel model, final int row, final long t, final double z) {
        if (!model.isStarted()) {
            lastReading = Math.max(lastReading, t);
            return z;
        }
        if (t < lastReading) {
            return z;
        }
        lastReading = t;
        final double lm = model.mean(row, t);
        final double lv = model.latentVariance(row, t);
        final double base = StrictMath.exp(lm + 0.5 * lv);
        final double sd = base * Math.sqrt(FdlibmPort.expm1(lv)) + Math.sqrt(model.readingVariance(row) + model.sampleVariance(row, t));
        final double excess = z - base;
        keep(t, excess, sd * sd);
        update(t);
        cachedAt = Long.MIN_VALUE;
        if (excess > spec.detectSigmas() * sd) {
            return Math.max(base, 0.05);
        }
        return Math.max(z - meanAt(t), 0.05);
    }

    private void keep(final long t, final double excess, final double variance) {
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
    }

    /**
     * The posterior over "no episode" and the grid of episodes anchored at the newest reading
     * {@code t}, from the kept readings: an episode's prior probability is the episode rate times
     * the grid's span, spread evenly over its cells; its height's normal prior integrates out.
     */
    private void update(final long t) {
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
        quietWeight = StrictMath.log1p(-episode) - 0.5 * quiet;
        double best = quietWeight;
        for (int c = 0; c < CENTRES; c++) {
            final long centre = t + (c - BACK_STEPS) * STEP_NANOS;
            for (int k = 0; k < WIDTHS; k++) {
                double precision = priorPrecision;
                double linear = priorTerm;
                for (int i = 0; i < kept; i++) {
                    final double g = shapeAt(readingTime[i] - centre, k);
                    final double inv = 1.0 / readingVariance[i];
                    precision += g * g * inv;
                    linear += g * readingExcess[i] * inv;
                }
                final int j = c * WIDTHS + k;
                heightMean[j] = linear / precision;
                heightVariance[j] = 1.0 / precision;
                final double logLik = cellPrior - 0.5 * (quiet + spec.sizeMean() * priorTerm - linear * linear / precision)
                    - 0.5 * FdlibmPort.log(precision / priorPrecision);
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

    /** The shape of width {@code k} at {@code dtNanos} from its centre: tabulated on whole grid steps (the same value), computed otherwise. */
    private double shapeAt(final long dtNanos, final int k) {
        if (dtNanos % STEP_NANOS == 0) {
            final long d = dtNanos / STEP_NANOS;
            if (d >= -TABLE_HALF && d <= TABLE_HALF) {
                return shapeTable[k][(int) d + TABLE_HALF];
            }
        }
        return shape(dtNanos, widthHours[k]);
    }

    private static double shape(final long dtNanos, final double widthHours) {
        final double x = dtNanos / NANOS_PER_HOUR / widthHours;
        return StrictMath.exp(-0.5 * x * x);
    }

    private void moments(final long t) {
        if (cachedAt == t) {
            return;
        }
        double m = 0.0;
        double s = 0.0;
        if (active) {
            for (int c = 0; c < CENTRES; c++) {
                final long centre = gridTime + (c - BACK_STEPS) * STEP_NANOS;
                for (int k = 0; k < WIDTHS; k++) {
                    final int j = c * WIDTHS + k;
                    final double g = shapeAt(t - centre, k);
                    final double h = Math.max(0.0, heightMean[j]);
                    m += weight[j] * h * g;
                    s += weight[j] * (h * h + heightVariance[j]) * g * g;
                }
            }
        }
        cachedAt = t;
        cachedMean = m;
        cachedVariance = Math.max(0.0, s - m * m);
    }

    private double meanAt(final long t) {
        moments(t);
        return cachedMean;
    }

    /** The tracked episode's expected size at {@code t} (0 when none). */
    double trackedAt(final long t) {
        return meanAt(t);
    }

    /** The variance of the tracked episode's size at {@code t} (0 when none). */
    double trackedVarianceAt(final long t) {
        moments(t);
        return cachedVariance;
    }

    /** Expected episode contribution at {@code t}: the tracked one's plus unseen ones. */
    double expectedAt(final long t) {
        return meanAt(t) + spec.unseenMean() * unseenShare(t);
    }

    /** The episodes' specification. */
    SpikeSpec spec() {
        return spec;
    }

    /** Variance of the episode contribution at {@code t}. */
    double varianceAt(final long t) {
        return trackedVarianceAt(t) + spec.unseenVariance() * unseenShare(t);
    }

    /** How far unseen episodes have grown at {@code t}: 0 at the last reading, towards 1 far ahead. */
    double unseenShare(final long t) {
        final double x = Math.max(0L, t - lastReading) / NANOS_PER_HOUR / spec.revealHours();
        return -FdlibmPort.expm1(-x * x);
    }

    long stateHash() {
        long h = 31 * (31 * (active ? 1 : 0) + gridTime) + lastReading;
        for (int i = 0; i < kept; i++) {
            h = 31 * h + readingTime[i] + Double.doubleToLongBits(readingExcess[i]);
        }
        return h;
    }
}
