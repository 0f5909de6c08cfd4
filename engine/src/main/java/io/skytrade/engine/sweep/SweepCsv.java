package io.skytrade.engine.sweep;

import io.skytrade.journal.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep's rows to {@code sweep.csv}: {@code split, windowStart, windowEnd} (ISO-8601
 * event time), {@code phase} (in-sample | out-of-sample | full), {@code set}, {@code rank} (within
 * the split and phase), {@code chosen}, one column per swept parameter, then
 * {@link SweepFigures#NAMES}. Numbers are written by {@link Double#toString}/{@link Long#toString},
 * so non-finite values read {@code NaN}, {@code Infinity}, {@code -Infinity}; fields holding a
 * comma, quote or newline (list values) are quoted as RFC 4180 says. No wall-clock column: the
 * file is the same whatever the number of workers.
 *
 * <p>Offline.
 */
public final class SweepCsv {
    public static final String FILE = "sweep.csv";

    private SweepCsv() {
    }

    /** Writes {@link #FILE} into {@code dir}. */
    public static Path write(final SweepReport report, final Path dir) {
        final StringBuilder sb = new StringBuilder();
        final List<String> header = new ArrayList<>(List.of("split", "windowStart", "windowEnd", "phase", "set", "rank", "chosen"));
        header.addAll(report.grid().parameters().keySet());
        header.addAll(SweepFigures.NAMES);
        line(sb, header);
        for (final SweepReport.Row row : report.rows()) {
            final List<String> fields = new ArrayList<>(List.of(Integer.toString(row.split()), row.window().isoStart(),
                row.window().isoEnd(), row.phase().label(), Integer.toString(row.set().index()), Integer.toString(row.rank()),
                Boolean.toString(row.chosen())));
            row.set().values().values().forEach(v -> fields.add(String.valueOf(v)));
            for (final String name : SweepFigures.NAMES) {
                fields.add(String.valueOf(row.figures().get(name)));
            }
            line(sb, fields);
        }
        final Path file = dir.resolve(FILE);
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + FileErrors.describe(e, file), e);
        }
        return file;
    }

    private static void line(final StringBuilder sb, final List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        sb.append('\n');
    }

    static String quote(final String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
