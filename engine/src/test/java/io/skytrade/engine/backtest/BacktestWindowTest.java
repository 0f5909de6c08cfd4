package io.skytrade.engine.backtest;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.demo.SyntheticJournal;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backtest window (walk-forward) warms the stages up on the journal before it with the engine in
 * SAFE mode, then trades the window only: the warm-up is journaled as CONTROL SAFE before the first
 * input and CONTROL RESUME at the window's opening, no order is sent before it, the figures start
 * at it, and no input at or after the window's end is read.
 */
class BacktestWindowTest {
    private static final long HOUR = 3_600_000_000_000L;

    @TempDir
    static Path tmp;
    static RunDirectory journal;
    static ConfigLoader.LoadedConfig loaded;

    @BeforeAll
    static void writeASyntheticJournal() throws IOException {
        final String config;
        try (InputStream in = BacktestWindowTest.class.getClassLoader().getResourceAsStream("config/default.yaml")) {
            assertNotNull(in, "config/default.yaml on the classpath");
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        journal = SyntheticJournal.write(40_000, 1_000_000_000L, tmp.resolve("journal"), config);
        loaded = new ConfigLoader(Map.of()).loadText(journal.configYaml());
    }

    @Test
    void shouldWarmUpInSafeModeThenTradeOnlyTheWindow() {
        final long from = SyntheticJournal.START_NANOS + 3 * HOUR / 2;
        final long to = from + 2 * HOUR;
        final BacktestRunner.Result r = new BacktestRunner(journal, loaded, tmp.resolve("window"), null, false)
            .window(from, to).run();

        final List<EngineEvent> controls = new ArrayList<>();
        long firstInWindow = -1;
        long lastEventTime = Long.MIN_VALUE;
        long count = 0;
        try (InputJournalReader reader = new InputJournalReader(r.run().inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                count++;
                if (e.type == EventType.CONTROL) {
                    final EngineEvent copy = new EngineEvent();
                    copy.copyInputsFrom(e);
                    copy.sequence = e.sequence;
                    controls.add(copy);
                } else if (firstInWindow < 0 && e.eventTimeNanos >= from && e.type != EventType.ORDER_EVENT) {
                    firstInWindow = e.sequence;
                }
                if (e.type != EventType.CONTROL) {
                    lastEventTime = Math.max(lastEventTime, e.eventTimeNanos);
                }
            }
        }
        assertEquals(2, controls.size(), "one SAFE before the warm-up and one RESUME at the opening");
        assertEquals(0, controls.get(0).sequence, "SAFE is the backtest's first input");
        assertEquals(ControlCode.SAFE, controls.get(0).controlCode);
        assertEquals(ControlCode.RESUME, controls.get(1).controlCode);
        assertEquals(firstInWindow - 1, controls.get(1).sequence, "RESUME right before the first input of the window");
        assertTrue(lastEventTime < to, "nothing at or after the window's end was read");

        long ordersBefore = 0;
        long ordersInWindow = 0;
        try (DecisionJournalReader reader = new DecisionJournalReader(r.run().decisions())) {
            final DecisionRecord d = new DecisionRecord();
            while (reader.next(d)) {
                if (d.kind == DecisionKind.ORDER_NEW && d.status == Decisions.STATUS_APPROVED) {
                    if (d.inputSequence < controls.get(1).sequence) {
                        ordersBefore++;
                    } else {
                        ordersInWindow++;
                    }
                }
            }
        }
        assertEquals(0, ordersBefore, "no order approved while warming up");
        assertTrue(ordersInWindow > 0, "the warmed-up engine trades in the window");
        assertEquals(ordersInWindow, r.orders());
        assertTrue(r.sampler().times()[0] >= from, "figures start at the window");
        assertTrue(count < r.inputs(), "the journal beyond the window was not copied");
    }

    @Test
    void shouldBacktestTheWholeJournalWithoutControlInputsByDefault() {
        final BacktestRunner.Result r = new BacktestRunner(journal, loaded, tmp.resolve("whole"), null, false).run();
        try (InputJournalReader reader = new InputJournalReader(r.run().inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                assertTrue(e.type != EventType.CONTROL, "no CONTROL input without a window: " + e.sequence);
            }
        }
        assertEquals(r.inputs(), r.replayed());
        assertThrows(IllegalArgumentException.class, () -> new BacktestRunner(journal, loaded, tmp, null, false).window(5, 5));
    }

    @Test
    void shouldReachTheSameFiguresWithoutJournalingTheRun() {
        final long from = SyntheticJournal.START_NANOS + HOUR;
        final BacktestRunner.Result journaled = new BacktestRunner(journal, loaded, tmp.resolve("journaled"), null, false)
            .window(from, from + 2 * HOUR).run();
        final BacktestRunner.Result bare = new BacktestRunner(journal, loaded, tmp.resolve("bare"), null, false)
            .window(from, from + 2 * HOUR).journalRun(false).timeInputs().run();
        assertTrue(journaled.orders() > 0, "the window trades");
        assertEquals(0, journaled.handlingNanos().getTotalCount(), "inputs are timed only when asked (for the report)");
        assertEquals(bare.replayed(), bare.handlingNanos().getTotalCount(), "every replayed input timed");
        assertEquals(journaled.decisions(), bare.decisions());
        assertEquals(journaled.orders(), bare.orders());
        assertEquals(journaled.fills(), bare.fills());
        assertEquals(journaled.metrics(), bare.metrics());
        assertTrue(queueFiles(journaled.run().inputs()) > 0, "the journaled run has its inputs queue");
        assertEquals(0, queueFiles(bare.run().inputs()), "nothing journaled");
        assertEquals(0, queueFiles(bare.run().decisions()), "nothing journaled");
    }

    private static long queueFiles(final Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".cq4")).count();
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
