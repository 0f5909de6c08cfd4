package io.skytrade.core.feature;

import io.skytrade.core.math.TableExp;

/**
 * Exponentially decaying sum per id with a half-life in event time: {@code sum <- sum *
 * 2^(-dt / halfLife) + x}. Used for signed trade flow, where several trades can share a timestamp
 * and each must count in full. Single-threaded; primitive arrays allocated once. Hot-path cost:
 * one {@code Math.exp}, no allocation.
 */
public final class DecayingSum {
    private final int ids;
    private final double decayPerNano;
    private final double[] sum;
    private final long[] lastTime;

    public DecayingSum(final int ids, final long halfLifeNanos) {
        if (ids < 1) {
            throw new IllegalArgumentException("DecayingSum.ids: " + ids + " must be >= 1");
        }
        if (halfLifeNanos <= 0) {
            throw new IllegalArgumentException("DecayingSum.halfLifeNanos: " + halfLifeNanos + " must be > 0");
        }
        this.ids = ids;
        this.decayPerNano = StrictMath.log(2.0) / halfLifeNanos;
        sum = new double[ids];
        lastTime = new long[ids];
    }

    /** Decays the sum to {@code timeNanos} and adds {@code x}; earlier times do not decay. */
    public void add(final int id, final long timeNanos, final double x) {
        if (id < 0 || id >= ids) {
            throw new IllegalArgumentException("DecayingSum.add: id " + id + " must be in [0, " + ids + ")");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("DecayingSum.add: value " + x + " for id " + id + " must be finite");
        }
        final long dt = timeNanos - lastTime[id];
        if (dt > 0) {
            sum[id] *= StrictMath.exp(-decayPerNano * dt);
            lastTime[id] = timeNanos;
        }
        sum[id] += x;
    }

    /**
     * The sum decayed to {@code timeNanos} (not before the last add), the decay by {@link TableExp}
     * (within two units in the last place of the exact decay); does not change state.
     */
    public double sumAt(final int id, final long timeNanos) {
        final long dt = timeNanos - lastTime[id];
        return dt > 0 ? sum[id] * TableExp.exp(-decayPerNano * dt) : sum[id];
    }

    /** The sum as of the last {@link #add}. */
    public double sum(final int id) {
        return sum[id];
    }

    public long stateHash() {
        long h = 11;
        for (int id = 0; id < ids; id++) {
            h = 31 * h + Double.doubleToLongBits(sum[id]);
            h = 31 * h + lastTime[id];
        }
        return h;
    }
}
