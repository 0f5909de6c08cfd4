package io.skytrade.journal;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
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
        final SingleChronicleQueue queue = open(dir);
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
        final SingleChronicleQueue queue = open(dir);
        final InputJournalStage stage = new InputJournalStage(queue);
        final EngineEvent[] ring = new EngineEvent[1_000];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new EngineEvent();
            InputCodecTest.randomInput(ring[i], 1 + i % (EventType.COUNT - 1), i);
            ring[i].sequence = i;
        }
        stage.bindSlots(s -> ring[(int) s]);
        stage.onStart();
        // batches of 1 (a batch document of one entry), 3, 600 (written as 256 + 256 + 88) and the rest
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

        assertReadsRandomInputsBelow(dir, ring.length);
    }

    @Test
    void shouldMarkEveryEventOfABatchWhoseAppendFailedAndReportEachOne() {
        final Path dir = tmp.resolve("inputs");
        final SingleChronicleQueue queue = open(dir);
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
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            assertEquals(4, reader.entryCount());
        }
        assertReadsSequencesBelow(dir, 4, "nothing of the failed batch");
    }

    @Test
    void shouldNameTheLayoutVersionOfABatchThisBuildCannotRead() {
        final Path dir = tmp.resolve("inputs");
        final SingleChronicleQueue queue = open(dir);
        final InputBatchCodec codec = new InputBatchCodec();
        final EngineEvent[] ring = {new EngineEvent(), new EngineEvent()};
        timer(ring[0], 0);
        timer(ring[1], 1);
        final int length = codec.encode(s -> ring[(int) s], 0, 2);
        assertEquals(InputBatchCodec.COMPACT_VERSION, codec.array()[1], "this build writes batch layout version 2");
        codec.array()[1] = 3;
        try (var appender = queue.createAppender(); var dc = appender.writingDocument()) {
            dc.wire().bytes().write(codec.array(), 0, length);
        }
        queue.close();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            final CorruptJournalException e = assertThrows(CorruptJournalException.class, () -> reader.next(new EngineEvent()));
            assertTrue(e.getMessage().contains("entry #0: input batch has layout version 3, this build reads 1 and 2 (and plain input entries"
                + " of versions 1 to 3)"), e.getMessage());
            assertTrue(e.getMessage().contains("(the batch document at queue index 0x"), e.getMessage());
        }
    }

    @Test
    void shouldHoldInputsAndAppendThemAsOneDocumentWhenFlushedFullOrShutDown() {
        final Path dir = tmp.resolve("inputs");
        final SingleChronicleQueue queue = open(dir);
        final InputJournalStage stage = startHolding(queue);
        final EngineEvent e = new EngineEvent();
        int seq = 0;
        // flushed after 1 (a batch document of one entry) and after 5; 600 more: two full batches of 256 appended as
        // they fill, the remaining 88 and 2 more held until the shutdown
        final int[] flushedAfter = {1, 5, 600, 2};
        for (int part = 0; part < flushedAfter.length; part++) {
            for (int k = 0; k < flushedAfter[part]; k++, seq++) {
                InputCodecTest.randomInput(e, 1 + seq % (EventType.COUNT - 1), seq);
                e.sequence = seq;
                stage.onEvent(e, seq, true);
                assertFalse(e.journalFailed);
            }
            if (part < 2) {
                assertEquals(seq - flushedAfter[part], stage.entries(), "held, not yet appended");
                stage.flush();
                assertEquals(seq, stage.entries(), "flushed: every input so far appended");
                stage.flush();
                assertEquals(seq, stage.entries(), "a flush with nothing held appends nothing");
            }
        }
        assertEquals(1 + 5 + 2 * InputBatchCodec.MAX_ENTRIES, stage.entries(), "full batches appended as they fill");
        final EngineEvent out = new EngineEvent();
        final int next = seq;
        InputCodecTest.randomInput(out, 1, seq + 5);
        assertThrows(IllegalStateException.class, () -> stage.onEvent(out, next + 5, true), "a gap in the held sequence");
        stage.onShutdown();
        assertEquals(seq, stage.entries(), "the shutdown appends what is held");
        assertEquals(1 + 1 + 2 + 1, queue.entryCount(), "documents: batch of 1, batch of 5, two full batches, the rest");
        queue.close();

        assertReadsRandomInputsBelow(dir, seq);
    }

    @Test
    void shouldAppendTheHeldInputsBeforeTheDecisionsJournalAppendsADecision() {
        final SingleChronicleQueue inputs = open(tmp.resolve("inputs"));
        final SingleChronicleQueue decisionQueue = open(tmp.resolve("decisions"));
        final InputJournalStage stage = startHolding(inputs);
        final SideBuffers side = new SideBuffers(1);
        final EngineEvent e = new EngineEvent();
        try (DecisionJournal decisions = new DecisionJournal(decisionQueue).inputsFirst(stage)) {
            for (int seq = 0; seq < 3; seq++) {
                timer(e, seq);
                stage.onEvent(e, seq, true);
                side.decisionsToWrite(e).clear();
                decisions.onDecisions(e, side);
                assertEquals(0, stage.entries(), "an event without decisions leaves the inputs held");
            }
            timer(e, 3);
            stage.onEvent(e, 3, true);
            side.decisionsToWrite(e).clear();
            side.decisionsToWrite(e).add(DecisionKind.ORDER_NEW, 1, Side.BUY, 100, 1, 1, 0);
            decisions.onDecisions(e, side);
            assertEquals(4, stage.entries(), "the input of a decision, and those before it, are appended first");
            assertEquals(1, decisions.entries());
        }
        stage.onShutdown();
        inputs.close();
        decisionQueue.close();
    }

    @Test
    void shouldNameTheHeldSequencesWhenTheirAppendFailsAndMarkTheInputThatFilledThem() {
        final Path dir = tmp.resolve("inputs");
        final SingleChronicleQueue queue = open(dir);
        final InputJournalStage stage = startHolding(queue);
        final EngineEvent e = new EngineEvent();
        holdTimers(stage, e, 0, 3);
        stage.flush();
        holdTimers(stage, e, 3, 6);
        queue.close();
        final JournalWriteException flushed = assertThrows(JournalWriteException.class, stage::flush);
        assertTrue(flushed.getMessage().contains("cannot append the held input sequences 3..5 to"), flushed.getMessage());
        assertTrue(flushed.getMessage().contains(dir.getFileName().toString()), flushed.getMessage());
        stage.flush();
        assertEquals(3, stage.entries(), "the failed batch is not counted, and no longer held");
        for (int seq = 6; seq < 6 + InputBatchCodec.MAX_ENTRIES; seq++) {
            timer(e, seq);
            if (seq < 5 + InputBatchCodec.MAX_ENTRIES) {
                stage.onEvent(e, seq, true);
            } else {
                final int last = seq;
                final JournalWriteException full = assertThrows(JournalWriteException.class, () -> stage.onEvent(e, last, true));
                assertTrue(full.getMessage().contains("cannot append the held input sequences 6.." + last), full.getMessage());
                assertTrue(e.journalFailed, "the input that filled the batch is marked so that nothing it causes leaves");
            }
        }
        stage.onShutdown();
        assertReadsSequencesBelow(dir, 3, "nothing of the failed batches");
    }

    @Test
    void shouldNameTheInputAndTheBatchDocumentOfADamagedEntryInsideABatch() {
        final Path dir = tmp.resolve("inputs");
        final SingleChronicleQueue queue = open(dir);
        final InputJournalStage stage = startHolding(queue);
        final EngineEvent e = new EngineEvent();
        holdTimers(stage, e, 0, 2);
        stage.flush();
        final InputBatchCodec codec = new InputBatchCodec();
        final EngineEvent[] batch = new EngineEvent[5];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = new EngineEvent();
            timer(batch[i], 2 + i);
        }
        final int length = codec.encode(s -> batch[(int) s - 2], 2, 7);
        final int thirdEntry = 4 + 3 * 2 + 2 * (codec.array()[4] & 0xff | (codec.array()[5] & 0xff) << 8);
        codec.array()[thirdEntry + 10] ^= 0x40;
        final long index;
        try (var appender = queue.createAppender()) {
            try (var dc = appender.writingDocument()) {
                dc.wire().bytes().write(codec.array(), 0, length);
            }
            index = appender.lastIndexAppended();
        }
        stage.onShutdown();
        queue.close();
        final EngineEvent read = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            for (int i = 0; i < 4; i++) {
                assertTrue(reader.next(read), "input " + i + ", before the damage");
                assertEquals(i, read.sequence);
            }
            final CorruptJournalException damaged = assertThrows(CorruptJournalException.class, () -> reader.next(read));
            assertTrue(damaged.getMessage().contains("entry #4: "), damaged.getMessage());
            assertTrue(damaged.getMessage().contains("in the batch document at queue index 0x" + Long.toHexString(index)
                + ", its entry 2"), damaged.getMessage());
        }
    }

    /** The journal in {@code dir} holds exactly the inputs {@code randomInput} made for sequences 0 to {@code count} - 1. */
    private static void assertReadsRandomInputsBelow(final Path dir, final int count) {
        final EngineEvent expected = new EngineEvent();
        final EngineEvent read = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            assertEquals(count, reader.entryCount(), "inputs, not documents");
            for (int i = 0; i < count; i++) {
                assertTrue(reader.next(read), "input " + i);
                InputCodecTest.randomInput(expected, 1 + i % (EventType.COUNT - 1), i);
                expected.sequence = i;
                assertEquals(expected.toString(), read.toString());
            }
            assertFalse(reader.next(read));
        }
    }

    /** The journal in {@code dir} reads back the inputs of sequence 0 to {@code count} - 1, in order, and nothing after. */
    private static void assertReadsSequencesBelow(final Path dir, final int count, final String nothingAfter) {
        final EngineEvent read = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(dir)) {
            for (int i = 0; i < count; i++) {
                assertTrue(reader.next(read));
                assertEquals(i, read.sequence);
            }
            assertFalse(reader.next(read), nothingAfter);
        }
    }

    /** A queue of 1 MiB blocks, daily cycles, without the page toucher, for writing. */
    private static SingleChronicleQueue open(final Path dir) {
        return Queues.openForWriting(dir, new JournalSettings(1 << 20, "FAST_DAILY", false, 0), null);
    }

    private static InputJournalStage startHolding(final SingleChronicleQueue queue) {
        final InputJournalStage stage = new InputJournalStage(queue).holdBatches();
        stage.onStart();
        return stage;
    }

    /** Timer inputs {@code from} (inclusive) to {@code to} (exclusive) through the stage. */
    private static void holdTimers(final InputJournalStage stage, final EngineEvent e, final long from, final long to) {
        for (long seq = from; seq < to; seq++) {
            timer(e, seq);
            stage.onEvent(e, seq, true);
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
