package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.BackoffWaitStrategy;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InlinePipeline;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.pipeline.Pipeline;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.pipeline.WaitStrategyKind;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.config.MetricsSection;
import io.skytrade.engine.metrics.EngineCounters;
import io.skytrade.engine.metrics.EngineMetrics;
import io.skytrade.engine.metrics.MetricsReporter;
import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.engine.runtime.PaperOrderGateway;
import io.skytrade.journal.DecisionJournal;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.RunDirectory;
import io.skytrade.journal.RunJournal;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The latency harness: publishes market-data events at fixed rates from a producer that parks
 * between sends (as an I/O thread would) into (a) the Disruptor pipeline with journaling on, (b)
 * the same without journaling, (c) the same stages chained over {@link ArrayBlockingQueue}s, one
 * thread per stage (the baseline), and variants of (a) (no pre-touching, tmpfs, parallel
 * journal, yielding, blocking and phased waits). The Disruptor scenarios wait with the default
 * layout's strategy ({@link WaitStrategyKind#DEFAULT}) unless their name says otherwise. Latency is tick-to-decision as design section 4
 * defines it: from the event's receive time (stamped when the producer publishes it) to the end
 * of the last stage; a second histogram measures from the intended send time of the fixed-rate
 * schedule (the coordinated-omission-corrected figure), which adds the producer's own lateness
 * (Linux parks oversleep by the ~50 us timer slack). See {@link LatencyProbe}.
 * Prints p50/p99/p99.9/p99.99/max and the (c)/(a) ratios, then saturated throughput.
 *
 * <p>Usage: {@code java [flags] -cp bench/target/skytrade-bench.jar io.skytrade.bench.LatencyHarness
 * [--seconds N] [--warmup SECONDS] [--rates 10000,100000] [--disk DIR] [--shm-root DIR] [--pretouch-ahead BYTES] [--observation-every N]
 * [--quick] [--ring SLOTS] [--ring-side-buffers] [--producer-timer-slack NANOS] [--trace DIR] [--scenarios a,b-split,... [--saturated-only] [--reps N]]}.
 * {@code --trace DIR} (with {@code --scenarios}) writes each scenario's per-event times there, for placing
 * stalls next to the JVM's and the kernel's logs. A scenario name
 * with {@code +hops} adds diagnostic probes before and after the journal (when the stage thread picks
 * each event up, and how long it waited); with {@code +inline} its stages run on the producer's thread.
 */
public final class LatencyHarness {
    /**
     * Warm-up of each point before recording ({@code --warmup SECONDS}, default 2): on 2 shared cores C2 still
     * compiles through the first scenario of a JVM after 2 s (bench/README, "the latency tails, session 8").
     */
    private static long warmupNanos = TimeUnit.SECONDS.toNanos(2);
    /** Ring slots of the Disruptor scenarios (and side-buffer entries of their stages): {@code --ring N}, default 65,536 (tuned-host.yaml's). */
    private static int ringSize = 65536;
    /**
     * Side buffers of a ring's worth of entries in the one-thread layouts too ({@code --ring-side-buffers}:
     * the harness before session 7, for comparison with its figures); by default one entry, as the live engine.
     */
    private static boolean ringSideBuffers;
    /** Where to write each scenario's per-event times ({@code --trace DIR}; null: not traced). */
    private static Path traceDir;

    private LatencyHarness() {
    }

    /** Where the journal of a scenario goes, and how. */
    enum Journal { NONE, DISK, DISK_NO_PRETOUCH, SHM, DISK_PARALLEL }

    /** A benchmarked pipeline: publish into it, read its probe, close it. */
    interface Scenario extends AutoCloseable {
        InboundPublisher publisher();

        LatencyProbe probe();

        WorldInputStream stream();

        @Override
        void close();
    }

    /**
     * The engine's configuration for the benchmarks: the defaults, with event-time limits wide open
     * and the harness's ring size (the stages' side buffers get one entry per ring slot).
     */
    private static EngineConfig config = config(ringSize);

    private static EngineConfig config(final int ring) {
        return new ConfigLoader(Map.of())
            .loadText("pipeline:\n  ringSize: " + ring + "\nsafeMode:\n  maxMarketDataAge: 1h\norders:\n  ackTimeout: 1h\n").config();
    }

