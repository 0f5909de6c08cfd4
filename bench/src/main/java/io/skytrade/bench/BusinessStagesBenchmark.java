package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
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
import java.util.concurrent.TimeUnit;

/**
 * Cost per event of the real business stages (features, Kalman, valuation, signal, regime,
 * strategy, risk, orders), composed exactly as the engine composes them from the default
 * configuration, over the replayable synthetic-world stream of {@link WorldInputStream}. {@code stages} runs the chain up to and including the
 * named stage, so the difference between two rows is one stage's cost; {@code none} runs no stage
 * and measures the harness (copying the next input out of a large, cache-cold table), to subtract
 * from every row for the stages' own cumulative cost. Run with {@code -prof gc} for bytes per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BusinessStagesBenchmark {
    @Param({"none", "features", "kalman", "valuation", "signal", "regime", "strategy", "risk", "orders"})
    public String upTo;

    private final WorldInputStream stream = new WorldInputStream();
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
        final int n = "none".equals(upTo) ? 0 : stages.names().indexOf(upTo) + 1;
        if (n == 0 && !"none".equals(upTo)) {
            throw new IllegalArgumentException("unknown stage " + upTo + "; stages are " + stages.names());
        }
        chain = stages.handlers().subList(0, n).toArray(new EventHandler[0]);
    }

    @Benchmark
    public EngineEvent stagesUpTo() throws Exception {
        final long seq = sequence++;
        final EngineEvent e = event;
        stream.copyNext(e, seq);
        final EventHandler<EngineEvent>[] c = chain;
        for (int i = 0; i < c.length; i++) {
            c[i].onEvent(e, seq, true);
        }
        return e;
    }
}
