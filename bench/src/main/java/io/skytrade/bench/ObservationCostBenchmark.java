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
 * Cost of one observation of one data series through the business stages up to {@code upTo}
 * ({@code valuation}: features, Kalman, valuation; {@code orders}: all of them), composed as the
 * engine composes them, as a live feed delivers it: every series is read each quarter-hour of
 * world time, and before each measured reading of {@code series} the other five readings of the
 * quarter-hour run through the same stages unmeasured (a per-invocation fixture: its timestamps
 * cost a few tens of ns against readings of microseconds). The stages first run two days of the
 * mixed world stream ({@link BusinessStagesBenchmark#warmUp}: fair values, filters and orders
 * warm); settlement windows then roll at each London noon, as live. Where
 * {@link BusinessStagesBenchmark} averages observations over many book updates, this row is what
 * a single reading costs the event behind it. The world's values are precomputed for 2^14
 * quarter-hours (170 days) and reused with time still advancing. Sample mode: a reading's cost
 * depends on where in its settlement window it falls (the unobserved rest of the window is what
 * is forecast), so the percentiles say more than the mean, and the median is robust to a busy
 * host preempting single readings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ObservationCostBenchmark {
    private static final int VALUES = 1 << 14;
    private static final long QUARTER_HOUR = SyntheticWorld.QUARTER_HOUR_NANOS;

    @Param({"thames_level_m", "air_temp_c", "rel_humidity_pct", "pm25_ugm3", "lhr_arrivals_30m", "lhr_departures_30m"})
    public String series;

    /** The last stage run: valuation (the nowcast's share) or orders (every business stage). */
    @Param({"valuation", "orders"})
    public String upTo;

    private final EngineEvent event = new EngineEvent();
    private final double[] values = new double[VALUES * WorldSeries.COUNT];
    private EventHandler<EngineEvent>[] chain;
    private int code;
    private long t0;
    private long quarter;
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() {
        code = WorldSeries.code(series);
        if (code < 0) {
            throw new IllegalArgumentException("unknown series " + series);
        }
        final var config = new ConfigLoader(Map.of()).loadText("safeMode:\n  maxMarketDataAge: 1h\norders:\n  ackTimeout: 1h\n")
            .config();
        final EngineAssembly.Stages stages = new EngineAssembly(config).businessStages((e, s) -> { }, new PaperOrderGateway(), 0);
        final int n = stages.names().indexOf(upTo) + 1;
        if (n == 0) {
            throw new IllegalArgumentException("unknown stage " + upTo + "; stages are " + stages.names());
        }
        chain = LatencyHarness.handlerArray(stages.handlers().subList(0, n));
        sequence = BusinessStagesBenchmark.warmUp(chain, event);
        t0 = Math.floorDiv(BusinessStagesBenchmark.AFTER_WARM_UP, QUARTER_HOUR) * QUARTER_HOUR + QUARTER_HOUR;
        final SyntheticWorld world = new SyntheticWorld(7);
        for (int i = 0; i < VALUES; i++) {
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                values[i * WorldSeries.COUNT + s] = world.value(s, t0 + i * QUARTER_HOUR);
            }
        }
    }

    /**
     * The other series' readings around the measured one, in series order: those after it at the
     * previous quarter-hour, those before it at this one.
     */
    @Setup(Level.Invocation)
    public void otherReadings() throws Exception {
        for (int s = code + 1; s < WorldSeries.COUNT + code; s++) {
            final long q = s < WorldSeries.COUNT ? quarter - 1 : quarter;
            if (q >= 0) {
                run(q, s % WorldSeries.COUNT);
            }
        }
    }

    @Benchmark
    public EngineEvent observation() throws Exception {
        run(quarter++, code);
        return event;
    }

    /** Runs the reading of series {@code s} at quarter-hour {@code q} after {@link #t0} through the stages. */
    private void run(final long q, final int s) throws Exception {
        final long seq = sequence++;
        final EngineEvent e = event;
        e.clear();
        e.type = EventType.OBSERVATION;
        e.sequence = seq;
        e.instrumentId = s;
        e.eventTimeNanos = t0 + q * QUARTER_HOUR;
        e.receiveTimeNanos = e.eventTimeNanos;
        e.value = values[(int) (q & (VALUES - 1)) * WorldSeries.COUNT + s];
        final EventHandler<EngineEvent>[] c = chain;
        for (int i = 0; i < c.length; i++) {
            c[i].onEvent(e, seq, true);
        }
    }
}
