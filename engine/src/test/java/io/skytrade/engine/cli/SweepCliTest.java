package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.sweep.SweepConfigs;
import io.skytrade.engine.sweep.SweepGrid;
import io.skytrade.engine.sweep.SweepGridReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.skytrade.engine.cli.CliCapture.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage errors of {@code skytrade sweep}, caught before any journal is read. */
class SweepCliTest {
    @TempDir
    Path tmp;

    @Test
    void shouldDescribeTheGridFileInTheHelp() {
        final String[] r = capture("sweep", "--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("Usage: skytrade sweep") && r[1].contains("walkForward:") && r[1].contains("--workers=N")
            && r[1].contains("--keep-runs"), r[1]);
    }

    @Test
    void shouldPrintAGridExampleThatCanBeCopiedAsItIs() {
        final String help = capture("sweep", "--help")[1];
        final int start = help.indexOf(SweepCommand.GRID_EXAMPLE_START);
        final int end = help.indexOf(SweepCommand.GRID_EXAMPLE_END, start + 1);
        assertTrue(start >= 0 && end > start, help);
        final String example = help.substring(start + SweepCommand.GRID_EXAMPLE_START.length(), end);
        final SweepGrid grid = SweepGridReader.parse(example, "the help's example");
        assertEquals(List.of("strategy.minEdgeTicks", "strategy.quoteSize", "strategy.regimeSpreadScale"),
            List.copyOf(grid.parameters().keySet()));
        assertEquals(3, grid.splits());
        assertEquals(8, grid.parameterSets().size());
        assertEquals(8, SweepConfigs.load(new ConfigLoader(Map.of()), List.of(DemoCommand.defaultText()), grid).size(),
            "every parameter is a key of the configuration and every value valid");
    }

    @Test
    void shouldRequireAJournalAndAGrid() {
        final String[] r = capture("sweep", "--journal", tmp.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), r[0]);
        assertTrue(r[2].contains("Missing required option: '--grid=FILE'"), r[2]);
    }

    @Test
    void shouldRefuseFewerThanOneWorker() {
        final String[] r = capture("sweep", "--journal", tmp.toString(), "--grid", "g.yaml", "--workers", "0");
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), r[0]);
        assertEquals("usage error: --workers 0 must be at least 1", r[2].strip());
    }

    @Test
    void shouldRefuseAnOutputDirectoryThatAlreadyHoldsASweep() throws IOException {
        Files.writeString(tmp.resolve("sweep.csv"), "split\n");
        final String[] r = capture("sweep", "--journal", tmp.toString(), "--grid", "g.yaml", "--out", tmp.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), r[0]);
        assertTrue(r[2].startsWith("usage error: " + tmp + " already holds a sweep.csv"), r[2]);
    }

    @Test
    void shouldReportAMalformedGridWithItsFileAndLine() throws IOException {
        final Path journal = tmp.resolve("run");
        Files.createDirectories(journal.resolve("inputs"));
        final Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "parameters:\n  strategy.quoteSize: [1, 2]\nwalkForward:\n  splits: 0\n");
        final String[] r = capture("sweep", "--journal", journal.toString(), "--grid", grid.toString(),
            "--out", tmp.resolve("out").toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("config error: " + grid + " line 4: walkForward.splits 0 must be at least 1"), r[2]);
    }

    @Test
    void shouldRefuseAMissingJournal() {
        final String[] r = capture("sweep", "--journal", tmp.resolve("missing").toString(), "--grid", "g.yaml",
            "--out", tmp.resolve("out").toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_CORRUPT), r[0]);
        assertTrue(r[2].startsWith("journal error: run directory"), r[2]);
    }
}
