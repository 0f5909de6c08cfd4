package io.skytrade.exchange.sim;

import io.skytrade.core.calibration.ForecastCalibration;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSettlement;

import java.util.ArrayList;
import java.util.List;

/**
 * How good a {@link MarketSkill}'s public forecast is: for each seed, a venue's forecast (the very
 * object the background participants quote around, on the readings the engine's feeds would get
 * with {@code readingSeed}) is asked, at fixed times before each of a run of settlements, for every
 * product's settlement as public at that moment, and compared with the world's settlement under
 * the same rules. The result is a {@link ForecastCalibration} (RMSE, bias, RMS z, 80% coverage)
 * per product and horizon. {@code bench}'s {@code MarketSkillAccuracy} prints it for unused seeds.
 *
 * <p>Stateless; each call builds its own worlds and forecasts. A tool: seconds per seed.
 */
public final class PublicForecastAccuracy {
    private PublicForecastAccuracy() {
    }

    /**
     * Measures {@code skill} on seeds {@code firstSeed .. firstSeed + seeds - 1}: for each seed the
     * forecast starts at {@code start + (seed - firstSeed) x spacingNanos} (spreading the seeds
     * over the seasons) and is asked at each of {@code horizons} before each of the next
     * {@code sessions} settlements.
     */
    public static ForecastCalibration measure(final MarketSkill skill, final long firstSeed, final int seeds, final long start,
                                              final long spacingNanos, final int sessions, final long[] horizonNanos,
                                              final List<String> horizonNames, final SettlementRules rules,
                                              final long readingSeed) {
        final List<String> products = new ArrayList<>();
        final int[] codes = new int[WorldProduct.COUNT];
        for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
            products.add(rules.symbolOf(kind));
            codes[kind] = kind;
        }
        final ForecastCalibration table = new ForecastCalibration(products, horizonNames);
        final double[] mean = new double[WorldProduct.COUNT];
        final double[] std = new double[WorldProduct.COUNT];
        final double[] truth = new double[WorldProduct.COUNT];
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            final long first = start + (seed - firstSeed) * spacingNanos;
            final SyntheticWorld world = new SyntheticWorld(seed);
            final WorldSettlement settlement = new WorldSettlement(world, rules);
            final VenueConfig config = VenueConfig.builder().seed(seed).marketSkill(skill).readingSeed(readingSeed)
                .settlement(rules).build();
            final PublicForecast forecast = Venue.publicForecast(config, world, codes, first);
            long end = rules.nextSettlementAtOrAfter(first + 1);
            for (int s = 0; s < sessions; s++) {
                end = rules.nextSettlementAtOrAfter(end + 1);
                settlement.settleAll(end, truth);
                for (int h = 0; h < horizonNanos.length; h++) {
                    forecast.forecast(end, end - horizonNanos[h], mean, std);
                    for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
                        if (!Double.isNaN(mean[kind])) {
                            table.add(kind, h, mean[kind], std[kind], truth[kind]);
                        }
                    }
                }
            }
        }
        return table;
    }
}
