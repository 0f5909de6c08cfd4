package io.skytrade.engine.importer;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.journal.FileErrors;
import io.skytrade.journal.InputCodec;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import io.skytrade.journal.RunDirectory;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a run directory from CSV files of market data and observations, so data users already
 * have can be replayed and backtested. Rows of every file are merged by time (stable) and
 * journaled as inputs in the standard layout, with the given configuration as the run's config.
 *
 * <p>Columns (header row required, names case-insensitive, comma-separated, no quoting):
 * market: {@code time, instrument, bid_px_1, bid_qty_1, ..., ask_px_1, ask_qty_1, ...} (levels 1-5,
 * any prefix of them; empty cells end a side); observation: {@code time, series, value[, quality]}
 * (quality: 0 good, 1 stale, 2 estimated). {@code time} is ISO-8601 ({@code 2026-02-28T12:00:00Z}) or
 * epoch nanoseconds. A malformed row is reported with its file and line number, and either skipped
 * or, by default, the import is rejected. Offline tool; allocates freely.
 */
public final class CsvJournalImporter {
    /** What a CSV file holds. */
    public enum Kind { MARKET, OBSERVATION }

    /** What to do with a malformed row. */
    public enum OnError { REJECT, SKIP }

    private final InstrumentRegistry registry;
    private final OnError onError;
    private final List<String> problems = new ArrayList<>();
    private final List<EngineEvent> events = new ArrayList<>();

    public CsvJournalImporter(final InstrumentRegistry registry, final OnError onError) {
        this.registry = registry;
        this.onError = onError;
    }

