package io.skytrade.engine.backtest;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InlinePipeline;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.engine.config.BacktestSection;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.runtime.BuildFingerprint;
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
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest is the live code path fed from a journal: the same business stages built by
 * {@link EngineAssembly} from the same configuration, the clock taken from the journaled event
 * times, and the exchange module's {@link BacktestFillModel} (the simulator's matching engine, with
 * latency, fees and queue position) instead of the venue. The journal's market data, observations,
 * timers and operator commands are replayed; its venue order events and position reports are not
 * (the fill model produces ours). The stages run on the caller's thread in an
 * {@link InlinePipeline}: each input, and every order event it causes, is handled to the end
 * before the next is released, so the run is deterministic and pays no thread hand-off. The
 * backtest journals its own inputs and decisions into a new run directory under the output
 * directory, which replays with {@code replay --verify}: its inputs in batch documents
 * ({@link InputJournalStage#holdBatches()}, as the ring's batches), each batch appended before an
 * order or cancel reaches the fill model ({@link JournalFirstGateway}) and before a decision is
 * journaled, so an input is still journaled before anything it causes leaves the engine.
 *
 * <p>Offline; one run per instance; instances are independent (a sweep runs several at once).
 */
public final class BacktestRunner {
    private static final InputTranslator<Integer> CONTROL = (event, code) -> {
        event.type = EventType.CONTROL;
        event.eventTimeNanos = event.receiveTimeNanos;
        event.controlCode = code;
    };
    /** Events one input may cause before the next is released (acks and fills of one burst). */
    private static final int QUEUE_CAPACITY = 1 << 12;
    private final RunDirectory source;
    private final ConfigLoader.LoadedConfig loaded;
    private final Path out;
    private final PrintStream progress;
    private final boolean journalFills;
    private final Map<String, EventHandler<EngineEvent>> observers = new LinkedHashMap<>();
    private final LateBoundOrderGateway gateway = new LateBoundOrderGateway();
    private final String idBase;
    private final EngineAssembly.Stages stages;
    private final EquitySampler sampler;
    private DecisionJournal decisionJournal;
    private long decisionCount;
    private boolean journalRun = true;
    private boolean timeInputs;
    private long fromNanos = Long.MIN_VALUE;
    private long toNanos = Long.MAX_VALUE;

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
        this.idBase = journalFills ? source.property(EngineAssembly.CLIENT_ORDER_ID_BASE, "0") : "0";
        this.stages = new EngineAssembly(loaded.config()).businessStages(this::onDecisions, gateway, Long.parseLong(idBase),
            EngineAssembly.INLINE_SIDE_SLOTS);
        this.sampler = new EquitySampler(loaded.config().backtest().sampleIntervalNanos(),
            loaded.config().instruments().size(), stages.book());
    }

    private void onDecisions(final EngineEvent event, final SideBuffers side) {
        decisionCount += side.decisions(event).count();
        if (decisionJournal != null) {
            decisionJournal.onDecisions(event, side);
        }
    }

    public BacktestRunner(final RunDirectory source, final ConfigLoader.LoadedConfig loaded, final Path out,
                          final PrintStream progress) {
        this(source, loaded, out, progress, false);
    }

    /**
     * The outcome: the backtest's own run directory, counts, figures; {@code handlingNanos} is the
     * wall time each replayed input took through the fill model and every stage (empty unless
     * {@link #timeInputs()} asked for it); {@code markets}
     * holds the figures of each product that traded, in instrument id order.
     */
    public record Result(RunDirectory run, long inputs, long replayed, long decisions, long orders, long fills,
                         long elapsedNanos, PerformanceAnalyzer.Metrics metrics, EquitySampler sampler,
                         Histogram handlingNanos, long stageFailures, String firstStageFailure,
                         List<MarketFigures> markets) {
        public double eventsPerSecond() {
            return elapsedNanos == 0 ? 0 : replayed * 1e9 / elapsedNanos;
        }
    }

    /**
     * Backtests the window [{@code fromNanos}, {@code toNanos}) of the journal (walk-forward
     * windows) after warming up on everything before it. In journal order, the window opens at the
     * first input whose event time is at or after {@code fromNanos} and closes at the first at or
     * after {@code toNanos} (later inputs are not read). Inputs before the opening go through every
     * stage and the fill model with the engine held in SAFE mode (a CONTROL SAFE input before the
     * first of them, a CONTROL RESUME at the opening, both journaled in the backtest's own run):
     * features, nowcasts and regimes warm up on the past, no order is sent, and the figures and
     * observers see only the window. Default: the whole journal, no warm-up.
     */
    public BacktestRunner window(final long fromNanos, final long toNanos) {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("backtest window: end " + toNanos + " must be after start " + fromNanos);
        }
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
        return this;
    }

    /**
     * Whether the backtest journals its own inputs and decisions (default true). Without, the run
     * directory holds only the configuration and run properties: it cannot be replayed, and the
     * live-vs-backtest comparison (which reads it) has nothing to read; a sweep that discards its
     * runs saves the journal appends (about a third of a fill-model backtest's time).
     */
    public BacktestRunner journalRun(final boolean journalRun) {
        this.journalRun = journalRun;
        return this;
    }

    /**
     * Measures each replayed input's handling time into {@link Result#handlingNanos} (the report's
     * table): two clock reads and a histogram record per input, about 90 ns on this project's VM,
     * where an input costs about 1 us. Off by default: only the report reads it. Before {@link #run}.
     */
    public BacktestRunner timeInputs() {
        this.timeInputs = true;
        return this;
    }

    /**
     * The positions and PnL of the engine's one trading book: fills and settlements, with marks. It
     * has booked an event before any {@link #observer} sees that event, so observers read positions
     * here instead of keeping a second book.
     */
    public PositionTracker positions() {
        return stages.book().positions();
    }

    /** The side buffers of the run's stages (signals, regime posteriors, decisions), for a recorder stage. */
    public SideBuffers sideBuffers() {
        return stages.side();
    }

    /**
     * Has the signal stage compute its combined signals into the side buffers (for a recorder
     * stage that reads them: they are report-only and off otherwise). Before {@link #run}.
     */
    public BacktestRunner publishSignals() {
        stages.publishSignals();
        return this;
    }

    /** The engine's trading book (orders, positions, PnL), read on the backtest's thread. */
    public TradingBook book() {
        return stages.book();
    }

    /**
     * Adds a stage after the business stages and the equity sampler: it sees every event with
     * what the stages wrote into it (fair values, signals, regime posterior, decisions) and the
     * fill model's order events (reports, tools). Observers run on the backtest's thread.
     */
    public BacktestRunner observer(final String name, final EventHandler<EngineEvent> observer) {
        observers.put(name, observer);
        return this;
    }

    public Result run() {
        final EngineConfig config = loaded.config();
        final BacktestSection bt = config.backtest();
        final long total = countInputs();
        final RunDirectory run = RunDirectory.create(out, loaded.redactedYaml(), Instant.now(),
            Map.of("backtestOf", source.dir().toString(), EngineAssembly.CLIENT_ORDER_ID_BASE, idBase,
                "fills", journalFills ? "journal" : "model", RunDirectory.JOURNALED, Boolean.toString(journalRun),
                BuildFingerprint.PROPERTY, BuildFingerprint.current()));
        final JournalSettings settings = new JournalSettings(config.journal().settings().blockSizeBytes(),
            config.journal().settings().rollCycle(), false, 0);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
        final Histogram handling = new Histogram(3_600_000_000_000L, 3);
        long replayed = 0;
        boolean warmingUp = false;
        final long start = System.nanoTime();
        try (SingleChronicleQueue inputs = journalRun ? Queues.openForWriting(run.inputs(), settings, null) : null;
             SingleChronicleQueue decisionQueue = journalRun ? Queues.openForWriting(run.decisions(), settings, null) : null;
             DecisionJournal decisions = journalRun ? new DecisionJournal(decisionQueue) : null) {
            final InputJournalStage journal = journalRun ? new InputJournalStage(inputs).holdBatches() : null;
            decisionJournal = decisions == null ? null : decisions.inputsFirst(journal);
            final PipelineBuilder builder = new PipelineBuilder().clock(clock).sideBuffers(stages.side())
                .stateHashInterval(config.journal().stateHashInterval());
            if (journal != null) {
                builder.stage(EngineAssembly.JOURNAL_STAGE, journal);
            }
            for (int i = 0; i < stages.names().size(); i++) {
                builder.stage(stages.names().get(i), stages.handlers().get(i));
            }
            final boolean[] inWindow = {fromNanos == Long.MIN_VALUE};
            builder.stage("equity", afterWarmUp(inWindow, sampler));
            observers.forEach((name, observer) -> builder.stage(name, afterWarmUp(inWindow, observer)));
            final InlinePipeline pipeline = builder.buildInline(QUEUE_CAPACITY);
            final BacktestFillModel fills = new BacktestFillModel(FillModelConfig.builder()
                .latencyNanos(bt.latencyNanos()).feePerLot(bt.feePerLot()).cancelsAheadOfUs(bt.cancelsAheadOfUs())
                .instrumentCount(config.instruments().size()).build(), clock, pipeline);
            final OrderGateway venue = journalFills ? new PaperOrderGateway() : fills;
            gateway.bind(journal == null ? venue : new JournalFirstGateway(journal, venue));
            pipeline.start();
            final ProgressBar bar = progress == null ? null : new ProgressBar(progress, total);
            long read = 0;
            boolean completed = false;
            try (InputJournalReader reader = new InputJournalReader(source.inputs())) {
                // the decoded input is queued itself and the pipeline hands back a spare event to decode the next into
                EngineEvent input = new EngineEvent();
                while (reader.next(input)) {
                    read = reader.count();
                    if (bar != null && (read & 1023) == 0) {
                        bar.update(read);
                    }
                    final boolean venueEvent = input.type == EventType.ORDER_EVENT || input.type == EventType.POSITION_REPORT;
                    if (!journalFills && (venueEvent || input.type == EventType.NONE)) {
                        continue;
                    }
                    if (input.eventTimeNanos >= toNanos) {
                        break;
                    }
                    final long handleStart = timeInputs ? System.nanoTime() : 0;
                    clock.set(input.eventTimeNanos);
                    if (!inWindow[0]) {
                        if (input.eventTimeNanos >= fromNanos) {
                            if (warmingUp) {
                                pipeline.publish(CONTROL, ControlCode.RESUME);
                                pipeline.drain();
                            }
                            inWindow[0] = true;
                        } else if (!warmingUp) {
                            pipeline.publish(CONTROL, ControlCode.SAFE);
                            pipeline.drain();
                            warmingUp = true;
                        }
                    }
                    if (!journalFills) {
                        fills.advanceTo(input.eventTimeNanos);
                        pipeline.drain();
                        if (input.type == EventType.SETTLEMENT) {
                            fills.settle(input.instrumentId, input.value);
                            pipeline.drain();
                        } else {
                            fills.onMarketEvent(input);
                        }
                    }
                    input = pipeline.publishInPlace(input);
                    pipeline.drain();
                    if (timeInputs) {
                        handling.recordValue(Math.min(System.nanoTime() - handleStart, handling.getHighestTrackableValue()));
                    }
                    replayed++;
                }
                if (!journalFills) {
                    fills.advanceTo(clock.nanoTime() + bt.latencyNanos());
                    pipeline.drain();
                }
                completed = true;
            } finally {
                pipeline.stop();
                if (bar != null) {
                    bar.update(completed ? total : read);
                    bar.finish();
                }
            }
            if (journal != null) {
                run.markClosed(journal.entries(), decisions.entries(), Instant.now());
            } else {
                run.removeEmptyQueues();
            }
            final long elapsed = System.nanoTime() - start;
            final long[] times = sampler.times();
            final PerformanceAnalyzer.Metrics metrics = times.length < 2 ? null
                : PerformanceAnalyzer.analyse(times, sampler.equity(), sampler.grossPositions(), config.model().capital(),
                    sampler.roundTrips(), sampler.notional(), sampler.fees());
            return new Result(run, total, replayed, decisionCount, stages.orders().ordersSent(),
                sampler.positions().fillCount(), elapsed, metrics, sampler, handling,
                pipeline.failures().failureCount(), pipeline.failures().firstFailure(),
                MarketFigures.of(sampler, config.instruments(), config.model().capital()));
        }
    }

    /** A stage that sees events only once the backtest window has opened. */
    private static EventHandler<EngineEvent> afterWarmUp(final boolean[] inWindow, final EventHandler<EngineEvent> stage) {
        return (event, sequence, endOfBatch) -> {
            if (inWindow[0]) {
                stage.onEvent(event, sequence, endOfBatch);
            }
        };
    }

    private long countInputs() {
        try (InputJournalReader reader = new InputJournalReader(source.inputs())) {
            return reader.entryCount();
        }
    }
}
