package io.skytrade.feeds.synthetic;

import io.skytrade.core.world.WorldReadings;
import io.skytrade.feeds.FeedSource;

import java.time.Duration;
import java.util.List;

/**
 * How one synthetic source imitates a real one: which quantities it reports, how often
 * ({@code cadence}, observation times are multiples of it), how late a reading becomes available
 * ({@code delay}), whether readings arrive in batches ({@code batch}: availability rounded up to a
 * multiple of it, like the EA's late batches), and how many past readings the first poll returns
 * (like the real request's window).
 *
 * <p>Immutable; thread-safe. Cost: none.
 *
 * @param name     client name
 * @param source   the real source imitated; its code goes into the observations
 * @param kinds    quantities reported
 * @param cadence  time between observations
 * @param delay    time from observation to availability
 * @param batch    availability granularity (equal to cadence for no batching)
 * @param backfill past observations returned by the first poll
 */
public record SyntheticSourceSpec(String name, FeedSource source, List<SeriesKind> kinds, Duration cadence, Duration delay,
                                  Duration batch, int backfill) {
    public SyntheticSourceSpec {
        kinds = List.copyOf(kinds);
        if (cadence.isZero() || cadence.isNegative() || batch.isZero() || batch.isNegative() || delay.isNegative() || backfill < 1) {
            throw new IllegalArgumentException("synthetic source " + name + ": cadence and batch must be positive, delay >= 0, backfill >= 1");
        }
    }

    /**
     * One source per real settlement/feature source at its real cadence, delay and batching
     * ({@link WorldReadings}, which the simulated market's participants read too).
     */
    public static List<SyntheticSourceSpec> defaults() {
        return List.of(
            published("synthetic-ea-flood", FeedSource.EA_FLOOD, List.of(SeriesKind.THAMES_LEVEL), 8),
            published("synthetic-open-meteo", FeedSource.OPEN_METEO_FORECAST, List.of(SeriesKind.AIR_TEMP, SeriesKind.REL_HUMIDITY), 96),
            published("synthetic-open-meteo-air", FeedSource.OPEN_METEO_AIR, List.of(SeriesKind.PM25), 24),
            published("synthetic-aerodatabox", FeedSource.AERODATABOX, List.of(SeriesKind.ARRIVALS_30M, SeriesKind.DEPARTURES_30M), 24));
    }

    private static SyntheticSourceSpec published(final String name, final FeedSource source, final List<SeriesKind> kinds,
                                                 final int backfill) {
        final int series = kinds.get(0).worldSeries();
        return new SyntheticSourceSpec(name, source, kinds, Duration.ofNanos(WorldReadings.cadenceNanos(series)),
            Duration.ofNanos(WorldReadings.delayNanos(series)), Duration.ofNanos(WorldReadings.batchNanos(series)), backfill);
    }
}