    /**
     * The handlers as an array for the benchmarks' indexed loops: a generic array, which Java
     * creates only through this unchecked cast.
     */
    @SuppressWarnings("unchecked")
    static EventHandler<EngineEvent>[] handlerArray(final List<EventHandler<EngineEvent>> handlers) {
        return (EventHandler<EngineEvent>[]) handlers.toArray(new EventHandler<?>[0]);
    }

    /** The engine's real business stages, composed as the engine composes them, fresh per scenario. */
    static EngineAssembly.Stages businessStages(final DecisionListener decisions) {
        return new EngineAssembly(config).businessStages(decisions, new PaperOrderGateway(), 0);
    }

    /**
     * The business stages with side buffers of {@code sideSlots} entries: one when every stage runs
     * on one thread, as the live engine gives the default layout ({@link EngineAssembly#liveSideSlots()}),
     * a ring's worth when stages run on several threads.
     */
    static EngineAssembly.Stages businessStages(final DecisionListener decisions, final OrderGateway gateway, final int sideSlots) {
        return new EngineAssembly(config).businessStages(decisions, gateway, 0, sideSlots);
    }

    /** The engine's metrics for a pipeline of the benchmark configuration on {@code clock} (real time). */
    static EngineMetrics metrics(final int ringSize, final EpochNanoClock clock) {
        return new EngineMetrics(new EngineCounters(config.instruments(), config.series(), config.model().regime().states()),
            ringSize, clock, 1.0);
    }

    /**
     * A run's journal as the engine opens it ({@link RunJournal}: inputs and decisions queues, the
     * page toucher on both, on disk or on shared memory with the archiver), in a run directory under
     * {@code root} that is deleted on close.
     */
    static final class BenchJournal implements AutoCloseable {
        final InputJournalStage stage;
        final DecisionJournal decisions;
        private final RunJournal journal;
        private final Path runDir;

        BenchJournal(final Path root, final boolean pretouch, final boolean shm) {
            final RunDirectory run = RunDirectory.create(root, "bench: true\n", java.time.Instant.now());
            runDir = run.dir();
            final JournalSettings disk = new JournalSettings(64L << 20, shm ? "FIVE_MINUTELY" : "FAST_DAILY", pretouch, pretouchAhead);
            journal = RunJournal.open(run, shm ? disk.withStorage(JournalSettings.SHM, shmRoot) : disk);
            stage = journal.inputStage();
            decisions = journal.decisions();
        }

        @Override
        public void close() {
            journal.close();
            try {
                delete(runDir);
            } catch (final IOException e) {
                System.err.println("warning: cannot delete benchmark journal " + runDir + ": " + e);
            }
        }
    }

    /** How far ahead of each journal writer the page toucher keeps pages touched ({@code --pretouch-ahead}; the engine's default); set by main. */
    private static long pretouchAhead = JournalSettings.defaults().pretouchAheadBytes();

    /** Where shared-memory benchmark journals are written by default. */
    static final String SHM_ROOT = "/dev/shm/skytrade-bench";
    /** Where shared-memory benchmark journals are written ({@code --shm-root}, e.g. a tmpfs mounted with {@code huge=always}); set by main. */
    private static String shmRoot = SHM_ROOT;

    /** The Disruptor pipeline, all stages on one consumer thread (the layout that measured best here). */
    static final class DisruptorScenario implements Scenario {
        private final Pipeline pipeline;
        private final InlinePipeline inline;
        private final InboundPublisher publisher;
        private final LatencyProbe probe;
        private final BenchJournal journal;
        private final WorldInputStream stream;
        private final MetricsReporter reporter;

        DisruptorScenario(final Journal mode, final WaitStrategyKind wait, final Path root, final WorldInputStream stream) {
            this(mode, wait, root, stream, false, false);
        }

        /**
         * @param withMetrics install the engine's metrics (stage observers, timed gateway, reporter thread)
         * @param split       the business stages on two threads: the journal (if any) and the market stages
         *                    (features to regime) on one, the trading book's stages, orders and the probe on
         *                    the other (replay's {@code --threads split} layout)
         */
        DisruptorScenario(final Journal mode, final WaitStrategyKind wait, final Path root, final WorldInputStream stream,
                          final boolean withMetrics, final boolean split) {
            this(mode, wait, root, stream, withMetrics, split, false, false, null);
        }

