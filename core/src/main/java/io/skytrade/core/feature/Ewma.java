package io.skytrade.core.feature;

import io.skytrade.core.math.FdlibmPort;

/**
 * Exponentially weighted moving mean and variance per id with a half-life in event time, for
 * irregularly spaced values: a value arriving {@code dt} after the previous one gets weight
 * {@code alpha = 1 - 2^(-dt / halfLife)}, so two updates with the same value compose exactly into
 * one update over the summed interval. The first value seeds the mean (variance 0); a value at the
 * same time as, or earlier than, the previous one carries no weight and does not move time back.
 *
 * <p>Single-threaded; state in primitive arrays allocated once. Hot-path cost of {@link #update}:
 * one {@code Math.exp} and a few multiplications, no allocation.
 */
public final class Ewma {
    private final int ids;
    private final Decay decay;
    private final double[] mean;
    private final double[] var;
    private final long[] lastTime;
    private final boolean[] seeded;

    /**
     * @param ids            number of ids (0..ids-1)
     * @param halfLifeNanos  event time after which a value's weight halves, > 0
     */
    public Ewma(final int ids, final long halfLifeNanos) {
        this(ids, new Decay(halfLifeNanos));
    }

    /**
     * An EWMA sharing {@code decay} with others of the same half-life: when they are updated at
     * the same times (two statistics of one book), the decay is computed once.
     */
    Ewma(final int ids, final Decay decay) {
        if (ids < 1) {
            throw new IllegalArgumentException("Ewma.ids: " + ids + " must be >= 1");
        }
        this.ids = ids;
        this.decay = decay;
        mean = new double[ids];
        var = new double[ids];
        lastTime = new long[ids];
        seeded = new boolean[ids];
    }

    /**
     * Folds in one value observed at {@code timeNanos}.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, or the id out of range
     */
    public void update(final int id, final long timeNanos, final double x) {
        if (id < 0 || id >= ids) {
            throw new IllegalArgumentException("Ewma.update: id " + id + " must be in [0, " + ids + ")");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("Ewma.update: value " + x + " for id " + id + " must be finite");
        }
        if (!seeded[id]) {
            seeded[id] = true;
            mean[id] = x;
            var[id] = 0.0;
            lastTime[id] = timeNanos;
            return;
        }
        final long dt = timeNanos - lastTime[id];
        if (dt <= 0) {
            return;
        }
        lastTime[id] = timeNanos;
        final double alpha = decay.alpha(dt);
        final double diff = x - mean[id];
        final double incr = alpha * diff;
        mean[id] += incr;
        var[id] = (1.0 - alpha) * (var[id] + diff * incr);
    }

    public boolean isSeeded(final int id) {
        return seeded[id];
    }

    /** Weighted mean; 0 before the first value. */
    public double mean(final int id) {
        return mean[id];
    }

    /** Weighted variance around the weighted mean; 0 before the second value. */
    public double variance(final int id) {
        return var[id];
    }

    public double std(final int id) {
        return Math.sqrt(var[id]);
    }

    /** Hash of the state, for replay comparisons (not hot path). */
    public long stateHash() {
        long h = 7;
        for (int id = 0; id < ids; id++) {
            h = 31 * h + Double.doubleToLongBits(mean[id]);
            h = 31 * h + Double.doubleToLongBits(var[id]);
            h = 31 * h + lastTime[id];
        }
        return h;
    }

    /**
     * The weight {@code 1 - 2^(-dt / halfLife)} of a value arriving {@code dt} after the previous
     * one, remembering the last interval: EWMAs of one half-life updated at the same times share
     * one, so the exponential is computed once (same arguments, same bits).
     */
    static final class Decay {
        private final double decayPerNano;
        private long lastDt = -1;
        private double lastAlpha;

        Decay(final long halfLifeNanos) {
            if (halfLifeNanos <= 0) {
                throw new IllegalArgumentException("Ewma.halfLifeNanos: " + halfLifeNanos + " must be > 0");
            }
            decayPerNano = StrictMath.log(2.0) / halfLifeNanos;
        }

        /** The weight for an interval of {@code dt} > 0 nanoseconds. */
        double alpha(final long dt) {
            if (dt != lastDt) {
                lastAlpha = -FdlibmPort.expm1(-decayPerNano * dt);
                lastDt = dt;
            }
            return lastAlpha;
        }
    }
}
