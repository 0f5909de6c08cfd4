package io.skytrade.engine.evaluate;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short evaluated run through the whole stack (seeded world, in-process venue, synthetic feeds,
 * every stage) across a settlement: two "days" of 10:30-12:00 and 12:00-13:30 London on
 * 2026-01-10, so the 1 h and 30 min horizons, the noon settlement and the reopening are all in it.
 * It must replay identically, repeat exactly, and record the settlement the seeded world defines.
 */
@Timeout(120)
class SeedRunTest {
    static final long SEED = 11;
    private static final long HOUR = 3_600_000_000_000L;
    /** 2026-01-10 12:00 London (UTC in winter). */
    private static final long NOON = 1_768_046_400_000_000_000L;
    static final long[] DAYS = {NOON - 3 * HOUR / 2, NOON, NOON + 3 * HOUR / 2};

    @TempDir
    Path tmp;

    static String defaultConfig() throws IOException {
        try (InputStream in = SeedRunTest.class.getClassLoader().getResourceAsStream("config/default.yaml")) {
            assertNotNull(in, "config/default.yaml on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SeedRun.Result run(final Path root) throws IOException {
        final ConfigLoader.LoadedConfig config = EvaluationConfigs.forSeed(new ConfigLoader(Map.of()), List.of(defaultConfig()),
            SEED, DAYS[0], null);
        return new SeedRun(config, SEED, DAYS, root, Map.of()).run();
    }

    @Test
    void shouldReplayAnEvaluatedRunIdenticallyAndRepeatIt() throws IOException {
        final SeedRun.Result first = run(tmp.resolve("a"));
        assertEquals(0, first.stageFailures(), first.firstFailure());
        assertEquals(null, first.venueProblems());
        assertEquals(2, first.days().size());
        assertTrue(first.inputs() > 1000, "books, timers and observations over three hours: " + first.inputs());

        final ReplayRunner.Result replay = new ReplayRunner(RunDirectory.open(first.runDirectory().dir()), Map.of()).replay(true);
        assertEquals(first.inputs(), replay.events());
        assertEquals(0, replay.differences(), replay.firstDifference());
        assertEquals(0, replay.stageFailures());

        final SeedRun.Result second = run(tmp.resolve("b"));
        assertEquals(first.inputs(), second.inputs(), "the same seed and configuration give the same run");
        for (int d = 0; d < 2; d++) {
            final DayResult a = first.days().get(d);
            final DayResult b = second.days().get(d);
            assertEquals(a.pnl(), b.pnl());
            assertArrayEquals(a.ordersByProduct(), b.ordersByProduct());
            assertArrayEquals(a.equity(), b.equity());
            assertEquals(a.fairValues(), b.fairValues());
        }
    }

    @Test
    void shouldRecordTheSeededWorldsSettlementAtTheHorizonsThatFitInTheRun() throws IOException {
        final SeedRun.Result r = run(tmp);
        final DayResult morning = r.days().get(0);
        final DayResult afternoon = r.days().get(1);
        final WorldSettlement world = new WorldSettlement(new SyntheticWorld(SEED), SettlementRules.defaults());
        assertEquals(2 * WorldProduct.COUNT, morning.fairValues().size(), "1 h and 30 min snapshots of every product; 6 h and 2 h were before the start");
        for (final FairValueSample s : morning.fairValues()) {
            assertEquals(NOON, s.settlementNanos());
            assertTrue(s.horizon() == 2 || s.horizon() == 3, "horizon " + s.horizon());
            assertEquals(world.value(WorldProduct.symbol(s.product()), NOON), s.settlement());
            assertFalse(Double.isNaN(s.mid()), "the market quotes an hour before the settlement: " + s);
        }
        assertTrue(afternoon.fairValues().isEmpty(), "the next settlement is after the run");
        assertTrue(afternoon.hourAfterSettlement()[0], "the afternoon begins with the noon settlement");
        assertFalse(morning.hourAfterSettlement()[0]);
        assertEquals(2, afternoon.hourlyOrders().length, "an hour and a half is two started hours");
        assertEquals(LocalDate.of(2026, 1, 10), java.time.Instant.ofEpochSecond(0, morning.startNanos())
            .atZone(EvaluationPlan.LONDON).toLocalDate());
    }
}
