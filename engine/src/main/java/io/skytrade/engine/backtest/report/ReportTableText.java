package io.skytrade.engine.backtest.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a {@link ReportTable} on a console: the title, then the columns each as wide as its
 * widest cell, text left-aligned and numbers right-aligned and formatted as in the HTML report
 * ({@link ReportText#number}). Stateless; offline only.
 */
public final class ReportTableText {
    private ReportTableText() {
    }

    public static void print(final ReportTable table, final PrintStream out) {
        final int n = table.columns().size();
        final List<String[]> cells = new ArrayList<>();
        final boolean[] numeric = new boolean[n];
        for (final List<Object> row : table.rows()) {
            final String[] text = new String[n];
            for (int c = 0; c < n; c++) {
                final Object cell = row.get(c);
                numeric[c] |= cell instanceof Number;
                text[c] = cell instanceof Number x ? ReportText.number(x) : cell == null ? "" : (String) cell;
            }
            cells.add(text);
        }
        final int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = table.columns().get(c).length();
            for (final String[] row : cells) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        out.println(table.title());
        out.println(line(table.columns().toArray(new String[0]), width, numeric));
        for (final String[] row : cells) {
            out.println(line(row, width, numeric));
        }
    }

    private static String line(final String[] cells, final int[] width, final boolean[] numeric) {
        final StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            final String pad = " ".repeat(width[c] - cells[c].length());
            sb.append(numeric[c] ? pad + cells[c] : cells[c] + pad);
        }
        return sb.toString().stripTrailing();
    }
}
