package io.skytrade.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.skytrade.engine.cli.CliCapture.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code skytrade evaluate} on the command line: bad usage, and one short real evaluation. */
class EvaluateCliTest {
    @TempDir
    Path tmp;

    @Test
    void shouldRefuseSeedsSkillsAndHoursItCannotRun() {
        final String[] down = capture("evaluate", "--seeds", "5-3", "--out", tmp.toString());
        assertEquals("2", down[0]);
        assertTrue(down[2].contains("--seeds: range '5-3' must go up"), down[2]);
        final String[] word = capture("evaluate", "--seeds", "201,x", "--out", tmp.toString());
        assertEquals("2", word[0]);
        assertTrue(word[2].contains("--seeds: 'x' is not a number or a range like 201-220"), word[2]);
        final String[] skill = capture("evaluate", "--seeds", "201", "--skill", "clairvoyant", "--out", tmp.toString());
        assertEquals("2", skill[0]);
        assertTrue(skill[2].contains("--skill 'clairvoyant': one of dull, medium, sharp"), skill[2]);
        final String[] hour = capture("evaluate", "--seeds", "201", "--start-hour", "24", "--out", tmp.toString());
        assertEquals("2", hour[0]);
        assertTrue(hour[2].contains("--start-hour 24: a London hour 0..23"), hour[2]);
        final String[] hours = capture("evaluate", "--seeds", "201", "--start-hour", "22-25", "--out", tmp.toString());
        assertEquals("2", hours[0]);
        assertTrue(hours[2].contains("--start-hour 24: a London hour 0..23"), hours[2]);
        final String[] date = capture("evaluate", "--seeds", "201", "--start", "10/01/2026", "--out", tmp.toString());
        assertEquals("2", date[0]);
        assertTrue(date[2].contains("--start '10/01/2026' is not a date like 2026-01-10"), date[2]);
    }

    @Test
    @Timeout(180)
    void shouldEvaluateADayAndWriteItsFiguresAndJournal() throws IOException {
        final Path out = tmp.resolve("eval");
        final String[] r = capture("evaluate", "--seeds", "3", "--workers", "1", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Across days (seeds 3, 1 day each from 2026-01-10 12:00 London, market skill medium)"), r[1]);
        assertTrue(r[1].contains("Fair value 30m before settlement"), r[1]);
        assertTrue(r[1].contains("Orders per hour of the day"), r[1]);
        final String json = Files.readString(out.resolve("evaluation.json"));
        assertTrue(json.contains("\"daysPerSeed\": 1"), json.substring(0, 400));
        assertTrue(json.contains("\"settlement\": \"2026-01-11T12:00:00Z\""), "the day's settlement is sampled");
        assertEquals(Files.readString(out.resolve("evaluation.txt")), r[1].substring(0, r[1].indexOf("evaluation: ")));
        try (Stream<Path> runs = Files.list(out.resolve("runs").resolve("seed-3"))) {
            final Path run = runs.findFirst().orElseThrow();
            assertTrue(Files.exists(run.resolve("closed.properties")), "the seed's run was journaled and closed: " + run);
            final String[] replay = capture("replay", "--journal", run.toString(), "--verify");
            assertEquals("0", replay[0], replay[1] + replay[2]);
        }
    }

    @Test
    @Timeout(240)
    void shouldCompareTwoConfigurationsOnTheSameSeedsAndFindNoDifferenceBetweenEqualOnes() throws IOException {
        final Path a = tmp.resolve("a.yaml");
        final Path b = tmp.resolve("b.yaml");
        Files.writeString(a, "# A: the default configuration\n");
        Files.writeString(b, "venue:\n  feePerLot: 0  # B: the default's own value, written out\n");
        final Path out = tmp.resolve("cmp");
        final String[] r = capture("evaluate", "--compare", a.toString(), b.toString(), "--seeds", "4", "--workers", "1",
            "--no-journal", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Daily PnL, B - A paired by seed and day (1 days)"), r[1]);
        final String json = Files.readString(out.resolve("comparison.json"));
        assertTrue(json.contains("\"dailyPnlBMinusA\": {\n    \"n\": 1,\n    \"mean\": 0.0,"), json.substring(0, 300));
        assertTrue(json.contains("\"squaredErrorBMinusA\": {\n          \"n\": 1,\n          \"mean\": 0.0,"),
            "equal configurations value every settlement identically");
        assertTrue(Files.exists(out.resolve("A").resolve("evaluation.json")) && Files.exists(out.resolve("B").resolve("evaluation.html")));
        assertTrue(Files.readString(out.resolve("comparison.html")).contains("Paired differences"));

        final String[] bad = capture("evaluate", "--compare", a.toString(), tmp.resolve("missing.yaml").toString(), "--seeds", "4",
            "--out", tmp.resolve("cmp2").toString());
        assertEquals("2", bad[0], bad[2]);
    }
}
