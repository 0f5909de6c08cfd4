package io.skytrade.exchange.sim;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * The simulated exchange, in-process: a WebSocket server on loopback speaking the protocol of
 * {@code exchange/PROTOCOL.md} (or, built with a {@link CmiVenueConfig}, an HTTP server speaking the
 * CMI Exchange's REST and server-sent events, {@code exchange/CMI.md}, over the same venue), with the default products, the shared matching engine,
 * background traders quoting around noisy lagged estimates of each product's settlement on the
 * seeded {@link io.skytrade.core.world.SyntheticWorld}, and settlement at the session end.
 * {@code skytrade exchange-sim --port 8765} and {@code demo} run it; integration tests start it on
 * an ephemeral port ({@code start(0)} then {@link #port()}).
 *
 * <p>Thread-safety: {@link #start}/{@link #stop} from one controlling thread; the query methods
 * are safe from any thread (each runs on the venue thread and waits up to 10 s for it). It runs
 * one socket selector thread, one decoder thread and one venue thread that owns every piece of
 * venue state and also runs the timers ({@link VenueAgent} says why one thread and not a lock).
 * Not on the engine's hot path.
 */
public final class ExchangeSimulator implements AutoCloseable {
    /** How long a query waits for the venue thread. */
    private static final long QUERY_TIMEOUT_MILLIS = 10_000;
    /** Period of the release of idle participants. */
    private static final long HOUSEKEEPING_MILLIS = 1000;

    private final VenueConfig config;
    private final EpochNanoClock wallClock;
    private final ProblemLog problems;
    private final CmiVenueConfig cmi;
    private Venue venue;
    private VenueAgent agent;
    private VenueServer server;
    private CmiFrontEnd cmiFrontEnd;
    private CmiHttpServer cmiServer;

    /** A simulator on the system clock. */
    public ExchangeSimulator(final VenueConfig config) {
        this(config, new SystemEpochNanoClock());
    }

    /** A simulator whose world time advances with {@code wallClock} scaled by {@link VenueConfig#timeScale}. */
    public ExchangeSimulator(final VenueConfig config, final EpochNanoClock wallClock) {
        this(config, wallClock, new ProblemLog());
    }

    /**
     * A simulator speaking the CMI Exchange protocol (REST and server-sent events, {@code exchange/CMI.md})
     * instead of WebSocket, over the same venue; world time as for {@link #ExchangeSimulator(VenueConfig, EpochNanoClock)}.
     */
    public ExchangeSimulator(final VenueConfig config, final EpochNanoClock wallClock, final CmiVenueConfig cmi) {
        this(config, wallClock, new ProblemLog(), cmi);
    }

    ExchangeSimulator(final VenueConfig config, final EpochNanoClock wallClock, final ProblemLog problems) {
        this(config, wallClock, problems, null);
    }

    private ExchangeSimulator(final VenueConfig config, final EpochNanoClock wallClock, final ProblemLog problems,
                              final CmiVenueConfig cmi) {
        this.config = config;
        this.wallClock = wallClock;
        this.problems = problems;
        this.cmi = cmi;
    }

    /**
     * Starts listening on 127.0.0.1:{@code port} (0 picks a free port) and starts the timers.
     *
     * @throws IllegalStateException when already started or the port cannot be bound
     */
    public synchronized void start(final int port) {
        start(new InetSocketAddress("127.0.0.1", port));
    }

    /** Starts listening on {@code address}. */
    public synchronized void start(final InetSocketAddress address) {
        if (server != null || cmiServer != null) {
            throw new IllegalStateException("simulator already started on port " + port());
        }
        final long wallStart = wallClock.nanoTime();
        final long worldStart = config.worldStartNanos != 0 ? config.worldStartNanos : wallStart;
        final double scale = config.timeScale;
        final LongSupplier world = () -> worldStart + (long)((wallClock.nanoTime() - wallStart) * scale);
        agent = new VenueAgent(problems);
        final Venue v = agent.call(() -> new Venue(config, world, wallClock::nanoTime, problems), QUERY_TIMEOUT_MILLIS);
        venue = v;
        if (cmi != null) {
            startCmi(address, v, world);
            return;
        }
        server = new VenueServer(address, v, agent, config.products.size());
        server.start();
        try {
            server.awaitStart(10_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while starting the venue server", ex);
        } catch (final IllegalStateException ex) {
            stop();
            throw ex;
        }
        agent.every(0, config.quoteIntervalMillis, v::onTimer);
        agent.every(config.heartbeatIntervalMillis, config.heartbeatIntervalMillis, v::onHeartbeatTimer);
        agent.every(HOUSEKEEPING_MILLIS, HOUSEKEEPING_MILLIS, v::releaseIdleParticipants);
    }

    private void startCmi(final InetSocketAddress address, final Venue v, final LongSupplier world) {
        final VenueAgent a = agent;
        final CmiFrontEnd[] created = new CmiFrontEnd[1];
        final Runnable flush = () -> created[0].flush();
        // assigned on the venue thread, so the flushes the constructor posts (its first snapshots) find it
        cmiFrontEnd = a.call(() -> created[0] = new CmiFrontEnd(v, config, cmi, world, () -> a.post(flush), problems),
            QUERY_TIMEOUT_MILLIS);
        try {
            cmiServer = new CmiHttpServer(address, cmiFrontEnd, a, cmi);
        } catch (final java.io.IOException ex) {
            stop();
            throw new IllegalStateException("CMI venue server could not listen on " + address + ": " + ex.getMessage(), ex);
        }
        a.every(0, config.quoteIntervalMillis, v::onTimer);
        a.every(HOUSEKEEPING_MILLIS, HOUSEKEEPING_MILLIS, v::releaseIdleParticipants);
        a.every(HOUSEKEEPING_MILLIS, HOUSEKEEPING_MILLIS, cmiFrontEnd::housekeeping);
    }

    /** Stops the server and the timers; safe to call twice. */
    public synchronized void stop() {
        if (cmiServer != null) {
            cmiServer.stop();
            cmiServer = null;
        }
        if (server != null) {
            try {
                server.stop(1000);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (cmiServer != null) {
            return cmiServer.port();
        }
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.getPort();
    }

    /** {@code ws://127.0.0.1:<port>/}, or {@code http://127.0.0.1:<port>/} when it speaks CMI. */
    public String uri() {
        return (cmi != null ? "http" : "ws") + "://127.0.0.1:" + port() + "/";
    }

    /** True when it speaks the CMI protocol. */
    public boolean isCmi() {
        return cmi != null;
    }

    // ---------------------------------------------------------------- CMI front end (queries and drills)

    /** CMI: REST requests received, logins included. */
    public long cmiRequests() {
        return cmiQuery(CmiFrontEnd::requests);
    }

    /** CMI: requests over a user's rate limit, answered 429 (breaches of the limit). */
    public long cmiRateLimitBreaches() {
        return cmiQuery(CmiFrontEnd::breaches);
    }

    /** CMI: one user's requests over the rate limit. */
    public long cmiRateLimitBreaches(final String user) {
        return cmiQuery(f -> f.breaches(user));
    }

    /** CMI: one user's REST requests. */
    public long cmiRequests(final String user) {
        return cmiQuery(f -> f.requests(user));
    }

    /** CMI: requests answered by an injected fault so far. */
    public long cmiFaultsAnswered() {
        return cmiQuery(CmiFrontEnd::faultsAnswered);
    }

    /** CMI drill: the next {@code count} requests within the rate limit are answered {@code status} (429 storm, 503). */
    public void injectCmiFaults(final int status, final int count) {
        cmiQuery(f -> {
            f.injectFaults(status, count);
            return null;
        });
    }

    /** CMI drill: ends the event streams of {@code user} (null: every stream); clients reconnect and reconcile. */
    public void dropCmiStreams(final String user) {
        cmiQuery(f -> {
            f.dropStreams(user);
            return null;
        });
    }

    /** CMI: event streams open now. */
    public int cmiStreamCount() {
        return cmiQuery(CmiFrontEnd::streamCount);
    }

    /** CMI: the venue's position of a user in a product. */
    public long cmiPosition(final String user, final String product) {
        return cmiQuery(f -> f.position(user, product));
    }

    /** CMI: a user's open orders at the venue. */
    public int cmiOpenOrderCount(final String user) {
        return cmiQuery(f -> f.openOrderCount(user));
    }

    private <T> T cmiQuery(final java.util.function.Function<CmiFrontEnd, T> query) {
        final CmiFrontEnd f;
        synchronized (this) {
            f = cmiFrontEnd;
        }
        if (f == null) {
            throw new IllegalStateException("the simulator does not speak CMI (or is not started)");
        }
        return query(v -> query.apply(f));
    }

    public VenueConfig config() {
        return config;
    }

    /** Settlement instant of the session, world epoch nanoseconds. */
    public long sessionEndNanos() {
        return query(Venue::sessionEnd);
    }

    /** Settles every product now at its value on the world for the session (idempotent). */
    public void settleNow() {
        query(v -> {
            v.settleNow();
            return null;
        });
    }

    public boolean isSettled() {
        return query(Venue::isSettled);
    }

    /** The exact settlement value of a product for this session. */
    public double settlementValue(final String product) {
        return query(v -> v.settlementValue(product));
    }

    /** The venue's record of the position of the participant logged in with {@code apiKey}. */
    public long position(final String apiKey, final String product) {
        return query(v -> v.position(apiKey, product));
    }

    public int openOrderCount(final String apiKey) {
        return query(v -> v.openOrderCount(apiKey));
    }

    /** Settled PnL of a participant, fees deducted. */
    public double realisedPnl(final String apiKey) {
        return query(v -> v.realisedPnl(apiKey));
    }

    /** How many execution reports of a type (wire name) the venue sent for one client order id. */
    public int executionCount(final String apiKey, final String type, final long clOrdId) {
        return query(v -> v.executionCount(apiKey, type, clOrdId));
    }

    /**
     * Price shock, for tests and drills: from the venue's next background quote update on, the
     * market maker quotes {@code product} {@code ticks} higher (negative: lower) than it otherwise
     * would, and the taker's view moves by the same amount, so the book, and with it the
     * marked-to-market value of any position, jumps by {@code ticks} and stays there. Shocks add
     * up; a second call with {@code -ticks} undoes the first. Deterministic: no random draw
     * changes, so a shocked run is the unshocked run with that product's background quotes shifted
     * (bids are still floored at 0). Resting orders of other participants are untouched, so the
     * shifted quotes trade against any they cross. Needs background traders to have an effect.
     *
     * @throws IllegalArgumentException when {@code product} is not listed by the venue
     * @throws IllegalStateException    when the simulator is not started
     */
    public void shockPrices(final String product, final long ticks) {
        query(v -> {
            v.shock(product, ticks);
            return null;
        });
    }

    /** {@link #shockPrices(String, long)} for every product of the venue. */
    public void shockAllPrices(final long ticks) {
        query(v -> {
            for (final String product : config.products) {
                v.shock(product, ticks);
            }
            return null;
        });
    }

    /** Best bid of {@code product} in the venue's book, ticks; {@code Long.MIN_VALUE} when there is none. */
    public long bestBid(final String product) {
        return query(v -> v.bestBid(product));
    }

    /** Best ask of {@code product} in the venue's book, ticks; {@code Long.MIN_VALUE} when there is none. */
    public long bestAsk(final String product) {
        return query(v -> v.bestAsk(product));
    }

    /** Total price shock applied to {@code product} so far, ticks. */
    public long shockTicks(final String product) {
        return query(v -> v.shockTicks(product));
    }

    /** Closes every client connection from the server side (clients are expected to reconnect). */
    public void closeAllConnections() {
        query(v -> {
            v.closeAllConnections();
            return null;
        });
    }

    /**
     * Drops every client connection at the TCP level, with no WebSocket close handshake, as a
     * network failure would (clients see close code 1006 and are expected to reconnect).
     */
    public void dropAllConnections() {
        query(v -> {
            v.dropAllConnections();
            return null;
        });
    }

    /** Runs the release of idle participants now (tests; the venue runs it every second and at logins). */
    void releaseIdleParticipantsNow() {
        query(v -> {
            v.releaseIdleParticipants();
            return null;
        });
    }

    /** Participant records the venue holds now (logged in, or disconnected and not yet released). */
    public int participantCount() {
        return query(Venue::participantCount);
    }

    /** Participant records released so far (idle, owning nothing). */
    public long releasedParticipantCount() {
        return query(Venue::releasedParticipantCount);
    }

    /** Sessions settled since the simulator started. */
    public long settlementCount() {
        return query(Venue::settlementCount);
    }

    /** Successful logins so far (reconnections included). */
    public long loginCount() {
        return query(Venue::loginCount);
    }

    /** Open client connections. */
    public int connectionCount() {
        return query(Venue::connectionCount);
    }

    /** Client and socket problems so far (each answered with an error or a documented close), logged or rate-limited. */
    public long problemCount() {
        return problems.count();
    }

    /** Venue-thread tasks that threw (each logged as one line; the venue went on). A healthy venue has none. */
    public long venueFailureCount() {
        final VenueAgent a;
        synchronized (this) {
            a = agent;
        }
        return a == null ? 0 : a.failures();
    }

    /** Runs {@code query} on the venue thread and returns its answer. */
    private <T> T query(final VenueQuery<T> query) {
        final Venue v;
        final VenueAgent a;
        synchronized (this) {
            if (venue == null) {
                throw new IllegalStateException("simulator not started");
            }
            v = venue;
            a = agent;
        }
        final Callable<T> task = () -> query.ask(v);
        return a.call(task, QUERY_TIMEOUT_MILLIS);
    }

    /** A question to the venue, answered on its thread. */
    @FunctionalInterface
    private interface VenueQuery<T> {
        T ask(Venue venue);
    }
}
