package io.skytrade.bench;

import io.skytrade.core.baseline.DirectOrderStage;
import io.skytrade.core.baseline.MovingAverageCrossStage;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.engine.runtime.PaperOrderGateway;
import io.skytrade.journal.DecisionJournal;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.PageToucher;
import io.skytrade.journal.Queues;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cost per event of each stage and of the whole chain on one thread, without the ring: the input
 * journal append (Chronicle, on disk under bench/target), the strategy, and the outbound stage with
 * its decision journal, on disk or tmpfs, with and without the page pre-toucher. Run with {@code -prof gc} to show ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class StageChainBenchmark {
    @Param({"disk", "tmpfs"})
    public String journalDir;

    @Param({"true", "false"})
    public boolean pretouch;

    private final BookGenerator generator = new BookGenerator();
    private final EngineEvent event = new EngineEvent();
    private SingleChronicleQueue inputs;
    private SingleChronicleQueue decisionQueue;
    private InputJournalStage journal;
    private MovingAverageCrossStage strategy;
    private DirectOrderStage orders;
    private DecisionJournal decisions;
    private long sequence;
    private PageToucher toucher;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        final Path dir = Files.createTempDirectory(Path.of(journalDir.equals("tmpfs") ? "/dev/shm" : "bench/target").toAbsolutePath(),
            "jmh-journal");
        final JournalSettings settings = new JournalSettings(64L << 20, "FAST_DAILY", pretouch, 32L << 20);
        final AtomicLong bytes = new AtomicLong();
        toucher = pretouch ? new PageToucher(bytes, settings.pretouchAheadBytes(), System.err::println).start() : null;
        inputs = Queues.openForWriting(dir.resolve("inputs"), settings, toucher);
        decisionQueue = Queues.openForWriting(dir.resolve("decisions"), settings, null);
        journal = new InputJournalStage(inputs, bytes);
        journal.onStart();
        strategy = new MovingAverageCrossStage(3, 9, 0.2, 1, 10);
        decisions = new DecisionJournal(decisionQueue);
        orders = new DirectOrderStage(decisions, new PaperOrderGateway());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        journal.onShutdown();
        decisions.close();
        if (toucher != null) {
            toucher.close();
        }
        inputs.close();
        decisionQueue.close();
    }

    private EngineEvent next() {
        event.clear();
        event.sequence = sequence++;
        generator.write(event);
        return event;
    }

    @Benchmark
    public EngineEvent journalAppend() {
        final EngineEvent e = next();
        journal.onEvent(e, e.sequence, true);
        return e;
    }

    @Benchmark
    public EngineEvent strategyStage() throws Exception {
        final EngineEvent e = next();
        strategy.onEvent(e, e.sequence, true);
        return e;
    }

    @Benchmark
    public EngineEvent fullChain() throws Exception {
        final EngineEvent e = next();
        journal.onEvent(e, e.sequence, true);
        strategy.onEvent(e, e.sequence, true);
        orders.onEvent(e, e.sequence, true);
        return e;
    }
}
