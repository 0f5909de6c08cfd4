package io.skytrade.engine.export;

import java.util.Arrays;

/**
 * One row being written to a {@link Table}: values are put in column order ({@link #putLong},
 * {@link #putTime}, ...), any of them may be absent ({@link #skip}), and a writer reads them back
 * by column index. Reused for every row of its table: {@link #start()} clears it. A value put in
 * a column of another type, or a row with too few or too many values, is a programming error
 * (IllegalStateException).
 *
 * <p>Tools only: no allocation per row beyond the strings a caller puts.
 */
public final class Row {
    private final Table table;
    private final ColumnType[] types;
    private final long[] longs;
    private final double[] doubles;
    private final String[] strings;
    private final boolean[] present;
    private int cursor;

    public Row(final Table table) {
        this.table = table;
        final int n = table.columns().size();
        this.types = new ColumnType[n];
        for (int i = 0; i < n; i++) {
            types[i] = table.columns().get(i).type();
        }
        this.longs = new long[n];
        this.doubles = new double[n];
        this.strings = new String[n];
        this.present = new boolean[n];
    }

    public Table table() {
        return table;
    }

    /** Starts a new row: every value absent, the next put goes to the first column. */
    public Row start() {
        Arrays.fill(present, false);
        Arrays.fill(strings, null);
        cursor = 0;
        return this;
    }

    /** Puts an {@link ColumnType#INT} value. */
    public Row putInt(final int v) {
        longs[next(ColumnType.INT)] = v;
        return this;
    }

    /** Puts a {@link ColumnType#LONG} value. */
    public Row putLong(final long v) {
        longs[next(ColumnType.LONG)] = v;
        return this;
    }

    /** Puts a {@link ColumnType#DOUBLE} value; NaN is stored as absent. */
    public Row putDouble(final double v) {
        final int i = next(ColumnType.DOUBLE);
        doubles[i] = v;
        present[i] = !Double.isNaN(v);
        return this;
    }

    /** Puts a {@link ColumnType#STRING} value; null is absent. */
    public Row putString(final String v) {
        final int i = next(ColumnType.STRING);
        strings[i] = v;
        present[i] = v != null;
        return this;
    }

    /** Puts an instant in epoch nanoseconds into a time's two columns (see {@link Table.Builder#time}). */
    public Row putTime(final long epochNanos) {
        longs[next(ColumnType.TIMESTAMP)] = epochNanos;
        return putLong(epochNanos);
    }

    /** Leaves the next {@code n} columns absent. */
    public Row skip(final int n) {
        if (cursor + n > types.length) {
            throw new IllegalStateException(table.name() + ": skipping " + n + " columns at column " + cursor + " of " + types.length);
        }
        cursor += n;
        return this;
    }

    private int next(final ColumnType type) {
        if (cursor >= types.length || types[cursor] != type) {
            throw new IllegalStateException(table.name() + ": column " + cursor + " is "
                + (cursor < types.length ? table.columns().get(cursor) : "past the last") + ", not " + type);
        }
        present[cursor] = true;
        return cursor++;
    }

    /** Checks that every column was put or skipped; writers call it before reading the row. */
    void checkComplete() {
        if (cursor != types.length) {
            throw new IllegalStateException(table.name() + ": row has " + cursor + " of " + types.length + " columns");
        }
    }

    public int size() {
        return types.length;
    }

    public boolean isPresent(final int column) {
        return present[column];
    }

    /** The value of an INT, LONG or TIMESTAMP column. */
    public long longAt(final int column) {
        return longs[column];
    }

    public double doubleAt(final int column) {
        return doubles[column];
    }

    public String stringAt(final int column) {
        return strings[column];
    }

    public ColumnType typeAt(final int column) {
        return types[column];
    }
}
