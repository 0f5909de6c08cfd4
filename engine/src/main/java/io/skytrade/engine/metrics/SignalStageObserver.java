package io.skytrade.engine.metrics;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.StageObserver;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Observer of the signal stage: for each observation, the time from its receipt to the signal
 * stage being done with it ({@link LatencyStage#DATA_TO_SIGNAL}), stamped for the order stage's
 * observer to measure signal to wire.
 *
 * <p>Signal stage thread. Hot-path cost: a type test per input; a clock read and a histogram
 * record per observation.
 */
final class SignalStageObserver implements StageObserver {
    private final LatencyRecorders latencies;
    private final SlotStamps stamps;
    private final EpochNanoClock clock;
    private final double realPerClockNano;

    SignalStageObserver(final LatencyRecorders latencies, final SlotStamps stamps, final EpochNanoClock clock,
                        final double realPerClockNano) {
        this.latencies = latencies;
        this.stamps = stamps;
        this.clock = clock;
        this.realPerClockNano = realPerClockNano;
    }

    @Override
    public void afterStage(final EngineEvent event, final long sequence) {
        if (event.type != EventType.OBSERVATION) {
            return;
        }
        final long now = clock.nanoTime();
        stamps.signalDone[stamps.slot(sequence)] = now;
        latencies.record(LatencyStage.DATA_TO_SIGNAL, (long) ((now - event.receiveTimeNanos) * realPerClockNano));
    }
}
