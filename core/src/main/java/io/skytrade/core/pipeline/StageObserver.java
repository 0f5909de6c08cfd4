package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;

/**
 * A read-only tap on one stage: called on that stage's thread right after the stage handled an
 * event, so it may read the event and the stage's own state without any sharing between threads.
 * The engine's metrics use it to count what the stages decided and to stamp latencies into
 * single-writer counters and histograms; the business logic never sees it, so replay is unchanged.
 *
 * <p>Implementations must not write to the event, block, log or allocate in steady state. A
 * runtime exception is recorded as an observer failure ({@link StageFailureRecorder#observerFailures()})
 * without flagging the event or changing the engine's health. Hot-path cost: one virtual call per
 * observed stage per event, plus whatever the observer does.
 */
@FunctionalInterface
public interface StageObserver {
    /** The observed stage has just handled {@code event} (at ring {@code sequence}). */
    void afterStage(EngineEvent event, long sequence);
}
