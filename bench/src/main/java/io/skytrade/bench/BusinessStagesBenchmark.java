package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.StageObserver;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.MetricsSection;
import io.skytrade.engine.metrics.EngineMetrics;
import io.skytrade.engine.metrics.MetricsReporter;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cost per event of the real business stages (features, Kalman, valuation, signal, regime,
 * strategy, risk, orders), composed exactly as the engine composes them from the default
 * configuration, over the replayable synthetic-world stream of {@link WorldInputStream}. {@code stages} runs the chain up to and including the
 * named stage, so the difference between two rows is one stage's cost; {@code none} runs no stage
 * and measures the harness (copying the next input out of a large, cache-cold table), to subtract
 * from every row for the stages' own cumulative cost. {@code metrics=true} adds the engine's metrics as a
 * live run installs them (the observers of the stages included, the timed order gateway, the
 * reporter thread draining them), so the two rows of one stage give the metrics' cost. Run with
 * {@code -prof gc} for bytes per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BusinessStagesBenchmark {
    @Param({"none", "features", "kalman", "valuation", "signal", "regime", "book", "strategy", "risk", "orders"})
    public String upTo;

    /** Whether the engine's metrics observe the stages (the observers of the included stages, timed gateway). */
    @Param({"false", "true"})
    public boolean metrics;

    private final WorldInputStream stream = new WorldInputStream();
    private final EngineEvent event = new EngineEvent();
    private EventHandler<EngineEvent>[] chain;
    private StageObserver[] observers;
    private long sequence;
    private MetricsReporter reporter;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        final var config = new ConfigLoader(Map.of()).loadText("safeMode:\n  maxMarketDataAge: 1h\norders:\n  ackTimeout: 1h\n")
            .config();
        final EngineAssembly assembly = new EngineAssembly(config);
        final EngineMetrics engineMetrics = metrics ? LatencyHarness.metrics(1 << 16, new SystemEpochNanoClock()) : null;
        final EngineAssembly.Stages stages = assembly.businessStages((e, s) -> { },
            engineMetrics == null ? new PaperOrderGateway() : engineMetrics.wrap(new PaperOrderGateway()), 0);
        final int n = "none".equals(upTo) ? 0 : stages.names().indexOf(upTo) + 1;
        if (n == 0 && !"none".equals(upTo)) {
            throw new IllegalArgumentException("unknown stage " + upTo + "; stages are " + stages.names());
        }
        chain = LatencyHarness.handlerArray(stages.handlers().subList(0, n));
        observers = new StageObserver[n];
        if (engineMetrics != null) {
            final Map<String, StageObserver> byStage = engineMetrics.observers(stages);
            for (int i = 0; i < n; i++) {
                observers[i] = byStage.get(stages.names().get(i));
            }
            reporter = new MetricsReporter(engineMetrics, MetricsSection.defaults().intervalNanos(), () -> 0, null, null).start();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (reporter != null) {
            reporter.close();
        }
    }

    @Benchmark
    public EngineEvent stagesUpTo() throws Exception {
        final long seq = sequence++;
        final EngineEvent e = event;
        stream.copyNext(e, seq);
        final EventHandler<EngineEvent>[] c = chain;
        final StageObserver[] o = observers;
        for (int i = 0; i < c.length; i++) {
            c[i].onEvent(e, seq, true);
            if (o[i] != null) {
                o[i].afterStage(e, seq);
            }
        }
        return e;
    }
}
