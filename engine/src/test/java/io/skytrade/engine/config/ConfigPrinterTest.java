package io.skytrade.engine.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigPrinterTest {
    @Test
    void shouldPrintEveryKeyInAFormTheLoaderReadsBack() {
        final ConfigLoader loader = new ConfigLoader(Map.of());
        for (final String file : new String[]{"../config/default.yaml", "../config/tuned-host.yaml", "../config/live.example.yaml", "../config/cmi.example.yaml"}) {
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
    @Tag("integration")
    void shouldPrintTheSameKeysInTheSameOrderOnEveryJvmRun() throws Exception {
        // Map.of and Map.copyOf iterate in an order salted per JVM run: only separate JVMs show it
        final String first = configShowInANewJvm();
        final String second = configShowInANewJvm();
        assertTrue(first.contains("models:") && first.contains("market:"), first);
        assertEquals(first, second);
        assertEquals(ConfigPrinter.yaml(new ConfigLoader(Map.of()).load(Path.of("../config/default.yaml")).config()), first,
            "the same as in this JVM");
    }

    private static String configShowInANewJvm() throws Exception {
        final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "io.skytrade.engine.cli.SkytradeCli", "config", "show",
            "--config", "../config/default.yaml")
            .redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "config show finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void shouldPrintTheKeysOfAMapSortedAndARecordsInDeclarationOrder() {
        final String printed = ConfigPrinter.yaml(new ConfigLoader(Map.of()).load(Path.of("../config/default.yaml")).config());
        final Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(printed);
        final Map<?, ?> models = (Map<?, ?>) ((Map<?, ?>) root.get("kalman")).get("models");
        final List<String> names = models.keySet().stream().map(Object::toString).toList();
        assertTrue(names.size() >= 4, names.toString());
        assertEquals(names.stream().sorted().toList(), names);
        final List<String> components = ((Map<?, ?>) ((Map<?, ?>) models.get("weather")).get("components")).keySet().stream()
            .map(Object::toString).toList();
        assertTrue(components.size() >= 5, components.toString());
        assertEquals(components.stream().sorted().toList(), components);
        assertEquals(List.of("source", "seed", "eventsPerSecond", "startPrice", "volatilityTicks", "spreadTicks", "levelQty"),
            ((Map<?, ?>) root.get("market")).keySet().stream().map(Object::toString).toList());
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
