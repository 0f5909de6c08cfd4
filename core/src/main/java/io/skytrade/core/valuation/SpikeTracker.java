package io.skytrade.core.valuation;

import io.skytrade.core.kalman.SpikeSpec;
import io.skytrade.core.kalman.StructuralModel;
import io.skytrade.core.math.FdlibmPort;
import java.util.Arrays;

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
 * as its shape says. Once the tracked episode has faded, a reading far above what the smooth
 * model and it predict together begins another: the tracked one's expected shape is taken out of
 * the kept readings and the posterior starts over. While an episode is under way the model is
 * given its own expected value instead of the reading, so a spike does not drag the smooth
 * components up. A forecast adds the episode's
 * posterior mean and variance at its time, and the mean and variance of episodes not seen yet
 * (centred after the grid: the same process's rate, heights and widths; {@link SpikeSpec}).
 *
 * <p>Single-threaded (owned by the valuation stage). Hot-path cost: per reading a model forecast
 * and {@value #CENTRES} x {@value #WIDTHS} posterior cells of two multiply-adds per kept reading
 * (in loops over the centres, the shapes looked up in a table when the times lie on the 15-minute
 * grid, as hourly and quarter-hourly readings and the session end do), a division, a square
 * root and one table-based exponential ({@link Normal#expNonPositive}) each; per forecast time
 * one table lookup and three multiplies and two adds per cell (the weighted heights are formed
 * once per reading) and, for the episodes not seen yet, two normal distribution functions per
 * width, cached until the next reading (while an episode is under way one such forecast at the
 * reading's time before the update, and on a new episode one per kept reading); no allocation.
 */
final class SpikeTracker {
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    private static final double SQRT2 = 1.4142135623730951;
    private static final double SQRT_PI = 1.7724538509055159;
    private static final double SQRT_2PI = 2.5066282746310002;
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
    static final int CELLS = CENTRES * WIDTHS;
    /**
     * A cell whose weight before normalisation is below {@code e^-CUT} of the largest bound counts
     * 0 (e^-50 ~ 2e-22: below the sums' rounding unless the readings are ~1e40 times more precise
     * than the height's prior).
     */
    private static final double CUT = 50.0;
    /** The step offsets from the grid's anchor at which every cell's shape is in the table (the centres span -32..+12 steps). */
    private static final int MIN_OFFSET = -(TABLE_HALF - AHEAD_STEPS);
    private static final int MAX_OFFSET = TABLE_HALF - BACK_STEPS;
    private static final int OFF_TABLE = Integer.MIN_VALUE;
    private final SpikeSpec spec;
    private final double[] widthHours = new double[WIDTHS];
    /** Shape of each width at whole grid steps from its centre ({@code TABLE_HALF + d}; symmetric in d), and its square. */
    private final double[][] shapeTable = new double[WIDTHS][2 * TABLE_HALF + 1];
    private final double[][] shapeSquared = new double[WIDTHS][2 * TABLE_HALF + 1];
    private final long[] readingTime = new long[READINGS];
    private final double[] readingExcess = new double[READINGS];
    private final double[] readingVariance = new double[READINGS];
    private int kept;
    private final double[] inverse = new double[READINGS];
    private final int[] offset = new int[READINGS];
    /** Per cell, width-major ({@code k * CENTRES + c}): posterior weight, height mean and variance. */
    private final double[] weight = new double[CELLS];
    private final double[] heightMean = new double[CELLS];
    private final double[] heightVariance = new double[CELLS];
    /**
     * Per cell, while an episode is under way: its weight times its height's mean (floored at 0)
     * and times that squared plus the height's variance, the products every forecast time sums.
     */
    private final double[] weightedHeight = new double[CELLS];
    private final double[] weightedSquare = new double[CELLS];
    /** Scratch: each cell's {@code sqrt(priorPrecision / precision)}. */
    private final double[] factor = new double[CELLS];
    private boolean active;
    private double quietWeight = 1.0;
    private long gridTime;
    private long lastReading;
    private long cachedAt = Long.MIN_VALUE;
    private double cachedMean;
    private double cachedVariance;
    private long unseenAt = Long.MIN_VALUE;
    private long unseenFrom = Long.MIN_VALUE;
    private double unseenMean;
    private double unseenSecondMoment;
    private double unseenVariance;
    private double unseenProbability;

    SpikeTracker(final SpikeSpec spec) {
        this.spec = spec;
        for (int k = 0; k < WIDTHS; k++) {
            widthHours[k] = spec.widthMinHours() + (spec.widthMaxHours() - spec.widthMinHours()) * k / (WIDTHS - 1);
            for (int d = -TABLE_HALF; d <= TABLE_HALF; d++) {
                shapeTable[k][d + TABLE_HALF] = shape(d * STEP_NANOS, widthHours[k]);
                shapeSquared[k][d + TABLE_HALF] = shapeTable[k][d + TABLE_HALF] * shapeTable[k][d + TABLE_HALF];
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
        if (active) {
            renewIfUnexplained(t, excess, sd);
        }
        observe(t, excess, sd * sd);
        if (excess > spec.detectSigmas() * sd) {
            return Math.max(base, 0.05);
        }
        return Math.max(z - meanAt(t), 0.05);
    }

    /**
     * Another episode beginning after the tracked one has faded: the posterior holds one bump,
     * which cannot explain the old episode's readings and a new surge together (it kept the old
     * one and explained neither the surge nor, through the smooth model, which is given its own
     * expected value for so large a reading: the reading was lost). When the tracked episode's
     * expected size at the reading is within {@link SpikeSpec#detectSigmas} of the model's
     * predictive spread (it has faded into the noise) and the reading lies more than that many
     * standard deviations of the joint predictive spread (the model's and the tracked episode's)
     * above what the two predict, the kept readings' excesses become what the tracked episode's
     * expected shape leaves of them, so the posterior that follows describes the new episode. An
     * episode still large is left to the one posterior (two overlapping ones are not told apart).
     */
    private void renewIfUnexplained(final long t, final double excess, final double sd) {
        final double tracked = meanAt(t);
        final double predictedVariance = sd * sd + trackedVarianceAt(t);
        if (tracked >= spec.detectSigmas() * sd || excess - tracked <= spec.detectSigmas() * Math.sqrt(predictedVariance)) {
            return;
        }
        for (int i = 0; i < kept; i++) {
            readingExcess[i] -= meanAt(readingTime[i]);
        }
    }

    /** Keeps a reading's excess over the model (and its variance) at {@code t}, the newest, and updates the posterior. */
    void observe(final long t, final double excess, final double variance) {
        keep(t, excess, variance);
        update(t);
        cachedAt = Long.MIN_VALUE;
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
     * the grid's span, spread evenly over its cells; its height's normal prior integrates out. A
     * cell's marginal likelihood carries the factor {@code sqrt(priorPrecision / precision)}, taken
     * as that square root (not as the exponential of half a logarithm); a cell whose weight before
     * it lies more than {@link #CUT} below the largest gets weight exactly 0.
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
            inverse[i] = 1.0 / readingVariance[i];
            offset[i] = stepOffset(readingTime[i] - t);
        }
        final double quietLog = StrictMath.log1p(-episode) - 0.5 * quiet;
        // per width, each kept reading's terms added to every centre's sums in reading order; the
        // sums are accumulated in heightVariance (precision) and heightMean (linear term)
        for (int k = 0; k < WIDTHS; k++) {
            final int row = k * CENTRES;
            Arrays.fill(heightVariance, row, row + CENTRES, priorPrecision);
            Arrays.fill(heightMean, row, row + CENTRES, priorTerm);
            for (int i = 0; i < kept; i++) {
                final double e = readingExcess[i];
                final double inv = inverse[i];
                if (offset[i] != OFF_TABLE) {
                    final double[] g = shapeTable[k];
                    final double[] gg = shapeSquared[k];
                    final int base = TABLE_HALF - BACK_STEPS - offset[i];
                    for (int c = 0; c < CENTRES; c++) {
                        heightVariance[row + c] += gg[base + c] * inv;
                        heightMean[row + c] += g[base + c] * e * inv;
                    }
                } else {
                    for (int c = 0; c < CENTRES; c++) {
                        final double g = shape(readingTime[i] - (t + (c - BACK_STEPS) * STEP_NANOS), widthHours[k]);
                        heightVariance[row + c] += g * g * inv;
                        heightMean[row + c] += g * e * inv;
                    }
                }
            }
        }
        // each cell's log weight bound and determinant factor (straight-line arithmetic over the
        // cells, which the compiler can vectorise), then the largest bound, then the exponentials
        final double constant = quiet + spec.sizeMean() * priorTerm;
        for (int j = 0; j < CELLS; j++) {
            final double linear = heightMean[j];
            final double variance = 1.0 / heightVariance[j];
            final double mean = linear * variance;
            heightMean[j] = mean;
            heightVariance[j] = variance;
            weight[j] = cellPrior - 0.5 * (constant - linear * mean);
            factor[j] = Math.sqrt(priorPrecision * variance);
        }
        double best = quietLog;
        for (int j = 0; j < CELLS; j++) {
            best = Math.max(best, weight[j]);
        }
        quietWeight = Normal.expNonPositive(quietLog - best);
        double total = quietWeight;
        for (int j = 0; j < CELLS; j++) {
            final double d = weight[j] - best;
            final double w = d < -CUT ? 0.0 : Normal.expNonPositive(d) * factor[j];
            weight[j] = w;
            total += w;
        }
        quietWeight /= total;
        for (int j = 0; j < CELLS; j++) {
            weight[j] /= total;
        }
        active = quietWeight < 1.0 - 1e-9;
        if (active) {
            for (int j = 0; j < CELLS; j++) {
                final double h = Math.max(0.0, heightMean[j]);
                weightedHeight[j] = weight[j] * h;
                weightedSquare[j] = weight[j] * (h * h + heightVariance[j]);
            }
        }
    }

    /**
     * {@code dtNanos} in whole grid steps when it is one and every cell's shape at it is tabulated
     * ({@link #MIN_OFFSET} to {@link #MAX_OFFSET}), else {@link #OFF_TABLE}.
     */
    private static int stepOffset(final long dtNanos) {
        if (dtNanos % STEP_NANOS != 0) {
            return OFF_TABLE;
        }
        final long d = dtNanos / STEP_NANOS;
        return d >= MIN_OFFSET && d <= MAX_OFFSET ? (int) d : OFF_TABLE;
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
            final int d = stepOffset(t - gridTime);
            for (int k = 0; k < WIDTHS; k++) {
                final int row = k * CENTRES;
                final double[] table = shapeTable[k];
                final int base = TABLE_HALF - BACK_STEPS - d;
                for (int c = 0; c < CENTRES; c++) {
                    final int j = row + c;
                    final double g = d != OFF_TABLE ? table[base + c]
                        : shape(t - (gridTime + (c - BACK_STEPS) * STEP_NANOS), widthHours[k]);
                    m += weightedHeight[j] * g;
                    s += weightedSquare[j] * g * g;
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
        unseen(t);
        return meanAt(t) + unseenMean;
    }

    /** The episodes' specification. */
    SpikeSpec spec() {
        return spec;
    }

    /** Variance of the episode contribution at {@code t}. */
    double varianceAt(final long t) {
        unseen(t);
        return trackedVarianceAt(t) + unseenVariance;
    }

    /** Probability that an episode not seen yet (centred beyond the posterior's grid) reaches {@code t} ({@link SpikeSpec#reachWidths}). */
    double unseenProbability(final long t) {
        unseen(t);
        return unseenProbability;
    }

    /** Mean size at {@code t} of such an episode, given one. */
    double unseenSizeMean(final long t) {
        unseen(t);
        return unseenProbability > 0.0 ? unseenMean / unseenProbability : 0.0;
    }

    /** Variance of its size at {@code t}, given one. */
    double unseenSizeVariance(final long t) {
        unseen(t);
        if (!(unseenProbability > 0.0)) {
            return 0.0;
        }
        final double m = unseenMean / unseenProbability;
        return Math.max(0.0, unseenSecondMoment / unseenProbability - m * m);
    }

    /**
     * What the episodes not seen yet add at {@code t}: those centred after the posterior's grid
     * (its last centre {@value #AHEAD_STEPS} steps after the newest reading, plus half a step; the
     * grid's cells hold what the readings say of the earlier ones) and, for a bump of width
     * {@code w}, more than {@link SpikeSpec#visibleWidths} {@code w} after the newest reading (a
     * nearer one already shows its rise there), a Poisson process of
     * {@link SpikeSpec#episodesPerHour} with the bump's height moments and the widths of the
     * posterior's grid, equally likely. With {@code d} the first such centre less {@code t} in hours,
     * a bump of width {@code w} adds {@code h w sqrt(2 pi) Phi(-d / w)} in expectation and
     * {@code h^2 w sqrt(pi) Phi(-sqrt(2) d / w)} in second moment; the spike part's probability is the
     * rate times the span of those centres within {@link SpikeSpec#reachWidths} widths of {@code t}.
     * The readings' evidence is used only as that cut, not as a likelihood per centre.
     * Cached until the next reading or another {@code t}.
     */
    private void unseen(final long t) {
        if (unseenAt == t && unseenFrom == lastReading) {
            return;
        }
        final double d = (lastReading - t + AHEAD_STEPS * STEP_NANOS + STEP_NANOS / 2) / NANOS_PER_HOUR;
        final double reach = spec.reachWidths();
        double first = 0.0;
        double second = 0.0;
        double span = 0.0;
        final double newest = (lastReading - t) / NANOS_PER_HOUR;
        for (int k = 0; k < WIDTHS; k++) {
            final double w = widthHours[k];
            final double dk = Math.max(d, newest + spec.visibleWidths() * w);
            first += w * Normal.cdf(-dk / w);
            second += w * Normal.cdf(-SQRT2 * dk / w);
            span += Math.max(0.0, reach * w - Math.max(dk, -reach * w));
        }
        final double rate = spec.episodesPerHour() / WIDTHS;
        final double mean = rate * spec.sizeMean() * SQRT_2PI * first;
        final double secondMoment = rate * (spec.sizeMean() * spec.sizeMean() + spec.sizeStd() * spec.sizeStd()) * SQRT_PI * second;
        unseenMean = mean;
        unseenSecondMoment = secondMoment;
        unseenVariance = Math.max(0.0, secondMoment - mean * mean);
        unseenProbability = Math.min(0.99, rate * span);
        unseenAt = t;
        unseenFrom = lastReading;
    }

    long stateHash() {
        long h = 31 * (31 * (active ? 1 : 0) + gridTime) + lastReading;
        for (int i = 0; i < kept; i++) {
            h = 31 * h + readingTime[i] + Double.doubleToLongBits(readingExcess[i]);
        }
        return h;
    }
}
