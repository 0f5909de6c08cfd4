package io.skytrade.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finished sweep arranged for reading: one row per (split, phase, set) in that order, each with
 * its rank among the sets of the same split and phase, and per walk-forward split the set chosen
 * in-sample with its in-sample and out-of-sample scores. Out-of-sample rows of split {@code i} are
 * the backtests of window {@code i + 1}, which are also the in-sample rows of split {@code i + 1}:
 * every set runs once per window, from a fresh engine.
 *
 * <p>Immutable once assembled; offline.
 */
public record SweepReport(SweepGrid grid, List<ParameterSet> sets, List<TimeWindow> windows, List<Row> rows,
                          List<SplitChoice> choices, SweepExecutor.Outcomes outcomes) {

    /**
     * One backtest in one split's phase.
     *
     * @param rank   1-based rank of the set among this split and phase's sets by the grid's figure
     * @param chosen whether the set is the one chosen (best in-sample, or best overall without walk-forward)
     */
    public record Row(int split, TimeWindow window, SweepPhase phase, ParameterSet set, int rank, boolean chosen,
                      Map<String, Object> figures) {
    }

    /**
     * The walk-forward outcome of a split: the set ranked first on the fit window and how it did on
     * the test window; {@code chosenSet} is -1 (scores NaN) when every in-sample backtest failed.
     */
    public record SplitChoice(int split, TimeWindow fit, TimeWindow test, int chosenSet, double inSampleScore,
                              double outOfSampleScore, double outOfSamplePnl) {
    }

    /** Arranges the executor's outcomes ({@code windows.size()} is splits + 1, or 1 without walk-forward). */
    public static SweepReport assemble(final SweepGrid grid, final List<ParameterSet> sets, final List<TimeWindow> windows,
                                       final SweepExecutor.Outcomes outcomes) {
        final List<Row> rows = new ArrayList<>();
        final List<SplitChoice> choices = new ArrayList<>();
        if (!grid.walkForward()) {
            final int[] ranks = ranks(grid, outcomes, 0);
            addRows(rows, 0, windows.get(0), SweepPhase.FULL, sets, outcomes, ranks, best(ranks));
        } else {
            for (int split = 0; split < grid.splits(); split++) {
                final int[] inRanks = ranks(grid, outcomes, split);
                final int[] outRanks = ranks(grid, outcomes, split + 1);
                final int chosen = best(inRanks);
                addRows(rows, split, windows.get(split), SweepPhase.IN_SAMPLE, sets, outcomes, inRanks, chosen);
                addRows(rows, split, windows.get(split + 1), SweepPhase.OUT_OF_SAMPLE, sets, outcomes, outRanks, chosen);
                choices.add(new SplitChoice(split, windows.get(split), windows.get(split + 1), chosen,
                    score(grid, outcomes.of(split, chosen), chosen), score(grid, outcomes.of(split + 1, chosen), chosen),
                    chosen < 0 ? Double.NaN : SweepFigures.value(nonNull(outcomes.of(split + 1, chosen)), "finalEquity")));
            }
        }
        return new SweepReport(grid, List.copyOf(sets), List.copyOf(windows), List.copyOf(rows), List.copyOf(choices), outcomes);
    }

    /**
     * Windows in which no completed backtest made a single decision: a sign that the windows are
     * too short for the stages to warm up (each window starts from a fresh engine).
     */
    public List<Integer> windowsWithoutDecisions() {
        final List<Integer> silent = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            boolean anyDecision = false;
            for (final Map<String, Object> figures : outcomes.figures()[w]) {
                anyDecision |= figures != null && SweepFigures.value(figures, "decisions") > 0;
            }
            if (!anyDecision) {
                silent.add(w);
            }
        }
        return silent;
    }

    /** Sum of the chosen sets' out-of-sample PnL over the splits (NaN if any is missing). */
    public double totalOutOfSamplePnl() {
        double total = 0;
        for (final SplitChoice c : choices) {
            total += c.outOfSamplePnl();
        }
        return total;
    }

    private static int[] ranks(final SweepGrid grid, final SweepExecutor.Outcomes outcomes, final int window) {
        return SweepRanking.ranks(outcomes.figures()[window], grid.rankBy(), grid.ascending());
    }

    private static int best(final int[] ranks) {
        for (int s = 0; s < ranks.length; s++) {
            if (ranks[s] == 1) {
                return s;
            }
        }
        return -1;
    }

    private static void addRows(final List<Row> rows, final int split, final TimeWindow window, final SweepPhase phase,
                                final List<ParameterSet> sets, final SweepExecutor.Outcomes outcomes, final int[] ranks,
                                final int chosen) {
        final int windowIndex = phase == SweepPhase.OUT_OF_SAMPLE ? split + 1 : split;
        for (final ParameterSet set : sets) {
            final Map<String, Object> figures = outcomes.of(windowIndex, set.index());
            if (figures != null) {
                rows.add(new Row(split, window, phase, set, ranks[set.index()], set.index() == chosen, figures));
            }
        }
    }

    private static double score(final SweepGrid grid, final Map<String, Object> figures, final int chosen) {
        return chosen < 0 || figures == null ? Double.NaN : SweepFigures.value(figures, grid.rankBy());
    }

    private static Map<String, Object> nonNull(final Map<String, Object> figures) {
        return figures == null ? Map.of() : figures;
    }
}
