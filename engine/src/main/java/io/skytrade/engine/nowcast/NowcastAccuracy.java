package io.skytrade.engine.nowcast;

import io.skytrade.core.calibration.ForecastCalibration;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.kalman.KalmanHandler;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.core.valuation.ValuationHandler;
import io.skytrade.core.valuation.ValuationParams;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.engine.runtime.WorldObservations;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ObservationPublisher;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.synthetic.AnnouncedCapacitySource;
import io.skytrade.feeds.synthetic.SyntheticSource;
import io.skytrade.feeds.synthetic.SyntheticSourceSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the engine's nowcasts against the synthetic world they trade, without a market: the
 * real Kalman and valuation stages are fed by the real offline feeds ({@link SyntheticSource} with
 * their cadence, publication delay, batching, measurement noise and rounding, polled every world
 * minute on a manual clock), and at fixed horizons before each settlement every product's fair
 * value is compared with the world's settlement under the same {@link SettlementRules} in a
 * {@link ForecastCalibration}: bias, RMSE, RMS of the standardised error
 * {@code z = (fair - settlement) / std} (1 when the stated uncertainty matches the error) and the
 * coverage of the nowcast's central 80% interval (0.80 when calibrated): its forecast
 * distribution's own 10% and 90% quantiles ({@code fair +- 1.2816 std} for a normal one; LHR_COUNT
 * and AQ_SPOT have heavy-tailed two-part distributions). There is no market here, so the fair
 * value is the nowcast.
 *
 * <p>Deterministic: a function of the seeds, the start and the configuration. Off the hot path
 * (a test and tool): about a millisecond per simulated hour.
 */
public final class NowcastAccuracy {
    /**
     * Days of readings before the first measured session, for the learned profiles to settle; the
     * tide's constituents, which need about two weeks to be told apart (S2 and M2 beat over 14.8
     * days), come from the feeds' first poll, which backfills three weeks of tide readings.
     */
    public static final int WARM_UP_DAYS = 2;
    /** The horizons the calibration bar is set at: 6 h, 2 h, 1 h and 30 min before settlement. */
    public static final long[] HORIZONS = {6 * 60 * SyntheticWorld.MINUTE_NANOS, 2 * 60 * SyntheticWorld.MINUTE_NANOS,
        60 * SyntheticWorld.MINUTE_NANOS, 30 * SyntheticWorld.MINUTE_NANOS};

    private static final long MINUTE = SyntheticWorld.MINUTE_NANOS;
    private static final long DAY = SyntheticWorld.DAY_NANOS;

    private final InstrumentRegistry registry;
    private final KalmanParams kalman;
    private final ValuationParams valuation;
    private final SettlementRules rules;
    private final double noiseScale;
    private final long[] horizons;

    /**
     * @param horizons   times before settlement at which fair values are compared, nanoseconds
     * @param noiseScale multiplier on the synthetic feeds' measurement noise (1: the feeds' own)
     */
    public NowcastAccuracy(final InstrumentRegistry registry, final KalmanParams kalman, final ValuationParams valuation,
                           final SettlementRules rules, final double noiseScale, final long... horizons) {
        this.registry = registry;
        this.kalman = kalman;
        this.valuation = valuation;
        this.rules = rules;
        this.noiseScale = noiseScale;
        this.horizons = horizons.clone();
    }

    /** The measurement of a configuration's models at {@link #HORIZONS} with the feeds' own noise. */
    public static NowcastAccuracy standard(final io.skytrade.engine.config.EngineConfig c) {
        return new NowcastAccuracy(InstrumentRegistry.of(c.instruments(), c.series()), c.model().kalman(), c.model().valuation(),
            c.model().settlement(), 1.0, HORIZONS);
    }

