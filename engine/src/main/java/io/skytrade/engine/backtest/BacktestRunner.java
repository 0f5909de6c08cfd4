package io.skytrade.engine.backtest;

import com.lmax.disruptor.dsl.ProducerType;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.Pipeline;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.pipeline.RingInboundPublisher;
import io.skytrade.core.pipeline.WaitStrategyKind;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.engine.config.BacktestSection;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.engine.runtime.LateBoundOrderGateway;
import io.skytrade.engine.runtime.PaperOrderGateway;
import io.skytrade.exchange.fill.BacktestFillModel;
import io.skytrade.exchange.fill.FillModelConfig;
import io.skytrade.journal.DecisionJournal;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import io.skytrade.journal.RunDirectory;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A backtest is the live code path fed from a journal: the same business stages built by
 * {@link EngineAssembly} from the same configuration, the clock taken from the journaled event
 * times, and the exchange module's {@link BacktestFillModel} (the simulator's matching engine, with
 * latency, fees and queue position) instead of the venue. The journal's market data, observations,
 * timers and operator commands are replayed; its venue order events and position reports are not
 * (the fill model produces ours). Each input is handled to the end before the next is released, so
 * the run is deterministic. The backtest journals its own inputs and decisions into a new run
 * directory under the output directory, which replays with {@code replay --verify}.
 *
 * <p>Offline; one run per instance.
 */
public final class BacktestRunner {
    private final RunDirectory source;
    private final ConfigLoader.LoadedConfig loaded;
    private final Path out;
    private final PrintStream progress;
    private final boolean journalFills;

    /**
     * @param journalFills true to replay the journal's own venue order events (acks, fills) instead of
     *                     simulating fills: the backtest then reproduces the live run exactly
     */
    public BacktestRunner(final RunDirectory source, final ConfigLoader.LoadedConfig loaded, final Path out,
                          final PrintStream progress, final boolean journalFills) {
        this.source = source;
        this.loaded = loaded;
        this.out = out;
        this.progress = progress;
        this.journalFills = journalFills;
    }

    public BacktestRunner(final RunDirectory source, final ConfigLoader.LoadedConfig loaded, final Path out,
                          final PrintStream progress) {
        this(source, loaded, out, progress, false);
    }

    /** The outcome: the backtest's own run directory, counts, figures. */
    public record Result(RunDirectory run, long inputs, long replayed, long decisions, long orders, long fills,
                         long elapsedNanos, PerformanceAnalyzer.Metrics metrics, EquitySampler sampler) {
        public double eventsPerSecond() {
            return elapsedNanos == 0 ? 0 : replayed * 1e9 / elapsedNanos;
        }
    }

    public Result run() {
        final EngineConfig config = loaded.config();
        final BacktestSection bt = config.backtest();
        final long total = countInputs();
        final String idBase = journalFills ? source.property(EngineAssembly.CLIENT_ORDER_ID_BASE, "0") : "0";
        final RunDirectory run = RunDirectory.create(out, loaded.redactedYaml(), Instant.now(),
            Map.of("backtestOf", source.dir().toString(), EngineAssembly.CLIENT_ORDER_ID_BASE, idBase,
                "fills", journalFills ? "journal" : "model"));
        final JournalSettings settings = new JournalSettings(config.journal().settings().blockSizeBytes(),
            config.journal().settings().rollCycle(), false, 0);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
        final EquitySampler sampler = new EquitySampler(bt.sampleIntervalNanos());
        long replayed = 0;
        final long start = System.nanoTime();
        try (SingleChronicleQueue inputs = Queues.openForWriting(run.inputs(), settings, null);
             SingleChronicleQueue decisionQueue = Queues.openForWriting(run.decisions(), settings, null);
             DecisionJournal decisions = new DecisionJournal(decisionQueue)) {
            final EngineAssembly assembly = new EngineAssembly(config);
            final LateBoundOrderGateway gateway = new LateBoundOrderGateway();
            final EngineAssembly.Stages stages = assembly.businessStages(decisions, gateway, Long.parseLong(idBase));
            final InputJournalStage journal = new InputJournalStage(inputs);
            final PipelineBuilder builder = new PipelineBuilder().clock(clock).producerType(ProducerType.SINGLE)
                .stage(EngineAssembly.JOURNAL_STAGE, journal);
            final List<String> names = new ArrayList<>();
            names.add(EngineAssembly.JOURNAL_STAGE);
            for (int i = 0; i < stages.names().size(); i++) {
                builder.stage(stages.names().get(i), stages.handlers().get(i));
                names.add(stages.names().get(i));
            }
            builder.stage("equity", sampler);
            names.add("equity");
            final Pipeline pipeline = builder.layout(PipelineLayout.singleThread(
                config.pipeline().layout().ringSize(), WaitStrategyKind.YIELDING, names)).build();
            final RingInboundPublisher publisher = pipeline.publisher();
            final BacktestFillModel fills = new BacktestFillModel(FillModelConfig.builder()
                .latencyNanos(bt.latencyNanos()).feePerLot(bt.feePerLot()).cancelsAheadOfUs(bt.cancelsAheadOfUs())
                .instrumentCount(config.instruments().size()).build(), clock, publisher);
            gateway.bind(journalFills ? new PaperOrderGateway() : fills);
            pipeline.start();
            final ProgressBar bar = new ProgressBar(progress, total);
            try (InputJournalReader reader = new InputJournalReader(source.inputs())) {
                final EngineEvent input = new EngineEvent();
                while (reader.next(input)) {
                    bar.update(reader.count());
                    final boolean venueEvent = input.type == EventType.ORDER_EVENT || input.type == EventType.POSITION_REPORT;
                    if (!journalFills && (venueEvent || input.type == EventType.NONE)) {
                        continue;
                    }
                    clock.set(input.eventTimeNanos);
                    if (!journalFills) {
                        fills.advanceTo(input.eventTimeNanos);
                        awaitCompletion(pipeline);
                        fills.onMarketEvent(input);
                    }
                    publisher.publishCopy(input);
                    awaitCompletion(pipeline);
                    replayed++;
                }
                if (!journalFills) {
                    fills.advanceTo(clock.nanoTime() + bt.latencyNanos());
                    awaitCompletion(pipeline);
                }
            } finally {
                pipeline.drainAndStop(60, TimeUnit.SECONDS);
                bar.finish();
            }
            run.markClosed(journal.entries(), decisions.entries(), Instant.now());
            final long elapsed = System.nanoTime() - start;
            final long[] times = sampler.times();
            final PerformanceAnalyzer.Metrics metrics = times.length < 2 ? null
                : PerformanceAnalyzer.analyse(times, sampler.equity(), sampler.grossPositions(), bt.capital(),
                    sampler.roundTrips(), sampler.notional(), sampler.fees());
            return new Result(run, total, replayed, decisions.entries(), stages.orders().ordersSent(),
                sampler.positions().fillCount(), elapsed, metrics, sampler);
        }
    }

    private long countInputs() {
        long n = 0;
        try (InputJournalReader reader = new InputJournalReader(source.inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                n++;
            }
        }
        return n;
    }

    /** Waits (spinning briefly, then yielding) until the pipeline has handled everything published. */
    private static void awaitCompletion(final Pipeline pipeline) {
        final long target = pipeline.publishedSequence();
        int spins = 0;
        while (pipeline.completedSequence() < target) {
            if (++spins > 20_000) {
                LockSupport.parkNanos(1000);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
