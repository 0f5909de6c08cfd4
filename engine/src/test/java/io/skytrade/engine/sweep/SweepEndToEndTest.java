package io.skytrade.engine.sweep;

import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.cli.SkytradeCli;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.LiveRun;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.engine.runtime.Supervision;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.skytrade.engine.cli.CliCapture.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps over a short recorded live run (synthetic market, 120x world time), through the
 * {@code skytrade sweep} command: walk-forward rows and phases, the same {@code sweep.csv} with one
 * worker and with two, parameters that change the results, kept run directories, a grid naming an
 * unknown key refused before any backtest, and a failing backtest reported with the others kept.
 */
@Tag("integration")
@Timeout(240)
class SweepEndToEndTest {
    private static final String GRID = """
        parameters:
          strategy.minEdgeTicks: [1, 6]
          strategy.quoteSize: [1, 10]
        walkForward:
          splits: 2
        rankBy: finalEquity
        """;
    /**
     * The simulated market quotes around a public forecast, so in the half hour recorded here the
     * engine's young nowcasts sit further than risk's fair-value band from its books and risk
     * refuses most orders; this test is about sweeps, so it lets the strategy's orders through.
     */
    private static final String WIDE_FAIR_VALUE_BAND = """
        risk:
          fairValueBandMinTicks: 5000
        """;

    /**
     * takeStd decides how far the market must be from fair value before the strategy takes its far
     * touch (0.05 standard deviations: nearly always, so its orders fill against the book; 3: it
     * mostly rests its quotes); quoteSize sets each quote's lots.
     */
    private static final String TRADING_GRID = """
        parameters:
          strategy.takeStd: [0.05, 3.0]
          strategy.quoteSize: [1, 10]
        rankBy: finalEquity
        """;

    @TempDir
    static Path tmp;
    static RunDirectory run;
    static Path grid;
    static Path tradingGrid;

