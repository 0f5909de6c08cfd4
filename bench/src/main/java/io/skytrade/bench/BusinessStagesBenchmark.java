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
import io.skytrade.core.pipeline.OrderGateway;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * <p>{@code venue} picks the engine being measured. {@code acking} (default): a live engine. The
 * backtest's fill model ({@link AcknowledgingVenue}) acknowledges, fills and cancels the engine's
 * orders, and those venue events come back through every stage as ordinary inputs; book updates
 * arrive at seeded jittered times (exponential gaps, 5 s on average), the engine's 1 s timer ticks
 * (jittered by up to a millisecond) and one observation in 100 inputs are interleaved, with the
 * default configuration's limits (the embedded {@code config/default.yaml} that demo and evaluate run on: 30 min market-data
 * age, 10 min ack timeout, 5 ms venue latency). Everything but the
 * measured input runs untimed before it ({@link #deliverUpToNextMeasured}, a per-invocation
 * fixture), and the stages after {@code upTo} run untimed after it, so every input passes every
 * stage whatever {@code upTo} is. {@code paper}: the session-5 row (a paper gateway that never
 * answers, so 64 orders sit in SENT and risk refuses about half the takes; book updates exactly
 * 5 s apart, which every cache keyed by an exact interval hits; timers alone after the warm-up, so
 * the timer row runs in SAFE; with {@code -p sideSlots=4096} the session-5 row exactly). {@link #main} runs either without JMH and prints what the engine did
 * (mode at each measured input, venue events, refusals by reason, live orders by state).
 *
 * <p>{@code input} picks what one operation is: {@code mixed} the next input of the world stream
 * (the paper row's stream: nine book updates, one observation in ten, 5 s apart); {@code book} and
 * {@code timer} first run two days of the stream through the chain ({@link #warmUp}: fair values,
 * filters and orders warm), then measure that kind from where it left off: book updates, or the
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

    /** The engine measured: acking (a live engine behind the backtest's fill model) or paper (the session-5 row). */
    @Param({"acking", "paper"})
    public String venue;

    /**
     * Side-buffer entries: 0 what the live engine gives the configured layout
     * ({@link EngineAssembly#liveSideSlots()}: one cache-hot entry for the default one-thread layout,
     * as the inline pipelines of backtest and evaluate have); 4096 the ring's (a layout of several
     * thread groups, and every row up to session 5: each input writes its decisions and valuations
     * into a new, cache-cold entry).
     */
    @Param({"0"})
    public int sideSlots;

    /** Inputs of the mixed stream {@link #warmUp} runs: two days of world time. */
    static final long WARM_UP_INPUTS = 2 * 86_400_000_000_000L / WorldInputStream.STEP_NANOS;
    /** World time after the warm-up, epoch nanoseconds. */
    static final long AFTER_WARM_UP = WorldInputStream.T0 + WARM_UP_INPUTS * WorldInputStream.STEP_NANOS;
    private static final long TIMER_NANOS = 1_000_000_000L;
    /** The live stream: one observation in this many inputs (each series read every ~50 min of world time). */
    static final int LIVE_OBSERVATION_EVERY = 100;
    static final long LIVE_TIMES_SEED = 21;
    private static final long TIMER_JITTER_SEED = 22;
    private static final long TIMER_JITTER_NANOS = 1_000_000L;

    private WorldInputStream stream;
    private final EngineEvent event = new EngineEvent();
    private long timers;
    private EventHandler<EngineEvent>[] chain;
    private StageObserver[] observers;
    private long sequence;
    private MetricsReporter reporter;

    /** The live engine's parts (null for the paper row). */
    private AcknowledgingVenue acking;
    private EventHandler<EngineEvent>[] all;
    private StageObserver[] allObservers;
    private final EngineEvent other = new EngineEvent();
    private final EngineEvent peeked = new EngineEvent();
    private final SplittableRandom timerJitter = new SplittableRandom(TIMER_JITTER_SEED);
    private final AcknowledgingVenue.Stages everyStage = this::handleUntimed;
    private long nextTimer;
    private long timerAt;
    private boolean pending;
    private boolean timerInput;
    private EngineAssembly.Stages stages;
    private LiveCounters counters;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        final boolean live = switch (venue) {
            case "acking" -> true;
            case "paper" -> false;
            default -> throw new IllegalArgumentException("unknown venue " + venue + "; expected acking or paper");
        };
        final var config = new ConfigLoader(Map.of())
            .loadText(live ? embeddedDefault() : "safeMode:\n  maxMarketDataAge: 1h\norders:\n  ackTimeout: 1h\n").config();
        final EngineAssembly assembly = new EngineAssembly(config);
        final EngineMetrics engineMetrics = metrics ? LatencyHarness.metrics(1 << 16, new SystemEpochNanoClock()) : null;
        acking = live ? new AcknowledgingVenue(config.backtest().latencyNanos(), config.backtest().feePerLot(),
            config.instruments().size()) : null;
        final OrderGateway gateway = live ? acking : new PaperOrderGateway();
        stages = assembly.businessStages((e, s) -> { }, engineMetrics == null ? gateway : engineMetrics.wrap(gateway), 0,
            sideSlots == 0 ? assembly.liveSideSlots() : sideSlots);
        final int n = "none".equals(upTo) ? 0 : stages.names().indexOf(upTo) + 1;
        if (n == 0 && !"none".equals(upTo)) {
            throw new IllegalArgumentException("unknown stage " + upTo + "; stages are " + stages.names());
        }
        all = LatencyHarness.handlerArray(stages.handlers());
        chain = LatencyHarness.handlerArray(stages.handlers().subList(0, n));
        allObservers = new StageObserver[all.length];
        observers = new StageObserver[n];
        if (engineMetrics != null) {
            final Map<String, StageObserver> byStage = engineMetrics.observers(stages);
            for (int i = 0; i < all.length; i++) {
                allObservers[i] = byStage.get(stages.names().get(i));
            }
            System.arraycopy(allObservers, 0, observers, 0, n);
            counters = new LiveCounters(engineMetrics.counters(), null);
        } else {
            // the engine's own counting, untimed: its order-stage observer over counters of its own (alone: the
            // signal stage's report-only signals stay off, as without metrics); the stages send to the venue
            // directly, so the wrapper (and the observer's send latencies) stays idle
            final EngineMetrics counting = LatencyHarness.metrics(1 << 16, new SystemEpochNanoClock());
            counting.wrap(gateway);
            counters = new LiveCounters(counting.counters(), counting.orderStageObserver(stages));
        }
        if (!List.of("mixed", "book", "timer").contains(input)) {
            throw new IllegalArgumentException("unknown input " + input + "; expected mixed, book or timer");
        }
        timerInput = "timer".equals(input);
        if (live) {
            stream = new WorldInputStream(LIVE_OBSERVATION_EVERY, WorldInputStream.T0, LIVE_TIMES_SEED);
            nextTimer = WorldInputStream.T0 + TIMER_NANOS;
            if (!"mixed".equals(input)) {
                while (Math.min(stream.peekTime(), nextTimer) < AFTER_WARM_UP) {
                    deliverNext();
                }
            }
            counters.reset();
        } else {
            switch (input) {
                case "mixed" -> stream = new WorldInputStream();
                case "book" -> {
                    sequence = warmUp(chain, event);
                    stream = new WorldInputStream(0, AFTER_WARM_UP);
                }
                default -> sequence = warmUp(chain, event);
            }
        }
        if (engineMetrics != null) {
            reporter = new MetricsReporter(engineMetrics, MetricsSection.defaults().intervalNanos(), () -> 0, null, null).start();
        }
    }

    /** The product's embedded default configuration (what demo and evaluate run on without --config). */
    static String embeddedDefault() {
        try (InputStream in = BusinessStagesBenchmark.class.getClassLoader().getResourceAsStream("config/default.yaml")) {
            if (in == null) {
                throw new IllegalStateException("config/default.yaml is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the embedded config/default.yaml", e);
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

    /**
     * The live row's untimed part of an operation: the stages after {@code upTo} for the input
     * just measured, then every input before the next one of the measured kind (timer ticks, book
     * updates, observations, and what the venue sends back), then the venue's view of that input
     * (its book mirrored, the fills it causes handled).
     */
    @Setup(Level.Invocation)
    public void deliverUpToNextMeasured() {
        if (acking == null) {
            return;
        }
        if (pending) {
            run(event, chain.length, all.length);
            counters.measured(event, stages);
        }
        while (!nextIsMeasured()) {
            deliverNext();
        }
        if (nextTimer <= stream.peekTime()) {
            timerAt = nextTimer;
            timer(peeked, timerAt);
            nextTimer += TIMER_NANOS + timerJitter.nextLong(TIMER_JITTER_NANOS);
        } else {
            stream.peekInto(peeked);
        }
        acking.before(peeked, everyStage);
        pending = true;
    }

    private boolean nextIsMeasured() {
        final boolean timerNext = nextTimer <= stream.peekTime();
        return switch (input) {
            case "timer" -> timerNext;
            case "book" -> !timerNext && stream.peekType() == EventType.MARKET_BOOK;
            default -> !timerNext;
        };
    }

    /** Delivers the next input of the live stream (a timer tick or a world input) untimed, with what the venue sends first. */
    private void deliverNext() {
        if (nextTimer <= stream.peekTime()) {
            timer(other, nextTimer);
            nextTimer += TIMER_NANOS + timerJitter.nextLong(TIMER_JITTER_NANOS);
        } else {
            stream.copyNext(other, 0);
        }
        acking.before(other, everyStage);
        handleUntimed(other);
    }

    private void handleUntimed(final EngineEvent e) {
        e.sequence = sequence++;
        run(e, 0, all.length);
        counters.untimed(e, stages);
    }

    private void run(final EngineEvent e, final int from, final int to) {
        final long seq = e.sequence;
        for (int i = from; i < to; i++) {
            try {
                all[i].onEvent(e, seq, true);
            } catch (final Exception x) {
                throw new IllegalStateException("input " + seq + " failed in stage " + stages.names().get(i), x);
            }
            if (allObservers[i] != null) {
                allObservers[i].afterStage(e, seq);
            }
        }
    }

    private static void timer(final EngineEvent e, final long at) {
        e.clear();
        e.type = EventType.TIMER;
        e.eventTimeNanos = at;
        e.receiveTimeNanos = at;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (reporter != null) {
            reporter.close();
        }
        if (acking != null) {
            System.out.println();
            System.out.println(describe());
        }
    }

    /** What the live engine did since the warm-up (modes, venue events, intents and refusals, live orders). */
    String describe() {
        return counters.describe(stages, acking);
    }

    LiveCounters counters() {
        return counters;
    }

    /** The live row's venue (null for the paper row). */
    AcknowledgingVenue venue() {
        return acking;
    }

    EngineAssembly.Stages stages() {
        return stages;
    }

    @Benchmark
    public EngineEvent stagesUpTo() throws Exception {
        final long seq = sequence++;
        final EngineEvent e = event;
        if (!timerInput) {
            stream.copyNext(e, seq);
        } else {
            e.clear();
            e.sequence = seq;
            e.type = EventType.TIMER;
            e.eventTimeNanos = acking == null ? AFTER_WARM_UP + timers++ * TIMER_NANOS : timerAt;
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

    /**
     * Runs the benchmark's operation without JMH and prints what the engine did, and the bytes the
     * thread allocated inside the measured operations and outside them (the venue, the untimed
     * inputs), each per operation: {@code BusinessStagesBenchmark [input] [venue] [operations]}
     * (defaults book, acking, 200000; the first half of the operations warms up uncounted).
     */
    public static void main(final String[] args) throws Exception {
        final BusinessStagesBenchmark b = new BusinessStagesBenchmark();
        b.upTo = "orders";
        b.input = args.length > 0 ? args[0] : "book";
        b.venue = args.length > 1 ? args[1] : "acking";
        final long operations = args.length > 2 ? Long.parseLong(args[2]) : 200_000;
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        b.setUp();
        b.counters.reset();
        long inside = 0;
        long outside = 0;
        for (long i = 0; i < operations; i++) {
            final boolean counted = i >= operations / 2;
            final long t0 = threads.getCurrentThreadAllocatedBytes();
            b.deliverUpToNextMeasured();
            final long t1 = threads.getCurrentThreadAllocatedBytes();
            b.stagesUpTo();
            final long t2 = threads.getCurrentThreadAllocatedBytes();
            if (b.acking == null) {
                b.counters.measured(b.event, b.stages);
            }
            if (counted) {
                outside += t1 - t0;
                inside += t2 - t1;
            }
        }
        b.deliverUpToNextMeasured();
        final long counted = operations - operations / 2;
        System.out.println(b.input + ", venue " + b.venue + ", " + operations + " operations: " + b.describe());
        System.out.printf("allocated over the last %,d operations: %.4f B/op in the measured stages, %.4f B/op outside them%n",
            counted, (double) inside / counted, (double) outside / counted);
    }
}
