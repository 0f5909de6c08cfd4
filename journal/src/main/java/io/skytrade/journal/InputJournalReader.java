package io.skytrade.journal;

import io.skytrade.core.event.EngineEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads a run's inputs queue from the start, one event at a time, into a caller's
 * {@link EngineEvent}. Stops cleanly at the last complete entry (a writer killed mid-append leaves
 * an incomplete entry that Chronicle does not present). A damaged entry raises a
 * {@link CorruptJournalException} naming its position; everything before it has been delivered. So
 * does a queue file truncated below an entry (the memory-mapped read faults).
 *
 * <p>Single-threaded. Cost per entry: one tailer read and a decode; no allocation.
 */
public final class InputJournalReader implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final InputCodec codec = new InputCodec();
    private final Path dir;
    private long count;
    private long entryBytes;

    public InputJournalReader(final Path inputsDir) {
        this.dir = inputsDir;
        this.queue = Queues.openForReading(inputsDir);
        this.tailer = queue.createTailer();
    }

    /**
     * Reads the next input into {@code into}.
     *
     * @return false at the end of the journal
     */
    public boolean next(final EngineEvent into) {
        try {
            return read(into);
        } catch (final InternalError | Exception e) {
            // Chronicle throws undeclared checked exceptions (StreamCorruptedException) on damaged bytes
            throw ChronicleFaults.unreadable(dir, "reading entry #" + count, e);
        }
    }

    private boolean read(final EngineEvent into) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long remaining = bytes.readRemaining();
            if (remaining > InputCodec.MAX_LENGTH) {
                throw new CorruptJournalException(dir + ": entry #" + count + " has length " + remaining
                    + ", more than the largest input (" + InputCodec.MAX_LENGTH + ")");
            }
            final int length = (int) remaining;
            bytes.read(codec.array(), 0, length);
            try {
                codec.decode(length, into);
            } catch (final CorruptJournalException e) {
                throw new CorruptJournalException(dir + ": entry #" + count + ": " + e.getMessage(), e);
            }
            if (into.sequence != count) {
                throw new CorruptJournalException(dir + ": entry #" + count + " carries sequence " + into.sequence
                    + "; inputs must be dense from 0");
            }
            count++;
            entryBytes += length;
            return true;
        }
    }

    /**
     * Entries in the journal, from Chronicle's index without reading them (an entry a killed
     * writer left incomplete may be counted but is never delivered).
     */
    public long entryCount() {
        try {
            return queue.entryCount();
        } catch (final InternalError | Exception e) {
            // Chronicle throws undeclared checked exceptions (StreamCorruptedException) on damaged bytes
            throw ChronicleFaults.unreadable(dir, "counting its entries", e);
        }
    }

    /** Entries read so far. */
    public long count() {
        return count;
    }

    /** Bytes of the entries read so far (their encoded inputs, without Chronicle's 4-byte headers). */
    public long bytes() {
        return entryBytes;
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
