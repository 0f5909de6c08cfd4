package io.skytrade.bench;

import io.skytrade.core.calibration.ForecastCalibration;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.exchange.sim.MarketSkill;
import io.skytrade.exchange.sim.PublicForecastAccuracy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per market skill, how good the simulated market's public forecast of each product's
 * settlement is at 6 h, 2 h, 1 h and 30 min before settlement (RMSE, RMS z, 80% coverage; Markdown),
 * measured on seeds not used for development (default 201-220, five sessions each, the seeds'
 * start dates spread 17 days apart from 2026-01-10). The figures in bench/README.md come from it.
 *
 * <pre>java -cp bench/target/skytrade-bench.jar io.skytrade.bench.MarketSkillAccuracy [firstSeed] [seeds] [sessions]</pre>
 */
public final class MarketSkillAccuracy {
    private static final long MINUTE = 60_000_000_000L;

    private MarketSkillAccuracy() {
    }

    public static void main(final String[] args) {
        final long firstSeed = args.length > 0 ? Long.parseLong(args[0]) : 201;
        final int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        final long start = Instant.parse("2026-01-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;
        final long[] horizons = {6 * 60 * MINUTE, 2 * 60 * MINUTE, 60 * MINUTE, 30 * MINUTE};
        final List<String> names = List.of("6h", "2h", "1h", "30m");
        for (final MarketSkill skill : MarketSkill.values()) {
            final long t0 = System.nanoTime();
            final ForecastCalibration table = PublicForecastAccuracy.measure(skill, firstSeed, seeds, start, 17 * 24 * 60 * MINUTE,
                sessions, horizons, names, SettlementRules.defaults(), 42);
            System.out.printf(Locale.ROOT, "%n%s, seeds %d-%d, %d sessions each: RMSE (RMS z, 80%% coverage) [%.1f s]%n%n",
                skill.name().toLowerCase(Locale.ROOT), firstSeed, firstSeed + seeds - 1, sessions, (System.nanoTime() - t0) / 1e9);
            System.out.print(table.markdown(ForecastCalibration.Figure.ALL));
        }
    }
}
