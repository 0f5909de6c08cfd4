package io.skytrade.journal;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.BatchReader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Stage 0: appends every input event to the inputs queue in the {@link InputCodec} layout before
 * any later stage (or, in the parallel layout, before the outbound stage) lets anything it causes
 * leave the engine. Bound to the ring's slots ({@link BatchReader}), it appends the whole batch the
 * ring hands its thread at the batch's first event, in one Chronicle document (an
 * {@link InputBatchCodec} batch of up to {@value InputBatchCodec#MAX_ENTRIES} inputs, a batch of one
 * included, its entries in input layout 3): one write lock, header and index entry per batch instead of per input,
 * and still every input of the batch journaled before any later stage sees the first of them.
 * If an append fails, every event of the batch is marked {@link EngineEvent#journalFailed} (the
 * order stage then sends nothing for them) and the failure propagates to the stage failure
 * recorder, once for each of them.
 *
 * <p>Unbound (the inline pipeline) it appends each input as its own document (a batch of one), or, after
 * {@link #holdBatches()}, holds consecutive inputs and appends them as one batch document when
 * {@value InputBatchCodec#MAX_ENTRIES} are held, when {@link #flush()} is called and at shutdown. The
 * owner then keeps the journal's rule by calling {@link #flush()} before anything an input causes
 * leaves the engine (an order or cancel to the venue, a decision to the decisions journal): the
 * input sequence and every input's bytes are those of the one-document-per-input journal, only
 * the documents' framing differs. A held batch whose append fails is lost as a whole (the failure
 * names its sequences), as a failed ring batch is.
 *
 * <p>Runs on one stage thread; the appender is created on that thread in {@link #onStart()}.
 * Hot-path cost: encode + CRC (~50 ns) per input, one Chronicle append (~150 ns) per batch; no
 * allocation. {@link #bytesAppended()} is published with an ordered store for the page toucher, and
 * so is where the appender writes when a {@link WriterMapping} is given (one more ordered store per
 * batch), for the toucher to populate the appender's own mapping ahead of it.
 */
public final class InputJournalStage implements EventHandler<EngineEvent>, BatchReader {
    private final SingleChronicleQueue queue;
    private final InputBatchCodec batch = new InputBatchCodec();
    private final AtomicLong bytesAppended;
    private final WriterMapping mapping;
    private final AtomicLong entries = new AtomicLong();
    private ExcerptAppender appender;
    private LongFunction<EngineEvent> slots;
    /** Size of the batch whose first event comes next (0: not told, handle events one by one). */
    private long nextBatchSize;
    /** End (exclusive) of the ring batch being handled. */
    private long batchEnd;
    /** Sequences below this one are journaled (or failed, see {@link #failedEnd}). */
    private long journaledEnd;
    /** Sequences from {@link #failedStart} below this one belong to a batch whose append failed. */
    private long failedEnd;
    private long failedStart;
    /** Whether an unbound stage holds inputs for batch documents ({@link #holdBatches()}). */
    private boolean holding;
    /** Sequence of the first held input. */
    private long heldFrom;

    /**
     * @param queue         the run's inputs queue
     * @param bytesAppended running count of bytes appended, shared with the {@link PageToucher}
     * @param mapping       where this stage's appender writes, published for the {@link PageToucher}; null for none
     */
    public InputJournalStage(final SingleChronicleQueue queue, final AtomicLong bytesAppended, final WriterMapping mapping) {
        this.queue = queue;
        this.bytesAppended = bytesAppended;
        this.mapping = mapping;
    }

    public InputJournalStage(final SingleChronicleQueue queue, final AtomicLong bytesAppended) {
        this(queue, bytesAppended, null);
    }

    public InputJournalStage(final SingleChronicleQueue queue) {
        this(queue, new AtomicLong());
    }

    /**
     * Has this stage, when it is not bound to a ring's slots, hold consecutive inputs and append
     * them as one batch document (see the class comment); the caller must {@link #flush()} before
     * anything an input causes leaves the engine. Before {@link #onStart()}.
     */
    public InputJournalStage holdBatches() {
        holding = true;
        return this;
    }

    @Override
    public void bindSlots(final LongFunction<EngineEvent> slots) {
        this.slots = slots;
    }

    @Override
    public void onStart() {
        appender = queue.createAppender();
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth) {
        nextBatchSize = batchSize;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (holding && slots == null) {
            hold(event, sequence);
            return;
        }
        if (nextBatchSize > 0) {
            batchEnd = sequence + nextBatchSize;
            nextBatchSize = 0;
        }
        if (sequence < journaledEnd) {
            if (sequence >= failedStart && sequence < failedEnd) {
                throw new JournalWriteException("cannot append input sequence " + sequence + " to " + queue.file()
                    + ": the append of its batch " + failedStart + ".." + (failedEnd - 1) + " failed", null);
            }
            return;
        }
        final long end = slots == null || batchEnd <= sequence + 1 ? sequence + 1
            : Math.min(batchEnd, sequence + InputBatchCodec.MAX_ENTRIES);
        final int length = end == sequence + 1 ? batch.encodeSingle(event) : batch.encode(slots, sequence, end);
        journaledEnd = end;
        try (DocumentContext dc = appender.writingDocument()) {
            write(dc, 0, length);
        } catch (final RuntimeException e) {
            failedStart = sequence;
            failedEnd = end;
            event.journalFailed = true;
            for (long s = sequence + 1; s < end; s++) {
                slots.apply(s).journalFailed = true;
            }
            throw new JournalWriteException("cannot append input sequence " + sequence
                + (end > sequence + 1 ? " (and its batch up to " + (end - 1) + ")" : "") + " to " + queue.file(), e);
        }
        counted(length, end - sequence);
    }

    /** Copies {@code length} bytes of the codec's array from {@code offset} into the document, then publishes where the appender is. */
    private void write(final DocumentContext dc, final int offset, final int length) {
        final Bytes<?> bytes = dc.wire().bytes();
        bytes.write(batch.array(), offset, length);
        if (mapping != null) {
            mapping.wrote(bytes);
        }
    }

    /** Publishes an appended document of {@code length} bytes holding {@code inputs} inputs (ordered stores, for the page toucher and the status). */
    private void counted(final int length, final long inputs) {
        bytesAppended.lazySet(bytesAppended.get() + length + 4);
        entries.lazySet(entries.get() + inputs);
    }

    private void hold(final EngineEvent event, final long sequence) {
        if (batch.held() == 0) {
            heldFrom = sequence;
        } else if (sequence != heldFrom + batch.held()) {
            throw new IllegalStateException("input sequence " + sequence + " does not follow the held inputs "
                + heldFrom + ".." + (heldFrom + batch.held() - 1));
        }
        if (batch.hold(event) == InputBatchCodec.MAX_ENTRIES) {
            try {
                appendHeld();
            } catch (final JournalWriteException e) {
                event.journalFailed = true;
                throw e;
            }
        }
    }

    /**
     * Appends the inputs held since the last append (after {@link #holdBatches()}) as one document;
     * nothing if none are held. Call it before anything an input causes leaves the engine.
     *
     * @throws JournalWriteException naming the held sequences and the queue when the append fails
     *                               (they are not journaled, and no longer held)
     */
    public void flush() {
        if (batch.held() > 0) {
            appendHeld();
        }
    }

    private void appendHeld() {
        final int count = batch.held();
        final int offset = batch.heldOffset();
        final int length = batch.heldLength();
        try (DocumentContext dc = appender.writingDocument()) {
            write(dc, offset, length);
        } catch (final RuntimeException e) {
            throw new JournalWriteException("cannot append the held input sequences " + heldFrom + ".."
                + (heldFrom + count - 1) + " to " + queue.file(), e);
        } finally {
            batch.releaseHeld();
        }
        counted(length, count);
    }

    /** Appends whatever inputs are held ({@link #flush()}) and closes the appender. */
    @Override
    public void onShutdown() {
        if (appender != null) {
            try {
                flush();
            } finally {
                appender.close();
                appender = null;
            }
        }
    }

    public long bytesAppended() {
        return bytesAppended.get();
    }

    public long entries() {
        return entries.get();
    }
}
