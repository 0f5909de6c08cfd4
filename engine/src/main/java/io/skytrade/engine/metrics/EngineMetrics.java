package io.skytrade.engine.metrics;

import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.StageObserver;
import io.skytrade.core.signal.SignalHandler;
import io.skytrade.engine.runtime.EngineAssembly;
import org.agrona.concurrent.EpochNanoClock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one live pipeline: its {@link EngineCounters}, {@link LatencyRecorders} and
 * {@link DecisionTape}, and the read-only stage observers that fill them (after the signal, book,
 * risk and order stages) plus the timed wrapper of the order gateway. Latencies are measured on the
 * engine's ingress clock (the one that stamps {@code receiveTimeNanos}) and converted to real
 * nanoseconds by dividing by its time scale (a demo's world clock runs 60 times faster).
 *
 * <p>Start-up: {@link #wrap} the order gateway before building the business stages, then
 * {@link #install} the observers on the pipeline builder. Nothing here runs on the hot path
 * except the observers and the wrapper.
 */
public final class EngineMetrics {
    /** Stage names the observers follow (as {@link EngineAssembly} names them). */
    public static final String SIGNAL_STAGE = EngineAssembly.SIGNAL_STAGE;
    public static final String BOOK_STAGE = EngineAssembly.BOOK_STAGE;
    public static final String RISK_STAGE = "risk";
    public static final String ORDER_STAGE = "orders";
    private static final int TAPE_BYTES = 1 << 18;

    private final EngineCounters counters;
    private final LatencyRecorders latencies = new LatencyRecorders();
    private final DecisionTape tape = new DecisionTape(TAPE_BYTES);
    private final SlotStamps stamps;
    private final EpochNanoClock clock;
    private final double realPerClockNano;
    private TimedOrderGateway gateway;

    /**
     * @param counters  the counters to fill
     * @param ringSize  slots of the pipeline's ring (a power of two)
     * @param clock     the engine's ingress clock
     * @param timeScale clock nanoseconds per real nanosecond (1 unless the world runs faster)
     */
    public EngineMetrics(final EngineCounters counters, final int ringSize, final EpochNanoClock clock,
                         final double timeScale) {
        if (!(timeScale >= 1.0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale " + timeScale + " must be a finite number >= 1");
        }
        this.counters = counters;
        this.stamps = new SlotStamps(ringSize);
        this.clock = clock;
        this.realPerClockNano = 1.0 / timeScale;
    }

    /** The order gateway the order stage should be given: counts and times every send. Once. */
    public OrderGateway wrap(final OrderGateway real) {
        if (gateway != null) {
            throw new IllegalStateException("the order gateway is already wrapped");
        }
        gateway = new TimedOrderGateway(real, counters, clock);
        return gateway;
    }

    /**
     * The observers by the name of the stage they follow (the business stages built on {@link #wrap});
     * turns on the signal stage's combined signals, which they read.
     */
    public Map<String, StageObserver> observers(final EngineAssembly.Stages stages) {
        if (gateway == null) {
            throw new IllegalStateException("wrap the order gateway before building the stages");
        }
        final Map<String, StageObserver> observers = new LinkedHashMap<>();
        final SignalHandler signals = stages.signals();
        // the gauges and the decision tape read the combined signals: have the stages compute them
        stages.publishSignals();
        observers.put(SIGNAL_STAGE, new SignalStageObserver(counters, signals, latencies, stamps, clock, realPerClockNano));
        observers.put(BOOK_STAGE, new BookStageObserver(counters, stages.book().positions()));
        observers.put(RISK_STAGE, new RiskStageObserver(counters, latencies, stamps, clock, realPerClockNano,
            stages.risk().drawdown()));
        observers.put(ORDER_STAGE, orderStageObserver(stages));
        return observers;
    }

    /**
     * The order stage's observer alone (counters, decision tape), for a harness that counts what the
     * engine did without the other observers. It turns nothing on: without {@link #observers} the
     * signal stage computes no combined signal, so the tape's and the gauges' signals stay empty.
     */
    public StageObserver orderStageObserver(final EngineAssembly.Stages stages) {
        if (gateway == null) {
            throw new IllegalStateException("wrap the order gateway before building the stages");
        }
        return new OrderStageObserver(counters, latencies, tape, stamps, gateway, realPerClockNano, stages.side());
    }

    /** Installs {@link #observers} on {@code builder}. */
    public PipelineBuilder install(final PipelineBuilder builder, final EngineAssembly.Stages stages) {
        observers(stages).forEach(builder::observe);
        return builder;
    }

    public EngineCounters counters() {
        return counters;
    }

    public LatencyRecorders latencies() {
        return latencies;
    }

    public DecisionTape tape() {
        return tape;
    }
}
