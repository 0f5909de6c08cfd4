package io.skytrade.core.valuation;

import io.skytrade.core.kalman.SpikeSpec;
import io.skytrade.core.kalman.StructuralModel;

/**
 * Follows the episodes ({@link SpikeSpec}) on top of a log-scale nowcast model, such as PM2.5's
 * pollution spikes: a reading far above the model's predictive distribution is taken as an
 * episode under way, whose size (the reading less the model's expected value) is tracked and
 * removed from what the model sees, so a spike does not drag the smooth components up; between
 * readings a tracked episode fades with the episodes' typical width. A forecast adds the tracked
 * episode's remainder (uncertain by half its size) and the mean and variance of episodes not seen
 * yet, which grow from nothing at the last reading ({@link SpikeSpec}).
 *
 * <p>Single-threaded (owned by the valuation stage). Hot-path cost: a model forecast and a few
 * exponentials per reading; no allocation.
 */
final class SpikeTracker {
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    private final SpikeSpec spec;
    private double level;
    private long time;
    private long lastReading;

    SpikeTracker(final SpikeSpec spec) {
        this.spec = spec;
    }

    /**
     * Takes a reading of the model's row: updates the tracked episode and returns the reading
     * with the episode removed, for the model to fold in.
     */
    double onReading(final StructuralModel model, final int row, final long t, final double z) {
        if (t >= lastReading) {
            lastReading = t;
        }
        if (!model.isStarted()) {
            return z;
        }
        final double lm = model.mean(row, t);
        final double lv = model.latentVariance(row, t);
        final double base = StrictMath.exp(lm + 0.5 * lv);
        final double sd = base * Math.sqrt(StrictMath.expm1(lv)) + Math.sqrt(model.readingVariance(row) + model.sampleVariance(row, t));
        final double excess = z - base;
        final double tracked = levelAt(t);
        if (excess > spec.detectSigmas() * sd || tracked > sd && excess > 0.0) {
            level = excess;
        } else {
            level = 0.0;
        }
        time = t;
        return Math.max(z - level, 0.05);
    }

    private double levelAt(final long t) {
        if (level == 0.0) {
            return 0.0;
        }
        return level * StrictMath.exp(-Math.max(0L, t - time) / NANOS_PER_HOUR / spec.fadeHours());
    }

    /** The tracked episode's remainder at {@code t} (0 when none). */
    double trackedAt(final long t) {
        return levelAt(t);
    }

    /** Expected episode contribution at {@code t}: the tracked one's remainder plus unseen ones. */
    double expectedAt(final long t) {
        return levelAt(t) + spec.unseenMean() * unseenShare(t);
    }

    /** The episodes' specification. */
    SpikeSpec spec() {
        return spec;
    }

    /** Variance of the episode contribution at {@code t}. */
    double varianceAt(final long t) {
        final double tracked = levelAt(t);
        return 0.25 * tracked * tracked + spec.unseenVariance() * unseenShare(t);
    }

    /** How far unseen episodes have grown at {@code t}: 0 at the last reading, towards 1 far ahead. */
    double unseenShare(final long t) {
        final double x = Math.max(0L, t - lastReading) / NANOS_PER_HOUR / spec.revealHours();
        return -StrictMath.expm1(-x * x);
    }

    long stateHash() {
        return 31 * (31 * Double.doubleToLongBits(level) + time) + lastReading;
    }
}
