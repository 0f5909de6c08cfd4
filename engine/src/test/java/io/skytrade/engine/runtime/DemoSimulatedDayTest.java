package io.skytrade.engine.runtime;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's acceptance run: the demo's own configuration ({@code config/default.yaml}) over a whole
 * simulated day. Only the clock is changed: world time runs 2400x (24 h in 36 s of wall time) from
 * 12:30 on 2026-02-27, so the run covers the whole London session that settles at noon on
 * 2026-02-28 (the same hours of the same seeded world on every run), and the limits written in event time that assume the demo's 60x (market-data age, ack timeout, timer
 * period) are scaled with it. The journal must show fills
 * on at least three products, the session must settle on positions the engine held, the engine
 * must never be forced into SAFE, no stage may fail, and replay must verify identically.
 */
@Tag("integration")
@Timeout(90)
class DemoSimulatedDayTest {
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final double TIME_SCALE = 2400;
    private static final long WALL_NANOS = (long) (DAY_NANOS / TIME_SCALE) + 1_000_000_000L;

    /** The demo's configuration with its clock sped up to 2400x and event-time limits scaled with it. */
    static final String DAY_OVERRIDES = """
        pipeline:
          ringSize: 4096
        journal:
          blockSize: 4MiB
          pretouchAhead: 8MiB
        venue:
          timeScale: 2400
          worldStart: 2026-02-27T12:30:00Z
        feeds:
          synthetic:
            pollInterval: 200ms
        safeMode:
          maxMarketDataAge: 2h
        orders:
          ackTimeout: 4h
        timers:
          interval: 100ms
        status:
          interval: 2s
        """;

    @TempDir
    Path tmp;

    /** The demo's configuration and {@link #DAY_OVERRIDES} as files in {@code dir}, then one file per extra YAML text. */
    static List<Path> dayConfigs(final Path dir, final String... extra) throws IOException {
        final List<Path> files = new ArrayList<>();
        final Path base = dir.resolve("default.yaml");
        try (InputStream in = DemoSimulatedDayTest.class.getClassLoader().getResourceAsStream("config/default.yaml")) {
            assertNotNull(in, "config/default.yaml on the classpath");
            Files.write(base, in.readAllBytes());
        }
        files.add(base);
        for (int i = 0; i <= extra.length; i++) {
            final Path f = dir.resolve("day-" + i + ".yaml");
            Files.writeString(f, i == 0 ? DAY_OVERRIDES : extra[i - 1], StandardCharsets.UTF_8);
            files.add(f);
        }
        return files;
    }

    @Test
    void shouldFillSeveralProductsOverASimulatedDayAndReplayIdentically() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).load(dayConfigs(tmp)), tmp.resolve("journal"),
            new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());
        try {
            live.awaitStop(WALL_NANOS);
        } finally {
            live.close();
        }
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, live.pipeline().failures().failureCount(), printed);
        final RunDirectory run = RunDirectory.open(live.runDirectory().dir());

        final Summary s = Summary.of(run);
        final String report = s + "\n" + printed;
        System.out.println("simulated day: " + s);
        assertTrue(s.lastEventNanos - s.firstEventNanos >= DAY_NANOS * 9 / 10, "covers a simulated day: " + report);
        assertTrue(s.fillsByProduct.size() >= 3, "fills on at least three products: " + report);
        assertTrue(s.settlements > 0, "the session settled with positions to settle: " + report);
        assertEquals(0, s.safeEntries, "never forced into SAFE: " + report);

        final ReplayRunner.Result r = new ReplayRunner(run, Map.of()).replay(true);
        assertEquals(live.inputsJournaled(), r.events());
        assertEquals(0, r.differences(), r.firstDifference());
        assertEquals(live.decisionsJournaled(), r.decisions());
    }

    /** What the run's journals show. */
    static final class Summary {
        final Map<Integer, Long> fillsByProduct = new TreeMap<>();
        final long[] ordersByQuarter = new long[4];
        long firstEventNanos;
        long lastEventNanos;
        long settlements;
        long safeEntries;
        final StringBuilder modes = new StringBuilder();

        static Summary of(final RunDirectory run) throws IOException {
            final Summary s = new Summary();
            final List<Long> bookTimeBySequence = new ArrayList<>();
            try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
                final EngineEvent e = new EngineEvent();
                while (reader.next(e)) {
                    if (e.type == EventType.MARKET_BOOK) {
                        s.firstEventNanos = s.firstEventNanos == 0 ? e.eventTimeNanos : s.firstEventNanos;
                        s.lastEventNanos = Math.max(s.lastEventNanos, e.eventTimeNanos);
                    }
                    bookTimeBySequence.add(s.lastEventNanos);
                    if (e.type == EventType.SETTLEMENT) {
                        s.settlements++;
                    } else if (e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL) {
                        s.fillsByProduct.merge(e.instrumentId, 1L, Long::sum);
                    }
                }
            }
            final long span = Math.max(1, s.lastEventNanos - s.firstEventNanos);
            try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
                final DecisionRecord d = new DecisionRecord();
                while (reader.next(d)) {
                    if (d.kind == DecisionKind.ORDER_NEW && d.status == Decisions.STATUS_APPROVED) {
                        final long t = bookTimeBySequence.get((int) d.inputSequence);
                        s.ordersByQuarter[(int) Math.max(0, Math.min(3, (t - s.firstEventNanos) * 4 / span))]++;
                    } else if (d.kind == DecisionKind.MODE_CHANGE) {
                        s.modes.append(' ').append(TradingMode.name(d.reason)).append('(')
                            .append(RiskReason.name((int) d.priceTicks)).append(')');
                        if (d.reason == TradingMode.SAFE) {
                            s.safeEntries++;
                        }
                    }
                }
            }
            return s;
        }

        @Override
        public String toString() {
            return "fills by product id " + fillsByProduct + ", settlements " + settlements
                + ", approved orders by quarter " + java.util.Arrays.toString(ordersByQuarter)
                + ", mode changes" + modes + ", world span " + (lastEventNanos - firstEventNanos) / 3_600_000_000_000L + " h";
        }
    }
}
