package io.skytrade.exchange.sim;

import java.util.SplittableRandom;

/**
 * One background participant's own error around the public forecast: smooth seeded noise per
 * product with unit-variance knots every {@value #KNOT_MINUTES} minutes (so a stray view comes back
 * within minutes), scaled by the caller
 * (the forecast's own standard deviation times a fraction). A function of (seed, product, time)
 * only, so it knows nothing of the future.
 *
 * <p>Immutable and thread-safe. Cost: two small random draws.
 */
final class TraderNoise {
    static final long KNOT_MINUTES = 10;
    private static final long KNOT_NANOS = KNOT_MINUTES * 60_000_000_000L;

    private final long seed;

    TraderNoise(final long seed) {
        this.seed = seed;
    }

    /** Unit-variance smooth noise of {@code product} at {@code t}. */
    double at(final int product, final long t) {
        final long k = Math.floorDiv(t, KNOT_NANOS);
        final double f = (t - k * KNOT_NANOS) / (double)KNOT_NANOS;
        final double w = f * f * (3 - 2 * f);
        return knot(product, k) * (1 - w) + knot(product, k + 1) * w;
    }

    private double knot(final int product, final long k) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + product * 0xBF58476D1CE4E5B9L + k * 0xC2B2AE3D27D4EB4FL)
            .nextGaussian();
    }
}
