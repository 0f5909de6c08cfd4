package io.skytrade.engine.runtime;

import io.skytrade.core.pipeline.Pipeline;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.config.VenueCmiSection;
import io.skytrade.engine.config.VenueSection;
import io.skytrade.exchange.cmi.CmiGateway;
import io.skytrade.exchange.gateway.ExchangeGateway;
import io.skytrade.exchange.gateway.GatewayConfig;
import io.skytrade.exchange.gateway.WebSocketExchangeGateway;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.VenueConfig;
import io.skytrade.feeds.FeedLog;
import io.skytrade.feeds.FeedScheduler;
import io.skytrade.feeds.Feeds;
import io.skytrade.feeds.ObservationPublisher;
import io.skytrade.engine.demo.SyntheticMarketSource;
import io.skytrade.engine.metrics.DecisionLog;
import io.skytrade.engine.metrics.EngineCounters;
import io.skytrade.engine.metrics.EngineMetrics;
import io.skytrade.engine.metrics.MetricsReporter;
import io.skytrade.engine.metrics.PrometheusMetrics;
import io.skytrade.engine.web.AccessPolicy;
import io.skytrade.engine.web.DashboardServer;
import io.skytrade.engine.web.DashboardState;
import io.skytrade.engine.web.PrometheusEndpoint;
import io.skytrade.engine.metrics.StatusLine;
import io.skytrade.journal.DecisionJournal;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.RunDirectory;
import io.skytrade.journal.RunJournal;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One live run of the engine: creates the run directory, opens the input and decision journals,
 * composes the pipeline with the journal stage first, starts the input sources, prints a status
 * line periodically, and on {@link #close()} stops the sources, drains the ring, closes the queues
 * and marks the run closed. The composition root for {@code run} and {@code demo}.
 *
 * <p>Thread-safety: start, {@link #awaitStop} and close from the controlling thread;
 * {@link #requestStop()} from any thread (a signal handler).
 */
public final class LiveRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
    private final RunDirectory run;
    private final RunJournal journal;
    private final InputJournalStage journalStage;
    private final DecisionJournal decisionJournal;
    private final PaperOrderGateway paper = new PaperOrderGateway();
    private ExchangeSimulator simulator;
    private ExchangeGateway gateway;
    private Feeds feeds;
    private FeedScheduler feedScheduler;
    private ControlServer control;
    private final Pipeline pipeline;
    private final EngineAssembly.Stages stages;
    private final List<Runnable> stoppers = new ArrayList<>();
    private final List<Thread> sourceThreads = new ArrayList<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final PrintStream out;
    private final EngineConfig config;
    private final EngineMetrics metrics;
    private MetricsReporter reporter;
    private PrometheusEndpoint prometheus;
    private volatile DashboardServer dashboard;
    private boolean closed;
    /** When the supervising thread last printed a status line ({@link #awaitStop}); 0 before the first call. */
    private long lastStatusNanos;

    private LiveRun(final ConfigLoader.LoadedConfig loaded, final Path journalRoot, final PrintStream out,
                    final Map<String, String> env) {
        this.out = out;
        this.config = loaded.config();
        final VenueSection venue = config.venue();
        if (venue.mode().equals(VenueSection.REMOTE)) {
            for (final String variable : venue.isCmi() ? List.of(venue.cmi().usernameEnv(), venue.cmi().passwordEnv())
                : List.of(venue.apiKeyEnv())) {
                if (env.get(variable) == null || env.get(variable).isEmpty()) {
                    throw new ConfigException((venue.isCmi() ? "venue.cmi" : "venue.apiKeyEnv") + ": environment variable " + variable
                        + " holding the venue " + (venue.isCmi() ? "credentials" : "API key") + " is not set or empty");
                }
            }
        }
        final AccessPolicy metricsAccess = config.metrics().enabled() ? AccessPolicy.of("metrics.bind",
            config.metrics().bind(), config.metrics().tokenEnv(), env) : null;
        final AccessPolicy dashboardAccess = config.dashboard().enabled() ? AccessPolicy.of("dashboard.bind",
            config.dashboard().bind(), config.dashboard().tokenEnv(), env) : null;
        final Instant startedAt = Instant.now();
        final boolean simulated = venue.mode().equals(VenueSection.SIMULATOR);
        final String portTaken = simulated ? LoopbackPorts.bindProblem(venue.port()) : null;
        if (portTaken != null) {
            throw new ConfigException("venue.port " + venue.port() + ": " + portTaken);
        }
        final long startEpochNanos = simulated && venue.worldStartNanos() != 0 ? venue.worldStartNanos()
            : startedAt.getEpochSecond() * 1_000_000_000L + startedAt.getNano();
        final EpochNanoClock clock = simulated ? new ScaledEpochNanoClock(startEpochNanos, venue.timeScale())
            : new OffsetEpochNanoClock();
        final long clientOrderIdBase = EngineAssembly.clientOrderIdBaseFor(startedAt.getEpochSecond());
        this.run = RunDirectory.create(journalRoot, loaded.redactedYaml(), startedAt,
            Map.of(EngineAssembly.CLIENT_ORDER_ID_BASE, Long.toString(clientOrderIdBase),
                BuildFingerprint.PROPERTY, BuildFingerprint.current()));
        RunJournal.recoverCrashedRuns(journalRoot, config.journal().settings());
        try {
            config.journal().retention().apply(journalRoot, startedAt, out::println);
        } catch (final UncheckedIOException e) {
            out.println("warning: " + e.getMessage());
        }
        this.journal = RunJournal.open(run, config.journal().settings());
        this.journalStage = journal.inputStage();
        this.decisionJournal = journal.decisions();
        final EngineAssembly assembly = new EngineAssembly(config);
        final LateBoundOrderGateway orderGateway = new LateBoundOrderGateway();
        this.metrics = new EngineMetrics(new EngineCounters(config.instruments(), config.series(),
            config.model().regime().states()), config.pipeline().layout().ringSize(), clock, simulated ? venue.timeScale() : 1.0);
        this.stages = assembly.businessStages(decisionJournal, metrics.wrap(orderGateway), clientOrderIdBase,
            assembly.liveSideSlots());
        this.pipeline = metrics.install(assembly.configure(new PipelineBuilder().clock(clock).warnings(LOG::warn),
            journalStage, stages), stages).build();
        final OperatorCommands commands = new OperatorCommands(pipeline.publisher());
        pipeline.failures().setFailureListener(commands::onStageFailure);
        final SyntheticWorld world = new SyntheticWorld(venue.seed());
        switch (venue.mode()) {
            case VenueSection.PAPER -> {
                orderGateway.bind(paper);
                pipeline.start();
                final EngineConfig.MarketSection m = config.market();
                final SyntheticMarketSource market = new SyntheticMarketSource(pipeline.publisher(), clock,
                    config.instruments().size(), m.seed(), m.eventsPerSecond(), m.startPrice(), m.volatilityTicks(),
                    m.spreadTicks(), m.levelQty());
                startSource("skytrade-market", market, market::stop);
            }
            case VenueSection.SIMULATOR, VenueSection.REMOTE -> {
                String url = venue.url();
                if (simulated) {
                    // the world begins at venue.worldStart when the venue starts, not when start-up began
                    ((ScaledEpochNanoClock) clock).restart();
                    // the venue runs on the engine's world clock itself, so venue and engine stamps agree
                    // the market's participants read the same public readings as the engine's offline feeds
                    final VenueConfig simulatorConfig = SimulatorVenueConfig.builder(config)
                        .quoteIntervalMillis(quoteIntervalMillis(venue.timeScale())).build();
                    simulator = venue.isCmi() ? new ExchangeSimulator(simulatorConfig, clock, CmiVenues.simulator(venue.cmi()))
                        : new ExchangeSimulator(simulatorConfig, clock);
                    simulator.start(venue.port());
                    url = simulator.uri();
                    LOG.atInfo().setMessage("simulated exchange listening").addKeyValue("protocol", venue.protocol())
                        .addKeyValue("url", url).addKeyValue("timeScale", venue.timeScale()).log();
                }
                gateway = venue.isCmi() ? cmiGateway(venue, url, env, simulated, assembly, clock)
                    : new WebSocketExchangeGateway(GatewayConfig.builder().uri(url).apiKey(secret(env, venue.apiKeyEnv(), simulated))
                        .build(), assembly.registry(), pipeline.publisher(), clock);
                orderGateway.bind(gateway);
                pipeline.start();
                gateway.connect();
                awaitVenue(url, venue.connectTimeoutNanos());
            }
            default -> throw new IllegalStateException("venue mode " + venue.mode());
        }
        final ExchangeGateway g = gateway;
        reporter = new MetricsReporter(metrics, config.metrics().intervalNanos(), pipeline.ring()::remainingCapacity,
            g == null ? null : g::isConnected, g == null ? null : g::connectCount);
        reporter.addListener(new DecisionLog(config.instruments()));
        reporter.start();
        feeds = Feeds.create(config.feeds(), assembly.registry(), env, clock, FeedLog.system(), new WorldObservations(world));
        feedScheduler = feeds.scheduler(new ObservationPublisher(pipeline.publisher()));
        feedScheduler.start();
        if (dashboardAccess != null) {
            startDashboard(dashboardAccess, clock, commands);
        }
        startControlChannel(env.get(ControlServer.TOKEN_ENV), commands);
        if (metricsAccess != null) {
            startPrometheus(metricsAccess, clock);
        }
        if (config.timers().intervalNanos() > 0) {
            final TimerSource timers = new TimerSource(pipeline.publisher(), clock, config.timers().intervalNanos());
            startSource("skytrade-timer", timers, timers::stop);
        }
    }

    private CmiGateway cmiGateway(final VenueSection venue, final String url, final Map<String, String> env, final boolean simulated,
                                  final EngineAssembly assembly, final EpochNanoClock clock) {
        final VenueCmiSection cmi = venue.cmi();
        try {
            return new CmiGateway(CmiVenues.gateway(cmi, url, secret(env, cmi.usernameEnv(), simulated),
                secret(env, cmi.passwordEnv(), simulated), simulated ? venue.timeScale() : 1.0), assembly.registry(),
                pipeline.publisher(), clock);
        } catch (final IllegalArgumentException e) {
            throw new ConfigException("venue.cmi: " + e.getMessage().replace("\n", "; "), e);
        }
    }

    /** A credential from the environment; the embedded simulator accepts anything, so there "demo" stands in. */
    private static String secret(final Map<String, String> env, final String variable, final boolean simulated) {
        final String value = env.get(variable);
        return (value == null || value.isEmpty()) && simulated ? "demo" : value;
    }

    /**
     * Wall interval of the simulator's background quotes: the venue's 250 ms, shortened at high
     * time scales so the traders still requote (and take) at least every 15 s of world time; a
     * simulated day at 2400x then has the market of a 60x demo rather than one requote per ten
     * world minutes.
     */
    static long quoteIntervalMillis(final double timeScale) {
        return Math.max(1, Math.min(250, Math.round(SimulatorVenueConfig.WORLD_QUOTE_INTERVAL_NANOS / 1e6 / timeScale)));
    }

    private void startControlChannel(final String token, final OperatorCommands commands) {
        if (token == null || token.isEmpty()) {
            LOG.info("control channel off: set {} to enable skytrade ctl", ControlServer.TOKEN_ENV);
            return;
        }
        try {
            control = new ControlServer(config.control().port(), token, commands, this::statusLine);
            out.println("control channel on 127.0.0.1:" + control.port());
        } catch (final java.io.IOException e) {
            LOG.warn("control channel off: cannot listen on 127.0.0.1:{} ({})", config.control().port(), e.getMessage());
        }
    }

    private void startPrometheus(final AccessPolicy access, final EpochNanoClock clock) {
        final var section = config.metrics();
        try {
            prometheus = PrometheusEndpoint.start(section, access,
                PrometheusMetrics.registry(metrics, pipeline.failures(), clock, feedScheduler::lastResults));
            out.println("metrics on " + prometheus.url() + (access.tokenRequired()
                ? " (bearer token from " + section.tokenEnv() + " required)" : ""));
        } catch (final IOException e) {
            LOG.warn("metrics off: cannot listen on {}:{} ({})", section.bind(), section.port(), e.getMessage());
        }
    }

    private void startDashboard(final AccessPolicy access, final EpochNanoClock clock, final OperatorCommands commands) {
        final DashboardState state = new DashboardState(config.instruments(), config.series(), pipeline.health(), clock,
            feedScheduler::lastResults, () -> {
                final DashboardServer server = dashboard;
                if (server != null) {
                    server.push();
                }
            });
        try {
            dashboard = DashboardServer.start(access, config.dashboard().port(), state, commands);
            reporter.addListener(state);
            out.println("dashboard on " + dashboard.url() + (access.tokenRequired()
                ? " (token from " + config.dashboard().tokenEnv() + " required: open it once with ?token=...)" : ""));
        } catch (final IOException e) {
            LOG.warn("dashboard off: cannot listen on {}:{} ({})", config.dashboard().bind(), config.dashboard().port(),
                e.getMessage());
        }
    }

    /** URL of the dashboard, or null when it is off. */
    public String dashboardUrl() {
        return dashboard == null ? null : dashboard.url();
    }

    /** URL of {@code /metrics}, or null when it is off. */
    public String metricsUrl() {
        return prometheus == null ? null : prometheus.url();
    }

    private void awaitVenue(final String url, final long timeoutNanos) {
        try {
            if (!gateway.awaitConnected(TimeUnit.NANOSECONDS.toMillis(timeoutNanos))) {
                LOG.warn("not logged in to the venue at {} yet; the gateway keeps reconnecting", url);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a live run with the given configuration; run directories are created under {@code journalRoot}. */
    public static LiveRun start(final ConfigLoader.LoadedConfig loaded, final Path journalRoot, final PrintStream out) {
        return new LiveRun(loaded, journalRoot, out, System.getenv());
    }

    /** Starts a live run reading secrets from {@code env} (tests pass their own environment). */
    public static LiveRun start(final ConfigLoader.LoadedConfig loaded, final Path journalRoot, final PrintStream out,
                                final Map<String, String> env) {
        return new LiveRun(loaded, journalRoot, out, env);
    }

    private void startSource(final String name, final Runnable source, final Runnable stopper) {
        final Thread t = new Thread(source, name);
        t.setDaemon(true);
        stoppers.add(stopper);
        sourceThreads.add(t);
        t.start();
    }

    /** Asks the run to stop; {@link #awaitStop} returns soon after. Safe from any thread. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /**
     * Blocks until the duration elapses (0 = until {@link #requestStop()}), printing a status line
     * every configured interval; the schedule carries over between calls, so a caller supervising in
     * short slices still sees one line an interval. Call from one supervising thread.
     */
    public void awaitStop(final long durationNanos) throws InterruptedException {
        final long start = System.nanoTime();
        final long interval = config.status().intervalNanos();
        if (lastStatusNanos == 0) {
            lastStatusNanos = start;
        }
        while (true) {
            long wait = interval;
            if (durationNanos > 0) {
                wait = Math.min(wait, start + durationNanos - System.nanoTime());
                if (wait <= 0) {
                    return;
                }
            }
            if (stopRequested.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            final long now = System.nanoTime();
            if (now - lastStatusNanos >= interval || durationNanos == 0) {
                out.println(statusLine());
                lastStatusNanos = now;
            }
        }
    }

    /** The status line: what the terminal shows and {@code ctl status} answers, from the same counters. */
    public String statusLine() {
        return StatusLine.format(pipeline.health(), reporter, pipeline.failures(),
            gateway == null ? null : gateway.isConnected() ? "connected" : "DISCONNECTED");
    }

    /** The run's counters, latency histograms and decision tape. */
    public EngineMetrics metrics() {
        return metrics;
    }

    /** Port of the control channel, or -1 when it is off. */
    public int controlPort() {
        return control == null ? -1 : control.port();
    }

    public RunDirectory runDirectory() {
        return run;
    }

    /** The embedded simulated exchange in {@code venue.mode: simulator}, else null (tests shock its prices). */
    public ExchangeSimulator simulator() {
        return simulator;
    }

    /**
     * The business stages, for their counters and state: read them after {@link #close()} (the
     * stage threads have stopped), or accept racy values while running.
     */
    public EngineAssembly.Stages stages() {
        return stages;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public long inputsJournaled() {
        return journalStage.entries();
    }

    public long decisionsJournaled() {
        return decisionJournal.entries();
    }

    /**
     * Stops the sources, drains the ring (every published input is journaled and handled), closes
     * the queues and marks the run closed. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (control != null) {
            control.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (feedScheduler != null) {
            feedScheduler.close();
            feeds.close();
        }
        stoppers.forEach(Runnable::run);
        for (final Thread t : sourceThreads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (gateway != null) {
            gateway.close();
        }
        final boolean drained = pipeline.drainAndStop(30, TimeUnit.SECONDS);
        if (reporter != null) {
            reporter.close();
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (!drained) {
            LOG.warn("the ring did not drain within 30 s; stage threads were halted");
        }
        journal.close();
        run.markClosed(journalStage.entries(), decisionJournal.entries(), Instant.now());
        out.printf("stopped: %s, mode %s, %,d inputs and %,d decisions journaled, %,d orders sent%n",
            pipeline.health().state(), TradingMode.name(stages.risk().mode()), journalStage.entries(),
            decisionJournal.entries(), stages.orders().ordersSent());
    }
}
