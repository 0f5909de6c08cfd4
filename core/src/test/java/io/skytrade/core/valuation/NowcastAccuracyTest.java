package io.skytrade.core.valuation;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.feature.FeatureHandler;
import io.skytrade.core.feature.FeatureParams;
import io.skytrade.core.kalman.KalmanHandler;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSeries;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nowcast accuracy against the synthetic world: the real feature, Kalman and valuation stages are
 * fed the {@link SyntheticWorld}'s readings at the feed cadence (tide, temperature and humidity
 * every 15 min, PM2.5 hourly, flight bins every 30 min, each stamped with its observation time and
 * delivered in time order, without the feeds' publication delays), and every product's fair value
 * at several times before each noon settlement is compared with
 * {@link SyntheticWorld#settlement}: bias (mean of fair value minus settlement) and RMSE per
 * product and horizon, over {@value #SESSIONS} sessions of {@value #SEEDS} seeds after
 * {@value #WARMUP_DAYS} warm-up days. Prints the table and asserts bounds, so accuracy cannot
 * silently regress; the before/after table is in bench/README.md ("Nowcast accuracy against the
 * synthetic world").
 */
class NowcastAccuracyTest {
    static final int SEEDS = 2;
    static final int SESSIONS = 12;
    static final int WARMUP_DAYS = 2;
    static final long MIN = SyntheticWorld.MINUTE_NANOS;
    /** Time before settlement of each snapshot; 23h45m is just after the window rolled. */
    static final long[] HORIZONS = {(23 * 60 + 45) * MIN, 20 * 60 * MIN, 12 * 60 * MIN, 6 * 60 * MIN, 2 * 60 * MIN, 30 * MIN};
    static final String[] HORIZON_NAMES = {"23h45", "20h", "12h", "6h", "2h", "30m"};
    /** 2026-01-10 12:00 UTC (London noon in winter). */
    static final long START = 1_768_046_400_000_000_000L;

    /** [product][horizon] sums of error, squared error and the count. */
    static final class Stats {
        final double[][] sum = new double[WorldProduct.COUNT][HORIZONS.length];
        final double[][] sum2 = new double[WorldProduct.COUNT][HORIZONS.length];
        final int[][] n = new int[WorldProduct.COUNT][HORIZONS.length];

        double bias(final int p, final int h) {
            return sum[p][h] / n[p][h];
        }

        double rmse(final int p, final int h) {
            return Math.sqrt(sum2[p][h] / n[p][h]);
        }

        String table() {
            final StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-11s", "product"));
            for (final String h : HORIZON_NAMES) {
                b.append(String.format(Locale.ROOT, " | %17s", h + " bias/rmse"));
            }
            b.append('\n');
            for (int p = 0; p < WorldProduct.COUNT; p++) {
                b.append(String.format(Locale.ROOT, "%-11s", WorldProduct.symbol(p)));
                for (int h = 0; h < HORIZONS.length; h++) {
                    b.append(String.format(Locale.ROOT, " | %8.1f/%8.1f", bias(p, h), rmse(p, h)));
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    static Stats measure(final KalmanParams kalman) {
        final Stats stats = new Stats();
        for (int seed = 1; seed <= SEEDS; seed++) {
            measure(new SyntheticWorld(seed), kalman, stats);
        }
        return stats;
    }

    private static void measure(final SyntheticWorld world, final KalmanParams kalman, final Stats stats) {
        final ValuationParams vp = ValuationParams.defaults().withWindow(START - SyntheticWorld.DAY_NANOS, START);
        final FeatureHandler features = new FeatureHandler(SettlementValuatorTest.REGISTRY, FeatureParams.defaults());
        final KalmanHandler k = new KalmanHandler(SettlementValuatorTest.REGISTRY, kalman);
        final ValuationHandler v = new ValuationHandler(SettlementValuatorTest.REGISTRY, vp, kalman);
        final EngineEvent e = new EngineEvent();
        final double[] fair = new double[WorldProduct.COUNT];
        final double[] truth = new double[WorldProduct.COUNT];
        final long step = SyntheticWorld.QUARTER_HOUR_NANOS;
        final long end = START + (WARMUP_DAYS + SESSIONS) * SyntheticWorld.DAY_NANOS;
        long seq = 0;
        long settlement = -1;
        for (long t = START; t <= end; t += step) {
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                if (s == WorldSeries.PM25_UGM3 && t % SyntheticWorld.HOUR_NANOS != 0
                    || s >= WorldSeries.LHR_ARRIVALS_30M && t % SyntheticWorld.HALF_HOUR_NANOS != 0) {
                    continue;
                }
                e.clear();
                e.type = EventType.OBSERVATION;
                e.instrumentId = s;
                e.eventTimeNanos = t;
                e.receiveTimeNanos = t;
                e.value = world.value(s, t);
                features.onEvent(e, seq, true);
                k.onEvent(e, seq, true);
                v.onEvent(e, seq++, true);
                for (int p = 0; p < WorldProduct.COUNT; p++) {
                    if (e.isTouched(p)) {
                        fair[p] = e.fairValue[p];
                    }
                }
            }
            final long noon = SyntheticWorld.londonNoonAtOrAfter(t + 1);
            if (noon - t > HORIZONS[0] || t < START + WARMUP_DAYS * SyntheticWorld.DAY_NANOS) {
                continue;
            }
            if (noon != settlement) {
                settlement = noon;
                world.settleAll(noon, truth);
            }
            for (int h = 0; h < HORIZONS.length; h++) {
                if (noon - t == HORIZONS[h]) {
                    for (int p = 0; p < WorldProduct.COUNT; p++) {
                        final double err = fair[p] - truth[p];
                        stats.sum[p][h] += err;
                        stats.sum2[p][h] += err * err;
                        stats.n[p][h]++;
                    }
                }
            }
        }
    }

    @Test
    void shouldPrintAndBoundFairValueErrorsAgainstTheSyntheticWorld() {
        final Stats s = measure(KalmanParams.defaults());
        System.out.println("Nowcast accuracy (fair value - settlement), bias/RMSE, " + SEEDS + " seeds x "
            + SESSIONS + " sessions:\n" + s.table());
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            for (int h = 0; h < HORIZONS.length; h++) {
                assertTrue(s.n[p][h] == SEEDS * SESSIONS, "every session sampled");
            }
        }
    }
}
