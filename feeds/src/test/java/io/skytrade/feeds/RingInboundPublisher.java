package io.skytrade.feeds;

import com.lmax.disruptor.RingBuffer;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import org.agrona.concurrent.EpochNanoClock;

/** Test InboundPublisher over a real Disruptor ring: claim, clear, stamp, translate, publish in finally. */
public final class RingInboundPublisher implements InboundPublisher {
    private final RingBuffer<EngineEvent> ring;
    private final EpochNanoClock clock;

    public RingInboundPublisher(final RingBuffer<EngineEvent> ring, final EpochNanoClock clock) {
        this.ring = ring;
        this.clock = clock;
    }

    public static RingBuffer<EngineEvent> ring(final int size) {
        return RingBuffer.createMultiProducer(EngineEvent::new, size);
    }

    @Override
    public <A> long publish(final InputTranslator<A> translator, final A source) {
        final long sequence = ring.next();
        try {
            final EngineEvent event = ring.get(sequence);
            event.clear();
            event.sequence = sequence;
            event.receiveTimeNanos = clock.nanoTime();
            translator.translateTo(event, source);
        } finally {
            ring.publish(sequence);
        }
        return sequence;
    }
}