    /** An empty table: one row per product kind ({@link WorldProduct}), one column per horizon. */
    private ForecastCalibration emptyTable() {
        final List<String> products = new ArrayList<>();
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            products.add(WorldProduct.symbol(p));
        }
        final List<String> columns = new ArrayList<>();
        for (final long h : horizons) {
            columns.add(horizonName(h));
        }
        return new ForecastCalibration(products, columns);
    }

    /** A horizon as text: 6h, 30m, 23h45. */
    public static String horizonName(final long nanos) {
        final long minutes = nanos / MINUTE;
        final long hours = minutes / 60;
        final long rest = minutes % 60;
        return hours == 0 ? rest + "m" : rest == 0 ? hours + "h" : hours + "h" + rest;
    }

    /**
     * Runs every seed from {@code startNanos}: {@code warmupDays} of observations, then
     * {@code sessions} settlements measured.
     */
    public ForecastCalibration measure(final long[] seeds, final long startNanos, final int warmupDays, final int sessions) {
        final ForecastCalibration stats = emptyTable();
        for (final long seed : seeds) {
            run(seed, startNanos, warmupDays, sessions, stats);
        }
        return stats;
    }

    private void run(final long seed, final long startNanos, final int warmupDays, final int sessions,
                     final ForecastCalibration stats) {
        final SyntheticWorld world = new SyntheticWorld(seed);
        final WorldSettlement settlement = new WorldSettlement(world, rules);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(startNanos);
        final SeriesIds ids = SeriesIds.resolve(registry);
        final WorldObservations observable = new WorldObservations(world);
        final List<DataClient> sources = new ArrayList<>();
        for (final SyntheticSourceSpec spec : SyntheticSourceSpec.defaults()) {
            sources.add(new SyntheticSource(spec, ids, observable, seed * 1_000_003L + 17, noiseScale, clock, Duration.ofMinutes(1)));
        }
        if (ids.hasCapacity()) {
            sources.add(new AnnouncedCapacitySource(ids, observable, clock, Duration.ofMinutes(1)));
        }
        final SideBuffers side = new SideBuffers(1);
        final KalmanHandler k = new KalmanHandler(registry, kalman, side);
        final ValuationHandler v = new ValuationHandler(registry,
            valuation.withWindow(rules.windowStart(rules.nextSettlementAtOrAfter(startNanos)),
                rules.nextSettlementAtOrAfter(startNanos)), rules, kalman, side);
        final int products = registry.instrumentCount();
        final int[] kindOf = new int[products];
        for (int i = 0; i < products; i++) {
            kindOf[i] = rules.kindOf(registry.instrumentName(i));
        }
        final double[] fair = new double[products];
        final double[] std = new double[products];
        final double[] low = new double[products];
        final double[] high = new double[products];
        final boolean[] valued = new boolean[products];
        final double[] truth = new double[WorldProduct.COUNT];
        final EngineEvent e = new EngineEvent();
        final long measureFrom = startNanos + warmupDays * DAY;
        long settled = Long.MIN_VALUE;
        int measured = 0;
        long seq = 0;
        for (long t = startNanos; measured <= sessions; t += MINUTE) {
            clock.set(t);
            for (final DataClient source : sources) {
                final PollResult r = source.poll().join();
                for (final Observation o : r.observations()) {
                    e.clear();
                    ObservationPublisher.TRANSLATOR.translateTo(e, o);
                    e.receiveTimeNanos = t;
                    k.onEvent(e, seq, true);
                    v.onEvent(e, seq++, true);
                    for (int i = 0; i < products; i++) {
                        if (e.isTouched(i)) {
                            fair[i] = side.fairValue(e, i);
                            std[i] = side.fairStd(e, i);
                            low[i] = v.nowcastLow80(i);
                            high[i] = v.nowcastHigh80(i);
                            valued[i] = true;
                        }
                    }
                }
            }
            final long end = rules.nextSettlementAtOrAfter(t + 1);
            if (t < measureFrom) {
                continue;
            }
            if (end != settled) {
                settled = end;
                settlement.settleAll(end, truth);
                measured++;
                if (measured > sessions) {
                    break;
                }
            }
            for (int h = 0; h < horizons.length; h++) {
                if (end - t == horizons[h]) {
                    for (int i = 0; i < products; i++) {
                        if (valued[i] && kindOf[i] >= 0) {
                            stats.add(kindOf[i], h, fair[i], std[i], low[i], high[i], truth[kindOf[i]]);
                        }
                    }
                }
            }
        }
    }
}
