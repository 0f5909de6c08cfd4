package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SeriesPath;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldReadings;
import io.skytrade.core.world.WorldSeries;

/**
 * {@link MarketSkill#DULL}: climatology by persistence, issued on the hour from the readings
 * public then. Member d (1..{@value #DAYS}) continues every series with its own public readings
 * d days earlier at the same time of day (d times two tidal cycles, 24 h 50 min, for the tide,
 * to the nearest 15 minutes), going a day further back where that reading is not yet public.
 *
 * <p>Not thread-safe. Cost per issue: {@value #DAYS} settlements of every product.
 */
final class PersistenceForecast extends EnsembleForecast {
    static final int DAYS = 5;
    private static final long ISSUE_NANOS = SyntheticWorld.HOUR_NANOS;
    private static final double TIDAL_DAY_NANOS = 2 * 12.42 * SyntheticWorld.HOUR_NANOS;

    private final PublicReadings readings;
    private final Pattern[] patterns = new Pattern[DAYS];

    PersistenceForecast(final PublicReadings readings, final SettlementRules rules, final int[] worldCodes) {
        super(readings, rules, worldCodes, DAYS);
        this.readings = readings;
        for (int d = 0; d < DAYS; d++) {
            patterns[d] = new Pattern(d + 1);
        }
    }

    @Override
    long issueTime(final long asOf) {
        return Math.floorDiv(asOf, ISSUE_NANOS) * ISSUE_NANOS;
    }

    @Override
    SeriesPath member(final long issue, final int m) {
        patterns[m].issue = issue;
        return patterns[m];
    }

    /** Offset of the reading {@code days} pattern-days before, on the series' cadence grid. */
    static long offset(final int series, final int days) {
        final double period = series == WorldSeries.THAMES_LEVEL_M ? TIDAL_DAY_NANOS : SyntheticWorld.DAY_NANOS;
        final long cadence = WorldReadings.cadenceNanos(series);
        return Math.round(days * period / cadence) * cadence;
    }

    /** The public pattern {@code days} days back, as known at the issue time. */
    private final class Pattern implements SeriesPath {
        private final int days;
        private long issue;

        Pattern(final int days) {
            this.days = days;
        }

        @Override
        public double value(final int series, final long t) {
            for (int d = days; d < days + 2 * DAYS; d++) {
                final long earlier = t - offset(series, d);
                if (PublicReadings.isPublished(series, earlier, issue)) {
                    return readings.reading(series, earlier);
                }
            }
            throw new IllegalStateException("no public reading of " + WorldSeries.name(series) + " for " + t);
        }
    }
}
