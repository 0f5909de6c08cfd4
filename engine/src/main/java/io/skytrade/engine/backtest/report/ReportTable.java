package io.skytrade.engine.backtest.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table for the report's tables section, given as data: a title, column names and rows whose
 * cells are text ({@link String}), numbers ({@link Number}, shown right-aligned) or {@code null}
 * (empty). Lets callers add tables (per-market metrics, live versus backtest) without touching
 * the HTML; {@link BacktestReport} escapes every cell. Immutable; offline only.
 */
public record ReportTable(String title, List<String> columns, List<List<Object>> rows) {
    public ReportTable {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("report table: title must not be blank");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("report table '" + title + "': needs at least one column");
        }
        columns = List.copyOf(columns);
        if (rows == null) {
            throw new IllegalArgumentException("report table '" + title + "': rows must not be null");
        }
        final List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            final List<Object> row = rows.get(r);
            if (row == null || row.size() != columns.size()) {
                throw new IllegalArgumentException("report table '" + title + "' row " + r + ": "
                    + (row == null ? "null" : row.size() + " cells") + ", expected " + columns.size() + " (one per column)");
            }
            for (int c = 0; c < row.size(); c++) {
                final Object cell = row.get(c);
                if (cell != null && !(cell instanceof String) && !(cell instanceof Number)) {
                    throw new IllegalArgumentException("report table '" + title + "' row " + r + " column '"
                        + columns.get(c) + "': a " + cell.getClass().getSimpleName() + ", expected text or a number");
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
