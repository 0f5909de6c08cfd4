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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void shouldPopulateEachWritersOwnMappingAheadAndWriteTheSameBytesAsWithoutTheToucher() throws Exception {
        final JournalSettings settings = new JournalSettings(1 << 20, "FAST_DAILY", true, 4 << 20);
        final int n = 60_000;
        final Path touched = tmp.resolve("touched");
        final Path plain = tmp.resolve("plain");
        final AtomicLong inputBytes = new AtomicLong();
        final AtomicLong decisionBytes = new AtomicLong();
        final WriterMapping inputMapping = new WriterMapping();
        final WriterMapping decisionMapping = new WriterMapping();
        try (PageToucher toucher = new PageToucher(inputBytes, inputMapping, settings.pretouchAheadBytes())) {
            var inputs = Queues.openForWriting(touched.resolve("inputs"), settings, toucher);
            var decisions = Queues.openForWriting(touched.resolve("decisions"), settings, toucher.track(decisionBytes, decisionMapping));
            toucher.start();
            write(new InputJournalStage(inputs, inputBytes, inputMapping), new DecisionJournal(decisions, decisionBytes, decisionMapping), n,
                () -> toucher.bytesPopulated() > 0 || !toucher.populates());
            inputs.close();
            decisions.close();
            assertEquals(0, toucher.failures());
            assumeTrue(toucher.populates(), "this kernel cannot populate a mapping ahead (MADV_POPULATE_WRITE, Linux 5.14+)");
            assertTrue(toucher.bytesPopulated() > 0);
        }
        var inputs = Queues.openForWriting(plain.resolve("inputs"), settings, null);
        var decisions = Queues.openForWriting(plain.resolve("decisions"), settings, null);
        write(new InputJournalStage(inputs), new DecisionJournal(decisions), n, () -> true);
        inputs.close();
        decisions.close();
        for (final String queue : new String[] {"inputs", "decisions"}) {
            final String[] files = cq4Files(plain.resolve(queue));
            assertTrue(files.length > 0);
            assertArrayEquals(files, cq4Files(touched.resolve(queue)));
            for (final String file : files) {
                assertArrayEquals(Files.readAllBytes(plain.resolve(queue).resolve(file)), Files.readAllBytes(touched.resolve(queue).resolve(file)),
                    queue + "/" + file + " differs");
            }
        }
    }

    /** Journals {@code n} inputs in ring batches of 1..7 and a decision every 100 inputs, waiting for {@code until} halfway. */
    private static void write(final InputJournalStage stage, final DecisionJournal decisionJournal, final int n,
                              final java.util.concurrent.Callable<Boolean> until) {
        final EngineEvent[] ring = new EngineEvent[8];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new EngineEvent();
        }
        stage.bindSlots(s -> ring[(int) (s & 7)]);
        stage.onStart();
        for (int i = 0; i < n; ) {
            final int batch = Math.min(n - i, 1 + i % 7);
            for (int k = 0; k < batch; k++) {
                InputCodecTest.randomInput(ring[(i + k) & 7], 1 + (i + k) % (EventType.COUNT - 1), i + k);
                ring[(i + k) & 7].sequence = i + k;
            }
            stage.onBatchStart(batch, 0);
            for (int k = 0; k < batch; k++, i++) {
                stage.onEvent(ring[i & 7], i, k == batch - 1);
                if (i % 100 == 0) {
                    SIDE.decisionsToWrite(ring[i & 7]).add(DecisionKind.ORDER_NEW, 1, Side.BUY, i, 1, i / 100 + 1, 0);
                    decisionJournal.onDecisions(ring[i & 7], SIDE);
                }
                if (i == n / 2) {
                    await("the toucher populated the writers' mappings").atMost(Duration.ofSeconds(30)).until(until);
                }
            }
        }
        stage.onShutdown();
        decisionJournal.close();
    }

    private static String[] cq4Files(final Path dir) {
        final String[] names = dir.toFile().list((d, name) -> name.endsWith(".cq4"));
        java.util.Arrays.sort(names);
        return names;
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
