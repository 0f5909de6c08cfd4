package io.skytrade.engine.runtime;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.backtest.LiveVsBacktestComparison;
import io.skytrade.engine.backtest.MarketFigures;
import io.skytrade.engine.backtest.MetricsReport;
import io.skytrade.engine.backtest.report.ReportTable;
import io.skytrade.engine.backtest.report.ReportTableText;
import io.skytrade.engine.cli.SkytradeCli;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputCodec;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import io.skytrade.journal.RunDirectory;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live run's fills compared with its backtests': identical with the journal's fills, consistent
 * with the journals' own counts with the fill model's, and absent for a journal without order
 * events.
 */
@Tag("integration")
@Timeout(120)
class LiveVsBacktestComparisonTest {
    /**
     * A strategy that quotes soon and takes liquidity at the slightest mispricing, so a few seconds
     * of recording hold live fills whatever the host's load.
     */
    static final String EAGER_STRATEGY = """
        strategy:
          takeStd: 0.01
          takeMinTicks: 0
          minEdgeTicks: 0
          minValuations: 2
        """;

    @TempDir
    static Path tmp;
    static RunDirectory run;
    static ConfigLoader.LoadedConfig loaded;
    static List<String> symbols;

    @BeforeAll
    static void recordALiveRun() throws Exception {
        final String base;
        try (InputStream in = LiveVsBacktestComparisonTest.class.getClassLoader().getResourceAsStream("config/default.yaml")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final ConfigLoader.LoadedConfig config = new ConfigLoader(Map.of()).loadTexts(base, DemoSimulatedDayTest.DAY_OVERRIDES,
            EAGER_STRATEGY);
        final LiveRun live = LiveRun.start(config, tmp.resolve("journal"), quiet(), Map.of());
        final long t0 = System.nanoTime();
        // until a position is held (a fill), then 200 more inputs after it (what happens after a fill is compared too)
        Supervision.superviseUntil(live, "a position held after 1000 inputs and 20 decisions", Duration.ofSeconds(90),
            () -> live.inputsJournaled() >= 1000 && live.decisionsJournaled() >= 20
                && heldPosition(live, config.config().instruments()));
        final long filledAt = System.nanoTime();
        final long inputsAtFill = live.inputsJournaled();
        Supervision.superviseUntil(live, "200 inputs after the first position", Duration.ofSeconds(60),
            () -> live.inputsJournaled() >= inputsAtFill + 200);
        live.close();
        System.out.printf("live-vs-backtest recording: %.1f s, first position after %.1f s, %d inputs%n",
            (System.nanoTime() - t0) / 1e9, (filledAt - t0) / 1e9, live.inputsJournaled());
        run = RunDirectory.open(live.runDirectory().dir());
        loaded = new ConfigLoader(Map.of()).loadText(run.configYaml());
        symbols = loaded.config().instruments();
    }

    private static boolean heldPosition(final LiveRun live, final List<String> products) {
        for (final String p : products) {
            if (live.simulator().position("demo", p) != 0) {
                return true;
            }
        }
        return false;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Test
    void shouldShowNoDifferenceWhenTheBacktestReplaysTheJournaledFills() throws IOException {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream saved = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        final int exit;
        try {
            exit = SkytradeCli.execute("backtest", "--journal", run.dir().toString(), "--out", tmp.resolve("btj").toString(),
                "--fills", "journal");
        } finally {
            System.setOut(saved);
        }
        assertEquals(SkytradeCli.EXIT_OK, exit);
        final String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Live vs backtest") && text.contains("Per market"), text);
        final RunDirectory backtest = onlyRun(tmp.resolve("btj"));
        final LiveVsBacktestComparison c = LiveVsBacktestComparison.compare(run, backtest, symbols).orElseThrow();
        assertTrue(c.total().live().fills() > 0, "the live run filled orders");
        assertFalse(c.markets().isEmpty());
        for (final LiveVsBacktestComparison.Row r : c.markets()) {
            assertEquals(r.live(), r.backtest(), r.market() + ": same orders, fills, prices, delays and PnL");
            assertEquals(0.0, r.pnlDifference(), r.market());
            assertEquals(r.live().orders(), r.matchedOrders(), r.market() + ": every order matches its replay");
            assertTrue(Double.isNaN(r.buyPriceAdvantage()) || r.buyPriceAdvantage() == 0.0, r.market());
            assertTrue(Double.isNaN(r.sellPriceAdvantage()) || r.sellPriceAdvantage() == 0.0, r.market());
        }
        assertEquals(c.total().live(), c.total().backtest());
        final String json = Files.readString(backtest.dir().resolve("metrics.json"));
        assertTrue(json.contains("\"liveVsBacktest\": {") && json.contains("\"markets\": {")
            && json.contains("\"pnl\": 0.0"), json);
        saved.println(text.substring(text.indexOf("Per market")));
    }

    @Test
    void shouldCompareTheFillModelsFillsWithTheLiveOnesConsistently() {
        final BacktestRunner.Result r = new BacktestRunner(run, loaded, tmp.resolve("btm"), quiet()).run();
        final LiveVsBacktestComparison c = LiveVsBacktestComparison.compare(run, r.run(), symbols).orElseThrow();
        final long[] liveFills = fillEvents(run);
        final long[] backtestFills = fillEvents(r.run());
        final long[] liveOrders = approvedOrders(run);
        long fills = 0;
        long orders = 0;
        for (final LiveVsBacktestComparison.Row row : c.markets()) {
            final int id = symbols.indexOf(row.market());
            assertEquals(liveFills[id], row.live().fills(), row.market() + " live fills = FILL events in the source journal");
            assertEquals(backtestFills[id], row.backtest().fills(), row.market() + " backtest fills = FILL events in its journal");
            assertEquals(liveOrders[id], row.live().orders(), row.market() + " live orders = approved ORDER_NEW decisions");
            for (final LiveVsBacktestComparison.Figures f : List.of(row.live(), row.backtest())) {
                assertTrue(f.filledQty() <= f.orderedQty() && f.fills() <= f.filledQty(), row.market() + ": " + f);
                if (f.orderedQty() > 0) {
                    assertEquals((double) f.filledQty() / f.orderedQty(), f.fillRatio(), 1e-12);
                }
            }
            assertTrue(row.matchedOrders() <= Math.min(row.live().orders(), row.backtest().orders()));
            assertEquals(row.backtest().pnl() - row.live().pnl(), row.pnlDifference(), 0.0);
            fills += row.live().fills();
            orders += row.live().orders();
        }
        assertEquals(sum(liveFills), fills, "every live fill is on a listed market");
        assertEquals(fills, c.total().live().fills());
        assertEquals(orders, c.total().live().orders());
        assertEquals(r.fills(), c.total().backtest().fills(), "the backtest's own fill count");
        final io.skytrade.core.book.TradingBook book = r.sampler().book();
        for (final MarketFigures m : r.markets()) {
            final LiveVsBacktestComparison.Row row = c.markets().stream().filter(x -> x.market().equals(m.symbol()))
                .findFirst().orElseThrow();
            // The journal holds no fair values, so its PnL marks open positions at the last mid; the
            // book marks them at its fair-value-aware price. Fills, fees and realised PnL must agree.
            final int id = symbols.indexOf(m.symbol());
            final var p = book.positions();
            final double atMid = p.realisedPnl(id) - p.fees(id)
                + (p.position(id) == 0 ? 0 : p.position(id) * (book.market().mid(id) - p.averagePrice(id)));
            assertEquals(atMid, row.backtest().pnl(), 1e-9 * Math.max(1, Math.abs(atMid)),
                m.symbol() + ": PnL from the journal = the book's, marked at the last mid");
        }
        final ReportTable table = c.table();
        assertEquals(c.markets().size() + 1, table.rows().size());
        assertEquals("total", table.rows().get(table.rows().size() - 1).get(0));
        ReportTableText.print(c.table(), System.out);
        final Map<String, Object> values = c.values();
        assertEquals(List.of("matching", "total", "markets"), List.copyOf(values.keySet()));
    }

    @Test
    void shouldOmitTheComparisonForAJournalWithoutOrderEvents() throws IOException {
        final RunDirectory marketOnly = marketDataOnly(run);
        final long[] span = eventTimeSpan(marketOnly);
        final BacktestRunner.Result r = new BacktestRunner(marketOnly, loaded, tmp.resolve("btcsv"), quiet())
            .window(span[0], span[0] + (span[1] - span[0]) / 10).run();
        final Optional<LiveVsBacktestComparison> c = LiveVsBacktestComparison.compare(marketOnly, r.run(), symbols);
        assertTrue(c.isEmpty());
        final String json = Files.readString(MetricsReport.writeJson(r, r.run().dir(), c));
        assertTrue(json.contains("\"liveVsBacktest\": \"" + MetricsReport.NO_LIVE_FILLS + "\""), json);
    }

    /** FILL order events per instrument among a run's inputs, counted here independently. */
    private static long[] fillEvents(final RunDirectory r) {
        final long[] n = new long[EngineEvent.MAX_INSTRUMENTS];
        try (InputJournalReader reader = new InputJournalReader(r.inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                if (e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL) {
                    n[e.instrumentId]++;
                }
            }
        }
        return n;
    }

    private static long[] eventTimeSpan(final RunDirectory r) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (InputJournalReader reader = new InputJournalReader(r.inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                if (e.eventTimeNanos > 0) {
                    first = Math.min(first, e.eventTimeNanos);
                    last = Math.max(last, e.eventTimeNanos);
                }
            }
        }
        return new long[]{first, last + 1};
    }

    private static long[] approvedOrders(final RunDirectory r) {
        final long[] n = new long[EngineEvent.MAX_INSTRUMENTS];
        for (final DecisionRecord d : ReplayVerifyTest.readDecisions(r.decisions())) {
            if (d.kind == DecisionKind.ORDER_NEW && d.status == Decisions.STATUS_APPROVED) {
                n[d.instrumentId]++;
            }
        }
        return n;
    }

    private static long sum(final long[] a) {
        long s = 0;
        for (final long x : a) {
            s += x;
        }
        return s;
    }

    private static RunDirectory onlyRun(final Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return RunDirectory.open(dirs.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    /** The run's market data, observations and timers only, as a CSV import would journal them. */
    private static RunDirectory marketDataOnly(final RunDirectory source) {
        final RunDirectory copy = RunDirectory.create(tmp.resolve("market-only"), source.configYaml(), Instant.EPOCH);
        final InputCodec codec = new InputCodec();
        try (InputJournalReader reader = new InputJournalReader(source.inputs());
             SingleChronicleQueue q = Queues.openForWriting(copy.inputs(), new JournalSettings(1 << 20, "FAST_DAILY", false, 0), null);
             ExcerptAppender appender = q.createAppender()) {
            final EngineEvent e = new EngineEvent();
            long sequence = 0;
            while (reader.next(e)) {
                if (e.type == EventType.ORDER_EVENT || e.type == EventType.POSITION_REPORT || e.type == EventType.NONE) {
                    continue;
                }
                e.sequence = sequence++;
                final int len = codec.encode(e);
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().write(codec.array(), 0, len);
                }
            }
        }
        return copy;
    }
}
