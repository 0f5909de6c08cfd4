package io.skytrade.core.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import org.agrona.concurrent.EpochNanoClock;

/**
 * {@link InboundPublisher} over a Disruptor ring: claim, clear, stamp the sequence and the receive
 * time from the injected clock, translate, publish in a finally block. A translator that throws
 * leaves a {@link EventType#NONE} slot (journaled as void and ignored by the stages, so sequences
 * stay dense) and its exception propagates to the caller.
 *
 * <p>Thread-safety: safe for several producers when the ring is multi-producer. Hot-path cost:
 * one claim (a CAS for multi-producer), one clock read, one publish; no allocation.
 */
public final class RingInboundPublisher implements InboundPublisher {
    private final RingBuffer<EngineEvent> ring;
    private final EpochNanoClock clock;
    private final StateHashCheckpoints checkpoints;

    public RingInboundPublisher(final RingBuffer<EngineEvent> ring, final EpochNanoClock clock) {
        this(ring, clock, StateHashCheckpoints.NONE);
    }

    /** A publisher that also stamps {@link EngineEvent#stateHashCount} at the given checkpoints. */
    public RingInboundPublisher(final RingBuffer<EngineEvent> ring, final EpochNanoClock clock,
                                final StateHashCheckpoints checkpoints) {
        this.ring = ring;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    @Override
    public <A> long publish(final InputTranslator<A> translator, final A source) {
        return fillAndPublish(ring.next(), translator, source);
    }

    /**
     * Publishes one input if the ring has a free slot, without waiting (for stage threads, which
     * must never block on their own ring).
     *
     * @return the sequence, or -1 when the ring was full and nothing was published
     */
    public <A> long tryPublish(final InputTranslator<A> translator, final A source) {
        final long sequence;
        try {
            sequence = ring.tryNext();
        } catch (final com.lmax.disruptor.InsufficientCapacityException e) {
            return -1;
        }
        return fillAndPublish(sequence, translator, source);
    }

    private <A> long fillAndPublish(final long sequence, final InputTranslator<A> translator, final A source) {
        try {
            final EngineEvent event = ring.get(sequence);
            translate(event, sequence, clock.nanoTime(), translator, source);
            event.stateHashCount = checkpoints.countAt(sequence);
        } finally {
            ring.publish(sequence);
        }
        return sequence;
    }

    /**
     * Clears {@code event}, stamps its sequence and receive time and lets the translator copy the
     * input in; a translator that throws leaves the event cleared (a {@link EventType#NONE} slot
     * with its sequence) and its exception propagates. Shared with {@link InlinePipeline}.
     */
    static <A> void translate(final EngineEvent event, final long sequence, final long receiveTimeNanos,
                              final InputTranslator<A> translator, final A source) {
        boolean translated = false;
        try {
            event.clear();
            event.sequence = sequence;
            event.receiveTimeNanos = receiveTimeNanos;
            translator.translateTo(event, source);
            translated = true;
        } finally {
            if (!translated) {
                event.clear();
                event.sequence = sequence;
            }
        }
    }

    /**
     * Publishes a copy of {@code input}'s header and input fields, keeping its receive time (replay
     * and journal relays use this: the journaled times are the truth).
     */
    public long publishCopy(final EngineEvent input) {
        final long sequence = ring.next();
        try {
            final EngineEvent event = ring.get(sequence);
            event.copyInputsFrom(input);
            event.sequence = sequence;
            event.stateHashCount = checkpoints.countAt(sequence);
        } finally {
            ring.publish(sequence);
        }
        return sequence;
    }

    public RingBuffer<EngineEvent> ring() {
        return ring;
    }
}
