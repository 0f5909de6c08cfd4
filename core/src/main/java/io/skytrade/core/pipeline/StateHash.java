package io.skytrade.core.pipeline;

/**
 * A stateful component that can summarise its whole state in one 64-bit hash (exchange-core's
 * {@code StateHash}): two instances fed the same inputs from the same configuration must return
 * the same value, and any difference in state should change it. Every stateful pipeline stage
 * implements it; at checkpoints the pipeline writes each stage's hash into the event
 * ({@link io.skytrade.core.event.SideBuffers#stateHash}), the decisions journal records them
 * and {@code replay --verify} compares them, so a replay that drifts in state is caught before it
 * drifts in decisions.
 *
 * <p>Called on the owning stage's thread only. Cost: a pass over the component's state (a few
 * microseconds at most for the order table), paid at checkpoints only.
 */
public interface StateHash {
    /** Hash of every piece of state that can influence a later decision. */
    long stateHash();
}
