package io.skytrade.engine.nowcast;

import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.valuation.ValuationParams;
import io.skytrade.engine.config.EngineConfig;

import java.time.Instant;

/** Development probe: prints the accuracy table for seeds given on the command line (tuning seeds 1-100 only). */
public final class NowcastProbe {
    static KalmanParams kalman() {
        KalmanParams k = KalmanParams.defaults();
        if (System.getProperty("tide.m4sidebands") != null) {
            final java.util.Map<String, io.skytrade.core.kalman.ModelComponent> c = new java.util.TreeMap<>(k.models().get("tide").components());
            c.put("ms4", io.skytrade.core.kalman.ModelComponent.harmonic(6.1033, 1e-6, 0.01, 1.0));
            c.put("m4b", io.skytrade.core.kalman.ModelComponent.harmonic(6.3208, 1e-6, 0.01, 1.0));
            c.put("surge", io.skytrade.core.kalman.ModelComponent.matern32(0.163, 5.87, 1.0));
            c.put("chop", io.skytrade.core.kalman.ModelComponent.matern32(0.023, 0.3, 1.0));
            final var t = k.models().get("tide");
            k = k.withModel("tide", new io.skytrade.core.kalman.NowcastModelSpec(t.series(), t.readingNoise(), t.sampleNoise(),
                t.sampleNoisePerUnit(), t.logScale(), t.profile(), t.profileSlots(), t.profileInitial(), t.profileDays(), t.spikes(), c));
        }
        return k;
    }

    public static void main(final String[] args) {
        final int from = Integer.parseInt(args[0]);
        final int to = Integer.parseInt(args[1]);
        final int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        final long start = Instant.parse(args.length > 3 ? args[3] : "2026-01-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;
        final long m = 60_000_000_000L;
        final NowcastAccuracy a = new NowcastAccuracy(InstrumentRegistry.of(EngineConfig.DEFAULT_INSTRUMENTS, EngineConfig.DEFAULT_SERIES),
            kalman(), ValuationParams.defaults(), SettlementRules.defaults(), 1.0,
            12 * 60 * m, 6 * 60 * m, 2 * 60 * m, 60 * m, 30 * m);
        final long[] seeds = new long[to - from + 1];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = from + i;
        }
        final long t0 = System.nanoTime();
        final NowcastAccuracy.Stats s = a.measure(seeds, start, Integer.getInteger("warm", 2), sessions);
        System.out.println(s.table());
        System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
