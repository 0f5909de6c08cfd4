package io.skytrade.engine.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The name and typed columns of one exported table ({@code decisions}, {@code inputs_market_book},
 * ...): the file name without its extension and the schema every format writes. Immutable; tools
 * only.
 *
 * @param name    file name without extension, lower case with underscores
 * @param columns the columns in file order
 */
public record Table(String name, List<Column> columns) {
    public Table {
        columns = List.copyOf(columns);
    }

    /** One typed column. @param name column name @param type its type */
    public record Column(String name, ColumnType type) {
    }

    /** Starts a table's column list. */
    public static Builder named(final String name) {
        return new Builder(name);
    }

    /** Collects columns in order. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();

        private Builder(final String name) {
            this.name = name;
        }

        /** Adds a column. */
        public Builder column(final String column, final ColumnType type) {
            columns.add(new Column(column, type));
            return this;
        }

        /** Adds an instant as two columns: {@code NAME} (a timestamp) and {@code NAME_nanos} (raw epoch nanoseconds). */
        public Builder time(final String column) {
            return column(column, ColumnType.TIMESTAMP).column(column + "_nanos", ColumnType.LONG);
        }

        public Table build() {
            return new Table(name, columns);
        }
    }
}
