package io.skytrade.engine.metrics;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.StageObserver;
import io.skytrade.core.signal.SignalHandler;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Observer of the signal stage: the components of each signal it wrote (mispricing, momentum,
 * data surprise, read from the stage on its own thread) into gauges; and for each observation, the
 * time from its receipt to the signal stage being done with it ({@link LatencyStage#DATA_TO_SIGNAL}),
 * stamped for the order stage's observer to measure signal to wire.
 *
 * <p>Signal stage thread. Hot-path cost: three gauge stores per signalled product; a clock read
 * and a histogram record per observation.
 */
final class SignalStageObserver implements StageObserver {
    private final EngineCounters counters;
    private final SignalHandler signals;
    private final LatencyRecorders latencies;
    private final SlotStamps stamps;
    private final EpochNanoClock clock;
    private final double realPerClockNano;

    SignalStageObserver(final EngineCounters counters, final SignalHandler signals, final LatencyRecorders latencies,
                        final SlotStamps stamps, final EpochNanoClock clock, final double realPerClockNano) {
        this.counters = counters;
        this.signals = signals;
        this.latencies = latencies;
        this.stamps = stamps;
        this.clock = clock;
        this.realPerClockNano = realPerClockNano;
    }

    @Override
    public void afterStage(final EngineEvent event, final long sequence) {
        long signalled = event.signalledInstruments;
        final int n = counters.signalMispricing.length;
        while (signalled != 0) {
            final int i = Long.numberOfTrailingZeros(signalled);
            signalled &= signalled - 1;
            if (i < n) {
                EngineCounters.setDouble(counters.signalMispricing[i], signals.mispricing(i));
                EngineCounters.setDouble(counters.signalMomentum[i], signals.momentum(i));
                EngineCounters.setDouble(counters.signalSurprise[i], signals.surprise(i));
            }
        }
        if (event.type != EventType.OBSERVATION) {
            return;
        }
        final long now = clock.nanoTime();
        stamps.signalDone[stamps.slot(sequence)] = now;
        latencies.record(LatencyStage.DATA_TO_SIGNAL, (long) ((now - event.receiveTimeNanos) * realPerClockNano));
    }
}