    /**
     * Reads one CSV file.
     *
     * @throws ImportException on the first malformed row when rejecting, naming file and line
     */
    public void read(final Path file, final Kind kind) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String header = in.readLine();
            if (header == null) {
                throw new ImportException(file + ": empty file, expected a header row");
            }
            final Map<String, Integer> columns = new HashMap<>();
            final String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
            }
            requireColumns(file, columns, kind == Kind.MARKET ? List.of("time", "instrument") : List.of("time", "series", "value"));
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(kind == Kind.MARKET ? market(line.split(",", -1), columns) : observation(line.split(",", -1), columns));
                } catch (final IllegalArgumentException e) {
                    final String problem = file + ":" + number + ": " + e.getMessage();
                    if (onError == OnError.REJECT) {
                        throw new ImportException(problem + " (use --on-error skip to skip malformed rows)");
                    }
                    problems.add(problem);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + FileErrors.describe(e, file), e);
        }
    }

    private static void requireColumns(final Path file, final Map<String, Integer> columns, final List<String> required) {
        for (final String c : required) {
            if (!columns.containsKey(c)) {
                throw new ImportException(file + ": header lacks column '" + c + "' (has " + columns.keySet() + ")");
            }
        }
    }

    private EngineEvent market(final String[] cells, final Map<String, Integer> columns) {
        final EngineEvent e = new EngineEvent();
        e.type = EventType.MARKET_BOOK;
        e.eventTimeNanos = time(cell(cells, columns, "time"));
        e.receiveTimeNanos = e.eventTimeNanos;
        final String symbol = cell(cells, columns, "instrument");
        e.instrumentId = registry.instrumentId(symbol);
        if (e.instrumentId < 0) {
            throw new IllegalArgumentException("unknown instrument '" + symbol + "'; known: " + registry.instruments());
        }
        e.bidLevels = levels(cells, columns, "bid", e.bidPrices, e.bidQtys);
        e.askLevels = levels(cells, columns, "ask", e.askPrices, e.askQtys);
        if (e.bidLevels == 0 && e.askLevels == 0) {
            throw new IllegalArgumentException("no bid or ask level (columns bid_px_1/bid_qty_1, ask_px_1/ask_qty_1)");
        }
        if (e.bidLevels > 0 && e.askLevels > 0 && e.bidPrices[0] >= e.askPrices[0]) {
            throw new IllegalArgumentException("crossed book: best bid " + e.bidPrices[0] + " >= best ask " + e.askPrices[0]);
        }
        return e;
    }

    private static int levels(final String[] cells, final Map<String, Integer> columns, final String side,
                              final long[] prices, final long[] qtys) {
        int n = 0;
        for (int level = 1; level <= EngineEvent.BOOK_DEPTH; level++) {
            final Integer px = columns.get(side + "_px_" + level);
            final Integer qty = columns.get(side + "_qty_" + level);
            if (px == null || qty == null || px >= cells.length || cells[px].isBlank()) {
                break;
            }
            prices[n] = integer(cells[px], side + "_px_" + level);
            qtys[n] = integer(qty < cells.length ? cells[qty] : "", side + "_qty_" + level);
            if (qtys[n] <= 0) {
                throw new IllegalArgumentException(side + "_qty_" + level + " must be > 0, got " + qtys[n]);
            }
            for (int earlier = 0; earlier < n; earlier++) {
                if (prices[earlier] == prices[n]) {
                    // a book is one level per price: the backtest's fill model cannot hold two
                    throw new IllegalArgumentException(side + "_px_" + level + " repeats " + side + "_px_" + (earlier + 1)
                        + " (" + prices[n] + "): one level per price");
                }
            }
            n++;
        }
        return n;
    }

    private EngineEvent observation(final String[] cells, final Map<String, Integer> columns) {
        final EngineEvent e = new EngineEvent();
        e.type = EventType.OBSERVATION;
        e.eventTimeNanos = time(cell(cells, columns, "time"));
        e.receiveTimeNanos = e.eventTimeNanos;
        final String series = cell(cells, columns, "series");
        e.instrumentId = registry.seriesId(series);
        if (e.instrumentId < 0) {
            throw new IllegalArgumentException("unknown series '" + series + "'; known: " + registry.series());
        }
        final String value = cell(cells, columns, "value");
        try {
            e.value = Double.parseDouble(value);
        } catch (final NumberFormatException ex) {
            throw new IllegalArgumentException("value '" + value + "' is not a number");
        }
        if (!Double.isFinite(e.value)) {
            throw new IllegalArgumentException("value '" + value + "' is not finite");
        }
        final Integer q = columns.get("quality");
        e.quality = q == null || q >= cells.length || cells[q].isBlank() ? 0 : (int) integer(cells[q], "quality");
        return e;
    }

    private static String cell(final String[] cells, final Map<String, Integer> columns, final String name) {
        final int i = columns.get(name);
        if (i >= cells.length || cells[i].isBlank()) {
            throw new IllegalArgumentException("column '" + name + "' is empty");
        }
        if (cells[i].contains("\"")) {
            throw new IllegalArgumentException("quoted cells are not supported (column '" + name + "')");
        }
        return cells[i].trim();
    }

    private static long integer(final String text, final String column) {
        try {
            return Long.parseLong(text.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text.trim() + "' is not an integer");
        }
    }

    private static long time(final String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        try {
            final Instant t = text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (final DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + text + "' is neither ISO-8601 nor epoch nanoseconds");
        }
    }

    /** Malformed rows skipped so far (file:line: problem). */
    public List<String> problems() {
        return problems;
    }

    /**
     * Merges the rows read by time (stable) and writes them as a new, cleanly closed run directory.
     *
     * @return the run directory
     */
    public RunDirectory write(final Path root, final String redactedConfigYaml, final JournalSettings settings) {
        events.sort(Comparator.comparingLong(e -> e.eventTimeNanos));
        final RunDirectory run = RunDirectory.create(root, redactedConfigYaml, Instant.now(), Map.of(RunDirectory.IMPORTED_FROM, "csv"));
        final InputCodec codec = new InputCodec();
        try (SingleChronicleQueue queue = Queues.openForWriting(run.inputs(), settings, null);
             ExcerptAppender appender = queue.createAppender()) {
            long sequence = 0;
            for (final EngineEvent e : events) {
                e.sequence = sequence++;
                final int length = codec.encode(e);
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().write(codec.array(), 0, length);
                }
            }
        }
        run.markClosed(events.size(), 0, Instant.now());
        return run;
    }

    /** Rows read so far. */
    public int rows() {
        return events.size();
    }

    /** A CSV import that cannot go on; the message names the file, line and problem. */
    public static final class ImportException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ImportException(final String message) {
            super(message);
        }
    }
}
