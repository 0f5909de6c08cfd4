package io.skytrade.core.pipeline;

/**
 * The one way inputs enter the engine: claims the next slot of the inbound ring, clears it, stamps
 * {@code receiveTimeNanos} from the injected clock, lets the translator copy the input in, and
 * publishes it (in a try-finally, so a failing translator never leaves a hole in the ring).
 *
 * <p>Thread-safety: safe for concurrent use by several producer threads (gateway, feeds, timers,
 * operator channel). Hot-path cost: one ring claim and publish, no allocation when the translator
 * is a constant.
 */
public interface InboundPublisher {
    /**
     * Publishes one input, blocking (spinning) while the ring is full.
     *
     * @return the ring sequence the input was given
     */
    <A> long publish(InputTranslator<A> translator, A source);
}
