package io.skytrade.engine.evaluate;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evaluate} on the CMI protocol: the three hours across the noon settlement of
 * {@link SeedRunTest}, with {@code venue.protocol: cmi}, so the engine reaches the in-process venue
 * through the CMI gateway (one request a second of world time). The run must trade, report no
 * protocol problem, replay identically and repeat exactly.
 */
@Timeout(120)
class CmiSeedRunTest {
    @TempDir
    Path tmp;

    private SeedRun.Result run(final Path root) throws IOException {
        final ConfigLoader.LoadedConfig config = EvaluationConfigs.forSeed(new ConfigLoader(Map.of()),
            List.of(SeedRunTest.defaultConfig(), "venue: {protocol: cmi}\n"), SeedRunTest.SEED, SeedRunTest.DAYS[0], null);
        return new SeedRun(config, SeedRunTest.SEED, SeedRunTest.DAYS, root, Map.of()).run();
    }

    @Test
    void shouldEvaluateOverCmiAndReplayAndRepeatIdentically() throws IOException {
        final SeedRun.Result first = run(tmp.resolve("a"));
        assertEquals(0, first.stageFailures(), first.firstFailure());
        assertEquals(null, first.venueProblems());
        long orders = 0;
        for (final DayResult d : first.days()) {
            for (final long n : d.ordersByProduct()) {
                orders += n;
            }
        }
        assertTrue(orders > 0, "the engine sent orders through the CMI gateway");

        final ReplayRunner.Result replay = new ReplayRunner(RunDirectory.open(first.runDirectory().dir()), Map.of()).replay(true);
        assertEquals(first.inputs(), replay.events());
        assertEquals(0, replay.differences(), replay.firstDifference());

        final SeedRun.Result second = run(null);
        assertEquals(first.inputs(), second.inputs(), "the same seed and configuration give the same run");
        for (int d = 0; d < first.days().size(); d++) {
            assertEquals(first.days().get(d).pnl(), second.days().get(d).pnl());
            assertArrayEquals(first.days().get(d).ordersByProduct(), second.days().get(d).ordersByProduct());
        }
    }
}
