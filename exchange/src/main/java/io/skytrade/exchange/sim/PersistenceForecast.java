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
 * to the nearest 15 minutes; a day further back where that reading is not yet public), shifted by
 * the last public observation's departure from that day's pattern, which fades with an e-folding
 * time of {@value #ANOMALY_HOURS} hours ({@value #TIDE_ANOMALY_HOURS} h for the tide, whose departure
 * is mostly the pattern's tidal phase and amplitude; flight counts: the pattern alone). The
 * uncertainty is the climatological one: the spread of the five unshifted days.
 *
 * <p>Not thread-safe. Cost per issue: {@value #DAYS} settlements of every product.
 */
final class PersistenceForecast extends EnsembleForecast {
    static final int DAYS = 5;
    static final double ANOMALY_HOURS = 6;
    static final double TIDE_ANOMALY_HOURS = 1;
    private static final long ISSUE_NANOS = SyntheticWorld.HOUR_NANOS;
    private static final double TIDAL_DAY_NANOS = 2 * 12.42 * SyntheticWorld.HOUR_NANOS;

    private final PublicReadings readings;
    private final Pattern[] patterns = new Pattern[DAYS];
    private final Pattern[] unshifted = new Pattern[DAYS];

    PersistenceForecast(final PublicReadings readings, final SettlementRules rules, final int[] worldCodes) {
        super(readings, rules, worldCodes, DAYS);
        this.readings = readings;
        for (int d = 0; d < DAYS; d++) {
            patterns[d] = new Pattern(d + 1, true);
            unshifted[d] = new Pattern(d + 1, false);
        }
    }

    @Override
    long issueTime(final long asOf) {
        return Math.floorDiv(asOf, ISSUE_NANOS) * ISSUE_NANOS;
    }

    @Override
    SeriesPath member(final long issue, final int m) {
        return patterns[m].aim(issue);
    }

    @Override
    SeriesPath spreadMember(final long issue, final int m) {
        return unshifted[m].aim(issue);
    }

    /** Offset of the reading {@code days} pattern-days before, on the series' cadence grid. */
    static long offset(final int series, final int days) {
        final double period = series == WorldSeries.THAMES_LEVEL_M ? TIDAL_DAY_NANOS : SyntheticWorld.DAY_NANOS;
        final long cadence = WorldReadings.cadenceNanos(series);
        return Math.round(days * period / cadence) * cadence;
    }

    /** The public pattern {@code days} days back, as known at the issue time, shifted by the last observation's anomaly. */
    private final class Pattern implements SeriesPath {
        private final int days;
        private final boolean shifted;
        private final long[] last = new long[WorldSeries.COUNT];
        private final double[] anomaly = new double[WorldSeries.COUNT];
        private long issue;

        Pattern(final int days, final boolean shifted) {
            this.days = days;
            this.shifted = shifted;
        }

        Pattern aim(final long issueTime) {
            issue = issueTime;
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                last[s] = WorldReadings.newestPublished(s, issueTime);
                anomaly[s] = !shifted || s == WorldSeries.LHR_ARRIVALS_30M || s == WorldSeries.LHR_DEPARTURES_30M ? 0
                    : readings.reading(s, last[s]) - pattern(s, last[s]);
            }
            return this;
        }

        @Override
        public double value(final int series, final long t) {
            final double v = pattern(series, t);
            if (anomaly[series] == 0) {
                return v;
            }
            final double fade = series == WorldSeries.THAMES_LEVEL_M ? TIDE_ANOMALY_HOURS : ANOMALY_HOURS;
            final double v2 = v + anomaly[series] * StrictMath.exp(-(t - last[series]) / (fade * SyntheticWorld.HOUR_NANOS));
            return series == WorldSeries.REL_HUMIDITY_PCT ? StrictMath.max(0, StrictMath.min(100, v2))
                : series == WorldSeries.PM25_UGM3 ? StrictMath.max(0, v2) : v2;
        }

        private double pattern(final int series, final long t) {
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
