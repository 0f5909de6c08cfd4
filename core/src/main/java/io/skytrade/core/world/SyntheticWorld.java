package io.skytrade.core.world;

import java.util.SplittableRandom;

/**
 * A seeded model of the physical world the default products settle on: the Thames level at
 * Westminster (semi-diurnal tide of period 12.42 h with a spring-neap cycle, surge and reading
 * noise), London temperature and relative humidity (seasonal and diurnal cycles, weather fronts),
 * PM2.5 (log-normal persistence, traffic peaks and pollution spikes) and Heathrow arrivals and
 * departures per 30-minute bin (a daily schedule with night curfew and occasional disruptions).
 *
 * <p>Every value is a pure function of (seed, time): noise comes from knots drawn with a
 * {@link SplittableRandom} seeded from (seed, stream, knot index) and smoothly interpolated, so
 * any time can be asked in any order and the simulator that settles on the world and the offline
 * feed that observes it see the same numbers. Values are quantised like the real sources
 * (tide to the millimetre, temperature to 0.1 °C, humidity to 1 %, PM2.5 to 0.1 µg/m³).
 *
 * <p>The world holds no settlement formula: {@link WorldSettlement} settles products on it under
 * the configured settlement rules, the same the engine's valuation uses.
 *
 * <p>Immutable and thread-safe. Cost: a few hundred nanoseconds per value (it allocates a small
 * random generator per knot). Not for the engine's hot path: feeds and the simulator call it.
 */
public final class SyntheticWorld implements SeriesPath {
    public static final long MINUTE_NANOS = 60_000_000_000L;
    public static final long QUARTER_HOUR_NANOS = 15 * MINUTE_NANOS;
    public static final long HALF_HOUR_NANOS = 30 * MINUTE_NANOS;
    public static final long HOUR_NANOS = 60 * MINUTE_NANOS;
    public static final long DAY_NANOS = 24 * HOUR_NANOS;
    /** Half-hour flight bins in a 24 h window. */
    public static final int BINS_PER_DAY = 48;

    private static final double TWO_PI = 2 * Math.PI;
    private static final double M2_PERIOD_NANOS = 12.42 * HOUR_NANOS;
    private static final double SPRING_NEAP_PERIOD_NANOS = 14.765 * DAY_NANOS;
    private static final double YEAR_NANOS = 365.25 * DAY_NANOS;

    private static final int STREAM_SURGE = 1;
    private static final int STREAM_TIDE_CHOP = 2;
    private static final int STREAM_TIDE_READ = 3;
    private static final int STREAM_FRONT = 4;
    private static final int STREAM_TEMP_MESO = 5;
    private static final int STREAM_RH_FRONT = 6;
    private static final int STREAM_RH_MESO = 7;
    private static final int STREAM_PM_PERSIST = 8;
    private static final int STREAM_PM_DAY = 9;
    private static final int STREAM_PM_SPIKE = 10;
    private static final int STREAM_ARR = 11;
    private static final int STREAM_DEP = 12;
    private static final int STREAM_DISRUPTION = 13;
    private static final int STREAM_PHASES = 14;

    private static final long PM_SPIKE_BUCKET_NANOS = 6 * HOUR_NANOS;

    private final long seed;
    private final double tidePhase;
    private final double springNeapPhase;
    private final double tideMean;

    /** Creates the world of one seed. */
    public SyntheticWorld(final long seed) {
        this.seed = seed;
        final SplittableRandom random = new SplittableRandom(mix(seed, STREAM_PHASES, 0));
        this.tidePhase = random.nextDouble() * TWO_PI;
        this.springNeapPhase = random.nextDouble() * TWO_PI;
        this.tideMean = 0.45 + 0.2 * random.nextDouble();
    }

    public long seed() {
        return seed;
    }

