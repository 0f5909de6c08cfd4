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

    private static void timer(final EngineEvent e, final long seq) {
        e.clear();
        e.type = EventType.TIMER;
        e.sequence = seq;
        e.eventTimeNanos = 1_000 + seq;
        e.receiveTimeNanos = 2_000 + seq;
    }
}
