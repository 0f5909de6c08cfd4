package io.skytrade.engine.importer;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.engine.cli.SkytradeCli;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.skytrade.engine.cli.CliCapture.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvJournalImporterTest {
    @TempDir
    Path tmp;

    private Path write(final String name, final String text) throws Exception {
        final Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void shouldMergeMarketAndObservationsByTimeIntoAReplayableRun() throws Exception {
        final Path market = write("m.csv", """
            time,instrument,bid_px_1,bid_qty_1,bid_px_2,bid_qty_2,ask_px_1,ask_qty_1
            2026-02-28T11:00:00Z,TIDE_SPOT,2590,5,2589,7,2600,3
            2026-02-28T11:30:00Z,TIDE_SPOT,2595,5,,,2605,2
            """);
        final Path obs = write("o.csv", """
            time,series,value,quality
            2026-02-28T11:15:00Z,thames_level_m,2.412,0
            2026-02-28T11:45:00Z,air_temp_c,9.3,
            """);
        final String[] r = capture("journal", "import", "--csv", market.toString(), "--kind", "market", "--csv", obs.toString(),
            "--kind", "observation", "--journal", tmp.resolve("runs").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("imported 4 rows (0 skipped)"), r[1]);
        final Path runDir;
        try (Stream<Path> dirs = Files.list(tmp.resolve("runs"))) {
            runDir = dirs.findFirst().orElseThrow();
        }
        final List<String> seen = new ArrayList<>();
        final EngineEvent e = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(RunDirectory.open(runDir).inputs())) {
            while (reader.next(e)) {
                seen.add(EventType.name(e.type) + ":" + e.sequence);
                if (e.sequence == 2) {
                    assertEquals(1, e.bidLevels);
                    assertEquals(2605, e.askPrices[0]);
                }
            }
        }

        assertEquals(List.of("MARKET_BOOK:0", "OBSERVATION:1", "MARKET_BOOK:2", "OBSERVATION:3"), seen);
        assertEquals(4, new ReplayRunner(RunDirectory.open(runDir), Map.of()).replay(false).events());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), capture("replay", "--journal", runDir.toString(), "--verify")[0]);
    }

    @Test
    void shouldNameTheLineOfAMalformedRowAndRejectOrSkip() throws Exception {
        final Path obs = write("bad.csv", """
            time,series,value
            2026-02-28T11:15:00Z,thames_level_m,2.412
            2026-02-28T11:30:00Z,thames_level_m,high
            2026-02-28T11:45:00Z,moon_phase,1
            """);
        final String[] rejected = capture("journal", "import", "--csv", obs.toString(), "--kind", "observation",
            "--journal", tmp.resolve("r1").toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_CORRUPT), rejected[0]);
        assertTrue(rejected[2].contains("bad.csv:3: value 'high' is not a number"), rejected[2]);
        final String[] skipped = capture("journal", "import", "--csv", obs.toString(), "--kind", "observation",
            "--journal", tmp.resolve("r2").toString(), "--on-error", "skip");
        assertEquals("0", skipped[0], skipped[2]);
        assertTrue(skipped[1].contains("imported 1 rows (2 skipped)"), skipped[1]);
        assertTrue(skipped[2].contains("bad.csv:4: unknown series 'moon_phase'"), skipped[2]);
    }

    @Test
    void shouldRejectABookThatRepeatsAPriceOnOneSide() throws Exception {
        final Path market = write("dup.csv", """
            time,instrument,bid_px_1,bid_qty_1,bid_px_2,bid_qty_2,ask_px_1,ask_qty_1
            2026-02-28T11:00:00Z,TIDE_SPOT,2590,5,2589,7,2600,3
            2026-02-28T11:30:00Z,TIDE_SPOT,2590,5,2590,2,2605,2
            """);
        final String[] r = capture("journal", "import", "--csv", market.toString(), "--kind", "market",
            "--journal", tmp.resolve("dup").toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_CORRUPT), r[0]);
        assertTrue(r[2].contains("dup.csv:3: bid_px_2 repeats bid_px_1 (2590): one level per price"), r[2]);
    }
}
