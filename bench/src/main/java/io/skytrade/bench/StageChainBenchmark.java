package io.skytrade.bench;

import io.skytrade.core.event.EngineEvent;
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
 * Cost per event of the input-journal append alone and of the whole chain (journal and the
 * engine's eight business stages with the decisions journal) on one thread, without the ring, on disk or tmpfs, with and without the page pre-toucher. Run with {@code -prof gc} to show ~0 B/op.
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

    private final WorldInputStream generator = new WorldInputStream();
    private final EngineEvent event = new EngineEvent();
    private SingleChronicleQueue inputs;
    private SingleChronicleQueue decisionQueue;
    private InputJournalStage journal;
    private com.lmax.disruptor.EventHandler<EngineEvent>[] business;
    private DecisionJournal decisions;
    private long sequence;
    private PageToucher toucher;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() throws Exception {
        final Path dir = Files.createTempDirectory(Path.of(journalDir.equals("tmpfs") ? "/dev/shm" : "bench/target").toAbsolutePath(),
            "jmh-journal");
        final JournalSettings settings = new JournalSettings(64L << 20, "FAST_DAILY", pretouch, 32L << 20);
        final AtomicLong bytes = new AtomicLong();
        toucher = pretouch ? new PageToucher(bytes, settings.pretouchAheadBytes()).start() : null;
        inputs = Queues.openForWriting(dir.resolve("inputs"), settings, toucher);
        decisionQueue = Queues.openForWriting(dir.resolve("decisions"), settings, null);
        journal = new InputJournalStage(inputs, bytes);
        journal.onStart();
        decisions = new DecisionJournal(decisionQueue);
        business = LatencyHarness.handlerArray(LatencyHarness.businessStages(decisions).handlers());
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
        generator.copyNext(event, sequence++);
        return event;
    }

    @Benchmark
    public EngineEvent journalAppend() {
        final EngineEvent e = next();
        journal.onEvent(e, e.sequence, true);
        return e;
    }

    @Benchmark
    public EngineEvent fullChain() throws Exception {
        final EngineEvent e = next();
        journal.onEvent(e, e.sequence, true);
        for (int i = 0; i < business.length; i++) {
            business[i].onEvent(e, e.sequence, true);
        }
        return e;
    }
}
