package io.skytrade.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats {@code journal export} writes: CSV (a header row, comma-separated, RFC 4180
 * quoting) and Parquet (typed columns, GZIP pages). Each table becomes {@code DIR/<table>.<ext>}.
 * Tools only.
 */
public enum ExportFormat {
    CSV("csv"),
    PARQUET("parquet");

    private final String extension;

    ExportFormat(final String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), or an IllegalArgumentException naming the choices. */
    public static ExportFormat parse(final String name) {
        for (final ExportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': use csv or parquet");
    }

    /** Opens a writer of {@code table} as {@code dir/<table>.<ext>}, replacing an existing file. */
    public TableWriter open(final Table table, final Path dir) throws IOException {
        final Path file = dir.resolve(table.name() + "." + extension);
        return switch (this) {
            case CSV -> new CsvTableWriter(table, file);
            case PARQUET -> new ParquetTableWriter(table, file);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
