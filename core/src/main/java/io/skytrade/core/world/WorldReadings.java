package io.skytrade.core.world;

import java.util.Random;

/**
 * The readings public sources publish about the {@link SyntheticWorld}, per {@link WorldSeries}:
 * observation times on a cadence, each reading public only a delay after its observation time
 * (and in batches where the real source batches, like the Environment Agency's tide readings),
 * with the real source's measurement noise (seeded per series and time) and rounded to the
 * decimals it reports. The offline feeds give these readings to the engine, and the simulated
 * market's participants read the very same ones: one definition of what is public and when.
 *
 * <p>Stateless and thread-safe. Cost: one small {@link Random} per reading; not for the hot path.
 */
public final class WorldReadings {
    private static final long MINUTE = SyntheticWorld.MINUTE_NANOS;
    /** Per series code: tide (EA flood monitoring), temperature and humidity (Open-Meteo 15-minutely), PM2.5 (Open-Meteo air, hourly), flights (AeroDataBox). */
    private static final long[] CADENCE = {15 * MINUTE, 15 * MINUTE, 15 * MINUTE, 60 * MINUTE, 30 * MINUTE, 30 * MINUTE};
    private static final long[] DELAY = {4 * MINUTE, 2 * MINUTE, 2 * MINUTE, 10 * MINUTE, 60 * MINUTE, 60 * MINUTE};
    private static final long[] BATCH = {30 * MINUTE, 15 * MINUTE, 15 * MINUTE, 60 * MINUTE, 30 * MINUTE, 30 * MINUTE};
    private static final double[] NOISE = {0.01, 0.2, 1.5, 0.8, 0, 0};
    private static final int[] DECIMALS = {3, 1, 0, 1, 0, 0};

    private WorldReadings() {
    }

    /** Time between observation times of a series (they are multiples of it). */
    public static long cadenceNanos(final int series) {
        return CADENCE[check(series)];
    }

    /** Time from an observation to its reading becoming public. */
    public static long delayNanos(final int series) {
        return DELAY[check(series)];
    }

    /** Publication granularity: readings become public at multiples of it (equal to the cadence: no batching). */
    public static long batchNanos(final int series) {
        return BATCH[check(series)];
    }

    /** Standard deviation of the source's measurement noise, in the series' unit. */
    public static double noise(final int series) {
        return NOISE[check(series)];
    }

    /** Decimals the source reports. */
    public static int decimals(final int series) {
        return DECIMALS[check(series)];
    }

    /** The newest observation time of {@code series} whose reading is public at {@code now}. */
    public static long newestPublished(final int series, final long now) {
        return newestPublished(CADENCE[check(series)], DELAY[series], BATCH[series], now);
    }

    /**
     * The newest observation time on a {@code cadence} grid whose reading is public at {@code now}
     * when readings appear {@code delay} after their observation, released at multiples of {@code batch}.
     */
    public static long newestPublished(final long cadence, final long delay, final long batch, final long now) {
        final long releasedUpTo = StrictMath.floorDiv(now, batch) * batch;
        return StrictMath.floorDiv(releasedUpTo - delay, cadence) * cadence;
    }

    /**
     * The published reading of {@code series} observed at {@code t} whose true value is
     * {@code truth}: plus Gaussian noise of the source's standard deviation times
     * {@code noiseScale}, drawn independently for every (seed, series, t) (a {@link Random}, whose
     * Gaussian is specified with StrictMath, seeded through a SplitMix64 finaliser: the first draws
     * of {@code Random}s seeded in arithmetic progression are correlated, and an earlier version
     * that seeded it with {@code seed ^ (t * 31 + series)} gave successive readings noise with
     * autocorrelations of 0.06-0.09 and 96-reading sums 1.6 times too wide), kept within the
     * quantity's range (PM2.5 and flight counts at or above 0, humidity within 0..100; the tide and
     * the temperature may be negative), rounded to the source's decimals.
     */
    public static double measure(final int series, final double truth, final long t, final long seed, final double noiseScale) {
        double noisy = truth + new Random(mix(seed, check(series), t)).nextGaussian() * NOISE[series] * noiseScale;
        if (series == WorldSeries.REL_HUMIDITY_PCT) {
            noisy = StrictMath.max(0, StrictMath.min(100, noisy));
        } else if (series != WorldSeries.THAMES_LEVEL_M && series != WorldSeries.AIR_TEMP_C) {
            noisy = StrictMath.max(0, noisy);
        }
        final double scale = StrictMath.pow(10, DECIMALS[series]);
        return StrictMath.rint(noisy * scale) / scale;
    }

    private static long mix(final long seed, final int series, final long t) {
        long z = seed * 0x9E3779B97F4A7C15L + series * 0xC2B2AE3D27D4EB4FL + t;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The published reading of {@code series} at observation time {@code t} of {@code world}. */
    public static double reading(final SeriesPath world, final int series, final long t, final long seed, final double noiseScale) {
        return measure(series, world.value(series, t), t, seed, noiseScale);
    }

    private static int check(final int series) {
        if (series < 0 || series >= WorldSeries.COUNT) {
            throw new IllegalArgumentException("unknown world series code " + series + ", expected 0.." + (WorldSeries.COUNT - 1));
        }
        return series;
    }
}
