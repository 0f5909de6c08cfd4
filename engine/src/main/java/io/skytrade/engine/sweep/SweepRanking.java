package io.skytrade.engine.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders the parameter sets of one window by a figure: best first (descending unless the grid asks
 * for ascending), sets whose figure is NaN after every number, ties broken by the lower set index,
 * failed backtests ({@code null} figures) left out. Deterministic; pure.
 */
public final class SweepRanking {
    private SweepRanking() {
    }

    /** Set indices, best first. */
    public static List<Integer> order(final Map<String, Object>[] figuresBySet, final String rankBy, final boolean ascending) {
        final List<Integer> sets = new ArrayList<>();
        for (int s = 0; s < figuresBySet.length; s++) {
            if (figuresBySet[s] != null) {
                sets.add(s);
            }
        }
        final Comparator<Integer> byValue = (a, b) -> {
            final double x = SweepFigures.value(figuresBySet[a], rankBy);
            final double y = SweepFigures.value(figuresBySet[b], rankBy);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return ascending ? Double.compare(x, y) : Double.compare(y, x);
        };
        sets.sort(byValue.thenComparing(Comparator.naturalOrder()));
        return sets;
    }

    /** 1-based rank of each set (0 for a failed backtest). */
    public static int[] ranks(final Map<String, Object>[] figuresBySet, final String rankBy, final boolean ascending) {
        final int[] ranks = new int[figuresBySet.length];
        final List<Integer> order = order(figuresBySet, rankBy, ascending);
        for (int r = 0; r < order.size(); r++) {
            ranks[order.get(r)] = r + 1;
        }
        return ranks;
    }
}
