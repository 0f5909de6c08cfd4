package io.skytrade.engine.soak;

import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.config.ConfigLoader;
import org.junit.jupiter.api.Tag;
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
 * A soak in miniature (the hour-long run is {@code skytrade soak}, README): two short segments with
 * retention keeping one run, venue disconnects of both kinds that the gateway must recover from,
 * a settlement in each, and the bounds; then a bound set too tight fails the soak naming it.
 */
@Tag("integration")
@Timeout(120)
class SoakTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path tmp;

    /** World time 2400x from 09:00: the noon settlement comes 4.5 s of wall time after a segment's engine clock starts. */
    private static ConfigLoader.LoadedConfig config() {
        return new ConfigLoader(Map.of()).loadTexts(TestConfigs.FAST_CONFIG,
            "venue: {timeScale: 2400, worldStart: 2026-11-25T09:00:00Z}\njournal: {retention: {runs: 1}}\n");
    }

    @Test
    void shouldHoldEveryBoundAcrossSegmentsDisconnectsAndRetention() throws Exception {
        final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        final Path root = tmp.resolve("soak");
        final Soak.Result result = new Soak(config(), root, new Soak.Settings(12 * SECOND, 6 * SECOND, SECOND, 2 * SECOND,
            20 * SECOND, 64L << 20, 16, 64, 1L << 30), new PrintStream(lines, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertTrue(result.passed(), result.failure() + "\n" + lines);
        assertEquals(2, result.segments());
        assertTrue(result.drops() >= 6, "disconnects injected and recovered from: " + result.drops());
        assertEquals(2, result.worldSessionsSettled(), "each segment's world reaches its noon settlement");
        assertTrue(result.inputs() > 1000, "inputs " + result.inputs());
        try (Stream<Path> runs = Files.list(root)) {
            assertEquals(1, runs.count(), "journal retention keeps the latest run");
        }
        assertTrue(lines.toString(StandardCharsets.UTF_8).contains("heap-after-gc"), lines.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFailLoudlyNamingTheBoundThatDidNotHold() throws Exception {
        final Soak.Result result = new Soak(config(), tmp.resolve("tight"), new Soak.Settings(60 * SECOND, 60 * SECOND, 60 * SECOND,
            SECOND, 20 * SECOND, 64L << 20, 16, 64, 1024), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertFalse(result.passed());
        assertTrue(result.failure().startsWith("segment 1: journal ") && result.failure().endsWith(" > 0.0 MiB"), result.failure());
        assertEquals(1, result.segments());
        assertTrue(result.elapsedNanos() < 60 * SECOND, "stops at the first violation, not at the end of its 60 s segment");
    }
}
