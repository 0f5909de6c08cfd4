package io.skytrade.journal;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import net.openhft.chronicle.core.io.IORuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queues damaged on disk (a copy cut short, a garbled header or metadata file) are reported as a
 * {@link CorruptJournalException} naming the file and what is wrong, before anything is read from
 * them; never as the JVM's fault in a memory-mapped read (which in compiled code surfaces late, as
 * whatever exception the garbage led to first) or Chronicle's unrelated messages.
 */
@Timeout(60)
class DamagedQueueTest {
    private static final SideBuffers SIDE = new SideBuffers(1);
    private static final int ENTRIES = 5_000;
    /** Page-aligned, past the queue file's header and index, well before its last entry. */
    private static final long CUT = 128 * 1024;

    @TempDir
    Path tmp;

    @Test
    void shouldRefuseAQueueFileCutShortOfItsLastEntryBeforeReadingIt() throws IOException {
        final RunDirectory run = writeRun(ENTRIES);
        final Path file = queueFile(run.inputs());
        truncate(file, CUT);
        final CorruptJournalException ex = assertThrows(CorruptJournalException.class, () -> new InputJournalReader(run.inputs()));
        assertTrue(ex.getMessage().startsWith(file + " is truncated: " + CUT + " bytes, but its last entry starts at byte "),
            ex.getMessage());
    }

    @Test
    void shouldRefuseAQueueFileShorterThanAnyQueueFileIsCreated() throws IOException {
        final RunDirectory run = writeRun(ENTRIES);
        final Path file = queueFile(run.decisions());
        for (final long length : new long[] {4096, 100, 0}) {
            truncate(file, length);
            final CorruptJournalException ex = assertThrows(CorruptJournalException.class,
                () -> new DecisionJournalReader(run.decisions()));
            assertTrue(ex.getMessage().startsWith(file + " is truncated: " + length + " bytes, less than the 65536"),
                ex.getMessage());
        }
    }

    @Test
    void shouldNameADamagedQueueFileHeader() throws IOException {
        final RunDirectory run = writeRun(100);
        final Path file = queueFile(run.inputs());
        final byte[] intact = Files.readAllBytes(file);
        for (final int offset : new int[] {0, 8, 40, 100}) {
            final byte[] garbled = intact.clone();
            for (int i = offset; i < offset + 4; i++) {
                garbled[i] ^= 0x5a;
            }
            Files.write(file, garbled);
            final CorruptJournalException ex = assertThrows(CorruptJournalException.class,
                () -> new InputJournalReader(run.inputs()).close(), "offset " + offset);
            assertTrue(ex.getMessage().startsWith(run.inputs() + ": unreadable while reading the header of cycle "),
                offset + ": " + ex.getMessage());
        }
    }

    @Test
    void shouldNameAMissingOrEmptyMetadataFile() throws IOException {
        final RunDirectory run = writeRun(100);
        final Path metadata = run.inputs().resolve(Queues.METADATA);
        Files.write(metadata, new byte[0]);
        assertMessage(run, metadata + " is damaged: 0 bytes, shorter than its header");
        Files.delete(metadata);
        assertMessage(run, metadata + " is missing");
    }

    @Test
    void shouldNameAGarbledMetadataFileWhereverItIsGarbled() throws IOException {
        final RunDirectory run = writeRun(100);
        final Path metadata = run.inputs().resolve(Queues.METADATA);
        final byte[] intact = Files.readAllBytes(metadata);
        // The header word, the header's class name, the wire type, the roll cycle's format and the
        // table store's keys: each garbled must be named, none may fall back to default settings.
        for (final int offset : new int[] {0, 2, 20, 40, 90, 100, 120, 130, 180, 200}) {
            final byte[] garbled = intact.clone();
            for (int i = offset; i < offset + 4; i++) {
                garbled[i] ^= 0x5a;
            }
            Files.write(metadata, garbled);
            final CorruptJournalException ex = assertThrows(CorruptJournalException.class,
                () -> new InputJournalReader(run.inputs()).close(), "offset " + offset);
            assertTrue(ex.getMessage().contains(metadata.getFileName().toString()), offset + ": " + ex.getMessage());
            assertTrue(!ex.getMessage().endsWith(": null") && ex.getMessage().lines().count() == 1,
                offset + ": " + ex.getMessage());
        }
        Files.write(metadata, intact);
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            assertEquals(100, reader.entryCount(), "the intact file reads again");
        }
    }

    @Test
    void shouldRecogniseTheMappedFileFaultAlsoWhenChronicleWrapsIt() {
        final InternalError fault = new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java code");
        assertTrue(ChronicleFaults.isMappedFileFault(fault));
        assertTrue(ChronicleFaults.isMappedFileFault(new IORuntimeException(fault)), "compiled, Chronicle wraps it");
        assertFalse(ChronicleFaults.isMappedFileFault(new InternalError("something else")));
        assertFalse(ChronicleFaults.isMappedFileFault(new IllegalStateException("no cause")));
    }

    private static void assertMessage(final RunDirectory run, final String start) {
        final CorruptJournalException ex = assertThrows(CorruptJournalException.class,
            () -> new InputJournalReader(run.inputs()).close());
        assertTrue(ex.getMessage().startsWith(start), ex.getMessage());
    }

    private RunDirectory writeRun(final int n) {
        final RunDirectory run = RunDirectory.create(tmp, "a: 1\n", Instant.parse("2026-11-25T10:00:00Z"));
        final JournalSettings settings = new JournalSettings(1 << 20, "FAST_DAILY", false, 0);
        try (var inputs = Queues.openForWriting(run.inputs(), settings, null);
             var decisions = Queues.openForWriting(run.decisions(), settings, null)) {
            final InputJournalStage stage = new InputJournalStage(inputs, new AtomicLong());
            final DecisionJournal decisionJournal = new DecisionJournal(decisions);
            stage.onStart();
            final EngineEvent e = new EngineEvent();
            for (int i = 0; i < n; i++) {
                InputCodecTest.randomInput(e, 1 + i % (EventType.COUNT - 1), i);
                e.sequence = i;
                stage.onEvent(e, i, true);
                SIDE.decisionsToWrite(e).add(DecisionKind.ORDER_NEW, 1, Side.BUY, i, 1, i + 1, 0);
                decisionJournal.onDecisions(e, SIDE);
            }
            stage.onShutdown();
            decisionJournal.close();
        }
        return run;
    }

    /** The (first) queue file of a queue directory. */
    static Path queueFile(final Path queue) throws IOException {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    private static void truncate(final Path file, final long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }
}