    @BeforeAll
    static void recordALiveRun() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).loadText(TestConfigs.FAST_CONFIG + WIDE_FAIR_VALUE_BAND), tmp.resolve("journal"),
            new PrintStream(out, true, StandardCharsets.UTF_8));
        // about 10 s of this demo at 120x (1,572 inputs measured), counted in inputs rather than wall time
        Supervision.superviseUntil(live, "1500 inputs and 20 decisions journaled", Duration.ofSeconds(120),
            () -> live.inputsJournaled() >= 1500 && live.decisionsJournaled() >= 20);
        live.close();
        run = RunDirectory.open(live.runDirectory().dir());
        assertTrue(live.decisionsJournaled() >= 20, "decisions " + live.decisionsJournaled());
        grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, GRID);
        tradingGrid = tmp.resolve("trading.yaml");
        Files.writeString(tradingGrid, TRADING_GRID);
    }

    @Test
    void shouldWriteInSampleAndOutOfSampleRowsForEachSplit() throws IOException {
        final String[] r = capture("sweep", "--journal", run.dir().toString(), "--grid", grid.toString(),
            "--out", tmp.resolve("walk").toString(), "--workers", "2");
        assertEquals("0", r[0], r[2]);
        final List<String> csv = Files.readAllLines(tmp.resolve("walk").resolve(SweepCsv.FILE));
        final List<String> header = List.of(csv.get(0).split(","));
        assertEquals(List.of("split", "windowStart", "windowEnd", "phase", "set", "rank", "chosen", "strategy.minEdgeTicks",
            "strategy.quoteSize"), header.subList(0, 9));
        assertEquals(SweepFigures.NAMES, header.subList(9, header.size()));
        assertEquals(1 + 2 * 2 * 4, csv.size(), "2 splits x 2 phases x 4 sets");
        final List<String[]> rows = csv.subList(1, csv.size()).stream().map(l -> l.split(",")).toList();
        for (int i = 0; i < rows.size(); i++) {
            final String[] row = rows.get(i);
            assertEquals(header.size(), row.length, csv.get(i + 1));
            assertEquals(Integer.toString(i / 8), row[0]);
            assertEquals(i % 8 < 4 ? "in-sample" : "out-of-sample", row[3]);
            assertEquals(Integer.toString(i % 4), row[4]);
        }

        assertEquals(rows.get(0)[2], rows.get(4)[1], "split 0 tests on the window after the one it fits on");
        assertEquals(rows.get(4)[1], rows.get(8)[1], "split 0 tests on the window split 1 fits on");
        assertEquals(figures(rows.get(4)), figures(rows.get(8)), "the same set on the same window gives the same figures");
        for (int split = 0; split < 2; split++) {
            final int s = split;
            final List<String[]> chosen = rows.stream().filter(row -> row[0].equals(Integer.toString(s)) && row[6].equals("true"))
                .toList();
            assertEquals(2, chosen.size(), "one chosen set, on its in- and out-of-sample rows");
            assertEquals(chosen.get(0)[4], chosen.get(1)[4]);
            assertEquals("1", chosen.get(0)[5], "the chosen set ranks first in-sample");
        }

        assertTrue(r[1].contains("walk-forward summary"), r[1]);
        assertTrue(r[1].contains("out-of-sample PnL of the chosen sets over 2 splits"), r[1]);
        assertTrue(r[1].startsWith(Files.readString(tmp.resolve("walk").resolve("ranking.txt"))), "ranking.txt is the table printed");
        assertFalse(Files.exists(tmp.resolve("walk").resolve("runs")), "run directories are deleted, and their parent");
    }

    @Test
    void shouldGiveTheSameResultsWithOneWorkerAndWithTwoAndDifferentResultsForDifferentParameters() throws IOException {
        final String[] two = capture("sweep", "--journal", run.dir().toString(), "--grid", tradingGrid.toString(),
            "--out", tmp.resolve("two").toString(), "--workers", "2");
        assertEquals("0", two[0], two[2]);
        final String[] one = capture("sweep", "--journal", run.dir().toString(), "--grid", tradingGrid.toString(),
            "--out", tmp.resolve("one").toString(), "--workers", "1");
        assertEquals("0", one[0], one[2]);
        final List<String> csv = Files.readAllLines(tmp.resolve("two").resolve(SweepCsv.FILE));
        assertEquals(csv, Files.readAllLines(tmp.resolve("one").resolve(SweepCsv.FILE)), "sweep.csv depends on the worker count");
        assertEquals(5, csv.size(), csv.toString());
        final List<String> header = List.of(csv.get(0).split(","));
        final Set<List<String>> outcomes = new HashSet<>();
        long fills = 0;
        for (final String line : csv.subList(1, csv.size())) {
            final String[] row = line.split(",");
            assertEquals("full", row[3]);
            outcomes.add(figures(row));
            fills += Long.parseLong(row[header.indexOf("fills")]);
        }

        assertTrue(fills > 0, "some sets trade: " + csv);
        assertTrue(outcomes.size() > 1, "parameter values change the figures: " + csv);
    }

    @Test
    void shouldKeepReplayableRunDirectoriesWhenAsked() throws IOException {
        final Path g = tmp.resolve("one-set.yaml");
        Files.writeString(g, "parameters:\n  strategy.quoteSize: [2]\n");
        final Path out = tmp.resolve("kept");
        final String[] r = capture("sweep", "--journal", run.dir().toString(), "--grid", g.toString(), "--out", out.toString(),
            "--keep-runs");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("sets ranked by sharpe (descending) over the whole journal"), r[1]);
        final List<String> csv = Files.readAllLines(out.resolve(SweepCsv.FILE));
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).startsWith("0,") && csv.get(1).contains(",full,0,1,true,2,"), csv.get(1));
        assertTrue(Files.readString(out.resolve("ranking.txt")).startsWith("sets ranked by sharpe"));
        final Path runDir;
        try (Stream<Path> dirs = Files.list(out.resolve("runs").resolve("window-0-set-0"))) {
            runDir = dirs.findFirst().orElseThrow();
        }

        assertTrue(Files.exists(runDir.resolve("metrics.json")));
        final ReplayRunner.Result replay = new ReplayRunner(RunDirectory.open(runDir), Map.of()).replay(true);
        assertEquals(0, replay.differences(), replay.firstDifference());
        assertEquals("2", String.valueOf(new ConfigLoader(Map.of()).loadText(RunDirectory.open(runDir).configYaml())
            .config().model().strategy().quoteSize()));
    }

    @Test
    void shouldRefuseAnUnknownParameterBeforeAnyBacktest() throws IOException {
        final Path g = tmp.resolve("bad.yaml");
        Files.writeString(g, "parameters:\n  strategy.quoteSize: [1, 2]\n  strategy.entryThreshold: [0.2, 0.4]\n");
        final Path out = tmp.resolve("refused");
        final String[] r = capture("sweep", "--journal", run.dir().toString(), "--grid", g.toString(), "--out", out.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("config error: " + g + " line 3, parameter 'strategy.entryThreshold', value 0.2"), r[2]);
        assertTrue(r[2].contains("config key 'strategy.entryThreshold' is unknown"), r[2]);
        assertFalse(Files.exists(out), "no backtest ran");
    }

    @Test
    void shouldReportAFailedBacktestAndKeepTheOthers() throws IOException {
        final Path g = tmp.resolve("two-sets.yaml");
        Files.writeString(g, "parameters:\n  strategy.quoteSize: [1, 2]\nwalkForward:\n  splits: 1\n");
        final Path out = tmp.resolve("failing");
        Files.createDirectories(out.resolve("runs"));
        Files.writeString(out.resolve("runs").resolve("window-1-set-0"), "a file where the backtest's run directory goes");
        final String[] r = capture("sweep", "--journal", run.dir().toString(), "--grid", g.toString(), "--out", out.toString(),
            "--workers", "2");
        assertEquals(Integer.toString(SkytradeCli.EXIT_BACKTEST_FAILED), r[0], r[2]);
        assertTrue(r[2].contains("sweep error: backtest of set #0 strategy.quoteSize=1 on window 1 ("), r[2]);
        assertTrue(r[2].contains("cannot create run directory"), r[2]);
        assertTrue(r[2].contains("1 backtests failed"), r[2]);
        assertTrue(Files.readString(out.resolve("failures.txt")).contains("UncheckedIOException"));
        final List<String> csv = Files.readAllLines(out.resolve(SweepCsv.FILE));
        assertEquals(1 + 3, csv.size(), "in-sample rows of both sets and the out-of-sample row of set 1: " + csv);
        assertTrue(r[1].contains("failed"), "the table marks the missing out-of-sample result: " + r[1]);
        assertNotEquals(-1, r[1].indexOf("walk-forward summary"));
    }

    /** The figure columns of a row (after the two parameters). */
    private static List<String> figures(final String[] row) {
        return List.of(row).subList(9, row.length);
    }
}
