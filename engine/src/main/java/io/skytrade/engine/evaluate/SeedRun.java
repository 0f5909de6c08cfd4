package io.skytrade.engine.evaluate;

import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.InlinePipeline;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.runtime.CmiVenues;
import io.skytrade.engine.runtime.BuildFingerprint;
import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.engine.runtime.LateBoundOrderGateway;
import io.skytrade.engine.runtime.SimulatorVenueConfig;
import io.skytrade.engine.runtime.TimerSource;
import io.skytrade.engine.runtime.WorldObservations;
import io.skytrade.exchange.gateway.GatewayConfig;
import io.skytrade.exchange.cmi.InProcessCmiGateway;
import io.skytrade.exchange.gateway.InProcessExchangeGateway;
import io.skytrade.exchange.sim.InProcessVenue;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedLog;
import io.skytrade.feeds.FeedScheduler;
import io.skytrade.feeds.Feeds;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ObservationDeduplicator;
import io.skytrade.feeds.ObservationPublisher;
import io.skytrade.journal.DecisionJournal;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import io.skytrade.journal.RunDirectory;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One seed's consecutive simulated days, in-process and on a virtual clock: the seeded world, the
 * simulator's venue ({@link InProcessVenue}) reached through an {@link InProcessExchangeGateway},
 * the synthetic feeds observing the same world at their cadences, the engine's timer, and the full
 * business pipeline built by {@link EngineAssembly} exactly as a live run builds it, on the
 * caller's thread ({@link InlinePipeline}). No wall clock is read by anything the run decides:
 * time jumps from one scheduled happening to the next (an order frame reaching the venue after
 * {@code backtest.latency}, a venue requote every 15 s of world time and the settlement at the
 * session end, a feed poll every {@code feeds.synthetic.pollInterval}, a timer every
 * {@code timers.interval}, the evaluation's own samples and snapshots), and every input is
 * journaled as in a live run, so {@code replay --verify} of the run directory reproduces every
 * decision. The same (configuration, seed, days) gives the same run.
 *
 * <p>At equal times the order is fixed: frames reaching the venue, the venue's timer, feed polls,
 * the engine timer, then the evaluation's snapshot, sample and end of day. One run per instance;
 * instances are independent (several run at once on worker threads).
 */
public final class SeedRun {
    /** Events one step may publish before a drain (a feed's first poll backfills hundreds of readings). */
    private static final int QUEUE_CAPACITY = 1 << 14;
    private static final String API_KEY = "evaluate";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ConfigLoader.LoadedConfig loaded;
    private final long seed;
    private final long[] dayStarts;
    private final Path runsRoot;
    private final Map<String, String> runProperties;

    /** A pending client-to-venue frame and when it reaches the venue. */
    private record PendingFrame(long arrivalNanos, String frame) {
    }

    /**
     * What the run produced.
     *
     * @param seed          the world's seed
     * @param days          one result per day
     * @param runDirectory  the journaled run, or null
     * @param inputs        inputs published
     * @param stageFailures stage failures (the pipeline isolates them and enters SAFE)
     * @param firstFailure  the first one, or null
     * @param venueProblems error or undecodable frames from the venue (a protocol fault), with the last
     * @param wallNanos     wall time of the run (reporting only)
     * @param cpuNanos      CPU time of the thread that ran it (reporting only; unlike wall time, not
     *                      lengthened by other processes on a shared machine)
     */
    public record Result(long seed, List<DayResult> days, RunDirectory runDirectory, long inputs, long stageFailures,
                  String firstFailure, String venueProblems, long wallNanos, long cpuNanos) {
    }

    /**
     * @param loaded        the configuration of this seed (venue and feed seeds already set)
     * @param seed          the world's seed
     * @param dayStarts     day boundaries, epoch nanoseconds: day k is [dayStarts[k], dayStarts[k+1])
     * @param runsRoot      where the run directory is created; null to journal nothing
     * @param runProperties recorded in the run directory's run.properties
     */
    SeedRun(final ConfigLoader.LoadedConfig loaded, final long seed, final long[] dayStarts, final Path runsRoot,
            final Map<String, String> runProperties) {
        if (dayStarts.length < 2) {
            throw new IllegalArgumentException("at least one day: two boundaries, got " + dayStarts.length);
        }
        this.loaded = loaded;
        this.seed = seed;
        this.dayStarts = dayStarts.clone();
        this.runsRoot = runsRoot;
        this.runProperties = Map.copyOf(runProperties);
    }

    Result run() {
        final long wallStart = System.nanoTime();
        final long cpuStart = THREADS.getCurrentThreadCpuTime();
        final EngineConfig config = loaded.config();
        final long start = dayStarts[0];
        final long end = dayStarts[dayStarts.length - 1];
        final long idBase = EngineAssembly.clientOrderIdBaseFor(Math.floorDiv(start, 1_000_000_000L));
        final Map<String, String> props = new java.util.LinkedHashMap<>(runProperties);
        props.put(EngineAssembly.CLIENT_ORDER_ID_BASE, Long.toString(idBase));
        props.put(BuildFingerprint.PROPERTY, BuildFingerprint.current());
        final RunDirectory run = runsRoot == null ? null
            : RunDirectory.create(runsRoot, loaded.redactedYaml(), Instant.ofEpochSecond(0, start), props);
        final JournalSettings settings = new JournalSettings(config.journal().settings().blockSizeBytes(),
            config.journal().settings().rollCycle(), false, 0);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(start);
        try (SingleChronicleQueue inputs = run == null ? null : Queues.openForWriting(run.inputs(), settings, null);
             SingleChronicleQueue decisionQueue = run == null ? null : Queues.openForWriting(run.decisions(), settings, null);
             DecisionJournal decisionJournal = run == null ? null : new DecisionJournal(decisionQueue)) {
            final long[] decisionCount = {0};
            final DecisionListener decisions = (event, side) -> {
                decisionCount[0] += side.decisions(event).count();
                if (decisionJournal != null) {
                    decisionJournal.onDecisions(event, side);
                }
            };
            final EngineAssembly assembly = new EngineAssembly(config);
            final LateBoundOrderGateway orderGateway = new LateBoundOrderGateway();
            final EngineAssembly.Stages stages = assembly.businessStages(decisions, orderGateway, idBase, EngineAssembly.INLINE_SIDE_SLOTS);
            final PositionTracker book = stages.book().positions();
            final DayRecorder recorder = new DayRecorder(config.instruments().size(), clock, book, seed,
                run == null ? "" : run.dir().toString(), stages.side());
            final InputJournalStage journal = inputs == null ? null : new InputJournalStage(inputs);
            final InlinePipeline pipeline = assembly.configure(new PipelineBuilder().clock(clock), journal, stages)
                .stage("evaluation", recorder).buildInline(QUEUE_CAPACITY);

            final ArrayDeque<PendingFrame> toVenue = new ArrayDeque<>();
            final long latency = config.backtest().latencyNanos();
            final InProcessVenue venue = new InProcessVenue(SimulatorVenueConfig.builder(config).build(), clock::nanoTime);
            final boolean cmi = config.venue().isCmi();
            final InProcessExchangeGateway gateway = cmi ? null : new InProcessExchangeGateway(assembly.registry(), pipeline, clock,
                API_KEY, GatewayConfig.builder().apiKey(API_KEY).build().venueSource,
                frame -> toVenue.add(new PendingFrame(clock.nanoTime() + latency, frame)));
            final InProcessCmiGateway cmiGateway = cmi ? new InProcessCmiGateway(CmiVenues.gateway(config.venue().cmi(),
                "http://in-process/", API_KEY, API_KEY, 1.0), assembly.registry(), pipeline, clock,
                venue.cmi(CmiVenues.simulator(config.venue().cmi())), latency) : null;
            orderGateway.bind(cmi ? cmiGateway : gateway);
            final InProcessVenue.Connection connection = cmi ? null : venue.connect(gateway::onFrame);

            final SyntheticWorld world = new SyntheticWorld(config.venue().seed());
            final List<DataClient> clients;
            final List<ObservationDeduplicator> dedup = new ArrayList<>();
            final ObservationPublisher observations = new ObservationPublisher(pipeline);
            try (Feeds feeds = Feeds.create(config.feeds(), assembly.registry(), Map.of(), clock, FeedLog.system(),
                new WorldObservations(world))) {
                clients = feeds.clients();
                for (int c = 0; c < clients.size(); c++) {
                    dedup.add(new ObservationDeduplicator(FeedScheduler.DEDUP_HORIZON_NANOS));
                }
                pipeline.start();
                (cmi ? cmiGateway : gateway).connect();

                final long quote = SimulatorVenueConfig.WORLD_QUOTE_INTERVAL_NANOS;
                final long poll = config.feeds().synthetic().pollInterval().toNanos();
                final long timer = config.timers().intervalNanos();
                final long sample = config.backtest().sampleIntervalNanos();
                long nextTick = start;
                long nextPoll = start;
                long nextTimer = timer > 0 ? start + timer : Long.MAX_VALUE;
                long nextSample = start + sample;
                int day = 0;
                recorder.startDay(0, dayStarts[0], dayStarts[1]);
                final long[] horizonTimes = horizonTimes(venue.sessionEnd(), start);
                int nextHorizon = firstHorizon(horizonTimes);
                final String[] symbols = config.instruments().toArray(new String[0]);
                while (true) {
                    long t = Math.min(Math.min(nextTick, nextPoll), Math.min(nextTimer, nextSample));
                    t = Math.min(t, dayStarts[day + 1]);
                    if (!toVenue.isEmpty()) {
                        t = Math.min(t, toVenue.peekFirst().arrivalNanos());
                    }
                    if (nextHorizon < horizonTimes.length) {
                        t = Math.min(t, horizonTimes[nextHorizon]);
                    }
                    if (cmi) {
                        t = Math.min(t, Math.max(clock.nanoTime(), cmiGateway.nextWakeNanos()));
                    }
                    if (t > end) {
                        break;
                    }
                    clock.set(t);
                    while (!toVenue.isEmpty() && toVenue.peekFirst().arrivalNanos() <= t) {
                        connection.send(toVenue.pollFirst().frame());
                        pipeline.drain();
                    }
                    if (cmi && cmiGateway.nextWakeNanos() <= t) {
                        cmiGateway.onTime();
                        pipeline.drain();
                    }
                    if (nextTick == t) {
                        final boolean wasSettled = venue.isSettled();
                        final long sessionEnd = venue.sessionEnd();
                        venue.onTimer();
                        pipeline.drain();
                        if (!wasSettled && venue.isSettled()) {
                            final double[] values = new double[symbols.length];
                            for (int i = 0; i < symbols.length; i++) {
                                values[i] = venue.settlementValue(symbols[i]);
                            }
                            recorder.onSettlement(sessionEnd, values);
                        } else if (wasSettled && !venue.isSettled()) {
                            final long[] next = horizonTimes(venue.sessionEnd(), t);
                            System.arraycopy(next, 0, horizonTimes, 0, next.length);
                            nextHorizon = firstHorizon(horizonTimes);
                        }
                        nextTick = venue.isSettled() ? t + quote : Math.min(t + quote, venue.sessionEnd());
                    }
                    if (nextPoll == t) {
                        for (int c = 0; c < clients.size(); c++) {
                            for (final Observation o : dedup.get(c).fresh(clients.get(c).poll().join().observations())) {
                                observations.publish(o);
                            }
                        }
                        pipeline.drain();
                        nextPoll = t + poll;
                    }
                    if (nextTimer == t) {
                        pipeline.publish(TimerSource.TICK, clock);
                        pipeline.drain();
                        nextTimer = t + timer;
                    }
                    while (nextHorizon < horizonTimes.length && horizonTimes[nextHorizon] == t) {
                        recorder.snapshot(nextHorizon);
                        nextHorizon++;
                    }
                    final boolean sampleDue = nextSample == t;
                    if (sampleDue) {
                        recorder.sample();
                        nextSample = t + sample;
                    }
                    if (dayStarts[day + 1] == t) {
                        if (!sampleDue) {
                            recorder.sample();
                        }
                        recorder.endDay();
                        day++;
                        if (day + 1 == dayStarts.length) {
                            break;
                        }
                        recorder.startDay(day, dayStarts[day], dayStarts[day + 1]);
                        nextSample = t + sample;
                    }
                }
                if (cmi) {
                    cmiGateway.close();
                } else {
                    gateway.close();
                    connection.close();
                }
                pipeline.stop();
            }
            final long inputCount = journal == null ? pipeline.publishedCount() : journal.entries();
            if (run != null) {
                run.markClosed(inputCount, decisionCount[0], Instant.ofEpochSecond(0, end));
            }
            final long problems = (cmi ? cmiGateway.session().undecodable()
                : gateway.venueErrorCount() + gateway.undecodableCount()) + venue.problemCount();
            final String venueProblems = problems == 0 ? null : problems + " protocol problems, last: "
                + (venue.lastProblem() != null ? venue.lastProblem() : cmi ? "an undecodable CMI reply or event" : gateway.lastProblem());
            return new Result(seed, recorder.days(), run, inputCount, pipeline.failures().failureCount(),
                pipeline.failures().firstFailure(), venueProblems, System.nanoTime() - wallStart,
                THREADS.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    /** The horizon times before {@code sessionEnd}; those before {@code from} are Long.MIN_VALUE (skipped). */
    private static long[] horizonTimes(final long sessionEnd, final long from) {
        final long[] times = new long[Horizons.count()];
        for (int h = 0; h < times.length; h++) {
            final long t = sessionEnd - Horizons.beforeNanos(h);
            times[h] = t < from ? Long.MIN_VALUE : t;
        }
        return times;
    }

    private static int firstHorizon(final long[] times) {
        int h = 0;
        while (h < times.length && times[h] == Long.MIN_VALUE) {
            h++;
        }
        return h;
    }
}
