package io.skytrade.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads a run's decisions queue from the start into a caller's {@link DecisionRecord}. A run that
 * made no decision may have no queue files at all: that reads as empty.
 *
 * <p>Single-threaded. Cost per entry: one tailer read and a decode; no allocation.
 */
public final class DecisionJournalReader implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final DecisionCodec codec = new DecisionCodec();
    private final Path dir;
    private long count;

    public DecisionJournalReader(final Path decisionsDir) {
        this.dir = decisionsDir;
        final java.io.File[] files = decisionsDir.toFile().listFiles((d, name) -> name.endsWith(".cq4"));
        if (files == null || files.length == 0) {
            this.queue = null;
            this.tailer = null;
        } else {
            this.queue = Queues.openForReading(decisionsDir);
            this.tailer = queue.createTailer();
        }
    }

    /**
     * Reads the next decision into {@code into}.
     *
     * @return false at the end of the journal
     */
    public boolean next(final DecisionRecord into) {
        if (tailer == null) {
            return false;
        }
        try {
            return read(into);
        } catch (final InternalError | Exception e) {
            // Chronicle throws undeclared checked exceptions (StreamCorruptedException) on damaged bytes
            throw ChronicleFaults.unreadable(dir, "reading decision #" + count, e);
        }
    }

    private boolean read(final DecisionRecord into) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long remaining = bytes.readRemaining();
            if (remaining != DecisionCodec.LENGTH && remaining != DecisionCodec.LENGTH_V1) {
                throw new CorruptJournalException(dir + ": decision #" + count + " has length " + remaining
                    + ", expected " + DecisionCodec.LENGTH + " (or " + DecisionCodec.LENGTH_V1 + " for layout version 1)");
            }
            final int length = (int) remaining;
            bytes.read(codec.array(), 0, length);
            try {
                codec.decode(length, into);
            } catch (final CorruptJournalException e) {
                throw new CorruptJournalException(dir + ": decision #" + count + ": " + e.getMessage(), e);
            }
            count++;
            return true;
        }
    }

    /**
     * Lets the calling thread take over the reader from the thread that used it before (Chronicle
     * tailers check that one thread uses them at a time); call after that thread has stopped.
     */
    public void handOverToCurrentThread() {
        if (tailer != null) {
            tailer.singleThreadedCheckReset();
        }
    }

    public long count() {
        return count;
    }

    @Override
    public void close() {
        if (tailer != null) {
            tailer.close();
            queue.close();
        }
    }
}
