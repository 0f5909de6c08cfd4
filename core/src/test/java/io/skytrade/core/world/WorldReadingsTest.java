package io.skytrade.core.world;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldReadingsTest {
    @Test
    void shouldPublishFrostAsANegativeTemperatureAndKeepCountsAtOrAboveZero() {
        double sum = 0;
        for (int i = 0; i < 200; i++) {
            final double r = WorldReadings.measure(WorldSeries.AIR_TEMP_C, -2.0, i * 900_000_000_000L, 7, 1.0);
            assertTrue(r < 0, "a reading of -2 °C with 0.2 °C noise is below zero: " + r);
            sum += r;
        }
        assertEquals(-2.0, sum / 200, 0.05, "unbiased");
        for (int i = 0; i < 200; i++) {
            assertTrue(WorldReadings.measure(WorldSeries.PM25_UGM3, 0.1, i * 900_000_000_000L, 7, 5.0) >= 0);
        }
    }
}