        /**
         * @param hops   diagnostic probes before the journal ({@code hop:start}, the hand-off) and after it
         *               ({@code hop:journal}), printed after the scenario's row
         * @param inline every stage on the producer's thread, each input handled to the end as it is
         *               published (no ring, no hand-off, no wait: what is left is the stages' own cost and
         *               the harness's publish/measure path)
         * @param custom a wait strategy with parameters no configuration name has, in place of {@code wait}; null for none
         */
        DisruptorScenario(final Journal mode, final WaitStrategyKind wait, final Path root, final WorldInputStream stream,
                          final boolean withMetrics, final boolean split, final boolean hops, final boolean inline,
                          final Supplier<WaitStrategy> custom) {
            this.stream = stream;
            probe = new LatencyProbe(stream);
            final SystemEpochNanoClock clock = new SystemEpochNanoClock();
            final PipelineBuilder b = new PipelineBuilder().clock(clock).producerType(ProducerType.SINGLE).waitStrategy(custom);
            final List<String> names = new ArrayList<>();
            if (hops) {
                b.stage("hop:start", probe.hop("hop:start"));
                names.add("hop:start");
            }
            if (mode != Journal.NONE) {
                journal = new BenchJournal(root.resolve("bench-journal"), mode != Journal.DISK_NO_PRETOUCH, mode == Journal.SHM);
                b.stage("journal", journal.stage);
                names.add("journal");
                if (hops) {
                    b.stage("hop:journal", probe.hop("hop:journal"));
                    names.add("hop:journal");
                }
            } else {
                journal = null;
            }
            final DecisionListener decisions = journal == null ? (e, s) -> { } : journal.decisions;
            final EngineMetrics metrics = withMetrics ? metrics(ringSize, clock) : null;
            final int sideSlots = split || mode == Journal.DISK_PARALLEL || ringSideBuffers ? ringSize : EngineAssembly.INLINE_SIDE_SLOTS;
            final EngineAssembly.Stages business = businessStages(decisions,
                metrics == null ? new PaperOrderGateway() : metrics.wrap(new PaperOrderGateway()), sideSlots);
            b.sideBuffers(business.side());
            if (metrics != null) {
                metrics.install(b, business);
            }
            for (int i = 0; i < business.names().size(); i++) {
                b.stage(business.names().get(i), business.handlers().get(i));
            }
            b.stage("probe", probe);
            final List<List<String>> threads = new ArrayList<>();
            if (split) {
                final int book = business.names().indexOf(EngineAssembly.BOOK_STAGE);
                names.addAll(business.names().subList(0, book));
                threads.add(names);
                final List<String> second = new ArrayList<>(business.names().subList(book, business.names().size()));
                second.add("probe");
                threads.add(second);
            } else if (mode == Journal.DISK_PARALLEL) {
                threads.add(List.of("journal"));
                threads.add(business.names().subList(0, business.names().size() - 1));
                threads.add(List.of("orders", "probe"));
            } else {
                names.addAll(business.names());
                names.add("probe");
                threads.add(names);
            }
            b.layout(new PipelineLayout(ringSize, wait, threads, List.of(), mode == Journal.DISK_PARALLEL));
            if (inline) {
                final InlinePipeline stages = b.buildInline(1024).start();
                this.inline = stages;
                pipeline = null;
                publisher = new InboundPublisher() {
                    @Override
                    public <A> long publish(final InputTranslator<A> translator, final A source) {
                        final long sequence = stages.publish(translator, source);
                        stages.drain();
                        return sequence;
                    }
                };
            } else {
                this.inline = null;
                pipeline = b.build().start();
                publisher = pipeline.publisher();
            }
            reporter = metrics == null || pipeline == null ? null : new MetricsReporter(metrics, MetricsSection.defaults().intervalNanos(),
                pipeline.ring()::remainingCapacity, null, null).start();
        }

        @Override
        public InboundPublisher publisher() {
            return publisher;
        }

        @Override
        public LatencyProbe probe() {
            return probe;
        }

        @Override
        public WorldInputStream stream() {
            return stream;
        }

