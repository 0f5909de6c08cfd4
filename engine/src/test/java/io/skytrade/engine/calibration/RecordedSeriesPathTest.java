package io.skytrade.engine.calibration;

import io.skytrade.core.world.WorldSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedSeriesPathTest {
    private static final long MIN = 60_000_000_000L;

    @Test
    void shouldReadExactReadingsAndHoldTheLatestOneUpToItsValidity() {
        final RecordedSeriesPath path = new RecordedSeriesPath(15 * MIN);
        path.add(WorldSeries.THAMES_LEVEL_M, 30 * MIN, 2.0);
        path.add(WorldSeries.THAMES_LEVEL_M, 0, 1.0);
        path.add(WorldSeries.THAMES_LEVEL_M, 15 * MIN, 1.5);
        path.freeze();
        assertEquals(3, path.count(WorldSeries.THAMES_LEVEL_M));
        assertEquals(1.5, path.value(WorldSeries.THAMES_LEVEL_M, 15 * MIN));
        assertEquals(1.5, path.value(WorldSeries.THAMES_LEVEL_M, 29 * MIN));
        assertEquals(2.0, path.value(WorldSeries.THAMES_LEVEL_M, 45 * MIN));
        assertEquals(0, path.misses());
    }

    @Test
    void shouldCountAMissBeforeTheFirstReadingAfterAGapAndForAnUnrecordedSeries() {
        final RecordedSeriesPath path = new RecordedSeriesPath(15 * MIN);
        path.add(WorldSeries.THAMES_LEVEL_M, 60 * MIN, 2.0);
        path.freeze();
        assertTrue(Double.isNaN(path.value(WorldSeries.THAMES_LEVEL_M, 59 * MIN)));
        assertTrue(Double.isNaN(path.value(WorldSeries.THAMES_LEVEL_M, 76 * MIN)));
        assertTrue(Double.isNaN(path.value(WorldSeries.AIR_TEMP_C, 60 * MIN)));
        assertEquals(3, path.misses());
        path.resetMisses();
        assertEquals(0, path.misses());
    }

    @Test
    void shouldLetTheLastReportOfAnInstantWin() {
        final RecordedSeriesPath path = new RecordedSeriesPath(15 * MIN);
        path.add(WorldSeries.PM25_UGM3, 0, 9.0);
        path.add(WorldSeries.PM25_UGM3, 0, 9.5);
        path.freeze();
        assertEquals(1, path.count(WorldSeries.PM25_UGM3));
        assertEquals(9.5, path.value(WorldSeries.PM25_UGM3, 0));
    }
}
