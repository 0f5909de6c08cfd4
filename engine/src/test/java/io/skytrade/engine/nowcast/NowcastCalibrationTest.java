package io.skytrade.engine.nowcast;

import io.skytrade.core.world.WorldProduct;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nowcasts are calibrated on worlds they were not tuned on: the engine's default valuation
 * (config/default.yaml), fed by the offline feeds with their measurement noise, rounding,
 * publication delays and batches ({@link NowcastAccuracy}), on seeds 201-210 (the models were fitted
 * and tuned on seeds 1-100 only), {@value #SESSIONS} settlements each: for every product and every
 * horizon of 6 h, 2 h, 1 h and 30 min before settlement, the RMS of the standardised error
 * {@code (fair - settlement) / std} is in [0.75, 1.33] and the central 80% interval holds between
 * 70% and 90% of the settlements. The measured table is in bench/README.md ("Nowcast accuracy").
 */
class NowcastCalibrationTest {
    static final long[] SEEDS = {201, 202, 203, 204, 205, 206, 207, 208, 209, 210};
    static final int SESSIONS = 10;
    static final long START = Instant.parse("2026-01-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    @Test
    void shouldStateCalibratedUncertaintyForEveryProductAtEveryHorizonOnUnseenSeeds() {
        final EngineConfig config = new ConfigLoader(Map.of()).load(Path.of("../config/default.yaml")).config();
        final NowcastAccuracy.Stats s = NowcastAccuracy.standard(config).measure(SEEDS, START, NowcastAccuracy.WARM_UP_DAYS, SESSIONS);
        final String table = s.table();
        System.out.println("Nowcast calibration, seeds 201-210 x " + SESSIONS + " sessions:\n" + table);
        final StringBuilder failures = new StringBuilder();
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            for (int h = 0; h < NowcastAccuracy.HORIZONS.length; h++) {
                assertEquals(SEEDS.length * SESSIONS, s.count(p, h), WorldProduct.symbol(p) + " valued at every horizon");
                final double z = s.rmsZ(p, h);
                final double cover = s.coverage80(p, h);
                if (z < 0.75 || z > 1.33 || cover < 0.70 || cover > 0.90) {
                    failures.append(String.format(Locale.ROOT, "%s %s: RMS z %.2f, 80%% coverage %.2f%n", WorldProduct.symbol(p),
                        NowcastAccuracy.horizonName(NowcastAccuracy.HORIZONS[h]), z, cover));
                }
            }
        }
        assertTrue(failures.length() == 0, "outside RMS z [0.75, 1.33] or coverage [0.70, 0.90]:\n" + failures + table);
    }
}