    /**
     * Value of a {@link WorldSeries} at {@code epochNanos}, in the series' unit. Flight series
     * return the count of the 30-minute bin that contains the time.
     */
    @Override
    public double value(final int seriesKind, final long epochNanos) {
        switch (seriesKind) {
            case WorldSeries.THAMES_LEVEL_M:
                return thamesLevel(epochNanos);
            case WorldSeries.AIR_TEMP_C:
                return airTemperature(epochNanos);
            case WorldSeries.REL_HUMIDITY_PCT:
                return relativeHumidity(epochNanos);
            case WorldSeries.PM25_UGM3:
                return pm25(epochNanos);
            case WorldSeries.LHR_ARRIVALS_30M:
                return arrivals(binIndex(epochNanos));
            case WorldSeries.LHR_DEPARTURES_30M:
                return departures(binIndex(epochNanos));
            default:
                throw new IllegalArgumentException("unknown world series code " + seriesKind
                    + ", expected 0.." + (WorldSeries.COUNT - 1));
        }
    }

    /** Thames level at Westminster in metres AOD, rounded to the millimetre. */
    public double thamesLevel(final long t) {
        final double amplitude = 2.45 + 0.75 * Math.cos(TWO_PI * t / SPRING_NEAP_PERIOD_NANOS + springNeapPhase);
        final double angle = TWO_PI * t / M2_PERIOD_NANOS + tidePhase;
        final double astronomical = amplitude * Math.cos(angle) + 0.09 * amplitude * Math.cos(2 * angle + 0.7);
        final double surge = 0.18 * smoothNoise(STREAM_SURGE, t, 6 * HOUR_NANOS)
            + 0.03 * smoothNoise(STREAM_TIDE_CHOP, t, HALF_HOUR_NANOS)
            + 0.004 * knot(STREAM_TIDE_READ, Math.floorDiv(t, MINUTE_NANOS));
        return Math.round((tideMean + astronomical + surge) * 1000.0) / 1000.0;
    }

    /** London air temperature in °C, rounded to 0.1. */
    public double airTemperature(final long t) {
        return Math.round(rawTemperature(t) * 10.0) / 10.0;
    }

    /** London relative humidity in %, rounded to a whole number, within [20, 100]. */
    public double relativeHumidity(final long t) {
        final double rh = 76.0 - 2.4 * diurnal(t) - 7.0 * smoothNoise(STREAM_FRONT, t, 18 * HOUR_NANOS)
            + 6.0 * smoothNoise(STREAM_RH_FRONT, t, 18 * HOUR_NANOS) + 2.5 * smoothNoise(STREAM_RH_MESO, t, 2 * HOUR_NANOS);
        return Math.round(Math.max(20.0, Math.min(100.0, rh)));
    }

    /** London PM2.5 in µg/m³, rounded to 0.1, at least 0.5. */
    public double pm25(final long t) {
        final double hour = hourOfDay(t);
        final double traffic = 0.18 * Math.exp(-0.5 * sq((hour - 8.5) / 1.5)) + 0.14 * Math.exp(-0.5 * sq((hour - 18.0) / 2.0));
        final double logLevel = Math.log(8.5) + 0.45 * smoothNoise(STREAM_PM_PERSIST, t, 30 * HOUR_NANOS)
            + 0.15 * smoothNoise(STREAM_PM_DAY, t, 4 * HOUR_NANOS) + traffic;
        double value = Math.exp(logLevel);
        final long bucket = Math.floorDiv(t, PM_SPIKE_BUCKET_NANOS);
        for (long k = bucket - 2; k <= bucket + 1; k++) {
            value += spike(k, t);
        }
        return Math.max(0.5, Math.round(value * 10.0) / 10.0);
    }

    /** Index of the 30-minute bin that contains {@code epochNanos} (bin k covers [k, k+1) half hours). */
    public static long binIndex(final long epochNanos) {
        return Math.floorDiv(epochNanos, HALF_HOUR_NANOS);
    }

    /** Heathrow arrivals in half-hour bin {@code bin}. */
    public int arrivals(final long bin) {
        return flights(bin, STREAM_ARR, ARRIVAL_SCHEDULE);
    }

    /** Heathrow departures in half-hour bin {@code bin}. */
    public int departures(final long bin) {
        return flights(bin, STREAM_DEP, DEPARTURE_SCHEDULE);
    }

