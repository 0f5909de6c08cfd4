package io.skytrade.engine.metrics;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.StageObserver;
import io.skytrade.core.risk.DrawdownMonitor;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Observer of the risk stage: the tick-to-decision latency of every input
 * ({@link LatencyStage#RECEIVE_TO_DECISION}, stamped for decision to wire), and the equity, peak
 * and drawdown the risk stage's drawdown monitor acts on, copied into gauges when they change.
 *
 * <p>Risk stage thread. Hot-path cost: one clock read, one histogram record and three compares
 * per input.
 */
final class RiskStageObserver implements StageObserver {
    private final EngineCounters counters;
    private final LatencyRecorders latencies;
    private final SlotStamps stamps;
    private final EpochNanoClock clock;
    private final double realPerClockNano;
    private final DrawdownMonitor drawdown;
    private double equity;
    private double peak;
    private double drawn;

    RiskStageObserver(final EngineCounters counters, final LatencyRecorders latencies, final SlotStamps stamps,
                      final EpochNanoClock clock, final double realPerClockNano, final DrawdownMonitor drawdown) {
        this.counters = counters;
        this.latencies = latencies;
        this.stamps = stamps;
        this.clock = clock;
        this.realPerClockNano = realPerClockNano;
        this.drawdown = drawdown;
    }

    @Override
    public void afterStage(final EngineEvent event, final long sequence) {
        final long now = clock.nanoTime();
        stamps.decided[stamps.slot(sequence)] = now;
        latencies.record(LatencyStage.RECEIVE_TO_DECISION, (long) ((now - event.receiveTimeNanos) * realPerClockNano));
        final double e = drawdown.equity();
        if (e != equity) {
            equity = e;
            EngineCounters.setDouble(counters.equity, e);
        }
        final double p = drawdown.peak();
        if (p != peak) {
            peak = p;
            EngineCounters.setDouble(counters.peakEquity, p);
        }
        final double d = drawdown.drawdown();
        if (d != drawn) {
            drawn = d;
            EngineCounters.setDouble(counters.drawdown, d);
        }
    }
}
