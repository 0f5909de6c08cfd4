package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SeriesPath;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldReadings;
import io.skytrade.core.world.WorldSeries;

/**
 * {@link MarketSkill#MEDIUM}: a weather service's (and tide table's and flight schedule's)
 * ensemble forecast, issued every {@value #ISSUE_MINUTES} minutes and public
 * {@value #PUBLICATION_LAG_MINUTES} minutes after its issue. Member m is
 * {@link SyntheticWorld#forecastMember} of the venue's world at the issue time: the public,
 * deterministic parts of the world and every random element a forecaster could know by then, the
 * rest drawn from the member's own seed (the same seed at every issue, so the forecast moves only
 * as knowledge arrives). The member's path is then nudged towards the newest public reading of
 * each series (the reading minus the member's value at that time, decaying with an e-folding time
 * per series: the service assimilates the latest observation), and the observed part of the window
 * comes from the public readings.
 *
 * <p>Not thread-safe. Cost per issue: {@value #MEMBERS} settlements of every product (a few ms).
 */
final class WeatherServiceForecast extends EnsembleForecast {
    static final int MEMBERS = 16;
    static final long ISSUE_MINUTES = 15;
    static final long PUBLICATION_LAG_MINUTES = 15;
    private static final long ISSUE_NANOS = ISSUE_MINUTES * SyntheticWorld.MINUTE_NANOS;
    private static final long LAG_NANOS = PUBLICATION_LAG_MINUTES * SyntheticWorld.MINUTE_NANOS;
    /**
     * E-folding time of the nudge towards the newest reading, per series code: half the spacing of
     * the slowest unknown knot behind the series (surge 6 h; fronts 18 h; PM2.5 persistence 30 h, with
     * 4 h day knots and spikes: 6 h); 0 for the flight bins, which are independent.
     */
    private static final double[] NUDGE_HOURS = {3, 9, 9, 6, 0, 0};

    private final SyntheticWorld world;
    private final PublicReadings readings;
    private final long[] memberSeeds = new long[MEMBERS];
    private final Nudged nudged = new Nudged();

    WeatherServiceForecast(final SyntheticWorld world, final PublicReadings readings, final SettlementRules rules,
                           final int[] worldCodes, final long seed) {
        super(readings, rules, worldCodes, MEMBERS);
        this.world = world;
        this.readings = readings;
        for (int m = 0; m < MEMBERS; m++) {
            memberSeeds[m] = seed * 0x9E3779B97F4A7C15L + (m + 1) * 0xD1B54A32D192ED03L;
        }
    }

    @Override
    long issueTime(final long asOf) {
        return Math.floorDiv(asOf - LAG_NANOS, ISSUE_NANOS) * ISSUE_NANOS;
    }

    @Override
    SeriesPath member(final long issue, final int m) {
        return nudged.aim(issue, world.forecastMember(issue, memberSeeds[m]));
    }

    /** A member's path nudged towards the newest public readings at the issue time. */
    private final class Nudged implements SeriesPath {
        private final long[] anchor = new long[WorldSeries.COUNT];
        private final double[] residual = new double[WorldSeries.COUNT];
        private SeriesPath member;

        Nudged aim(final long issue, final SeriesPath model) {
            member = model;
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                anchor[s] = WorldReadings.newestPublished(s, issue);
                residual[s] = NUDGE_HOURS[s] > 0 ? readings.reading(s, anchor[s]) - model.value(s, anchor[s]) : 0;
            }
            return this;
        }

        @Override
        public double value(final int series, final long t) {
            final double v = member.value(series, t);
            if (residual[series] == 0 || t <= anchor[series]) {
                return v;
            }
            final double nudge = residual[series] * StrictMath.exp(-(t - anchor[series]) / (NUDGE_HOURS[series] * SyntheticWorld.HOUR_NANOS));
            return series == WorldSeries.REL_HUMIDITY_PCT ? StrictMath.max(0, StrictMath.min(100, v + nudge))
                : series == WorldSeries.THAMES_LEVEL_M ? v + nudge : StrictMath.max(0, v + nudge);
        }
    }
}
