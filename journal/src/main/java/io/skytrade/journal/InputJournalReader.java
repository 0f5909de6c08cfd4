package io.skytrade.journal;

import io.skytrade.core.event.EngineEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads a run's inputs queue from the start, one event at a time, into a caller's
 * {@link EngineEvent}: plain input entries (journals written before session 13) and batch documents
 * ({@link InputBatchCodec}: since batched appends, and every document since session 13), entries of
 * input layouts 1 to 3. Stops cleanly at the last complete entry (a writer killed mid-append leaves
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
    private final InputBatchCodec batch = new InputBatchCodec();
    private final Path dir;
    private long count;
    private long entryBytes;
    /** Entries of the current batch document not yet delivered. */
    private int batchLeft;
    /** Chronicle index of the current batch document, for naming it when one of its entries is damaged. */
    private long batchIndex;

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
        if (batchLeft > 0) {
            batchLeft--;
            deliverFromBatch(batch.next(codec.array()), into);
            return true;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long remaining = bytes.readRemaining();
            if (remaining > 0 && bytes.readByte(bytes.readPosition()) == InputBatchCodec.MAGIC) {
                if (remaining > InputBatchCodec.MAX_LENGTH) {
                    throw new CorruptJournalException(dir + ": entry #" + count + " is a batch of length " + remaining
                        + ", more than the largest batch (" + InputBatchCodec.MAX_LENGTH + ")");
                }
                final int length = (int) remaining;
                bytes.read(batch.array(), 0, length);
                batchIndex = dc.index();
                try {
                    batchLeft = batch.open(length) - 1;
                } catch (final CorruptJournalException e) {
                    throw new CorruptJournalException(dir + ": entry #" + count + ": " + e.getMessage()
                        + " (the batch document at queue index " + hexIndex(batchIndex) + ")", e);
                }
                deliverFromBatch(batch.next(codec.array()), into);
                return true;
            }
            if (remaining > InputCodec.MAX_LENGTH) {
                throw new CorruptJournalException(dir + ": entry #" + count + " has length " + remaining
                    + ", more than the largest input (" + InputCodec.MAX_LENGTH + ")");
            }
            final int length = (int) remaining;
            bytes.read(codec.array(), 0, length);
            deliver(length, into);
            return true;
        }
    }

    /** {@link #deliver} of an entry of the current batch document, naming that document if the entry is damaged. */
    private void deliverFromBatch(final int length, final EngineEvent into) {
        try {
            deliver(length, into);
        } catch (final CorruptJournalException e) {
            throw new CorruptJournalException(e.getMessage() + " (in the batch document at queue index " + hexIndex(batchIndex)
                + ", its entry " + (batch.entries() - batchLeft - 1) + ")", e);
        }
    }

    private static String hexIndex(final long index) {
        return "0x" + Long.toHexString(index);
    }

    /** Decodes the entry of {@code length} bytes in the codec's array into {@code into} and checks its sequence. */
    private void deliver(final int length, final EngineEvent into) {
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
    }

    /**
     * Inputs in the journal, without reading them all: the sequence of the last input of the last
     * complete document, plus one (inputs are dense from 0; an entry a killed writer left incomplete
     * is not counted). Falls back to Chronicle's count of documents if the last one does not parse
     * (the reader then names the damage when it gets there).
     */
    public long entryCount() {
        try {
            final long documents = queue.entryCount();
            if (documents == 0) {
                return 0;
            }
            try (ExcerptTailer last = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
                 DocumentContext dc = last.readingDocument()) {
                if (!dc.isPresent()) {
                    return documents;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final byte[] doc = new byte[(int) Math.min(bytes.readRemaining(), InputBatchCodec.MAX_LENGTH)];
                bytes.read(doc);
                final long sequence = InputBatchCodec.lastSequence(doc);
                return sequence >= 0 ? sequence + 1 : documents;
            }
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
