package io.skytrade.engine.cli;

import io.skytrade.engine.runtime.BuildFingerprint;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.skytrade.engine.cli.CliCapture.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir
    Path tmp;

    @Test
    void shouldPrintHelpForEveryCommandWithoutAWarning() {
        final List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new SkytradeCli()), new ArrayList<>(), commands);
        assertTrue(commands.size() > 20, "every subcommand is walked: " + commands);
        for (final List<String> command : commands) {
            final List<String> args = new ArrayList<>(command);
            args.add("--help");
            final String[] r = capture(args.toArray(String[]::new));
            final String name = String.join(" ", args);
            assertEquals("0", r[0], name);
            assertTrue(r[1].contains("Usage: skytrade"), name + ": " + r[1]);
            assertEquals("", r[2], name + " prints nothing on stderr (picocli warns there of a bad format code in a description)");
        }
    }

    private static void collect(final CommandLine command, final List<String> path, final List<List<String>> into) {
        into.add(List.copyOf(path));
        for (final Map.Entry<String, CommandLine> sub : new TreeMap<>(command.getSubcommands()).entrySet()) {
            if (sub.getValue().getCommandName().equals(sub.getKey())) {
                path.add(sub.getKey());
                collect(sub.getValue(), path, into);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void shouldFailWithOneLineOnABadConfig() throws Exception {
        final Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "pipeline:\n  waitStrategy: 12\n  bogus: 1\n");
        final String[] r = capture("run", "--config", bad.toString(), "--duration", "1s", "--journal", tmp.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("config error: " + bad + ": config key 'pipeline.waitStrategy' has value '12'"), r[2]);
    }

    @Test
    void shouldRefuseAMissingJournalDirectory() {
        final String[] r = capture("journal", "stats", tmp.resolve("missing").toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_CORRUPT), r[0]);
        assertTrue(r[2].startsWith("journal error: run directory"), r[2]);
    }

    @Test
    void shouldWriteTheSameSyntheticJournalTwiceAndRefuseBadArguments() throws Exception {
        final String[] first = capture("journal", "synth", "--events", "2_000", "--step", "1s", "--journal", tmp.resolve("a").toString());
        final String[] second = capture("journal", "synth", "--events", "2000", "--step", "1s", "--journal", tmp.resolve("b").toString());
        assertEquals("0", first[0], first[2]);
        assertEquals("0", second[0], second[2]);
        assertTrue(first[1].contains("wrote 2,000 inputs"), first[1]);
        final String[] dumpA = capture("journal", "dump", runDir(first[1]));
        final String[] dumpB = capture("journal", "dump", runDir(second[1]));
        assertEquals("0", dumpA[0], dumpA[2]);
        assertEquals(2_000, dumpA[1].lines().filter(l -> l.startsWith("input")).count(), "every input is journaled");
        assertTrue(dumpA[1].contains("MARKET_BOOK") && dumpA[1].contains("MARKET_TRADE") && dumpA[1].contains("OBSERVATION")
            && dumpA[1].contains("TIMER"), "books, trades, observations and timers");
        assertEquals(dumpA[1], dumpB[1], "seeded: the same arguments write the same inputs");

        final String[] badCount = capture("journal", "synth", "--events", "many", "--journal", tmp.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), badCount[0]);
        assertTrue(badCount[2].contains("--events 'many' is not a whole number"), badCount[2]);
        final String[] badStep = capture("journal", "synth", "--events", "10", "--step", "soon", "--journal", tmp.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), badStep[0]);
        assertTrue(badStep[2].startsWith("usage error: --step"), badStep[2]);
    }

    @Test
    void shouldDumpTimesAsIsoInstantsOrAsJournaledNanoseconds() {
        final String[] synth = capture("journal", "synth", "--events", "10", "--step", "1s", "--journal", tmp.toString());
        final String journal = runDir(synth[1]);
        final String[] iso = capture("journal", "dump", journal, "--limit", "1");
        assertEquals("0", iso[0], iso[2]);
        assertEquals("input seq=0 TIMER t=2026-11-25T09:46:40Z rx=2026-11-25T09:46:40Z id=0", iso[1].strip());
        final String[] raw = capture("journal", "dump", journal, "--limit", "1", "--raw-time");
        assertEquals("input seq=0 TIMER t=1795600000000000000 rx=1795600000000000000 id=0", raw[1].strip());
    }

    @Test
    void shouldBacktestAWindowGivenAsIsoTimesAndRefuseBadOnes() throws Exception {
        final String[] synth = capture("journal", "synth", "--events", "6000", "--step", "1s", "--journal", tmp.resolve("j").toString());
        final String journal = runDir(synth[1]);
        final String[] windowed = capture("backtest", "--journal", journal, "--out", tmp.resolve("bt").toString(), "--no-report",
            "--from", "2026-11-25T10:16:40Z", "--to", "1795603600000000000");
        assertEquals("0", windowed[0], windowed[2]);
        final String metrics = Files.readString(Path.of(runDir(windowed[1]), "metrics.json"));
        assertTrue(metrics.contains("\"liveVsBacktest\": \"not compared: the backtest covers a window"), metrics);

        final String[] badTime = capture("backtest", "--journal", journal, "--out", tmp.resolve("bt").toString(), "--from", "noon");
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), badTime[0]);
        assertTrue(badTime[2].startsWith("usage error: --from/--to take an ISO-8601 instant"), badTime[2]);
        final String[] reversed = capture("backtest", "--journal", journal, "--out", tmp.resolve("bt").toString(),
            "--from", "2026-11-25T11:00:00Z", "--to", "2026-11-25T10:00:00Z");
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), reversed[0]);
        final String[] empty = capture("backtest", "--journal", journal, "--out", tmp.resolve("bt").toString(), "--no-report",
            "--to", "2026-11-24T00:00:00Z");
        assertEquals("0", empty[0], empty[2]);
        assertTrue(empty[2].contains("warning: no input of the journal lies in the window"), empty[2]);
    }

    @Test
    void shouldBacktestWithoutJournalingToTheSameFiguresAndRefuseToReplayThatRun() throws Exception {
        final String[] synth = capture("journal", "synth", "--events", "6000", "--step", "1s", "--journal", tmp.resolve("nj").toString());
        final String journal = runDir(synth[1]);
        final String[] journaled = capture("backtest", "--journal", journal, "--out", tmp.resolve("bt-journaled").toString(), "--no-report");
        assertEquals("0", journaled[0], journaled[2]);
        final String[] bare = capture("backtest", "--journal", journal, "--out", tmp.resolve("bt-bare").toString(), "--no-journal");
        assertEquals("0", bare[0], bare[2]);

        final Path bareRun = Path.of(runDir(bare[1]));
        assertEquals(BuildFingerprint.current(),
            RunDirectory.open(Path.of(runDir(journaled[1]))).property(BuildFingerprint.PROPERTY, null),
            "the backtest names the build that recorded it");
        assertFalse(Files.exists(bareRun.resolve("inputs")), "no input journal");
        assertFalse(Files.exists(bareRun.resolve("decisions")), "no decision journal");
        assertTrue(Files.exists(bareRun.resolve("report.html")));
        final String bareMetrics = Files.readString(bareRun.resolve("metrics.json"));
        assertTrue(bareMetrics.contains("\"liveVsBacktest\": \"not compared: the backtest ran with --no-journal"), bareMetrics);
        assertEquals(figures(Files.readString(Path.of(runDir(journaled[1]), "metrics.json"))), figures(bareMetrics),
            "the same figures with and without the backtest's own journal");

        final String[] replay = capture("replay", "--verify", "--journal", bareRun.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_CORRUPT), replay[0]);
        assertTrue(replay[2].contains("holds the figures of a backtest run with --no-journal"), replay[2]);
    }

    /** metrics.json without the lines that differ between two runs of the same backtest (speed, comparison). */
    private static List<String> figures(final String metricsJson) {
        return metricsJson.lines().filter(l -> !l.contains("eventsPerSecond") && !l.contains("elapsed"))
            .takeWhile(l -> !l.contains("liveVsBacktest")).toList();
    }

    private static String runDir(final String output) {
        return output.lines().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow()
            .substring("run directory: ".length());
    }
}
