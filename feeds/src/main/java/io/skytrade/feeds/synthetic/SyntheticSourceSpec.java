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

    /** Hours of readings the first poll backfills: the longest settlement session (25 h) and an hour to spare. */
    public static final int SESSION_BACKFILL_HOURS = 26;
    /** Days of tide readings the first poll backfills: the tide's constituents need about two weeks to be told apart. */
    public static final int TIDE_BACKFILL_DAYS = 21;
    /**
     * Days of weather and PM2.5 readings the first poll backfills: a week tells the models' daily
     * cycles and levels apart, so a cold start's stated uncertainty is not a prior's.
     */
    public static final int MODEL_BACKFILL_DAYS = 7;

    /**
     * One source per real settlement/feature source at its real cadence, delay and batching
     * ({@link WorldReadings}, which the simulated market's participants read too). The first poll
     * backfills every series over the whole settlement window ({@value #SESSION_BACKFILL_HOURS} h),
     * the tide over {@value #TIDE_BACKFILL_DAYS} days, weather and PM2.5 over
     * {@value #MODEL_BACKFILL_DAYS} days, so an engine started at any hour values every product at once.
     */
    public static List<SyntheticSourceSpec> defaults() {
        return List.of(
            published("synthetic-ea-flood", FeedSource.EA_FLOOD, List.of(SeriesKind.THAMES_LEVEL), TIDE_BACKFILL_DAYS * 24),
            published("synthetic-open-meteo", FeedSource.OPEN_METEO_FORECAST, List.of(SeriesKind.AIR_TEMP, SeriesKind.REL_HUMIDITY),
                MODEL_BACKFILL_DAYS * 24),
            published("synthetic-open-meteo-air", FeedSource.OPEN_METEO_AIR, List.of(SeriesKind.PM25), MODEL_BACKFILL_DAYS * 24),
            published("synthetic-aerodatabox", FeedSource.AERODATABOX, List.of(SeriesKind.ARRIVALS_30M, SeriesKind.DEPARTURES_30M),
                SESSION_BACKFILL_HOURS));
    }

    private static SyntheticSourceSpec published(final String name, final FeedSource source, final List<SeriesKind> kinds,
                                                 final int backfillHours) {
        final int series = kinds.get(0).worldSeries();
        final long cadence = WorldReadings.cadenceNanos(series);
        final int backfill = (int) (backfillHours * 3_600_000_000_000L / cadence);
        return new SyntheticSourceSpec(name, source, kinds, Duration.ofNanos(cadence),
            Duration.ofNanos(WorldReadings.delayNanos(series)), Duration.ofNanos(WorldReadings.batchNanos(series)), backfill);
    }
}
