package io.skytrade.exchange.sim;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.feature.FeatureHandler;
import io.skytrade.core.feature.FeatureParams;
import io.skytrade.core.kalman.KalmanHandler;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.valuation.SettlementValuator;
import io.skytrade.core.valuation.ValuationHandler;
import io.skytrade.core.valuation.ValuationParams;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldReadings;
import io.skytrade.core.world.WorldSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link MarketSkill#SHARP}: the engine's own default stages ({@link FeatureHandler},
 * {@link KalmanHandler}, {@link ValuationHandler} with their {@code defaults()}), driven through
 * their public API with the public readings in the order and at the instants the engine's feeds
 * publish them (each stamped with its observation time, as the feeds stamp it), the airport's
 * announced capacity at every half-hour boundary (its share and extent, as the synthetic
 * AeroDataBox publishes them: {@link SettlementValuator#CAPACITY_SHARE} and
 * {@link SettlementValuator#CAPACITY_BINS}) and a timer at every query; fair value and its standard deviation out. It starts {@value #WARM_UP_DAYS} days
 * before the venue so its filters are warm, keeps a snapshot after every publication, and answers
 * a query at world time t from the newest snapshot at or before t, so participants with different
 * lags read it in any order. As the engine's default models improve, so does this market.
 *
 * <p>Not thread-safe (the venue's lock). Cost: the engine stages' cost per reading (microseconds);
 * about 800 readings per simulated day.
 */
final class FilteredFeedForecast implements PublicForecast {
    static final int WARM_UP_DAYS = 2;
    private static final int SNAPSHOTS = 512;

    private static final long BIN_NANOS = SyntheticWorld.HALF_HOUR_NANOS;

    private final SyntheticWorld world;
    private final PublicReadings readings;
    private final SettlementRules rules;
    private final int[] worldCodes;
    private final FeatureHandler features;
    private final KalmanHandler kalman;
    private final ValuationHandler valuation;
    private final EngineEvent event = new EngineEvent();
    /** One entry: each event is valued and read before the next. */
    private final SideBuffers side = new SideBuffers(1);
    private final long[] lastFed = new long[WorldSeries.COUNT];
    private final double[] fair = new double[WorldProduct.COUNT];
    private final double[] fairStd = new double[WorldProduct.COUNT];
    private final long[] snapshotTime = new long[SNAPSHOTS];
    private final double[][] snapshotFair = new double[SNAPSHOTS][WorldProduct.COUNT];
    private final double[][] snapshotStd = new double[SNAPSHOTS][WorldProduct.COUNT];
    private int snapshots;
    private int newest = -1;
    private long processedTo;
    private long sequence;
    private long lastAnnounced;

    FilteredFeedForecast(final SyntheticWorld world, final PublicReadings readings, final SettlementRules rules,
                         final int[] worldCodes, final long start) {
        this.world = world;
        this.readings = readings;
        this.rules = rules;
        this.worldCodes = worldCodes.clone();
        final List<String> symbols = new ArrayList<>();
        for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
            symbols.add(rules.symbolOf(kind));
        }
        final List<String> series = new ArrayList<>();
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            series.add(WorldSeries.name(s));
        }
        series.add(SettlementValuator.CAPACITY_SHARE);
        series.add(SettlementValuator.CAPACITY_BINS);
        final InstrumentRegistry registry = InstrumentRegistry.of(symbols, series);
        final long warmStart = start - WARM_UP_DAYS * SyntheticWorld.DAY_NANOS;
        final long firstEnd = rules.nextSettlementAtOrAfter(warmStart);
        final KalmanParams kalmanParams = KalmanParams.defaults();
        features = new FeatureHandler(registry, FeatureParams.defaults());
        kalman = new KalmanHandler(registry, kalmanParams, side);
        valuation = new ValuationHandler(registry, ValuationParams.defaults().withWindow(rules.windowStart(firstEnd), firstEnd),
            rules, kalmanParams, side);
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            lastFed[s] = WorldReadings.newestPublished(s, warmStart);
        }
        Arrays.fill(fair, Double.NaN);
        processedTo = warmStart;
        lastAnnounced = Math.floorDiv(warmStart, BIN_NANOS) * BIN_NANOS - BIN_NANOS;
    }

    @Override
    public void forecast(final long windowEnd, final long asOf, final double[] mean, final double[] std) {
        if (asOf > processedTo) {
            advance(asOf);
        }
        final int s = snapshotAtOrBefore(asOf);
        final boolean usable = s >= 0 && snapshotTime[s] > rules.windowStart(windowEnd);
        for (int i = 0; i < worldCodes.length; i++) {
            mean[i] = usable ? snapshotFair[s][worldCodes[i]] : Double.NaN;
            std[i] = usable ? snapshotStd[s][worldCodes[i]] : 0;
        }
    }

    /** Feeds every reading published up to {@code to}, in publication order, then a timer at {@code to}. */
    private void advance(final long to) {
        while (true) {
            int next = -1;
            long nextRelease = Long.MAX_VALUE;
            for (int series = 0; series < WorldSeries.COUNT; series++) {
                final long release = releaseTime(series, lastFed[series] + WorldReadings.cadenceNanos(series));
                if (release <= to && release < nextRelease) {
                    next = series;
                    nextRelease = release;
                }
            }
            final long announce = lastAnnounced + BIN_NANOS;
            if (announce <= to && announce < nextRelease) {
                lastAnnounced = announce;
                observe(WorldSeries.COUNT, announce, announce, world.announcedCapacity(announce));
                observe(WorldSeries.COUNT + 1, announce, announce, world.announcedCapacityBins(announce));
                continue;
            }
            if (next < 0) {
                break;
            }
            final long observed = lastFed[next] + WorldReadings.cadenceNanos(next);
            lastFed[next] = observed;
            observe(next, observed, nextRelease, readings.reading(next, observed));
        }
        event.clear();
        event.type = EventType.TIMER;
        event.eventTimeNanos = to;
        event.receiveTimeNanos = to;
        handle();
        snapshot(to);
        processedTo = to;
    }

    /** Feeds one observation of series id {@code series} taken at {@code observed}, public at {@code released}. */
    private void observe(final int series, final long observed, final long released, final double value) {
        event.clear();
        event.type = EventType.OBSERVATION;
        event.instrumentId = series;
        event.eventTimeNanos = observed;
        event.receiveTimeNanos = released;
        event.value = value;
        handle();
        snapshot(released);
    }

    /** When the reading observed at {@code t} becomes public: the first batch instant at or after t + delay. */
    private static long releaseTime(final int series, final long t) {
        final long batch = WorldReadings.batchNanos(series);
        return Math.floorDiv(t + WorldReadings.delayNanos(series) + batch - 1, batch) * batch;
    }

    private void handle() {
        final long seq = sequence++;
        features.onEvent(event, seq, true);
        kalman.onEvent(event, seq, true);
        valuation.onEvent(event, seq, true);
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            if (event.isTouched(p)) {
                fair[p] = side.fairValue(event, p);
                fairStd[p] = side.fairStd(event, p);
            }
        }
    }

    private void snapshot(final long time) {
        if (newest < 0 || snapshotTime[newest] != time) {
            newest = (newest + 1) % SNAPSHOTS;
            snapshots = Math.min(SNAPSHOTS, snapshots + 1);
        }
        snapshotTime[newest] = time;
        System.arraycopy(fair, 0, snapshotFair[newest], 0, WorldProduct.COUNT);
        System.arraycopy(fairStd, 0, snapshotStd[newest], 0, WorldProduct.COUNT);
    }

    private int snapshotAtOrBefore(final long t) {
        for (int k = 0; k < snapshots; k++) {
            final int s = Math.floorMod(newest - k, SNAPSHOTS);
            if (snapshotTime[s] <= t) {
                return s;
            }
        }
        return -1;
    }
}
