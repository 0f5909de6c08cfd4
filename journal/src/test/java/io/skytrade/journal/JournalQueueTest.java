package io.skytrade.journal;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class JournalQueueTest {
    private static final SideBuffers SIDE = new SideBuffers(1);
    @TempDir
    Path tmp;

    @Test
    void shouldReadBackEveryInputAndDecisionWithThePageToucherRunning() throws Exception {
        final RunDirectory run = RunDirectory.create(tmp, "a: 1\n", Instant.parse("2026-11-25T10:00:00Z"));
        final JournalSettings settings = new JournalSettings(1 << 20, "FAST_DAILY", true, 4 << 20);
        final AtomicLong bytes = new AtomicLong();
        final int n = 60_000;
        try (PageToucher toucher = new PageToucher(bytes, settings.pretouchAheadBytes())) {
            var inputs = Queues.openForWriting(run.inputs(), settings, toucher);
            toucher.start();
            var decisions = Queues.openForWriting(run.decisions(), settings, null);
            final InputJournalStage stage = new InputJournalStage(inputs, bytes);
            final DecisionJournal decisionJournal = new DecisionJournal(decisions);
            stage.onStart();
            final EngineEvent e = new EngineEvent();
            for (int i = 0; i < n; i++) {
                InputCodecTest.randomInput(e, 1 + i % (EventType.COUNT - 1), i);
                e.sequence = i;
                stage.onEvent(e, i, true);
                if (i % 100 == 0) {
                    SIDE.decisionsToWrite(e).add(DecisionKind.ORDER_NEW, 1, Side.BUY, i, 1, i / 100 + 1, 0);
                    decisionJournal.onDecisions(e, SIDE);
                }
            }
            // the toucher thread may not have been scheduled yet on a loaded machine: wait for it
            await("the toucher touched pages").atMost(Duration.ofSeconds(30)).until(() -> toucher.pagesTouched() > 0);
            stage.onShutdown();
            decisionJournal.close();
            inputs.close();
            decisions.close();
            assertEquals(n, stage.entries());
            assertEquals(0, toucher.failures());
        }
        run.markClosed(n, n / 100, Instant.now());

        final EngineEvent expected = new EngineEvent();
        final EngineEvent actual = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            for (int i = 0; i < n; i++) {
                assertTrue(reader.next(actual));
                InputCodecTest.randomInput(expected, 1 + i % (EventType.COUNT - 1), i);
                expected.sequence = i;
                assertEquals(expected.toString(), actual.toString());
            }
            assertFalse(reader.next(actual));
        }
        final DecisionRecord r = new DecisionRecord();
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            for (int i = 0; i < n / 100; i++) {
                assertTrue(reader.next(r));
                assertEquals(i * 100L, r.inputSequence);
                assertEquals(i + 1L, r.clientOrderId);
            }
            assertFalse(reader.next(r));
        }
        final JournalInspector.Stats stats = new JournalInspector(RunDirectory.open(run.dir())).stats();
        assertEquals(n, stats.inputs());
        assertEquals(n / 100, stats.decisions());
        assertTrue(stats.closedCleanly());
        assertEquals(n / 100 * DecisionCodec.LENGTH, stats.decisionBytes());
        assertTrue(stats.inputBytes() > 0 && stats.inputBytes() <= stats.inputFileBytes(),
            stats.inputBytes() + " journaled within " + stats.inputFileBytes() + " of files");
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        stats.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("ORDER_EVENT"), text.toString(StandardCharsets.UTF_8));
        final ByteArrayOutputStream dump = new ByteArrayOutputStream();
        assertEquals(5, new JournalInspector(run).dump(new PrintStream(dump, true, StandardCharsets.UTF_8), 5));
        assertTrue(dump.toString(StandardCharsets.UTF_8).startsWith("input seq=0 MARKET_BOOK"));
    }

    @Test
    void shouldRefuseMissingOrTamperedRunDirectories() throws Exception {
        final CorruptJournalException missing = assertThrows(CorruptJournalException.class,
            () -> RunDirectory.open(tmp.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"));
        final RunDirectory run = RunDirectory.create(tmp, "a: 1\n", Instant.now());
        assertEquals("a: 1\n", RunDirectory.open(run.dir()).configYaml());
        java.nio.file.Files.writeString(run.dir().resolve(RunDirectory.CONFIG), "a: 2\n");
        final CorruptJournalException tampered = assertThrows(CorruptJournalException.class, run::configYaml);
        assertTrue(tampered.getMessage().contains("does not match its hash"));
        final CorruptJournalException empty = assertThrows(CorruptJournalException.class,
            () -> new InputJournalReader(run.inputs()));
        assertTrue(empty.getMessage().contains("holds no .cq4 files"));
    }

    @Test
    void shouldValidateSettings() {
        assertThrows(IllegalArgumentException.class, () -> new JournalSettings(1000, "FAST_DAILY", true, 0));
        final IllegalArgumentException roll = assertThrows(IllegalArgumentException.class,
            () -> new JournalSettings(1 << 20, "SOMETIMES", true, 0));
        assertTrue(roll.getMessage().contains("journal.rollCycle: 'SOMETIMES'"));
    }
}
