package io.skytrade.engine.soak;

import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A soak in miniature (the hour-long run is {@code skytrade soak}, README): three short segments
 * with retention keeping two runs, venue disconnects of both kinds that the gateway must recover
 * from, and the bounds; then a bound set too tight fails the soak naming it.
 */
@Timeout(120)
class SoakTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path tmp;

    private static ConfigLoader.LoadedConfig config() {
        return new ConfigLoader(Map.of()).loadTexts(TestConfigs.FAST_CONFIG,
            "venue: {timeScale: 2400, worldStart: 2026-11-25T11:55:00Z}\njournal: {retention: {runs: 2}}\n");
    }

    @Test
    void shouldHoldEveryBoundAcrossSegmentsDisconnectsAndRetention() throws Exception {
        final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        final Path root = tmp.resolve("soak");
        final Soak.Result result = new Soak(config(), root, new Soak.Settings(9 * SECOND, 3 * SECOND, SECOND, 1500_000_000L,
            20 * SECOND, 64L << 20, 16, 64, 1L << 30), new PrintStream(lines, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertTrue(result.passed(), result.failure() + "\n" + lines);
        assertEquals(3, result.segments());
        assertTrue(result.drops() >= 4, "disconnects injected and recovered from: " + result.drops());
        assertEquals(3, result.worldSessionsSettled(), "each segment starts five world minutes before a noon settlement");
        assertTrue(result.inputs() > 1000, "inputs " + result.inputs());
        try (Stream<Path> runs = Files.list(root)) {
            assertEquals(2, runs.count(), "journal retention keeps the two latest runs");
        }
        assertTrue(lines.toString(StandardCharsets.UTF_8).contains("heap-after-gc"), lines.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFailLoudlyNamingTheBoundThatDidNotHold() throws Exception {
        final Soak.Result result = new Soak(config(), tmp.resolve("tight"), new Soak.Settings(20 * SECOND, 20 * SECOND, 60 * SECOND,
            SECOND, 20 * SECOND, 64L << 20, 16, 64, 1024), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertFalse(result.passed());
        assertTrue(result.failure().startsWith("segment 1: journal ") && result.failure().endsWith(" > 0.0 MiB"), result.failure());
        assertTrue(result.elapsedNanos() < 15 * SECOND, "stops at the first violation");
    }
}
