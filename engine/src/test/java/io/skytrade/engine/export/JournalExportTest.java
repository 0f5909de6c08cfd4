package io.skytrade.engine.export;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.demo.SyntheticJournal;
import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.CorruptJournalException;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputCodec;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports a real journal (a backtest of a synthetic market: books, trades, observations, timers,
 * settlements, the fill model's order events, and the strategy's decisions) and reads it back: the
 * CSV parsed and compared with the journal entry by entry (the valuations with a replay's stage
 * outputs), the Parquet files read with parquet-java's own reader and compared with the CSV value
 * by value, types included.
 */
class JournalExportTest {
    @TempDir
    static Path tmp;
    static RunDirectory run;
    static EngineConfig config;

    @BeforeAll
    static void backtestASyntheticMarket() throws IOException {
        final String yaml;
        try (InputStream in = JournalExportTest.class.getClassLoader().getResourceAsStream("config/default.yaml")) {
            assertNotNull(in, "config/default.yaml on the classpath");
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final RunDirectory market = SyntheticJournal.write(20_000, 1_000_000_000L, tmp.resolve("market"), yaml);
        final ConfigLoader.LoadedConfig loaded = new ConfigLoader(Map.of()).loadText(market.configYaml());
        run = new BacktestRunner(market, loaded, tmp.resolve("backtest"), null, false).run().run();
        config = loaded.config();
    }

    @Test
    void shouldExportEveryInputDecisionAndFillOfTheJournalAsCsv() throws IOException {
        final Path out = export(ExportFormat.CSV, "csv");
        final Map<Integer, List<Map<String, String>>> byType = new HashMap<>();
        for (final int type : JournalTables.INPUT_TYPES) {
            byType.put(type, csv(out.resolve(JournalTables.input(type).name() + ".csv")));
        }
        final List<Map<String, String>> fills = csv(out.resolve("fills.csv"));
        final int[] next = new int[EventType.COUNT];
        int nextFill = 0;
        final Map<Long, Long> eventTimes = new HashMap<>();
        final EngineEvent e = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            while (reader.next(e)) {
                eventTimes.put(e.sequence, e.eventTimeNanos);
                final Map<String, String> row = byType.get(e.type).get(next[e.type]++);
                assertHeader(e, row);
                assertInputFields(e, row);
                if (e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL) {
                    final Map<String, String> fill = fills.get(nextFill++);
                    assertHeader(e, fill);
                    assertEquals(Long.toString(e.fillPriceTicks), fill.get("price"));
                    assertEquals(Long.toString(e.fillQty), fill.get("quantity"));
                    assertEquals(Side.name(e.side), fill.get("side"));
                    assertEquals(Long.toString(e.clientOrderId), fill.get("client_order_id"));
                    assertEquals(Double.toString(e.fee), fill.get("fee"));
                }
            }
        }
        for (final int type : JournalTables.INPUT_TYPES) {
            assertEquals(next[type], byType.get(type).size(), "rows of " + EventType.name(type));
        }
        assertTrue(next[EventType.MARKET_BOOK] > 1000 && next[EventType.OBSERVATION] > 0 && next[EventType.SETTLEMENT] > 0
            && next[EventType.TIMER] > 0, "a journal with books, observations, timers and settlements");
        assertTrue(nextFill > 0, "the backtest filled orders: " + nextFill);
        assertEquals(nextFill, fills.size(), "one row per fill");

        final List<Map<String, String>> decisions = csv(out.resolve("decisions.csv"));
        int d = 0;
        int valued = 0;
        final DecisionRecord r = new DecisionRecord();
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            while (reader.next(r)) {
                if (r.kind == DecisionKind.STATE_HASH) {
                    continue;
                }
                final Map<String, String> row = decisions.get(d++);
                assertEquals(Long.toString(r.inputSequence), row.get("input_sequence"));
                assertEquals(Integer.toString(r.index), row.get("index"));
                assertEquals(Long.toString(eventTimes.get(r.inputSequence)), row.get("event_time_nanos"));
                assertEquals(DecisionKind.name(r.kind), row.get("kind"));
                assertEquals(Side.name(r.side), row.get("side"));
                assertEquals(Long.toString(r.priceTicks), row.get("price"));
                assertEquals(Long.toString(r.quantity), row.get("quantity"));
                assertEquals(Long.toString(r.clientOrderId), row.get("client_order_id"));
                assertEquals(TimeInForce.name(r.timeInForce), row.get("time_in_force"));
                if (r.kind == DecisionKind.ORDER_NEW) {
                    assertEquals(config.instruments().get(r.instrumentId), row.get("product"));
                    assertTrue(r.hasValuation, "an order carries the valuation it was made on: " + r);
                    valued++;
                }
                assertEquals(cell(r.fair), row.get("fair_value"));
                assertEquals(cell(r.fairStd), row.get("fair_std"));
                assertEquals(cell(r.nowcast), row.get("nowcast"));
                assertEquals(cell(r.nowcastStd), row.get("nowcast_std"));
                assertEquals(cell(r.market), row.get("market"));
                assertEquals(cell(r.marketStd), row.get("market_std"));
                assertEquals(cell(r.nowcastWeight), row.get("nowcast_weight"));
            }
        }
        assertTrue(d > 0 && valued > 0, "the backtest decided, orders with their valuation: " + valued);
        assertEquals(d, decisions.size(), "one row per decision, checkpoints left out");
    }

    @Test
    void shouldWriteParquetThatParquetReadsBackAsTheCsvValuesWithTypedColumns() throws IOException {
        final Path csvDir = export(ExportFormat.CSV, "both-csv");
        final Path parquetDir = export(ExportFormat.PARQUET, "both-parquet");
        final List<String> tables = new ArrayList<>();
        for (final int type : JournalTables.INPUT_TYPES) {
            tables.add(JournalTables.input(type).name());
        }
        tables.add("fills");
        tables.add("decisions");
        tables.add("valuations");
        long rows = 0;
        for (final String table : tables) {
            final List<Map<String, String>> expected = csv(csvDir.resolve(table + ".csv"));
            final List<Map<String, String>> actual = parquet(parquetDir.resolve(table + ".parquet"));
            assertEquals(expected.size(), actual.size(), "rows of " + table);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), table + " row " + i);
            }
            rows += actual.size();
        }
        assertTrue(rows > 20_000, "every input and decision: " + rows);
    }

    @Test
    void shouldWriteByteIdenticalFilesForTheSameJournal() throws IOException {
        for (final ExportFormat format : ExportFormat.values()) {
            final Path a = export(format, "same-a-" + format);
            final Path b = export(format, "same-b-" + format);
            final List<Path> files = list(a);
            assertEquals(11, files.size(), "eight input tables, fills, decisions, valuations: " + files);
            for (final Path f : files) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName())), f.getFileName() + " as " + format);
            }
        }
    }

    @Test
    void shouldExportEachProductsFairValueAndSignalAsAReplayOfTheRunComputesThem() throws IOException {
        final List<String> expected = new ArrayList<>();
        new ReplayRunner(run, Map.of()).replay(false, (event, side) -> {
            for (int id = 0; id < config.instruments().size(); id++) {
                final boolean valued = (event.touchedInstruments & 1L << id) != 0;
                final boolean signalled = (event.signalledInstruments & 1L << id) != 0;
                if (valued || signalled) {
                    expected.add(event.sequence + " " + event.eventTimeNanos + " " + config.instruments().get(id) + " "
                        + (valued ? orNaN(side.fairValue(event, id)) + " " + orNaN(side.fairStd(event, id)) + " "
                            + orNaN(side.nowcastValue(event, id)) + " " + orNaN(side.nowcastStd(event, id)) + " "
                            + orNaN(side.marketValue(event, id)) + " " + orNaN(side.marketStd(event, id)) + " "
                            + orNaN(side.nowcastWeight(event, id)) : "- - - - - - -") + " " + (signalled ? side.signal(event, id) : "-"));
                }
            }
        }, EngineAssembly.Stages::publishSignals);
        final List<String> actual = new ArrayList<>();
        for (final Map<String, String> row : csv(export(ExportFormat.CSV, "valuations").resolve("valuations.csv"))) {
            actual.add(row.get("sequence") + " " + row.get("event_time_nanos") + " " + row.get("product") + " "
                + or(row.get("fair_value")) + " " + or(row.get("fair_std")) + " " + or(row.get("nowcast")) + " " + or(row.get("nowcast_std"))
                + " " + or(row.get("market")) + " " + or(row.get("market_std")) + " " + or(row.get("nowcast_weight")) + " " + or(row.get("signal")));
        }
        assertTrue(expected.size() > 1000, "the replay valued products: " + expected.size());
        assertTrue(expected.stream().anyMatch(v -> !v.endsWith(" -")), "and signalled some");
        assertEquals(expected, actual);
    }

    @Test
    void shouldCloseEveryTableWithTheRowsBeforeACorruptEntryAndNameIt() throws IOException {
        final RunDirectory damaged = SyntheticJournal.write(3_000, 1_000_000_000L, tmp.resolve("damaged"), run.configYaml());
        final EngineEvent target = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(damaged.inputs())) {
            do {
                assertTrue(reader.next(target), "the journal holds entry #1000");
            } while (target.sequence < 1_000);
        }
        final InputCodec codec = new InputCodec();
        final byte[] entry = Arrays.copyOf(codec.array(), codec.encodeCompact(target));
        final Path queueFile;
        try (Stream<Path> files = Files.list(damaged.inputs())) {
            queueFile = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(queueFile);
        final int at = indexOf(bytes, entry);
        assertTrue(at > 0, "entry #1000 found in " + queueFile);
        bytes[at + entry.length / 2] ^= 0x01;
        Files.write(queueFile, bytes);

        final Path out = tmp.resolve("damaged-parquet");
        final CorruptJournalException e = assertThrows(CorruptJournalException.class, () ->
            new JournalExport(damaged, new JournalTables(config.instruments(), config.series()), null).write(ExportFormat.PARQUET, out));
        assertTrue(e.getMessage().contains("entry #1000") && e.getMessage().contains("CRC-32C"), e.getMessage());
        long rows = 0;
        for (final int type : JournalTables.INPUT_TYPES) {
            rows += parquet(out.resolve(JournalTables.input(type).name() + ".parquet")).size();
        }
        assertEquals(1_000, rows, "every input before the corrupt entry, in complete Parquet files");
    }

    private static int indexOf(final byte[] haystack, final byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A double as the CSV holds it: empty for NaN (no value). */
    private static String cell(final double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String orNaN(final double v) {
        return Double.isNaN(v) ? "-" : Double.toString(v);
    }

    private static String or(final String cell) {
        return cell.isEmpty() ? "-" : cell;
    }

    private static void assertHeader(final EngineEvent e, final Map<String, String> row) {
        assertEquals(Long.toString(e.sequence), row.get("sequence"));
        assertEquals(Long.toString(e.eventTimeNanos), row.get("event_time_nanos"));
        assertEquals(e.eventTimeNanos, nanos(Instant.parse(row.get("event_time"))), row.get("event_time"));
        assertEquals(Long.toString(e.receiveTimeNanos), row.get("receive_time_nanos"));
        assertEquals(e.receiveTimeNanos, nanos(Instant.parse(row.get("receive_time"))), row.get("receive_time"));
        if (e.type == EventType.OBSERVATION) {
            assertEquals(config.series().get(e.instrumentId), row.get("series"));
        } else if (e.type != EventType.TIMER && e.type != EventType.CONTROL) {
            assertEquals(config.instruments().get(e.instrumentId), row.get("product"));
        }
    }

    private static void assertInputFields(final EngineEvent e, final Map<String, String> row) {
        switch (e.type) {
            case EventType.MARKET_BOOK -> {
                assertEquals(Integer.toString(e.bidLevels), row.get("bid_levels"));
                for (int i = 0; i < EngineEvent.BOOK_DEPTH; i++) {
                    assertEquals(i < e.bidLevels ? Long.toString(e.bidPrices[i]) : "", row.get("bid_price_" + (i + 1)));
                    assertEquals(i < e.bidLevels ? Long.toString(e.bidQtys[i]) : "", row.get("bid_qty_" + (i + 1)));
                    assertEquals(i < e.askLevels ? Long.toString(e.askPrices[i]) : "", row.get("ask_price_" + (i + 1)));
                    assertEquals(i < e.askLevels ? Long.toString(e.askQtys[i]) : "", row.get("ask_qty_" + (i + 1)));
                }
            }
            case EventType.MARKET_TRADE -> {
                assertEquals(Long.toString(e.tradePriceTicks), row.get("price"));
                assertEquals(Long.toString(e.tradeQty), row.get("quantity"));
            }
            case EventType.OBSERVATION, EventType.SETTLEMENT -> assertEquals(e.value, Double.parseDouble(row.get("value")));
            case EventType.ORDER_EVENT -> {
                assertEquals(OrderEventKind.name(e.orderEventKind), row.get("kind"));
                assertEquals(Long.toString(e.clientOrderId), row.get("client_order_id"));
                assertEquals(Long.toString(e.leavesQty), row.get("leaves_quantity"));
            }
            case EventType.CONTROL -> assertEquals(ControlCode.name(e.controlCode), row.get("control"));
            case EventType.POSITION_REPORT -> assertEquals(Long.toString(e.position), row.get("position"));
            default -> assertEquals(8, row.size(), "a timer has the header only");
        }
    }

    private static Path export(final ExportFormat format, final String name) {
        final Path out = tmp.resolve(name);
        new JournalExport(run, new JournalTables(config.instruments(), config.series()), Map.of()).write(format, out);
        return out;
    }

    private static long nanos(final Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static List<Path> list(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Rows of a CSV file as column name to text (the exporter quotes nothing it writes here: names have no commas). */
    private static List<Map<String, String>> csv(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final String[] header = lines.get(0).split(",", -1);
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size())) {
            assertTrue(line.indexOf('"') < 0, line);
            final String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, line);
            final Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Rows of a Parquet file read with parquet-java's reader, each value written as the CSV writes
     * it, after checking the column's physical and logical type.
     */
    private static List<Map<String, String>> parquet(final Path file) throws IOException {
        final List<Map<String, String>> rows = new ArrayList<>();
        final ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new JdkCodecs()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            final MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                final RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                    .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    final Group g = records.read();
                    final Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < schema.getFieldCount(); i++) {
                        row.put(schema.getFieldName(i), g.getFieldRepetitionCount(i) == 0 ? "" : text(g, i, schema.getType(i)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String text(final Group g, final int i, final Type type) {
        final PrimitiveType p = type.asPrimitiveType();
        final LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        return switch (p.getPrimitiveTypeName()) {
            case INT32 -> Integer.toString(g.getInteger(i, 0));
            case INT64 -> {
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
                    assertTrue(t.isAdjustedToUTC() && t.getUnit() == LogicalTypeAnnotation.TimeUnit.NANOS, type.toString());
                    yield CsvTableWriter.iso(g.getLong(i, 0));
                }
                yield Long.toString(g.getLong(i, 0));
            }
            case DOUBLE -> Double.toString(g.getDouble(i, 0));
            case BINARY -> {
                assertEquals(LogicalTypeAnnotation.stringType(), logical, type.toString());
                yield g.getString(i, 0);
            }
            default -> throw new AssertionError("unexpected column type " + type);
        };
    }
}
