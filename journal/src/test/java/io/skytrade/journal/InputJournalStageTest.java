package io.skytrade.journal;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal stage over a real queue: every input it is given is appended and reads back; when
 * an append fails (here the queue was closed under it) the event is marked
 * {@link EngineEvent#journalFailed}, so the order stage sends nothing for it, and the failure names
 * the input's sequence and the queue, while what was journaled before stays readable.
 */
@Timeout(60)
class InputJournalStageTest {
    @TempDir
    Path tmp;

    @Test
    void shouldAppendEveryInputAndMarkTheEventWhenAnAppendFails() {
        final Path dir = tmp.resolve("inputs");
        final JournalSettings settings = new JournalSettings(1 << 20, "FAST_DAILY", false, 0);
        final SingleChronicleQueue queue = Queues.openForWriting(dir, settings, null);
        final InputJournalStage stage = new InputJournalStage(queue);
        stage.onStart();
        final EngineEvent e = new EngineEvent();
        for (long seq = 0; seq < 3; seq++) {
            timer(e, seq);
            stage.onEvent(e, seq, true);
            assertFalse(e.journalFailed);
        }
        assertEquals(3, stage.entries());
        assertTrue(stage.bytesAppended() > 0);

        queue.close();
        timer(e, 3);
        final JournalWriteException failure = assertThrows(JournalWriteException.class, () -> stage.onEvent(e, 3, true));
        assertTrue(e.journalFailed, "the event is marked so that nothing it causes leaves");
        assertTrue(failure.getMessage().contains("cannot append input sequence 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains(dir.getFileName().toString()), failure.getMessage());
        assertEquals(3, stage.entries(), "the failed input is not counted");
        stage.onShutdown();

        final EngineEvent read = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            for (long seq = 0; seq < 3; seq++) {
                assertTrue(reader.next(read));
                assertEquals(seq, read.sequence);
                assertEquals(1_000 + seq, read.eventTimeNanos);
            }
            assertFalse(reader.next(read), "nothing after the failed append");
        }
    }

    @Test
    void shouldAppendARingBatchAsOneDocumentBeforeItsFirstEventGoesOnAndReadBothKinds() {
        final Path dir = tmp.resolve("inputs");
        final JournalSettings settings = new JournalSettings(1 << 20, "FAST_DAILY", false, 0);
        final SingleChronicleQueue queue = Queues.openForWriting(dir, settings, null);
        final InputJournalStage stage = new InputJournalStage(queue);
        final EngineEvent[] ring = new EngineEvent[1_000];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new EngineEvent();
            InputCodecTest.randomInput(ring[i], 1 + i % (EventType.COUNT - 1), i);
            ring[i].sequence = i;
        }
        stage.bindSlots(s -> ring[(int) s]);
        stage.onStart();
        // batches of 1 (a plain entry), 3, 600 (written as 256 + 256 + 88) and the rest
        final int[] batches = {1, 3, 600, 396};
        int seq = 0;
        for (final int n : batches) {
            stage.onBatchStart(n, n);
            final long before = stage.entries();
            for (int k = 0; k < n; k++, seq++) {
                stage.onEvent(ring[seq], seq, k == n - 1);
                assertTrue(stage.entries() > seq, "input " + seq + " is journaled before the stages after the journal see it");
                if (k == 0) {
                    assertEquals(before + Math.min(n, InputBatchCodec.MAX_ENTRIES), stage.entries(),
                        "the batch (up to " + InputBatchCodec.MAX_ENTRIES + ") is journaled at its first event");
                }
            }
        }
        assertEquals(ring.length, stage.entries());
        final long documents = queue.entryCount();
        assertEquals(1 + 1 + 3 + 2, documents, "one document per batch of at most " + InputBatchCodec.MAX_ENTRIES);
        stage.onShutdown();
        queue.close();

        final EngineEvent expected = new EngineEvent();
        final EngineEvent read = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            assertEquals(ring.length, reader.entryCount(), "inputs, not documents");
            for (int i = 0; i < ring.length; i++) {
                assertTrue(reader.next(read), "input " + i);
                InputCodecTest.randomInput(expected, 1 + i % (EventType.COUNT - 1), i);
                expected.sequence = i;
                assertEquals(expected.toString(), read.toString());
            }
            assertFalse(reader.next(read));
        }
    }

    @Test
    void shouldMarkEveryEventOfABatchWhoseAppendFailedAndReportEachOne() {
        final Path dir = tmp.resolve("inputs");
        final SingleChronicleQueue queue = Queues.openForWriting(dir, new JournalSettings(1 << 20, "FAST_DAILY", false, 0), null);
        final InputJournalStage stage = new InputJournalStage(queue);
        final EngineEvent[] ring = new EngineEvent[8];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new EngineEvent();
            timer(ring[i], i);
        }
        stage.bindSlots(s -> ring[(int) s]);
        stage.onStart();
        stage.onBatchStart(4, 4);
        for (int i = 0; i < 4; i++) {
            stage.onEvent(ring[i], i, i == 3);
        }
        queue.close();
        stage.onBatchStart(4, 4);
        final JournalWriteException first = assertThrows(JournalWriteException.class, () -> stage.onEvent(ring[4], 4, false));
        assertTrue(first.getMessage().contains("cannot append input sequence 4 (and its batch up to 7)"), first.getMessage());
        for (int i = 4; i < 8; i++) {
            assertTrue(ring[i].journalFailed, "input " + i + " is marked so that nothing it causes leaves");
        }
        for (int i = 5; i < 8; i++) {
            final int seq = i;
            final JournalWriteException each = assertThrows(JournalWriteException.class, () -> stage.onEvent(ring[seq], seq, seq == 7));
            assertTrue(each.getMessage().contains("cannot append input sequence " + seq), each.getMessage());
        }
        assertEquals(4, stage.entries(), "the failed batch is not counted");
        stage.onShutdown();
        final EngineEvent read = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            assertEquals(4, reader.entryCount());
            for (int i = 0; i < 4; i++) {
                assertTrue(reader.next(read));
                assertEquals(i, read.sequence);
            }
            assertFalse(reader.next(read), "nothing of the failed batch");
        }
    }

    @Test
    void shouldNameTheLayoutVersionOfABatchThisBuildCannotRead() {
        final Path dir = tmp.resolve("inputs");
        final SingleChronicleQueue queue = Queues.openForWriting(dir, new JournalSettings(1 << 20, "FAST_DAILY", false, 0), null);
        final InputBatchCodec codec = new InputBatchCodec();
        final EngineEvent[] ring = {new EngineEvent(), new EngineEvent()};
        timer(ring[0], 0);
        timer(ring[1], 1);
        final int length = codec.encode(s -> ring[(int) s], 0, 2);
        codec.array()[1] = 2;
        try (var appender = queue.createAppender(); var dc = appender.writingDocument()) {
            dc.wire().bytes().write(codec.array(), 0, length);
        }
        queue.close();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            final CorruptJournalException e = assertThrows(CorruptJournalException.class, () -> reader.next(new EngineEvent()));
            assertTrue(e.getMessage().contains("entry #0: input batch has layout version 2, this build reads 1"), e.getMessage());
        }
    }

    private static void timer(final EngineEvent e, final long seq) {
        e.clear();
        e.type = EventType.TIMER;
        e.sequence = seq;
        e.eventTimeNanos = 1_000 + seq;
        e.receiveTimeNanos = 2_000 + seq;
    }
}
