package io.skytrade.engine.runtime;

import com.lmax.disruptor.dsl.ProducerType;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.InlinePipeline;
import io.skytrade.core.pipeline.InputSource;
import io.skytrade.core.pipeline.Pipeline;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.RingInboundPublisher;
import io.skytrade.core.pipeline.StageFailureRecorder;
import io.skytrade.core.pipeline.WaitStrategyKind;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionVerifier;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays a run directory: rebuilds the pipeline from the run's journaled config (without the
 * journal stage, on a ring of at most {@link #RING_SLOTS} slots), pushes the journaled inputs through as fast as the CPU allows, and with
 * {@code verify} compares every decision, and every stateful stage's state hash at the journaled
 * checkpoints, with the journal through a {@link DecisionVerifier}.
 * Nothing is sent anywhere: the gateway is a {@link PaperOrderGateway}. Where the stages run is
 * the replay's {@link Layout} ({@link #DEFAULT_LAYOUT} unless told): the stages see the same
 * events in the same order in every layout, so the decisions and state hashes are the same.
 *
 * <p>Not thread-safe; one replay per instance.
 */
public final class ReplayRunner {
    /**
     * Ring slots of a replay (at most the configured ring's): the ring's events and the side buffers
     * (~4.5 KB a slot) stay in cache, where the live ring's 4096 slots walk ~20 MB. The stages see
     * the same events in the same order whatever the ring size; only batching differs.
     */
    static final int RING_SLOTS = 256;

    /**
     * Where a replay runs the stages. The stages see the same events, in the same order, with the
     * same sequences, in each; only the threads differ.
     */
    public enum Layout {
        /** The run's configured thread groups on a ring, fed by the reading thread. */
        CONFIGURED,
        /** Every stage on the reading thread, no ring: no hand-off at all, one core. */
        INLINE,
        /**
         * Two stage threads on a ring fed by the reading thread: the market stages (features, Kalman,
         * valuation, signal, regime) on one, the trading book's stages and the outbound stage on the
         * other, so the business stages use two cores. Only the book's stages share state (they stay
         * on one thread); the others hand their results on through the event and its side buffers.
         */
        SPLIT
    }

    private final RunDirectory run;
    private final Map<String, String> env;
    /**
     * Where a replay runs its stages unless told: {@link Layout#INLINE}, the fastest and cheapest on
     * the 2-core host (bench/README "Idle-host figures, session 5": 1.38M inputs/s against 1.05M
     * configured and 0.66M split).
     */
    public static final Layout DEFAULT_LAYOUT = Layout.INLINE;

    private Layout layout = DEFAULT_LAYOUT;

    public ReplayRunner(final RunDirectory run, final Map<String, String> env) {
        this.run = run;
        this.env = env;
    }

    /** Where the stages run (default {@link #DEFAULT_LAYOUT}). */
    public ReplayRunner layout(final Layout layout) {
        this.layout = layout;
        return this;
    }

    /** Runs the replay and returns its result. */
    public Result replay(final boolean verify) {
        return replay(verify, null);
    }

    /**
     * Runs the replay and returns its result; {@code tap}, when not null, sees every replayed
     * event's decisions after verification, on the stage thread (tests and tools).
     */
    public Result replay(final boolean verify, final DecisionListener tap) {
        return replay(verify, tap, stages -> { });
    }

    /**
     * Runs the replay; {@code beforeFirstInput} sees the freshly built stages before any input
     * (tests and tools: restoring or, to show that the state hashes catch it, corrupting a stage's
     * state), on the calling thread before the stage threads start.
     */
    public Result replay(final boolean verify, final DecisionListener tap, final Consumer<EngineAssembly.Stages> beforeFirstInput) {
        final EngineConfig config = new ConfigLoader(env).loadText(run.configYaml()).config();
        final EngineAssembly assembly = new EngineAssembly(config);
        final DecisionVerifier verifier = verify
            ? new DecisionVerifier(new DecisionJournalReader(run.decisions()), run.closedCleanly()) : null;
        final AtomicLong decisions = new AtomicLong();
        final DecisionListener counting = (event, side) -> {
            decisions.lazySet(decisions.get() + side.decisions(event).count());
            if (verifier != null) {
                verifier.onDecisions(event, side);
            }
            if (tap != null) {
                tap.onDecisions(event, side);
            }
        };
        final PaperOrderGateway gateway = new PaperOrderGateway();
        final long clientOrderIdBase = Long.parseLong(run.property(EngineAssembly.CLIENT_ORDER_ID_BASE, "0"));
        final int ring = Math.min(RING_SLOTS, config.pipeline().layout().ringSize());
        final EngineAssembly.Stages stages = assembly.businessStages(counting, gateway, clientOrderIdBase, ring);
        final PipelineBuilder builder = assembly.configure(new PipelineBuilder()
            .clock(new ManualEpochNanoClock(0)).producerType(ProducerType.SINGLE), null, stages, ring);
        if (verifier != null) {
            verifier.hashedStages(builder.hashedStageNames());
        }
        final long events;
        final long start;
        final StageFailureRecorder failures;
        if (layout == Layout.INLINE) {
            final InlinePipeline pipeline = builder.buildInline(ring);
            failures = pipeline.failures();
            beforeFirstInput.accept(stages);
            pipeline.start();
            start = System.nanoTime();
            try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
                events = replayInline(reader, pipeline);
            } finally {
                pipeline.stop();
            }
        } else {
            if (layout == Layout.SPLIT) {
                builder.layout(split(ring, config.pipeline().layout().waitStrategy(), stages.names()));
            }
            final Pipeline pipeline = builder.build();
            failures = pipeline.failures();
            beforeFirstInput.accept(stages);
            pipeline.start();
            start = System.nanoTime();
            try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
                events = replayOnRing(reader, pipeline.publisher());
            } finally {
                pipeline.drainAndStop(60, TimeUnit.SECONDS);
            }
        }
        final long elapsed = System.nanoTime() - start;
        if (verifier != null) {
            verifier.finish();
            verifier.close();
        }
        return new Result(events, decisions.get(), verifier == null ? 0 : verifier.hashesCompared(), elapsed,
            gateway.orders(), verifier == null ? 0 : verifier.differences(),
            verifier == null ? null : verifier.firstDifference(), verifier == null ? -1 : verifier.firstDifferenceSequence(),
            verifier == null ? 0 : verifier.beyondJournal(), failures.failureCount(),
            failures.firstFailure(), verifier == null ? null : verifier.corruption(), run.closedCleanly());
    }

    private static long replayOnRing(final InputJournalReader reader, final RingInboundPublisher publisher) {
        final EngineEvent input = new EngineEvent();
        long events = 0;
        while (reader.next(input)) {
            publisher.publishCopy(input);
            events++;
        }
        return events;
    }

    /** Each input is decoded straight into its slot (no copy), then handled to the end before the next. */
    private static long replayInline(final InputJournalReader reader, final InlinePipeline pipeline) {
        final InputSource source = reader::next;
        long events = 0;
        while (pipeline.publishFrom(source)) {
            pipeline.drain();
            events++;
        }
        return events;
    }

    /**
     * The configured ring and wait strategy with the business stages on two threads: every stage
     * before the trading book's on the first, the book's stages and what follows on the second.
     */
    static PipelineLayout split(final int ringSize, final WaitStrategyKind wait, final List<String> stageNames) {
        final int at = stageNames.indexOf(EngineAssembly.BOOK_STAGE);
        final List<List<String>> groups = new ArrayList<>();
        groups.add(List.copyOf(stageNames.subList(0, at)));
        groups.add(List.copyOf(stageNames.subList(at, stageNames.size())));
        return new PipelineLayout(ringSize, wait, groups, List.of(), false);
    }

    /**
     * The outcome of a replay.
     *
     * @param events                 inputs replayed
     * @param decisions              decisions the replay made
     * @param stateHashesCompared    state-hash checkpoints compared with the journal (0 when not verifying)
     * @param elapsedNanos           wall time of the replay
     * @param orders                 orders the replay would have sent
     * @param differences            decisions that differ from the journal (0 when not verifying)
     * @param firstDifference        description of the first difference, or null
     * @param firstDifferenceSequence input sequence of the first difference, or -1
     * @param beyondJournal          decisions past the end of a killed writer's decision journal
     * @param stageFailures          stage failures during the replay (reproduced from the live run)
     * @param firstStageFailure      description of the first stage failure, or null
     * @param corruption             a corrupt decision entry that stopped verification, or null
     * @param journalClosedCleanly   whether the journaled run shut down cleanly
     */
    public record Result(long events, long decisions, long stateHashesCompared, long elapsedNanos, long orders, long differences,
                         String firstDifference, long firstDifferenceSequence, long beyondJournal, long stageFailures,
                         String firstStageFailure, String corruption, boolean journalClosedCleanly) {
        public double eventsPerSecond() {
            return elapsedNanos == 0 ? 0 : events * 1e9 / elapsedNanos;
        }

        public boolean identical() {
            return differences == 0;
        }
    }
}
