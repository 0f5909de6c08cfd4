package io.skytrade.engine.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out rows of text as left-aligned columns two spaces apart, each as wide as its widest cell.
 * Offline; not thread-safe.
 */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();

    TextTable row(final List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    String render() {
        final List<Integer> widths = new ArrayList<>();
        for (final List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (widths.size() <= c) {
                    widths.add(0);
                }
                widths.set(c, Math.max(widths.get(c), row.get(c).length()));
            }
        }
        final StringBuilder sb = new StringBuilder();
        for (final List<String> row : rows) {
            final StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(c == 0 ? "" : "  ").append(row.get(c)).append(" ".repeat(widths.get(c) - row.get(c).length()));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
