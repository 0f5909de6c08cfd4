package io.skytrade.feeds.synthetic;

import java.util.SplittableRandom;

/**
 * A simple deterministic world for offline runs and tests: a two-constituent tide (M2 and S2) at
 * Westminster, diurnal temperature with a multi-day swing, humidity moving against temperature,
 * PM2.5 with daily and slower cycles, and Heathrow movements per 30-minute bin with a day/night
 * profile and seeded jitter. Phases and jitter come from the seed; values depend only on seed,
 * kind and time.
 *
 * <p>Immutable; thread-safe. Cost: a few trigonometric calls per value.
 */
public final class SeededWorld implements ObservableWorld {
    private static final double HOUR = 3600e9;
    private static final double DAY = 24 * HOUR;
    private static final long BIN_NANOS = 30L * 60 * 1_000_000_000L;
    private final long seed;
    private final double tidePhase;
    private final double springPhase;
    private final double weatherPhase;
    private final double airPhase;

    public SeededWorld(final long seed) {
        this.seed = seed;
        final SplittableRandom random = new SplittableRandom(seed);
        this.tidePhase = random.nextDouble(2 * Math.PI);
        this.springPhase = random.nextDouble(2 * Math.PI);
        this.weatherPhase = random.nextDouble(2 * Math.PI);
        this.airPhase = random.nextDouble(2 * Math.PI);
    }

    @Override
    public double value(final SeriesKind kind, final long epochNanos) {
        final double t = epochNanos;
        return switch (kind) {
            case THAMES_LEVEL -> 0.9 + 2.6 * Math.cos(2 * Math.PI * t / (12.42 * HOUR) + tidePhase)
                + 0.6 * Math.cos(2 * Math.PI * t / (12.0 * HOUR) + springPhase);
            case AIR_TEMP -> temperature(t);
            case REL_HUMIDITY -> Math.max(25, Math.min(100, 78 - 2.2 * (temperature(t) - 10)
                + 6 * Math.sin(2 * Math.PI * t / (3.3 * DAY) + weatherPhase)));
            case PM25 -> Math.max(1, 11 + 4 * Math.sin(2 * Math.PI * t / DAY + airPhase)
                + 3 * Math.sin(2 * Math.PI * t / (3.7 * DAY) + weatherPhase));
            case ARRIVALS_30M -> movements(epochNanos, 1);
            case DEPARTURES_30M -> movements(epochNanos, 2);
        };
    }

    private double temperature(final double t) {
        final double hourOfDay = (t % DAY) / HOUR;
        return 10 + 4 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24) + 3 * Math.sin(2 * Math.PI * t / (5 * DAY) + weatherPhase);
    }

    private double movements(final long epochNanos, final int stream) {
        final long bin = Math.floorDiv(epochNanos, BIN_NANOS);
        final long minuteOfDay = Math.floorMod(bin * 30, 24 * 60);
        final int base = minuteOfDay >= 6 * 60 && minuteOfDay < 22 * 60 + 30 ? 20 : 2;
        final SplittableRandom jitter = new SplittableRandom(seed * 31 + bin * 7 + stream);
        return Math.max(0, base + jitter.nextInt(-4, 5));
    }
}
