package io.skytrade.core.risk;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DrawdownMonitorDayTest {
    private static final long DAY = 86_400_000_000_000L;

    private static DrawdownMonitor monitor(final long dayNanos) {
        final DrawdownLimits d = DrawdownLimits.defaults();
        return new DrawdownMonitor(new DrawdownLimits(d.softDrawdown(), d.softRecoveryDrawdown(), d.hardDrawdown(),
            d.dailyLossLimit(), dayNanos), 1_000_000.0);
    }

    @Test
    void shouldGiveTheDayOfFloorDivisionForTimesInAnyOrderFromTheCachedRange() {
        final SplittableRandom random = new SplittableRandom(9);
        for (final long length : new long[] {1, 2, 7, 1_000, DAY, Long.MAX_VALUE}) {
            final DrawdownMonitor m = monitor(length);
            long t = random.nextLong();
            for (int i = 0; i < 20_000; i++) {
                final int step = random.nextInt(4);
                if (step == 0) {
                    t = random.nextLong();
                } else if (step == 1) {
                    t += random.nextLong(Math.min(length, 1L << 50) * 2 + 1) - Math.min(length, 1L << 50);
                } else if (step == 2) {
                    // the last and first nanoseconds of a day
                    t = Math.floorDiv(t, length) * length - random.nextInt(2);
                }
                assertEquals(Math.floorDiv(t, length), m.dayOf(t), "t " + t + ", day " + length);
            }
        }
    }

    @Test
    void shouldGiveTheDayOfFloorDivisionAtTheEndsOfTheLongRange() {
        final long[] times = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE, 0};
        for (final long length : new long[] {1, 3, DAY, Long.MAX_VALUE}) {
            final DrawdownMonitor m = monitor(length);
            for (final long t : times) {
                assertEquals(Math.floorDiv(t, length), m.dayOf(t), "t " + t + ", day " + length);
            }
        }
    }
}
