package io.skytrade.journal;

import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.valuation.ValuationContext;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends every decision of an event (order intents, risk verdicts, mode changes) to the decisions
 * queue in the {@link DecisionCodec} layout, each with the valuation its instrument had when it was
 * made (a {@link ValuationContext} fed every event), followed on checkpoint events by one
 * {@link io.skytrade.core.event.DecisionKind#STATE_HASH} entry per stateful stage; the order stage
 * calls it for every event, before it sends anything.
 *
 * <p>Used by exactly one thread (the order stage's); the appender is created on first use on that
 * thread. Hot-path cost: nothing for events without decisions; ~200 ns per decision; no allocation.
 */
public final class DecisionJournal implements DecisionListener, AutoCloseable {
    private final SingleChronicleQueue queue;
    private final DecisionCodec codec = new DecisionCodec();
    private final DecisionRecord checkpoint = new DecisionRecord();
    private final ValuationContext valuation = new ValuationContext();
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong bytesAppended;
    private final WriterMapping mapping;
    private ExcerptAppender appender;
    /** The inputs journal that holds batches and must append them before a decision is journaled, or null. */
    private InputJournalStage inputsFirst;

    public DecisionJournal(final SingleChronicleQueue queue) {
        this(queue, new AtomicLong());
    }

    /**
     * @param queue         the run's decisions queue
     * @param bytesAppended running count of bytes appended, shared with the {@link PageToucher}
     */
    public DecisionJournal(final SingleChronicleQueue queue, final AtomicLong bytesAppended) {
        this(queue, bytesAppended, null);
    }

    /**
     * @param queue         the run's decisions queue
     * @param bytesAppended running count of bytes appended, shared with the {@link PageToucher}
     * @param mapping       where this journal's appender writes, published for the {@link PageToucher}; null for none
     */
    public DecisionJournal(final SingleChronicleQueue queue, final AtomicLong bytesAppended, final WriterMapping mapping) {
        this.queue = queue;
        this.bytesAppended = bytesAppended;
        this.mapping = mapping;
    }

    /**
     * Has the inputs journal append the inputs it holds ({@link InputJournalStage#holdBatches()},
     * {@link InputJournalStage#flush()}) before this journal appends anything, so an input is on its
     * journal before a decision it caused is on this one. Before the first event.
     */
    public DecisionJournal inputsFirst(final InputJournalStage inputs) {
        this.inputsFirst = inputs;
        return this;
    }

    @Override
    public void onDecisions(final EngineEvent event, final SideBuffers side) {
        valuation.onEvent(event, side);
        final Decisions d = side.decisions(event);
        final int n = d.count();
        final int hashes = event.stateHashCount;
        if (n == 0 && hashes == 0) {
            return;
        }
        if (appender == null) {
            appender = queue.createAppender();
        }
        if (inputsFirst != null) {
            inputsFirst.flush();
        }
        for (int i = 0; i < n; i++) {
            append(codec.encode(event.sequence, d, i, valuation), i, event.sequence);
        }
        for (int k = 0; k < hashes; k++) {
            append(codec.encode(checkpoint.setStateHash(event.sequence, n + k, k, side.stateHash(event, k))), n + k,
                event.sequence);
        }
        entries.lazySet(entries.get() + n);
        if (hashes > 0) {
            checkpoints.lazySet(checkpoints.get() + hashes);
        }
    }

    private void append(final int length, final int index, final long sequence) {
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.write(codec.array(), 0, length);
            if (mapping != null) {
                mapping.wrote(bytes);
            }
        } catch (final RuntimeException e) {
            throw new JournalWriteException("cannot append decision " + index + " of input sequence " + sequence
                + " to " + queue.file(), e);
        }
        bytesAppended.lazySet(bytesAppended.get() + length + 4);
    }

    /** Decisions journaled (state-hash checkpoints not included). */
    public long entries() {
        return entries.get();
    }

    /** State-hash checkpoint entries journaled (one per stateful stage per checkpoint). */
    public long checkpoints() {
        return checkpoints.get();
    }

    @Override
    public void close() {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }
}