    private double rawTemperature(final long t) {
        final double season = 11.5 - 6.5 * Math.cos(TWO_PI * (t - 20 * DAY_NANOS) / YEAR_NANOS);
        return season + 3.5 * diurnal(t) + 2.5 * smoothNoise(STREAM_FRONT, t, 18 * HOUR_NANOS)
            + 0.9 * smoothNoise(STREAM_TEMP_MESO, t, 3 * HOUR_NANOS);
    }

    /** Diurnal cycle in [-1, 1], peaking at 15:00 UTC. */
    private static double diurnal(final long t) {
        return Math.cos(TWO_PI * (hourOfDay(t) - 15.0) / 24.0);
    }

    private static double hourOfDay(final long t) {
        return Math.floorMod(t, DAY_NANOS) / (double)HOUR_NANOS;
    }

    private double spike(final long bucket, final long t) {
        final SplittableRandom random = new SplittableRandom(mix(seed, STREAM_PM_SPIKE, bucket));
        if (random.nextDouble() >= 0.15) {
            return 0;
        }
        final double centre = (bucket + random.nextDouble()) * PM_SPIKE_BUCKET_NANOS;
        final double height = 12.0 + 40.0 * random.nextDouble();
        final double width = (0.75 + 2.0 * random.nextDouble()) * HOUR_NANOS;
        return height * Math.exp(-0.5 * sq((t - centre) / width));
    }

    /** Scheduled movements per half-hour of the UTC day: night curfew, morning arrival bank, day flow. */
    private static final int[] ARRIVAL_SCHEDULE = new int[BINS_PER_DAY];
    private static final int[] DEPARTURE_SCHEDULE = new int[BINS_PER_DAY];

    static {
        for (int b = 0; b < BINS_PER_DAY; b++) {
            ARRIVAL_SCHEDULE[b] = b < 9 ? 0 : b < 11 ? 9 : b < 16 ? 22 : b < 46 ? 19 : b < 47 ? 6 : 0;
            DEPARTURE_SCHEDULE[b] = b < 12 ? 0 : b < 13 ? 12 : b < 45 ? 20 : b < 46 ? 9 : 0;
        }
    }

    private int flights(final long bin, final int stream, final int[] schedule) {
        final int slot = (int)Math.floorMod(bin, (long)BINS_PER_DAY);
        final int scheduled = schedule[slot];
        if (scheduled == 0) {
            return 0;
        }
        final double capacity = disruptionCapacity(Math.floorDiv(bin, (long)BINS_PER_DAY), slot);
        final SplittableRandom random = new SplittableRandom(mix(seed, stream, bin));
        final double mean = scheduled * capacity;
        final long count = Math.round(mean + 0.6 * Math.sqrt(mean) * random.nextGaussian());
        return (int)Math.max(0, count);
    }

    /** Capacity factor of a half-hour slot of one day: 1 normally, 0.3-0.7 inside a disruption. */
    private double disruptionCapacity(final long day, final int slot) {
        final SplittableRandom random = new SplittableRandom(mix(seed, STREAM_DISRUPTION, day));
        if (random.nextDouble() >= 0.2) {
            return 1.0;
        }
        final int first = 12 + random.nextInt(28);
        final int length = 2 + random.nextInt(7);
        final double capacity = 0.3 + 0.4 * random.nextDouble();
        return slot >= first && slot < first + length ? capacity : 1.0;
    }

    /** Smooth noise with unit-variance knots every {@code knotNanos}, interpolated with a smoothstep. */
    private double smoothNoise(final int stream, final long t, final long knotNanos) {
        final long k = Math.floorDiv(t, knotNanos);
        final double f = (t - k * knotNanos) / (double)knotNanos;
        final double w = f * f * (3 - 2 * f);
        return knot(stream, k) * (1 - w) + knot(stream, k + 1) * w;
    }

    private double knot(final int stream, final long k) {
        return new SplittableRandom(mix(seed, stream, k)).nextGaussian();
    }

    private static long mix(final long seed, final int stream, final long k) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + k * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double sq(final double x) {
        return x * x;
    }
}