        @Override
        public void close() {
            if (pipeline != null) {
                pipeline.drainAndStop(30, TimeUnit.SECONDS);
            } else {
                inline.stop();
            }
            if (reporter != null) {
                reporter.close();
            }
            if (journal != null) {
                journal.close();
            }
        }
    }

    /** The baseline: the same stages, one thread each, chained by ArrayBlockingQueues. */
    static final class BlockingQueueScenario implements Scenario, InboundPublisher {
        private static final int POOL = 1 << 16;
        private final EngineEvent[] pool = new EngineEvent[POOL];
        private final List<ArrayBlockingQueue<EngineEvent>> queues = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final LatencyProbe probe;
        private final BenchJournal journal;
        private final WorldInputStream stream;
        private volatile boolean running = true;
        private long sequence;

        BlockingQueueScenario(final Path root, final WorldInputStream stream) {
            this.stream = stream;
            for (int i = 0; i < POOL; i++) {
                pool[i] = new EngineEvent();
            }
            probe = new LatencyProbe(stream);
            journal = new BenchJournal(root.resolve("bench-journal"), true, false);
            final List<EventHandler<EngineEvent>> stages = new ArrayList<>(businessStages(journal.decisions).handlers());
            stages.add(0, journal.stage);
            stages.add(probe);
            for (int i = 0; i < stages.size(); i++) {
                queues.add(new ArrayBlockingQueue<>(4096));
            }
            for (int i = 0; i < stages.size(); i++) {
                final EventHandler<EngineEvent> stage = stages.get(i);
                final ArrayBlockingQueue<EngineEvent> in = queues.get(i);
                final ArrayBlockingQueue<EngineEvent> out = i + 1 < stages.size() ? queues.get(i + 1) : null;
                final Thread t = new Thread(() -> loop(stage, in, out), "abq-stage-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        private void loop(final EventHandler<EngineEvent> stage, final ArrayBlockingQueue<EngineEvent> in,
                          final ArrayBlockingQueue<EngineEvent> out) {
            boolean started = false;
            try {
                while (running) {
                    final EngineEvent e = in.poll(100, TimeUnit.MILLISECONDS);
                    if (e == null) {
                        continue;
                    }
                    if (!started) {
                        started = true;
                        stage.onStart();
                    }
                    stage.onEvent(e, e.sequence, true);
                    if (out != null) {
                        out.put(e);
                    }
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (final Exception e) {
                throw new IllegalStateException("baseline stage failed", e);
            }
        }

        @Override
        public <A> long publish(final InputTranslator<A> translator, final A source) {
            final long seq = sequence++;
            final EngineEvent e = pool[(int) (seq & (POOL - 1))];
            e.clear();
            e.sequence = seq;
            translator.translateTo(e, source);
            try {
                queues.get(0).put(e);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return seq;
        }

        @Override
        public InboundPublisher publisher() {
            return this;
        }

        @Override
        public WorldInputStream stream() {
            return stream;
        }

        @Override
        public LatencyProbe probe() {
            return probe;
        }

        @Override
        public void close() {
            final long target = sequence;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (probe.seen < target && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000);
            }
            running = false;
            for (final Thread t : threads) {
                try {
                    t.join(1000);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            journal.close();
        }
    }

    /** The CPU of the last recorded interval ({@link #runAtRate}): the process's and the stage threads'. */
    private static final CpuMeter CPU = new CpuMeter();

    /**
     * Publishes at a fixed rate for warm-up plus {@code seconds}, recording only after warm-up; rate 0 publishes
     * nothing (an idle engine: only {@link #CPU} has a figure). The CPU meter covers the recorded interval.
     * Returns {tick-to-decision from receive time, latency from intended send time}.
     */
    static Histogram[] runAtRate(final Scenario s, final int rate, final int seconds) {
        if (rate == 0) {
            LockSupport.parkNanos(warmupNanos);
            s.probe().startRecording();
            CPU.start();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
            CPU.stop();
            s.probe().stopRecording();
            return new Histogram[]{s.probe().histogram.copy(), s.probe().fromIntended.copy()};
        }
        final WorldInputStream generator = s.stream();
        final long period = 1_000_000_000L / rate;
        final long start = System.nanoTime();
        final long recordFrom = start + warmupNanos;
        final long end = recordFrom + TimeUnit.SECONDS.toNanos(seconds);
        boolean recording = false;
        long published = 0;
        for (long intended = start; intended < end; intended += period) {
            if (!recording && intended >= recordFrom) {
                drainUntil(s, published);
                s.probe().startRecording();
                CPU.start();
                recording = true;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            generator.intended = intended;
            s.publisher().publish(WorldInputStream.NEXT, generator);
            published++;
        }
        drainUntil(s, published);
        CPU.stop();
        s.probe().stopRecording();
        return new Histogram[]{s.probe().histogram.copy(), s.probe().fromIntended.copy()};
    }

    /** Publishes {@code events} as fast as possible; returns events per second to the last stage. */
    static double saturate(final Scenario s, final long events) {
        final WorldInputStream generator = s.stream();
        final long base = s.probe().seen;
        final long start = System.nanoTime();
        for (long i = 0; i < events; i++) {
            generator.intended = System.nanoTime();
            s.publisher().publish(WorldInputStream.NEXT, generator);
        }
        drainUntil(s, base + events);
        return events * 1e9 / (System.nanoTime() - start);
    }

    private static void drainUntil(final Scenario s, final long count) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (s.probe().seen < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000);
        }
    }

    private static void delete(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static String row(final String name, final int rate, final Histogram[] hs) {
        final Histogram h = hs[0];
        return String.format(Locale.ROOT, "%-40s %8d %9.1f %9.1f %10.1f %11.1f %10.1f %10d   %9.1f %9.1f %8.3f %8.3f",
            name, rate, us(h, 50), us(h, 99), us(h, 99.9), us(h, 99.99), h.getMaxValue() / 1000.0, h.getTotalCount(),
            us(hs[1], 50), us(hs[1], 99), CPU.process(), CPU.stages());
    }

    private static String hopRow(final LatencyProbe.Hop hop) {
        return String.format(Locale.ROOT, "  %-14s since publish p50 %.1f p99 %.1f; before pick-up p50 %.1f, in batch p50 %.1f;"
                + " first of batch p50 %.1f p99 %.1f us (%d batches, size p50 %d mean %.1f)",
            hop.name, us(hop.sincePublish, 50), us(hop.sincePublish, 99), us(hop.beforePickUp, 50), us(hop.inBatch, 50),
            us(hop.wake, 50), us(hop.wake, 99), hop.batch.getTotalCount(), hop.batch.getValueAtPercentile(50), hop.batch.getMean());
    }

    private static double us(final Histogram h, final double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    static Scenario create(final String name, final Path disk) {
        final WorldInputStream stream = streamOfRun;
        if (name.endsWith("+hops") || name.endsWith("+inline")) {
            final boolean hops = name.endsWith("+hops");
            final String base = name.substring(0, name.lastIndexOf('+'));
            final Journal journal = base.startsWith("a-shm") ? Journal.SHM
                : base.startsWith("a-no-pretouch") ? Journal.DISK_NO_PRETOUCH
                : base.startsWith("a") ? Journal.DISK
                : base.startsWith("b") ? Journal.NONE : null;
            if (journal == null) {
                throw new IllegalArgumentException("no diagnostic form of scenario " + base);
            }
            return new DisruptorScenario(journal, waitOf(base), disk, stream, false, false, hops, !hops, backoff(base));
        }
        return switch (name) {
            case "a" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.DEFAULT, disk, stream);
            case "a-blocking" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.BLOCKING, disk, stream);
            case "b" -> new DisruptorScenario(Journal.NONE, WaitStrategyKind.DEFAULT, disk, stream);
            case "c" -> new BlockingQueueScenario(disk, stream);
            case "a-no-pretouch" -> new DisruptorScenario(Journal.DISK_NO_PRETOUCH, WaitStrategyKind.DEFAULT, disk, stream);
            case "a-shm" -> new DisruptorScenario(Journal.SHM, WaitStrategyKind.DEFAULT, disk, stream);
            case "a-shm-phased" -> new DisruptorScenario(Journal.SHM, WaitStrategyKind.PHASED, disk, stream);
            case "a-phased" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.PHASED, disk, stream);
            case "a-spin-then-block" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.SPIN_THEN_BLOCK, disk, stream);
            case "a-shm-spin-then-block" -> new DisruptorScenario(Journal.SHM, WaitStrategyKind.SPIN_THEN_BLOCK, disk, stream);
            case "a-shm-blocking" -> new DisruptorScenario(Journal.SHM, WaitStrategyKind.BLOCKING, disk, stream);
            case "b-spin-then-block" -> new DisruptorScenario(Journal.NONE, WaitStrategyKind.SPIN_THEN_BLOCK, disk, stream);
            case "a-parallel-journal" -> new DisruptorScenario(Journal.DISK_PARALLEL, WaitStrategyKind.DEFAULT, disk, stream);
            case "a-yielding" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.YIELDING, disk, stream);
            case "a-lite-blocking" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.LITE_BLOCKING, disk, stream);
            case "a-metrics" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.DEFAULT, disk, stream, true, false);
            case "b-metrics" -> new DisruptorScenario(Journal.NONE, WaitStrategyKind.DEFAULT, disk, stream, true, false);
            case "a-split" -> new DisruptorScenario(Journal.DISK, WaitStrategyKind.DEFAULT, disk, stream, false, true);
            case "a-shm-split" -> new DisruptorScenario(Journal.SHM, WaitStrategyKind.DEFAULT, disk, stream, false, true);
            case "b-split" -> new DisruptorScenario(Journal.NONE, WaitStrategyKind.DEFAULT, disk, stream, false, true);
            case "b-split-yielding" -> new DisruptorScenario(Journal.NONE, WaitStrategyKind.YIELDING, disk, stream, false, true);
            case "b-yielding" -> new DisruptorScenario(Journal.NONE, WaitStrategyKind.YIELDING, disk, stream);
            default -> {
                final Journal journal = name.startsWith("a-shm-") ? Journal.SHM
                    : name.startsWith("a-") ? Journal.DISK
                    : name.startsWith("b-") ? Journal.NONE : null;
                final WaitStrategyKind wait = waitNamed(name);
                final Supplier<WaitStrategy> custom = backoff(name);
                if (journal == null || wait == null && custom == null) {
                    throw new IllegalArgumentException("unknown scenario " + name
                        + " (a, b, c, their named variants, or a-WAIT, a-shm-WAIT, b-WAIT with WAIT a wait strategy's configuration name"
                        + " or backoff-SPIN-YIELD-BEAT, microseconds)");
                }
                yield new DisruptorScenario(journal, wait == null ? WaitStrategyKind.DEFAULT : wait, disk, stream, false, false,
                    false, false, custom);
            }
        };
    }

