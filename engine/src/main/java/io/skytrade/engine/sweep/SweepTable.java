package io.skytrade.engine.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a sweep for people: without walk-forward, the sets ranked on the whole journal; with it,
 * per split the sets ranked in-sample beside their out-of-sample rank and result, then a summary of
 * the set chosen in each split, its in-sample and out-of-sample scores and the out-of-sample PnL
 * summed over the splits. PnL is the final marked-to-market equity ({@code finalEquity}).
 *
 * <p>Offline.
 */
public final class SweepTable {
    private SweepTable() {
    }

    public static String render(final SweepReport report) {
        return report.grid().walkForward() ? walkForward(report) : full(report);
    }

    private static String full(final SweepReport report) {
        final SweepGrid grid = report.grid();
        final TimeWindow span = report.windows().get(0);
        final TextTable table = new TextTable();
        final List<String> header = new ArrayList<>(List.of("rank", "set"));
        header.addAll(grid.parameters().keySet());
        header.addAll(List.of(grid.rankBy(), "PnL", "totalReturn", "maxDrawdown", "fills"));
        table.row(header);
        for (final SweepReport.Row row : byRank(report.rows())) {
            final List<String> cells = new ArrayList<>(List.of(Integer.toString(row.rank()), "#" + row.set().index()));
            row.set().values().values().forEach(v -> cells.add(String.valueOf(v)));
            cells.addAll(List.of(score(row.figures(), grid.rankBy()), pnl(row.figures()), score(row.figures(), "totalReturn"),
                score(row.figures(), "maxDrawdown"), String.valueOf(row.figures().get("fills"))));
            table.row(cells);
        }
        return "sets ranked by " + order(grid) + " over the whole journal (market data " + span.isoStart() + " to " + span.isoEnd() + ")\n"
            + table.render();
    }

    private static String walkForward(final SweepReport report) {
        final SweepGrid grid = report.grid();
        final StringBuilder sb = new StringBuilder();
        for (final SweepReport.SplitChoice choice : report.choices()) {
            final List<SweepReport.Row> in = new ArrayList<>();
            final Map<Integer, SweepReport.Row> out = new HashMap<>();
            for (final SweepReport.Row row : report.rows()) {
                if (row.split() == choice.split() && row.phase() == SweepPhase.IN_SAMPLE) {
                    in.add(row);
                } else if (row.split() == choice.split()) {
                    out.put(row.set().index(), row);
                }
            }
            sb.append("split ").append(choice.split()).append(": fit ").append(choice.fit().isoStart()).append(" to ")
                .append(choice.fit().isoEnd()).append(", test to ").append(choice.test().isoEnd()).append("; ranked by ")
                .append(order(grid)).append('\n');
            final TextTable table = new TextTable();
            final List<String> header = new ArrayList<>(List.of("rank", "set"));
            header.addAll(grid.parameters().keySet());
            header.addAll(List.of("in " + grid.rankBy(), "in PnL", "out rank", "out " + grid.rankBy(), "out PnL"));
            table.row(header);
            for (final SweepReport.Row row : byRank(in)) {
                final List<String> cells = new ArrayList<>(List.of(Integer.toString(row.rank()),
                    "#" + row.set().index() + (row.chosen() ? "*" : "")));
                row.set().values().values().forEach(v -> cells.add(String.valueOf(v)));
                cells.add(score(row.figures(), grid.rankBy()));
                cells.add(pnl(row.figures()));
                final SweepReport.Row test = out.get(row.set().index());
                cells.add(test == null ? "failed" : Integer.toString(test.rank()));
                cells.add(test == null ? "-" : score(test.figures(), grid.rankBy()));
                cells.add(test == null ? "-" : pnl(test.figures()));
                table.row(cells);
            }
            sb.append(table.render()).append('\n');
        }
        sb.append("walk-forward summary: the set ranked first in-sample (*), tested on the next window\n");
        final TextTable summary = new TextTable();
        summary.row(List.of("split", "chosen", "in " + grid.rankBy(), "out " + grid.rankBy(), "out PnL"));
        for (final SweepReport.SplitChoice c : report.choices()) {
            summary.row(List.of(Integer.toString(c.split()),
                c.chosenSet() < 0 ? "none (all failed)" : report.sets().get(c.chosenSet()).describe(),
                number(c.inSampleScore()), number(c.outOfSampleScore()), money(c.outOfSamplePnl())));
        }
        sb.append(summary.render());
        sb.append("out-of-sample PnL of the chosen sets over ").append(report.choices().size()).append(" splits: ")
            .append(money(report.totalOutOfSamplePnl())).append('\n');
        return sb.toString();
    }

    private static List<SweepReport.Row> byRank(final List<SweepReport.Row> rows) {
        final List<SweepReport.Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        return sorted;
    }

    private static String order(final SweepGrid grid) {
        return grid.rankBy() + (grid.ascending() ? " (ascending)" : " (descending)");
    }

    private static String score(final Map<String, Object> figures, final String name) {
        return number(SweepFigures.value(figures, name));
    }

    private static String pnl(final Map<String, Object> figures) {
        return money(SweepFigures.value(figures, "finalEquity"));
    }

    private static String number(final double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : Double.toString(v);
    }

    private static String money(final double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : Double.toString(v);
    }
}
