package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The pipeline's stages run on the caller's thread: inputs are published into a preallocated
 * circular queue of {@link EngineEvent}s and {@link #drain()} passes each one through every
 * stage in pipeline order, with the same per-stage failure isolation as a stage thread
 * ({@link StageGroupHandler}, {@link StageFailureRecorder}). Sequences are dense and start at 0,
 * exactly as on a ring.
 *
 * <p>For backtests, where an input must be handled to the end before the next is released (the
 * fill model must see the orders an input caused before the next market event): the Disruptor's
 * hand-off between threads would only add a round trip per input. Events published while
 * draining (by a stage's failure listener, say) are queued behind the current one and handled in
 * the same drain. An empty queue starts again at its first slot, so a backtest that drains after
 * every input keeps reusing the same few cache-hot events instead of walking the whole queue.
 * Single-threaded; no allocation after construction; publishing into a full
 * queue is an {@link IllegalStateException} naming the capacity (the caller drains after each
 * input, so it only fills up if one input causes more events than the queue holds).
 */
public final class InlinePipeline implements InboundPublisher {
    private final EngineEvent[] queue;
    private final int mask;
    private final EpochNanoClock clock;
    private final StageGroupHandler stages;
    private final StageFailureRecorder failures;
    private final EngineHealth health;
    private final List<String> stageNames;
    private final StateHashCheckpoints checkpoints;
    private long head;
    private long tail;
    private long slotBase;
    private boolean draining;
    private boolean started;

    InlinePipeline(final int capacity, final EpochNanoClock clock, final Stage[] stages, final int[] indexes,
                   final int[] hashSlots, final SideBuffers side, final StateHashCheckpoints checkpoints, final StageObserver[] observers,
                   final StageFailureRecorder failures, final EngineHealth health, final List<String> stageNames) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("inline pipeline capacity must be a power of two, was " + capacity);
        }
        this.queue = new EngineEvent[capacity];
        for (int i = 0; i < capacity; i++) {
            queue[i] = new EngineEvent();
        }
        this.mask = capacity - 1;
        this.clock = clock;
        this.failures = failures;
        this.health = health;
        this.stageNames = List.copyOf(stageNames);
        this.checkpoints = checkpoints;
        this.stages = new StageGroupHandler("inline", stages, indexes, hashSlots, side, failures,
            new CpuPinning(CpuPinning.NONE, message -> { }, ThreadPinner.UNAVAILABLE), new CountDownLatch(1), false, observers);
    }

    /** Calls every stage's {@code onStart} (once). */
    public InlinePipeline start() {
        if (!started) {
            started = true;
            stages.onStart();
        }
        return this;
    }

    /** Calls every stage's {@code onShutdown} after handling whatever is still queued. */
    public void stop() {
        drain();
        if (started) {
            started = false;
            stages.onShutdown();
        }
    }

    @Override
    public <A> long publish(final InputTranslator<A> translator, final A source) {
        final long sequence = claim();
        try {
            final EngineEvent event = slot(sequence);
            RingInboundPublisher.translate(event, sequence, clock.nanoTime(), translator, source);
            event.stateHashCount = checkpoints.countAt(sequence);
        } finally {
            tail = sequence + 1;
        }
        return sequence;
    }

    /** Queues a copy of {@code input}'s header and input fields, keeping its receive time. */
    public long publishCopy(final EngineEvent input) {
        final long sequence = claim();
        final EngineEvent event = slot(sequence);
        event.copyInputsFrom(input);
        queue(event, sequence);
        return sequence;
    }

    /**
     * Queues {@code input} itself, in exchange for the event object that held the next slot: the
     * same event as {@link #publishCopy} of {@code input} when {@code input} was cleared before its
     * input fields were written (as every decoder does: its outputs are then already clear), without
     * the copy. The caller hands over {@code input} (it belongs to the queue now) and gets back the
     * slot's previous event to write its next input into (after clearing it).
     *
     * @return the event object the caller owns from now on, in place of {@code input}
     */
    public EngineEvent publishInPlace(final EngineEvent input) {
        final long sequence = claim();
        final int index = (int) (sequence - slotBase) & mask;
        final EngineEvent previous = queue[index];
        queue[index] = input;
        queue(input, sequence);
        return previous;
    }

    /** Stamps the claimed slot's pipeline sequence and checkpoint count and moves the tail past it. */
    private void queue(final EngineEvent event, final long sequence) {
        event.sequence = sequence;
        event.stateHashCount = checkpoints.countAt(sequence);
        tail = sequence + 1;
    }

    /**
     * Has {@code source} write its next input straight into the next slot and queues it: the same
     * event as {@link #publishCopy} of that input (its receive time kept, the pipeline's sequence),
     * without the copy.
     *
     * @return false, publishing nothing, when the source has no next input
     */
    public boolean publishFrom(final InputSource source) {
        final long sequence = claim();
        final EngineEvent event = slot(sequence);
        if (!source.next(event)) {
            return false;
        }
        queue(event, sequence);
        return true;
    }

    private long claim() {
        if (head == tail) {
            slotBase = tail;
        } else if (tail - head == queue.length) {
            throw new IllegalStateException("inline pipeline queue full: " + queue.length
                + " events published without a drain");
        }
        return tail;
    }

    private EngineEvent slot(final long sequence) {
        return queue[(int) (sequence - slotBase) & mask];
    }

    /**
     * Handles every queued event, including those published while draining, through all stages.
     * A nested call (from inside a stage) returns at once: the outer drain handles the rest.
     *
     * @return the number of events handled
     */
    public long drain() {
        if (draining) {
            return 0;
        }
        draining = true;
        final long first = head;
        try {
            while (head < tail) {
                final long sequence = head;
                stages.onEvent(slot(sequence), sequence, sequence + 1 == tail);
                head = sequence + 1;
            }
        } finally {
            draining = false;
        }
        return head - first;
    }

    /** Number of events published so far (the next sequence). */
    public long publishedCount() {
        return tail;
    }

    public StageFailureRecorder failures() {
        return failures;
    }

    public EngineHealth health() {
        return health;
    }

    public List<String> stageNames() {
        return stageNames;
    }
}
