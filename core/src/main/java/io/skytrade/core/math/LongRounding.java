package io.skytrade.core.math;

/**
 * {@code (long) Math.floor(x)} and {@code (long) Math.ceil(x)} by truncation and one compare, the
 * same long for every double (NaN gives 0, beyond the long range the range's end, as the cast of
 * the rounded double does). The JIT does not always turn {@code Math.floor} into one instruction
 * (the strategy's profile showed {@code StrictMath.floorOrCeil} called on the book path); a cast
 * always is one.
 *
 * <p>Stateless. Hot-path cost: a conversion, a compare and an add; no allocation.
 */
public final class LongRounding {
    private LongRounding() {
    }

    /** {@code (long) Math.floor(x)}: the largest long not above {@code x}, clamped to the long range; 0 for NaN. */
    public static long floor(final double x) {
        final long t = (long) x;
        // t is x truncated towards zero, exact within the long range (a double that large is whole)
        return x < t && t != Long.MIN_VALUE ? t - 1 : t;
    }

    /** {@code (long) Math.ceil(x)}: the smallest long not below {@code x}, clamped to the long range; 0 for NaN. */
    public static long ceil(final double x) {
        final long t = (long) x;
        return x > t && t != Long.MAX_VALUE ? t + 1 : t;
    }
}
