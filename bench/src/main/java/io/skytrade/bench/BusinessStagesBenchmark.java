package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
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
 *
 * <p>{@code input} picks what one operation is: {@code mixed} the stream above (nine book updates,
 * one observation in ten, 5 s of world time apart); {@code book} and {@code timer} first run two
 * days of the mixed stream through the chain ({@link #warmUp}: fair values, filters and orders
 * warm), then measure that kind alone from where it left off: book updates 5 s apart, or the
 * engine's 1 s timer ticks. One observation of each series is {@link ObservationCostBenchmark}'s row.
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

    /** What one operation is: mixed, book or timer (see the class comment). */
    @Param({"mixed", "book", "timer"})
    public String input;

    /**
     * Side-buffer entries: 0 the configured ring's (4096, as under a Disruptor pipeline: each input
     * writes its decisions and valuations into a new, cache-cold entry), 1 an inline pipeline's
     * (backtest, evaluate: {@link EngineAssembly#INLINE_SIDE_SLOTS}, one cache-hot entry).
     */
    @Param({"0"})
    public int sideSlots;

    /** Inputs of the mixed stream {@link #warmUp} runs: two days of world time. */
    static final long WARM_UP_INPUTS = 2 * 86_400_000_000_000L / WorldInputStream.STEP_NANOS;
    /** World time after the warm-up, epoch nanoseconds. */
    static final long AFTER_WARM_UP = WorldInputStream.T0 + WARM_UP_INPUTS * WorldInputStream.STEP_NANOS;
    private static final long TIMER_NANOS = 1_000_000_000L;

    private WorldInputStream stream;
    private final EngineEvent event = new EngineEvent();
    private long timers;
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
            engineMetrics == null ? new PaperOrderGateway() : engineMetrics.wrap(new PaperOrderGateway()), 0,
            sideSlots == 0 ? config.pipeline().layout().ringSize() : sideSlots);
        final int n = "none".equals(upTo) ? 0 : stages.names().indexOf(upTo) + 1;
        if (n == 0 && !"none".equals(upTo)) {
            throw new IllegalArgumentException("unknown stage " + upTo + "; stages are " + stages.names());
        }
        chain = LatencyHarness.handlerArray(stages.handlers().subList(0, n));
        observers = new StageObserver[n];
        switch (input) {
            case "mixed" -> stream = new WorldInputStream();
            case "book" -> {
                sequence = warmUp(chain, event);
                stream = new WorldInputStream(0, AFTER_WARM_UP);
            }
            case "timer" -> sequence = warmUp(chain, event);
            default -> throw new IllegalArgumentException("unknown input " + input + "; expected mixed, book or timer");
        }
        if (engineMetrics != null) {
            final Map<String, StageObserver> byStage = engineMetrics.observers(stages);
            for (int i = 0; i < n; i++) {
                observers[i] = byStage.get(stages.names().get(i));
            }
            reporter = new MetricsReporter(engineMetrics, MetricsSection.defaults().intervalNanos(), () -> 0, null, null).start();
        }
    }

    /**
     * Runs two days of the mixed world stream through {@code chain} (the state a kind-alone row
     * starts from); returns the next sequence. World time then is {@link #AFTER_WARM_UP}.
     */
    static long warmUp(final EventHandler<EngineEvent>[] chain, final EngineEvent event) {
        final WorldInputStream warm = new WorldInputStream();
        long seq = 0;
        for (; seq < WARM_UP_INPUTS; seq++) {
            warm.copyNext(event, seq);
            for (final EventHandler<EngineEvent> h : chain) {
                try {
                    h.onEvent(event, seq, true);
                } catch (final Exception e) {
                    throw new IllegalStateException("warm-up input " + seq + " failed in the stages", e);
                }
            }
        }
        return seq;
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
        if (stream != null) {
            stream.copyNext(e, seq);
        } else {
            e.clear();
            e.sequence = seq;
            e.type = EventType.TIMER;
            e.eventTimeNanos = AFTER_WARM_UP + timers++ * TIMER_NANOS;
            e.receiveTimeNanos = e.eventTimeNanos;
        }
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
