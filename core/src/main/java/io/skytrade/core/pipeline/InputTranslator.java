package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;

/**
 * Writes one input into a cleared ring slot. Implement it as a {@code static final} constant or a
 * long-lived object (never a capturing lambda), so publishing allocates nothing.
 *
 * @param <A> the source object the input is copied from (a decoded message, a parsed observation)
 */
@FunctionalInterface
public interface InputTranslator<A> {
    /**
     * Copies the input from {@code source} into {@code event}. The slot has been cleared and its
     * {@code receiveTimeNanos} stamped by the publisher; set {@code type}, {@code eventTimeNanos},
     * the instrument or series id and the per-kind fields.
     */
    void translateTo(EngineEvent event, A source);
}
