package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;

/**
 * Receives the decisions an input caused (in {@link EngineEvent#decisions}) once the last
 * business stage has made them: the decisions journal implements it. Called on the order stage's
 * thread before anything is sent.
 *
 * <p>Implementations must not allocate or block in steady state.
 */
@FunctionalInterface
public interface DecisionListener {
    /** Records every decision of {@code event}; a no-op when it has none. */
    void onDecisions(EngineEvent event);
}
