package io.skytrade.core.kalman;

import io.skytrade.core.world.SyntheticWorld;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisruptionSpecTest {
    private final DisruptionSpec world = DisruptionSpec.syntheticWorld();

    @Test
    void shouldGiveTheShareOfDaysOnWhichASlotIsDisruptedByHand() {
        // slot 22: a disruption starting in 21 or 22 covers it at any length (2-8), one starting in
        // 15..20 when it lasts at least 23 - start slots: (1 + 2 + ... + 6) / 7 of a start slot
        assertEquals(0.2 / 28 * (2 + 21.0 / 7), world.coverProbability(22), 1e-15);
        assertEquals(0.0, world.coverProbability(11), 0.0, "before the first start slot");
        assertEquals(0.2 / 28 * (1.0 / 7), world.coverProbability(46), 1e-15, "only an 8-slot one from slot 39 reaches slot 46");
        assertEquals(0.0, world.coverProbability(47), 0.0);
        assertEquals(0.0, DisruptionSpec.none().coverProbability(22), 0.0);
    }

    @Test
    void shouldCoverTheMeanLengthTimesTheDailyProbabilityOverTheDay() {
        double slots = 0.0;
        for (int slot = 0; slot < 48; slot++) {
            slots += world.coverProbability(slot);
        }
        assertEquals(0.2 * 5.0, slots, 1e-12, "no disruption runs past the day's end: 0.2 x mean length 5");
    }

    @Test
    void shouldMatchTheSyntheticWorldsShareOfDisruptedDays() {
        final SyntheticWorld w = new SyntheticWorld(7);
        final int days = 20_000;
        for (final int slot : new int[] {14, 22, 30, 44}) {
            int disrupted = 0;
            for (long day = 0; day < days; day++) {
                if (w.announcedCapacity(day * SyntheticWorld.DAY_NANOS + slot * SyntheticWorld.HALF_HOUR_NANOS) < 1.0) {
                    disrupted++;
                }
            }
            final double p = world.coverProbability(slot);
            // four standard errors of a binomial share over 20,000 days
            assertEquals(p, disrupted / (double) days, 4 * Math.sqrt(p * (1 - p) / days), "slot " + slot);
        }
    }
}
