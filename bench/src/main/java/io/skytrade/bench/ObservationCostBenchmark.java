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
import java.util.concurrent.TimeUnit;

/**
 * Cost of one observation of one data series through the features, Kalman and valuation stages,
 * composed as the engine composes them: the synthetic world's reading of {@code series} every 15
 * minutes of world time (settlement windows roll at each London noon, as live), nothing else in
 * between. Where {@link BusinessStagesBenchmark} averages observations over many book updates,
 * this row is what a single reading costs the event behind it. The world's values are
 * precomputed for 2^14 quarter-hours (170 days) and reused with time still advancing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ObservationCostBenchmark {
    private static final int VALUES = 1 << 14;
    private static final long QUARTER_HOUR = SyntheticWorld.QUARTER_HOUR_NANOS;
    private static final long T0 = 1_795_600_800_000_000_000L;

    @Param({"thames_level_m", "air_temp_c", "rel_humidity_pct", "pm25_ugm3", "lhr_arrivals_30m"})
    public String series;

    private final EngineEvent event = new EngineEvent();
    private final double[] values = new double[VALUES];
    private EventHandler<EngineEvent>[] chain;
    private int code;
    private long index;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        code = WorldSeries.code(series);
        if (code < 0) {
            throw new IllegalArgumentException("unknown series " + series);
        }
        final SyntheticWorld world = new SyntheticWorld(7);
        for (int i = 0; i < VALUES; i++) {
            values[i] = world.value(code, T0 + i * QUARTER_HOUR);
        }
        final var config = new ConfigLoader(Map.of()).loadText("safeMode:\n  maxMarketDataAge: 1h\norders:\n  ackTimeout: 1h\n")
            .config();
        final EngineAssembly.Stages stages = new EngineAssembly(config).businessStages((e, s) -> { }, new PaperOrderGateway(), 0);
        chain = LatencyHarness.handlerArray(stages.handlers().subList(0, stages.names().indexOf("valuation") + 1));
    }

    @Benchmark
    public EngineEvent observation() throws Exception {
        final long i = index++;
        final EngineEvent e = event;
        e.clear();
        e.type = EventType.OBSERVATION;
        e.sequence = i;
        e.instrumentId = code;
        e.eventTimeNanos = T0 + i * QUARTER_HOUR;
        e.receiveTimeNanos = e.eventTimeNanos;
        e.value = values[(int) (i & (VALUES - 1))];
        final EventHandler<EngineEvent>[] c = chain;
        for (int s = 0; s < c.length; s++) {
            c[s].onEvent(e, i, true);
        }
        return e;
    }
}
