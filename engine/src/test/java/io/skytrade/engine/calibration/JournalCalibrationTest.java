package io.skytrade.engine.calibration;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static io.skytrade.engine.cli.CliCapture.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skytrade calibrate} on an imported journal of tide readings: the settlements come from
 * the journal's own readings (checked here by hand against the formulas of the CMI reference), a
 * product is scored only where its readings are complete, and each horizon samples what the
 * engine knew by then.
 */
class JournalCalibrationTest {
    private static final long MIN = 60_000_000_000L;
    /** 2026-01-10T12:00Z: London noon in winter, a settlement instant. */
    private static final long START = Instant.parse("2026-01-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path tmp;

    /** A clean semi-diurnal tide (M2, 12.42 h) in metres, to the millimetre, as the EA publishes it. */
    private static double level(final long t) {
        final double hours = (t - START) / 3.6e12;
        return Math.round((0.5 + 2.5 * Math.cos(2 * Math.PI * hours / 12.42)) * 1000.0) / 1000.0;
    }

    private Path importReadings(final long from, final long to, final long gapFrom, final long gapTo) throws Exception {
        final StringBuilder csv = new StringBuilder("time,series,value\n");
        for (long t = from; t <= to; t += 15 * MIN) {
            if (t >= gapFrom && t < gapTo) {
                continue;
            }
            csv.append(Instant.ofEpochSecond(0, t)).append(",thames_level_m,")
                .append(String.format(Locale.ROOT, "%.3f", level(t))).append('\n');
        }
        final Path file = tmp.resolve("tide.csv");
        Files.writeString(file, csv);
        final String[] r = capture("journal", "import", "--csv", file.toString(), "--kind", "observation", "--journal",
            tmp.resolve("runs").toString());
        assertEquals("0", r[0], r[2]);
        try (Stream<Path> dirs = Files.list(tmp.resolve("runs"))) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private static EngineConfig config(final Path run) {
        return new ConfigLoader(Map.of()).loadText(RunDirectory.open(run).configYaml()).config();
    }

    @Test
    void shouldSettleFromTheJournalsOwnReadingsAndScoreOnlyCompleteProducts() throws Exception {
        final long end = START + 3 * 24 * 60 * MIN;
        final Path run = importReadings(START - 12 * 60 * MIN, end, 0, 0);
        final JournalCalibration.Result r = new JournalCalibration(config(run)).run(RunDirectory.open(run).inputs());

        assertEquals(List.of(START, START + 24 * 60 * MIN, START + 48 * 60 * MIN, end), r.settlements());
        assertEquals(List.of("TIDE_SPOT", "TIDE_SWING"), r.table().rows(), "only the products the tide readings settle");
        for (int s = 0; s < r.sessions(); s++) {
            final long at = r.settlements().get(s);
            assertEquals(Math.round(Math.abs(level(at)) * 1000.0), r.outcomes().get(0)[s], 1e-9, "TIDE_SPOT at " + at);
        }
        assertTrue(Double.isNaN(r.outcomes().get(1)[0]), "the first session's swing lacks the readings before the journal");
        double swing = 0;
        final long sessionStart = START + 24 * 60 * MIN;
        for (long t = sessionStart + 15 * MIN; t <= sessionStart + 24 * 60 * MIN; t += 15 * MIN) {
            final double d = Math.abs(level(t) - level(t - 15 * MIN)) * 100.0;
            swing += Math.max(0, 20 - d) + Math.max(0, d - 25);
        }
        assertEquals(swing, r.outcomes().get(1)[2], 1e-6, "TIDE_SWING over the 96 pairs of the session ending at the third noon");
        assertEquals(r.settlements().size(), r.table().count(0, 3), "every session's TIDE_SPOT is scored 30 minutes before");
        assertEquals(3, r.table().count(1, 3), "three whole sessions of swing");
    }

    @Test
    void shouldLeaveOutASessionWithAGapInItsReadings() throws Exception {
        final long end = START + 2 * 24 * 60 * MIN;
        final long gap = START + 6 * 60 * MIN;
        final Path run = importReadings(START - 25 * 60 * MIN, end, gap, gap + 60 * MIN);
        final JournalCalibration.Result r = new JournalCalibration(config(run)).run(RunDirectory.open(run).inputs());
        assertEquals(List.of(START - 24 * 60 * MIN, START, START + 24 * 60 * MIN, end), r.settlements());
        final double[] swing = r.outcomes().get(1);
        assertTrue(Double.isNaN(swing[0]), "the journal starts an hour before the first session's last reading pairs");
        assertTrue(Double.isFinite(swing[1]));
        assertTrue(Double.isNaN(swing[2]), "the session with a missing hour is not settled");
        assertTrue(Double.isFinite(swing[3]));
        assertEquals(2, r.table().count(1, 0));
        assertTrue(Double.isFinite(r.outcomes().get(0)[2]), "TIDE_SPOT reads only the noon reading, which is there");
    }

    @Test
    void shouldPrintTheTableAndRefuseAJournalWithoutASettlement() throws Exception {
        final Path run = importReadings(START - 26 * 60 * MIN, START + 60 * MIN, 0, 0);
        final String[] ok = capture("calibrate", "--journal", run.toString());
        assertEquals("0", ok[0], ok[2]);
        assertTrue(ok[1].contains("| TIDE_SPOT |"), ok[1]);
        assertTrue(ok[1].contains("2 settlement sessions"), ok[1]);

        final Path short1 = tmp.resolve("short");
        Files.createDirectories(short1);
        final StringBuilder csv = new StringBuilder("time,series,value\n");
        csv.append(Instant.ofEpochSecond(0, START + 60 * MIN)).append(",thames_level_m,1.000\n");
        final Path file = tmp.resolve("one.csv");
        Files.writeString(file, csv);
        assertEquals("0", capture("journal", "import", "--csv", file.toString(), "--kind", "observation", "--journal",
            short1.toString())[0]);
        final Path one;
        try (Stream<Path> dirs = Files.list(short1)) {
            one = dirs.findFirst().orElseThrow();
        }
        final String[] refused = capture("calibrate", "--journal", one.toString());
        assertEquals("2", refused[0]);
        assertTrue(refused[2].contains("span no settlement instant"), refused[2]);
    }
}
