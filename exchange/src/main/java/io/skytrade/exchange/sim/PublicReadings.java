package io.skytrade.exchange.sim;

import io.skytrade.core.world.SeriesPath;
import io.skytrade.core.world.WorldReadings;
import io.skytrade.core.world.WorldSeries;

import java.util.Arrays;

/**
 * The public readings of the venue's world, exactly as the engine's offline feeds publish them
 * ({@link WorldReadings}: same noise seed, cadence, delays and rounding), with a small
 * direct-mapped cache per series because forecasts read the same readings many times.
 *
 * <p>Not thread-safe (the venue's lock). Cost: a cache hit is an array lookup; a miss one world
 * value and one noise draw.
 */
final class PublicReadings {
    private static final int CACHE = 4096;

    private final SeriesPath world;
    private final long seed;
    private final double noiseScale;
    private final long[][] keys = new long[WorldSeries.COUNT][CACHE];
    private final double[][] values = new double[WorldSeries.COUNT][CACHE];

    PublicReadings(final SeriesPath world, final long seed, final double noiseScale) {
        this.world = world;
        this.seed = seed;
        this.noiseScale = noiseScale;
        for (final long[] k : keys) {
            Arrays.fill(k, Long.MIN_VALUE);
        }
    }

    /** Multiplier on the sources' measurement noise these readings carry. */
    double noiseScale() {
        return noiseScale;
    }

    /** Whether {@code t} is an observation time of {@code series} whose reading is public at {@code asOf}. */
    static boolean isPublished(final int series, final long t, final long asOf) {
        return t % WorldReadings.cadenceNanos(series) == 0 && t <= WorldReadings.newestPublished(series, asOf);
    }

    /** The reading of {@code series} at observation time {@code t} (a multiple of the series' cadence). */
    double reading(final int series, final long t) {
        final int slot = (int)Math.floorMod(t / WorldReadings.cadenceNanos(series), (long)CACHE);
        if (keys[series][slot] != t) {
            values[series][slot] = WorldReadings.reading(world, series, t, seed, noiseScale);
            keys[series][slot] = t;
        }
        return values[series][slot];
    }
}
