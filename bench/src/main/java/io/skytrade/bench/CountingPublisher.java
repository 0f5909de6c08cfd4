package io.skytrade.bench;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An inbound "ring" of one preallocated slot for benchmarks of a gateway alone: translates each
 * input into the slot (as the ring publisher does) and counts it, allocating nothing.
 *
 * <p>Thread-safety: one publishing thread; {@link #count()} from any.
 */
final class CountingPublisher implements InboundPublisher {
    private final EngineEvent slot = new EngineEvent();
    private final AtomicLong published = new AtomicLong();

    @Override
    public <A> long publish(final InputTranslator<A> translator, final A source) {
        slot.clear();
        translator.translateTo(slot, source);
        final long n = published.get();
        published.lazySet(n + 1);
        return n;
    }

    long count() {
        return published.get();
    }

    /** The last input published (read after {@link #count()} moved, on the benchmark thread). */
    EngineEvent last() {
        return slot;
    }
}
