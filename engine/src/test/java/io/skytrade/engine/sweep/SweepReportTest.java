package io.skytrade.engine.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepReportTest {
    @TempDir
    Path tmp;

    private static final SweepGrid GRID = SweepGridReader.parse(
        "parameters:\n  sizer.maxOrderQty: [1, 2, 3]\nwalkForward:\n  splits: 2\nrankBy: sharpe\n", "grid.yaml");
    private static final List<TimeWindow> WINDOWS = WalkForwardWindows.split(new TimeWindow(0, 3_000_000_000L), 3);

    /** sharpe by window then set; finalEquity is 100 x sharpe. */
    private static SweepExecutor.Outcomes outcomes(final double[][] sharpe) {
        // generic arrays: Java cannot create a Map<String, Object>[][] but through these casts
        @SuppressWarnings("unchecked")
        final Map<String, Object>[][] figures = (Map<String, Object>[][]) new Map<?, ?>[sharpe.length][];
        for (int w = 0; w < sharpe.length; w++) {
            @SuppressWarnings("unchecked")
            final Map<String, Object>[] row = (Map<String, Object>[]) new Map<?, ?>[sharpe[w].length];
            figures[w] = row;
            for (int s = 0; s < sharpe[w].length; s++) {
                figures[w][s] = Double.isInfinite(sharpe[w][s]) && sharpe[w][s] < 0 ? null
                    : Map.of("sharpe", sharpe[w][s], "finalEquity", 100 * sharpe[w][s], "fills", 3L);
            }
        }
        return new SweepExecutor.Outcomes(figures, List.of(), 0);
    }

    @Test
    void shouldChooseTheBestInSampleSetAndTestItOnTheNextWindow() {
        final SweepReport report = SweepReport.assemble(GRID, GRID.parameterSets(), WINDOWS, outcomes(new double[][]{
            {0.5, 2.0, 1.0},
            {Double.NaN, 0.3, 0.9},
            {1.5, -0.2, 0.1}}));
        assertEquals(2, report.choices().size());
        final SweepReport.SplitChoice first = report.choices().get(0);
        assertEquals(1, first.chosenSet());
        assertEquals(2.0, first.inSampleScore());
        assertEquals(0.3, first.outOfSampleScore());
        assertEquals(30.0, first.outOfSamplePnl(), 1e-9);
        final SweepReport.SplitChoice second = report.choices().get(1);
        assertEquals(2, second.chosenSet(), "NaN ranks after every number");
        assertEquals(10.0, second.outOfSamplePnl(), 1e-9);
        assertEquals(40.0, report.totalOutOfSamplePnl(), 1e-9);
        assertEquals(12, report.rows().size());
        final SweepReport.Row oos = report.rows().get(3);
        assertEquals(SweepPhase.OUT_OF_SAMPLE, oos.phase());
        assertEquals(0, oos.split());
        assertEquals(WINDOWS.get(1), oos.window());
        assertEquals(3, oos.rank(), "NaN last out-of-sample");
        final String table = SweepTable.render(report);
        assertTrue(table.contains("walk-forward summary"), table);
        assertTrue(table.contains("out-of-sample PnL of the chosen sets over 2 splits: 40.00"), table);
    }

    @Test
    void shouldWriteOneCsvRowPerSplitPhaseAndSetWithNonFiniteNumbersSpelledOut() throws IOException {
        final SweepReport report = SweepReport.assemble(GRID, GRID.parameterSets(), WINDOWS, outcomes(new double[][]{
            {Double.POSITIVE_INFINITY, 2.0, Double.NEGATIVE_INFINITY},
            {Double.NaN, 0.3, 0.9},
            {1.5, -0.2, 0.1}}));
        final List<String> lines = Files.readAllLines(SweepCsv.write(report, tmp));
        assertEquals("split,windowStart,windowEnd,phase,set,rank,chosen,sizer.maxOrderQty," + String.join(",", SweepFigures.NAMES),
            lines.get(0));
        assertEquals(1 + 11, lines.size(), "a failed backtest (set 2 on window 0) has no row");
        assertTrue(lines.get(1).startsWith("0,1970-01-01T00:00:00Z,1970-01-01T00:00:01Z,in-sample,0,1,true,1,"), lines.get(1));
        assertTrue(lines.get(1).contains(",Infinity,"), lines.get(1));
        assertTrue(lines.get(3).startsWith("0,1970-01-01T00:00:01Z,1970-01-01T00:00:02Z,out-of-sample,0,3,true,1,"), lines.get(3));
        assertTrue(lines.get(3).contains(",NaN,"), lines.get(3));
    }

    @Test
    void shouldRankEverySetOnTheWholeJournalWithoutWalkForward() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  sizer.maxOrderQty: [1, 2]\nrankBy: finalEquity\nrankOrder: ascending\n", "g");
        final SweepReport report = SweepReport.assemble(grid, grid.parameterSets(), List.of(new TimeWindow(0, 10)),
            outcomes(new double[][]{{0.7, 0.2}}));
        assertEquals(2, report.rows().size());
        assertEquals(SweepPhase.FULL, report.rows().get(0).phase());
        assertEquals(2, report.rows().get(0).rank());
        assertTrue(report.rows().get(1).chosen());
        assertTrue(report.choices().isEmpty());
        assertTrue(SweepTable.render(report).startsWith("sets ranked by finalEquity (ascending) over the whole journal"));
    }

    @Test
    void shouldQuoteListValuedFields() {
        assertEquals("\"[0.2, 0.3]\"", SweepCsv.quote("[0.2, 0.3]"));
        assertEquals("\"a\"\"b,\"", SweepCsv.quote("a\"b,"));
        assertEquals("plain", SweepCsv.quote("plain"));
    }
}
