package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSeries;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.engine.runtime.PaperOrderGateway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Cost per event of the real business stages (features, Kalman, valuation, signal, regime,
 * strategy, risk, orders), composed exactly as the engine composes them from the default
 * configuration, over a replayable stream of the synthetic world: book updates of the nine
 * products around their settlement values and observations of the six series at their cadence,
 * with world time advancing 5 s per event. {@code stages} runs the chain up to and including the
 * named stage, so the difference between two rows is one stage's cost. Run with {@code -prof gc}
 * for bytes per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BusinessStagesBenchmark {
    @Param({"features", "kalman", "valuation", "signal", "regime", "strategy", "risk", "orders"})
    public String upTo;

    private static final int STREAM = 1 << 16;
    private final EngineEvent[] stream = new EngineEvent[STREAM];
    private final EngineEvent event = new EngineEvent();
    private EventHandler<EngineEvent>[] chain;
    private long sequence;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        final var config = new ConfigLoader(Map.of()).loadText("safeMode:\n  maxMarketDataAge: 1h\norders:\n  ackTimeout: 1h\n")
            .config();
        final EngineAssembly assembly = new EngineAssembly(config);
        final EngineAssembly.Stages stages = assembly.businessStages(e -> { }, new PaperOrderGateway(), 0);
        final int n = stages.names().indexOf(upTo) + 1;
        if (n == 0) {
            throw new IllegalArgumentException("unknown stage " + upTo + "; stages are " + stages.names());
        }
        chain = stages.handlers().subList(0, n).toArray(new EventHandler[0]);
        final SyntheticWorld world = new SyntheticWorld(7);
        final SplittableRandom random = new SplittableRandom(11);
        final long t0 = 1_795_600_000_000_000_000L;
        final double[] settle = new double[9];
        world.settleAll(SyntheticWorld.londonNoonAtOrAfter(t0), settle);
        for (int i = 0; i < STREAM; i++) {
            final EngineEvent e = new EngineEvent();
            final long t = t0 + i * 5_000_000_000L;
            e.eventTimeNanos = t;
            e.receiveTimeNanos = t;
            if (i % 10 == 9) {
                final int series = (i / 10) % WorldSeries.COUNT;
                e.type = EventType.OBSERVATION;
                e.instrumentId = series;
                e.value = world.value(series, t);
            } else {
                final int id = i % 9;
                final long mid = Math.max(10, Math.round(settle[id] * (1 + 0.01 * random.nextGaussian())));
                e.type = EventType.MARKET_BOOK;
                e.instrumentId = id;
                e.bidLevels = EngineEvent.BOOK_DEPTH;
                e.askLevels = EngineEvent.BOOK_DEPTH;
                for (int l = 0; l < EngineEvent.BOOK_DEPTH; l++) {
                    e.bidPrices[l] = mid - 1 - l;
                    e.askPrices[l] = mid + 1 + l;
                    e.bidQtys[l] = 5 + random.nextInt(20);
                    e.askQtys[l] = 5 + random.nextInt(20);
                }
            }
            stream[i] = e;
        }
    }

    @Benchmark
    public EngineEvent stagesUpTo() throws Exception {
        final long seq = sequence++;
        final EngineEvent e = event;
        e.copyInputsFrom(stream[(int) (seq & (STREAM - 1))]);
        e.sequence = seq;
        final long shift = (seq >>> 16) * STREAM * 5_000_000_000L;
        e.eventTimeNanos += shift;
        e.receiveTimeNanos += shift;
        final EventHandler<EngineEvent>[] c = chain;
        for (int i = 0; i < c.length; i++) {
            c[i].onEvent(e, seq, true);
        }
        return e;
    }
}
