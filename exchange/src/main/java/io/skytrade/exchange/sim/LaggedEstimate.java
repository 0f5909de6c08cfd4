package io.skytrade.exchange.sim;

import java.util.SplittableRandom;

/**
 * What a background trader believes a product will settle at: the true settlement plus an error
 * that follows smooth seeded noise, seen with a lag, and shrinks with the square root of the
 * fraction of the session still to come (early on the estimate is loose, at the end it is exact).
 *
 * <p>Immutable and thread-safe; a pure function of (seed, time). Cost: two small random draws.
 */
final class LaggedEstimate {
    private static final long KNOT_NANOS = 20 * 60_000_000_000L;

    private final double truth;
    private final double sigma;
    private final long lagNanos;
    private final long sessionStart;
    private final long sessionEnd;
    private final long seed;

    LaggedEstimate(final double truth, final double sigma, final long lagNanos, final long sessionStart,
                   final long sessionEnd, final long seed) {
        this.truth = truth;
        this.sigma = sigma;
        this.lagNanos = lagNanos;
        this.sessionStart = sessionStart;
        this.sessionEnd = sessionEnd;
        this.seed = seed;
    }

    double sigma() {
        return sigma;
    }

    /** The estimate at world time {@code now}. */
    double at(final long now) {
        final long seen = Math.max(sessionStart, now - lagNanos);
        final double remaining = Math.max(0, Math.min(1, (sessionEnd - seen) / (double)Math.max(1, sessionEnd - sessionStart)));
        final long k = Math.floorDiv(seen, KNOT_NANOS);
        final double f = (seen - k * KNOT_NANOS) / (double)KNOT_NANOS;
        final double w = f * f * (3 - 2 * f);
        final double noise = knot(k) * (1 - w) + knot(k + 1) * w;
        return Math.max(0, truth + sigma * Math.sqrt(remaining) * noise);
    }

    private double knot(final long k) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k * 0xC2B2AE3D27D4EB4FL).nextGaussian();
    }
}
