package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;

/**
 * Receives the decisions an input caused (in {@link SideBuffers#decisions}) once the last
 * business stage has made them: the decisions journal implements it. Called on the order stage's
 * thread before anything is sent.
 *
 * <p>Implementations must not allocate or block in steady state.
 */
@FunctionalInterface
public interface DecisionListener {
    /**
     * Records every decision of {@code event} ({@code side.decisions(event)}) and, on a checkpoint,
     * its state hashes; a no-op when it has neither.
     */
    void onDecisions(EngineEvent event, SideBuffers side);
}
