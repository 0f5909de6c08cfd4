package io.skytrade.engine.backtest;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A titled table of already formatted cells, the form in which backtest reports hand their
 * figures to writers (the console here, HTML elsewhere) without those knowing what the figures
 * are. Immutable; every row has one cell per column. Offline.
 *
 * @param title   what the table shows
 * @param columns column names
 * @param rows    cells, row by row, in display order
 */
public record ReportTable(String title, List<String> columns, List<List<String>> rows) {
    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException(title + ": row " + i + " has " + rows.get(i).size()
                    + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** Prints the title and the table with each column as wide as its widest cell, numbers right-aligned. */
    public void print(final PrintStream out) {
        final int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (final List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        out.println(title);
        out.println(line(columns, width));
        for (final List<String> row : rows) {
            out.println(line(row, width));
        }
    }

    /** A count as a table cell: thousands separated. */
    public static String count(final long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A figure as a table cell: four significant digits, "n/a" for NaN. */
    public static String number(final double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.4g", v);
    }

    private static String line(final List<String> cells, final int[] width) {
        final StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            final String cell = cells.get(c);
            if (c > 0) {
                sb.append("  ");
            }
            final String pad = " ".repeat(width[c] - cell.length());
            sb.append(c == 0 ? cell + pad : pad + cell);
        }
        return sb.toString().stripTrailing();
    }
}
