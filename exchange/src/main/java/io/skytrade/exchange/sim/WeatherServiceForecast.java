package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SeriesPath;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldReadings;
import io.skytrade.core.world.WorldSeries;

/**
 * {@link MarketSkill#MEDIUM}: a weather service's (and tide table's and flight schedule's)
 * ensemble forecast, issued every {@value #ISSUE_MINUTES} minutes and public
 * {@value #PUBLICATION_LAG_MINUTES} minutes after its issue, built from what is public: the
 * deterministic parts of the world (the astronomical tide, the seasonal and diurnal cycles, the
 * flight schedule: tables anyone can print), the climate of its random parts (member m is the
 * venue's world with every random element drawn afresh from the member's own seed,
 * {@link SyntheticWorld#withFutureRedrawn} from before any time: the service knows how fronts,
 * surges, spikes and disruptions behave, never which ones happen), and the public readings. It
 * assimilates the newest public reading of each series by persistence of its anomaly: the
 * member's path is nudged towards that reading (the reading minus the member's value, fading with
 * an e-folding time per series), and the observed part of the window comes from the public
 * readings. For the flights it reads the airport's announcements instead
 * ({@link SyntheticWorld#announcedCapacity}: a disruption is announced when it begins, with its
 * depth and extent): the bins an announcement at the issue time covers are the schedule times the
 * announced share. It knows nothing else: no latent state of the world (a front's or surge's
 * knot, a spike's size, a disruption not announced yet) beyond what the readings and announcements show, so it knows less than a filter of the same
 * readings (the {@link MarketSkill#SHARP} level) and more than yesterday's pattern ({@link MarketSkill#DULL}).
 * The members' seeds stay the same at every issue, so the forecast moves only as readings arrive.
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
     * E-folding time of an anomaly, per series code: half the knot spacing of the random component
     * with the largest variance behind the series (the tide's surge, 6 h; the weather's fronts,
     * 18 h; PM2.5's persistence, 30 h). Structure of the world's climate, not fitted. None for the
     * flight counts: a bin's own noise does not persist, and the airport announces disruptions.
     */
    private static final double[] NUDGE_HOURS = {3, 9, 9, 15, 0, 0};

    private final SyntheticWorld world;
    private final PublicReadings readings;
    private final SyntheticWorld[] members = new SyntheticWorld[MEMBERS];
    private final Nudged nudged = new Nudged();

    WeatherServiceForecast(final SyntheticWorld world, final PublicReadings readings, final SettlementRules rules,
                           final int[] worldCodes, final long seed) {
        super(readings, rules, worldCodes, MEMBERS);
        this.world = world;
        this.readings = readings;
        for (int m = 0; m < MEMBERS; m++) {
            members[m] = world.withFutureRedrawn(Long.MIN_VALUE, seed * 0x9E3779B97F4A7C15L + (m + 1) * 0xD1B54A32D192ED03L);
        }
    }

    @Override
    long issueTime(final long asOf) {
        return Math.floorDiv(asOf - LAG_NANOS, ISSUE_NANOS) * ISSUE_NANOS;
    }

    @Override
    SeriesPath member(final long issue, final int m) {
        return nudged.aim(issue, members[m]);
    }

    /** A member's path nudged towards the newest public readings, with the announcements public at the issue time. */
    private final class Nudged implements SeriesPath {
        private final long[] anchor = new long[WorldSeries.COUNT];
        private final double[] anomaly = new double[WorldSeries.COUNT];
        private SeriesPath member;
        private long announcedFrom;
        private long announcedTo;
        private double announcedShare;

        Nudged aim(final long issue, final SeriesPath model) {
            member = model;
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                anchor[s] = WorldReadings.newestPublished(s, issue);
                anomaly[s] = NUDGE_HOURS[s] > 0 ? readings.reading(s, anchor[s]) - model.value(s, anchor[s]) : 0;
            }
            announcedFrom = SyntheticWorld.binIndex(issue);
            announcedTo = announcedFrom + world.announcedCapacityBins(issue);
            announcedShare = world.announcedCapacity(issue);
            return this;
        }

        @Override
        public double value(final int series, final long t) {
            if (series == WorldSeries.LHR_ARRIVALS_30M || series == WorldSeries.LHR_DEPARTURES_30M) {
                final long bin = SyntheticWorld.binIndex(t);
                return bin >= announcedFrom && bin < announcedTo
                    ? SyntheticWorld.scheduledMovements(series, bin) * announcedShare : member.value(series, t);
            }
            final double v = member.value(series, t);
            if (anomaly[series] == 0 || t <= anchor[series]) {
                return v;
            }
            final double nudged = v + anomaly[series]
                * StrictMath.exp(-(t - anchor[series]) / (NUDGE_HOURS[series] * SyntheticWorld.HOUR_NANOS));
            return series == WorldSeries.REL_HUMIDITY_PCT ? StrictMath.max(0, StrictMath.min(100, nudged))
                : series == WorldSeries.THAMES_LEVEL_M || series == WorldSeries.AIR_TEMP_C ? nudged : StrictMath.max(0, nudged);
        }
    }
}
