package io.skytrade.engine.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link Table} as CSV: UTF-8, a header row of the column names, {@code \n} line ends,
 * commas, RFC 4180 quoting of text that holds a comma, quote or line break. An absent value is an
 * empty field; integers in decimal; floats in Java's shortest round-trip form ({@code 2610.5},
 * {@code 1.0E-5}); timestamps ISO-8601 in UTC with nine fraction digits
 * ({@code 2026-02-28T12:00:00.000000000Z}), so the same rows give the same bytes. Tools only.
 */
public final class CsvTableWriter implements TableWriter {
    private static final DateTimeFormatter ISO_NANOS =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Table table;
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    public CsvTableWriter(final Table table, final Path file) throws IOException {
        this.table = table;
        this.file = file;
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        for (int i = 0; i < table.columns().size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            text(line, table.columns().get(i).name());
        }
        out.append(line).append('\n');
    }

    @Override
    public void write(final Row row) throws IOException {
        row.checkComplete();
        line.setLength(0);
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            if (!row.isPresent(i)) {
                continue;
            }
            switch (row.typeAt(i)) {
                case INT, LONG -> line.append(row.longAt(i));
                case DOUBLE -> line.append(row.doubleAt(i));
                case STRING -> text(line, row.stringAt(i));
                case TIMESTAMP -> line.append(iso(row.longAt(i)));
                default -> throw new IllegalStateException(table.name() + ": column type " + row.typeAt(i));
            }
        }
        out.append(line).append('\n');
        rows++;
    }

    /** An instant in epoch nanoseconds as ISO-8601 UTC with nine fraction digits. */
    public static String iso(final long epochNanos) {
        return ISO_NANOS.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
            Math.floorMod(epochNanos, NANOS_PER_SECOND)));
    }

    private static void text(final StringBuilder sb, final String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            final char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
