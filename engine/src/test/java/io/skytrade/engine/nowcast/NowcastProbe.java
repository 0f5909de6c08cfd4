package io.skytrade.engine.nowcast;

import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.valuation.ValuationParams;
import io.skytrade.engine.config.EngineConfig;

import java.time.Instant;

/** Development probe: prints the accuracy table for seeds given on the command line (tuning seeds 1-100 only). */
public final class NowcastProbe {
    public static void main(final String[] args) {
        final int from = Integer.parseInt(args[0]);
        final int to = Integer.parseInt(args[1]);
        final int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        final long start = Instant.parse(args.length > 3 ? args[3] : "2026-01-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;
        final long m = 60_000_000_000L;
        final NowcastAccuracy a = new NowcastAccuracy(InstrumentRegistry.of(EngineConfig.DEFAULT_INSTRUMENTS, EngineConfig.DEFAULT_SERIES),
            KalmanParams.defaults(), ValuationParams.defaults(), SettlementRules.defaults(), 1.0,
            12 * 60 * m, 6 * 60 * m, 2 * 60 * m, 60 * m, 30 * m);
        final long[] seeds = new long[to - from + 1];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = from + i;
        }
        final long t0 = System.nanoTime();
        final NowcastAccuracy.Stats s = a.measure(seeds, start, 2, sessions);
        System.out.println(s.table());
        System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
