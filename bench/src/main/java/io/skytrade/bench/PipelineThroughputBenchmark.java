package io.skytrade.bench;

import com.lmax.disruptor.dsl.ProducerType;
import io.skytrade.core.pipeline.Pipeline;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.pipeline.WaitStrategyKind;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Saturated throughput of the real Disruptor pipeline (journal and the engine's eight business
 * stages plus a probe, all on one consumer thread, yielding; producer on another): each invocation publishes a batch and waits until
 * the last stage has it. Scores are events per second; {@code -prof gc} gives bytes per event for
 * every thread of the JVM (producer, stages, Chronicle), which is the zero-allocation proof.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PipelineThroughputBenchmark {
    private static final int BATCH = 10_000;

    @Param({"true", "false"})
    public boolean journal;

    private final WorldInputStream generator = new WorldInputStream();
    private Pipeline pipeline;
    private LatencyProbe probe;
    private SingleChronicleQueue inputs;
    private SingleChronicleQueue decisionQueue;
    private io.skytrade.journal.DecisionJournal decisions;
    private long published;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        probe = new LatencyProbe(generator);
        final PipelineBuilder b = new PipelineBuilder().clock(new SystemEpochNanoClock()).producerType(ProducerType.SINGLE);
        final List<String> names = new ArrayList<>();
        io.skytrade.core.pipeline.DecisionListener listener = (e, s) -> { };
        if (journal) {
            final Path dir = Files.createTempDirectory(Path.of("bench/target").toAbsolutePath(), "jmh-pipeline");
            final JournalSettings settings = new JournalSettings(64L << 20, "FAST_DAILY", false, 0);
            inputs = Queues.openForWriting(dir.resolve("inputs"), settings, null);
            decisionQueue = Queues.openForWriting(dir.resolve("decisions"), settings, null);
            decisions = new io.skytrade.journal.DecisionJournal(decisionQueue);
            listener = decisions;
            b.stage("journal", new InputJournalStage(inputs));
            names.add("journal");
        }
        final var business = LatencyHarness.businessStages(listener);
        for (int i = 0; i < business.names().size(); i++) {
            b.stage(business.names().get(i), business.handlers().get(i));
        }
        b.stage("probe", probe).sideBuffers(business.side());
        names.addAll(business.names());
        names.add("probe");
        pipeline = b.layout(PipelineLayout.singleThread(65536, WaitStrategyKind.YIELDING, names)).build().start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.drainAndStop(30, TimeUnit.SECONDS);
        if (journal) {
            decisions.close();
            inputs.close();
            decisionQueue.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishBatch() {
        for (int i = 0; i < BATCH; i++) {
            pipeline.publisher().publish(WorldInputStream.NEXT, generator);
        }
        published += BATCH;
        while (probe.seen < published) {
            LockSupport.parkNanos(1000);
        }
        return probe.seen;
    }
}
