package io.skytrade.engine.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigPrinterTest {
    @Test
    void shouldPrintEveryKeyInAFormTheLoaderReadsBack() {
        final ConfigLoader loader = new ConfigLoader(Map.of());
        for (final String file : new String[]{"../config/default.yaml", "../config/tuned-host.yaml", "../config/live.example.yaml"}) {
            final String printed = ConfigPrinter.yaml(loader.load(Path.of(file)).config());
            final String reprinted = ConfigPrinter.yaml(loader.loadText(printed).config());
            assertEquals(printed, reprinted, file);
            for (final String key : new String[]{"maxMarketDataAge:", "windowStart:", "regimeSpreadScale:", "capital:", "stateHashInterval:",
                "models:", "readingNoise:", "swingLowCm:",
                "pollInterval:", "waitStrategy:", "timeScale:"}) {
                assertTrue(printed.contains(key), file + " lacks " + key);
            }
        }
    }

    @Test
    void shouldPrintDurationsInTheirLargestExactUnit() {
        assertEquals("15m", ConfigPrinter.duration(900_000_000_000L));
        assertEquals("250ms", ConfigPrinter.duration(250_000_000L));
        assertEquals("1500us", ConfigPrinter.duration(1_500_000L));
        assertEquals("7ns", ConfigPrinter.duration(7));
        assertEquals("0", ConfigPrinter.duration(0));
    }
}