    /**
     * A {@link BackoffWaitStrategy} from a scenario name ending {@code -backoff-SPIN-YIELD-BEAT} (microseconds: spin until
     * SPIN, yield until YIELD, then block, waking every BEAT, 0 for never); null if the name has no such suffix.
     */
    private static Supplier<WaitStrategy> backoff(final String name) {
        final int at = name.indexOf("-backoff-");
        if (at < 0) {
            return null;
        }
        final String[] us = name.substring(at + "-backoff-".length()).split("-");
        if (us.length != 3) {
            throw new IllegalArgumentException("scenario " + name + ": backoff takes SPIN-YIELD-BEAT in microseconds, e.g. backoff-100-2000-0");
        }
        final long spin = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(us[0]));
        final long yield = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(us[1]));
        final long beat = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(us[2]));
        return () -> new BackoffWaitStrategy(spin, yield, beat);
    }

    /** The wait strategy a scenario's name ends with ({@code -NAME}, NAME its configuration name); null if none. */
    private static WaitStrategyKind waitNamed(final String name) {
        WaitStrategyKind longest = null;
        for (final WaitStrategyKind kind : WaitStrategyKind.values()) {
            if (name.endsWith("-" + kind.configName())
                && (longest == null || kind.configName().length() > longest.configName().length())) {
                longest = kind;
            }
        }
        return longest;
    }

    /** The wait strategy a scenario's name gives (its suffix), the default layout's otherwise. */
    private static WaitStrategyKind waitOf(final String name) {
        final WaitStrategyKind named = waitNamed(name);
        return named == null ? WaitStrategyKind.DEFAULT : named;
    }

    /** One precomputed world stream for every scenario (its arrays are reused run after run); set by main. */
    private static WorldInputStream streamOfRun = new WorldInputStream();

    static String describe(final String name) {
        if (name.contains("+")) {
            return "diagnostic: " + name;
        }
        return switch (name) {
            case "a" -> "(a) disruptor+journal (disk)";
            case "b" -> "(b) disruptor, no journal";
            case "b-yielding" -> "(b) variant: yielding";
            case "b-metrics" -> "(b) variant: metrics";
            case "b-split" -> "(b) variant: split (2 stage threads)";
            case "b-split-yielding" -> "(b) variant: split, yielding";
            case "c" -> "(c) ArrayBlockingQueue chain (10 thr)";
            default -> (name.startsWith("b-") ? "(b) variant: " : "(a) variant: ") + name.substring(2);
        };
    }

    public static void main(final String[] args) {
        int seconds = 5;
        List<Integer> rates = List.of(10_000, 100_000);
        Path disk = Path.of("bench", "target");
        List<String> variants = List.of("a-no-pretouch", "a-shm", "a-parallel-journal", "a-yielding", "a-blocking", "a-phased");
        long saturateEvents = 5_000_000;
        List<String> only = null;
        int reps = 1;
        long producerSlackNanos = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> {
                    final int warmup = Integer.parseInt(args[++i]);
                    if (warmup < 0) {
                        throw new IllegalArgumentException("--warmup " + warmup + ": seconds must be >= 0");
                    }
                    warmupNanos = TimeUnit.SECONDS.toNanos(warmup);
                }
                case "--rates" -> rates = Stream.of(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--disk" -> disk = Path.of(args[++i]);
                case "--shm-root" -> shmRoot = args[++i];
                case "--pretouch-ahead" -> pretouchAhead = Long.parseLong(args[++i]);
                case "--observation-every" -> streamOfRun = new WorldInputStream(Integer.parseInt(args[++i]));
                case "--scenarios" -> only = List.of(args[++i].split(","));
                case "--saturated-only" -> rates = List.of();
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--ring-side-buffers" -> ringSideBuffers = true;
                case "--trace" -> traceDir = Path.of(args[++i]);
                case "--producer-timer-slack" -> producerSlackNanos = Long.parseLong(args[++i]);
                case "--ring" -> {
                    ringSize = Integer.parseInt(args[++i]);
                    config = config(ringSize);
                }
                case "--quick" -> {
                    variants = List.of();
                    saturateEvents = 500_000;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                    + "; usage: [--seconds N] [--warmup SECONDS] [--rates 10000,100000] [--disk DIR] [--shm-root DIR] [--pretouch-ahead BYTES]"
                    + " [--observation-every N] [--quick]"
                    + " [--scenarios a,a-metrics,... [--saturated-only] [--reps N]] [--ring SLOTS] [--ring-side-buffers]"
                    + " [--producer-timer-slack NANOS] [--trace DIR]");
            }
        }
        try {
            Files.createDirectories(disk);
            if (traceDir != null) {
                Files.createDirectories(traceDir);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        String slack = "default (Linux: 50 us)";
        if (producerSlackNanos > 0) {
            final String failed = TimerSlack.setForCurrentThread(producerSlackNanos);
            if (failed != null) {
                throw new IllegalStateException("--producer-timer-slack: " + failed);
            }
            slack = producerSlackNanos + " ns";
        }
        System.out.printf("skytrade latency harness: %d s per point after %d s warm-up, java %s, %d cpus, journal on %s (pages touched"
                + " %,d bytes ahead), ring %,d slots, side buffers of %s in one-thread layouts, producer timer slack %s%n",
            seconds, warmupNanos / 1_000_000_000L, System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), disk.toAbsolutePath(), pretouchAhead, ringSize,
            ringSideBuffers ? "a ring's worth" : "one entry", slack);
        System.out.printf("%-40s %8s %9s %9s %10s %11s %10s %10s   %9s %9s %8s %8s%n", "pipeline (latency in us)", "rate/s", "p50", "p99",
            "p99.9", "p99.99", "max", "count", "intd p50", "intd p99", "cpu", "stg cpu");
        if (only != null) {
            runOnly(only, rates, seconds, disk, saturateEvents, reps);
            return;
        }
        for (final int rate : rates) {
            final Histogram[][] core = new Histogram[3][];
            final String[] names = {"a", "b", "c"};
            for (int i = 0; i < names.length; i++) {
                try (Scenario s = create(names[i], disk)) {
                    core[i] = runAtRate(s, rate, seconds);
                }
                System.out.println(row(describe(names[i]), rate, core[i]));
            }
            System.out.printf(Locale.ROOT, "%-40s %8d  (c)/(a): p50 %.1fx, p99 %.1fx, p99.9 %.1fx; from intended: p50 %.1fx, p99 %.1fx%n",
                "ratio", rate, ratio(core[2][0], core[0][0], 50), ratio(core[2][0], core[0][0], 99),
                ratio(core[2][0], core[0][0], 99.9), ratio(core[2][1], core[0][1], 50), ratio(core[2][1], core[0][1], 99));
            if (rate == rates.get(rates.size() - 1)) {
                for (final String v : variants) {
                    try (Scenario s = create(v, disk)) {
                        System.out.println(row(describe(v), rate, runAtRate(s, rate, seconds)));
                    }
                }
            }
        }
        System.out.printf("%nsaturated throughput (%,d events, producer never parks)%n", saturateEvents);
        for (final String name : List.of("a", "a-shm", "a-yielding", "a-blocking", "a-phased", "b", "b-yielding", "c")) {
            try (Scenario s = create(name, disk)) {
                saturate(s, Math.min(saturateEvents, 200_000));
                System.out.printf(Locale.ROOT, "%-40s %,14.0f events/s%n", describe(name), saturate(s, saturateEvents));
            }
        }
    }

    /**
     * Runs just the named scenarios, interleaved at each rate (so a slow phase of the shared host
     * hits them alike), then their saturated throughput, {@code reps} interleaved rounds of it (a
     * median per scenario after several): the same-run comparison of, say, the pipeline with and
     * without metrics, or one stage thread against two.
     */
    private static void runOnly(final List<String> names, final List<Integer> rates, final int seconds, final Path disk,
                                final long saturateEvents, final int reps) {
        for (final int rate : rates) {
            for (final String name : names) {
                try (Scenario s = create(name, disk)) {
                    if (traceDir != null) {
                        s.probe().trace(rate * (seconds + 1));
                    }
                    System.out.println(row(describe(name), rate, runAtRate(s, rate, seconds)));
                    if (traceDir != null) {
                        writeTrace(traceDir.resolve(name + "-" + rate + ".trace"), s.probe().traced());
                    }
                    for (final LatencyProbe.Hop hop : s.probe().hops()) {
                        System.out.println(hopRow(hop));
                    }
                }
            }
        }
        System.out.printf("%nsaturated throughput (%,d events, producer never parks)%n", saturateEvents);
        final double[][] figures = new double[names.size()][reps];
        for (int r = 0; r < reps; r++) {
            for (int n = 0; n < names.size(); n++) {
                try (Scenario s = create(names.get(n), disk)) {
                    saturate(s, Math.min(saturateEvents, 200_000));
                    figures[n][r] = saturate(s, saturateEvents);
                    System.out.printf(Locale.ROOT, "%-40s %,14.0f events/s%n", describe(names.get(n)), figures[n][r]);
                }
            }
        }
        if (reps > 1) {
            for (int n = 0; n < names.size(); n++) {
                final double[] sorted = figures[n].clone();
                java.util.Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-40s %,14.0f events/s (median of %d)%n", describe(names.get(n)),
                    sorted[reps / 2], reps);
            }
        }
    }

    /**
     * Writes a scenario's per-event times as big-endian longs, one event a row: intended send, publish,
     * completion (System.nanoTime, the clock of {@code -Xlog} decorator {@code tn} and of {@code perf -k
     * CLOCK_MONOTONIC}).
     */
    private static void writeTrace(final Path file, final long[][] columns) {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            for (int i = 0; i < columns[0].length; i++) {
                out.writeLong(columns[0][i]);
                out.writeLong(columns[1][i]);
                out.writeLong(columns[2][i]);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the trace " + file, e);
        }
        System.out.printf("  trace: %,d events in %s (recording started at nanoTime %d)%n", columns[0].length, file,
            columns[0].length == 0 ? 0 : columns[1][0]);
    }

    private static double ratio(final Histogram baseline, final Histogram h, final double p) {
        return (double) baseline.getValueAtPercentile(p) / Math.max(1, h.getValueAtPercentile(p));
    }
}
