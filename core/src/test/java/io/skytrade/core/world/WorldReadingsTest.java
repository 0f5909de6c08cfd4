package io.skytrade.core.world;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldReadingsTest {
    private static final long T0 = Instant.parse("2026-01-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long QUARTER = SyntheticWorld.QUARTER_HOUR_NANOS;

    @Test
    void shouldDrawIndependentNoiseForSuccessiveReadings() {
        final int n = 20_000;
        final double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = WorldReadings.measure(WorldSeries.THAMES_LEVEL_M, 0, T0 + i * QUARTER, 42, 1000) / 10;
        }
        double variance = 0;
        for (final double x : noise) {
            variance += x * x;
        }
        for (int lag = 1; lag <= 8; lag++) {
            double c = 0;
            for (int i = 0; i + lag < n; i++) {
                c += noise[i] * noise[i + lag];
            }
            assertEquals(0, c / variance, 0.03, "autocorrelation at lag " + lag);
        }
        double squares = 0;
        int sums = 0;
        for (int j = 0; j + 96 <= n; j += 96, sums++) {
            double sum = 0;
            for (int i = j; i < j + 96; i++) {
                sum += noise[i];
            }
            squares += sum * sum;
        }
        assertEquals(Math.sqrt(96), Math.sqrt(squares / sums), 0.1 * Math.sqrt(96), "a day's sum of noise");
    }

    @Test
    void shouldKeepEachQuantityInItsRangeAndReportItsDecimals() {
        assertTrue(WorldReadings.measure(WorldSeries.AIR_TEMP_C, -3.4, T0, 1, 0) < 0, "a frost is reported as a frost");
        assertEquals(-3.4, WorldReadings.measure(WorldSeries.AIR_TEMP_C, -3.4, T0, 1, 0));
        assertEquals(-0.412, WorldReadings.measure(WorldSeries.THAMES_LEVEL_M, -0.4123, T0, 1, 0));
        assertEquals(100, WorldReadings.measure(WorldSeries.REL_HUMIDITY_PCT, 100, T0, 1, 50));
        assertTrue(WorldReadings.measure(WorldSeries.PM25_UGM3, 0.5, T0, 1, 50) >= 0);
        assertEquals(17, WorldReadings.measure(WorldSeries.LHR_ARRIVALS_30M, 17, T0, 1, 1));
        assertEquals(WorldReadings.measure(WorldSeries.AIR_TEMP_C, 4, T0, 9, 1), WorldReadings.measure(WorldSeries.AIR_TEMP_C, 4, T0, 9, 1));
    }

    @Test
    void shouldPublishAfterTheDelayInBatches() {
        final long minute = SyntheticWorld.MINUTE_NANOS;
        final long noon = T0;
        // tide: 15-minute readings, 4 minutes late, released every 30 minutes
        assertEquals(noon - 15 * minute, WorldReadings.newestPublished(WorldSeries.THAMES_LEVEL_M, noon + 29 * minute));
        assertEquals(noon + 15 * minute, WorldReadings.newestPublished(WorldSeries.THAMES_LEVEL_M, noon + 30 * minute));
        // flights: a bin's count an hour after the bin starts
        assertEquals(noon, WorldReadings.newestPublished(WorldSeries.LHR_DEPARTURES_30M, noon + 60 * minute));
    }
}
