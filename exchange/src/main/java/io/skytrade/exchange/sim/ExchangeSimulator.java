package io.skytrade.exchange.sim;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated exchange, in-process: a WebSocket server on loopback speaking the protocol of
 * {@code exchange/PROTOCOL.md}, with the default products, the shared matching engine,
 * background traders quoting around noisy lagged estimates of each product's settlement on the
 * seeded {@link io.skytrade.core.world.SyntheticWorld}, and settlement at the session end.
 * {@code skytrade exchange-sim --port 8765} and {@code demo} run it; integration tests start it on
 * an ephemeral port ({@code start(0)} then {@link #port()}).
 *
 * <p>Thread-safety: {@link #start}/{@link #stop} from one controlling thread; the query methods
 * are safe from any thread. It runs one socket selector thread, one decoder thread and one timer
 * thread. Not on the engine's hot path.
 */
public final class ExchangeSimulator implements AutoCloseable {
    private final VenueConfig config;
    private final EpochNanoClock wallClock;
    private Venue venue;
    private VenueServer server;
    private ScheduledExecutorService timer;

    /** A simulator on the system clock. */
    public ExchangeSimulator(final VenueConfig config) {
        this(config, new SystemEpochNanoClock());
    }

    /** A simulator whose world time advances with {@code wallClock} scaled by {@link VenueConfig#timeScale}. */
    public ExchangeSimulator(final VenueConfig config, final EpochNanoClock wallClock) {
        this.config = config;
        this.wallClock = wallClock;
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
        if (server != null) {
            throw new IllegalStateException("simulator already started on port " + port());
        }
        final long wallStart = wallClock.nanoTime();
        final long worldStart = config.worldStartNanos != 0 ? config.worldStartNanos : wallStart;
        final double scale = config.timeScale;
        venue = new Venue(config, () -> worldStart + (long)((wallClock.nanoTime() - wallStart) * scale));
        server = new VenueServer(address, venue, config.products.size());
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
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "exchange-sim-timer");
            t.setDaemon(true);
            return t;
        });
        final Venue v = venue;
        timer.scheduleAtFixedRate(v::onTimer, 0, config.quoteIntervalMillis, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(v::onHeartbeatTimer, config.heartbeatIntervalMillis, config.heartbeatIntervalMillis,
            TimeUnit.MILLISECONDS);
    }

    /** Stops the server and the timers; safe to call twice. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (server != null) {
            try {
                server.stop(1000);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.getPort();
    }

    /** {@code ws://127.0.0.1:<port>/}. */
    public String uri() {
        return "ws://127.0.0.1:" + port() + "/";
    }

    public VenueConfig config() {
        return config;
    }

    /** Settlement instant of the session, world epoch nanoseconds. */
    public long sessionEndNanos() {
        return venue().sessionEnd();
    }

    /** Settles every product now at its value on the world for the session (idempotent). */
    public void settleNow() {
        venue().settleNow();
    }

    public boolean isSettled() {
        return venue().isSettled();
    }

    /** The exact settlement value of a product for this session. */
    public double settlementValue(final String product) {
        return venue().settlementValue(product);
    }

    /** The venue's record of the position of the participant logged in with {@code apiKey}. */
    public long position(final String apiKey, final String product) {
        return venue().position(apiKey, product);
    }

    public int openOrderCount(final String apiKey) {
        return venue().openOrderCount(apiKey);
    }

    /** Settled PnL of a participant, fees deducted. */
    public double realisedPnl(final String apiKey) {
        return venue().realisedPnl(apiKey);
    }

    /** How many execution reports of a type (wire name) the venue sent for one client order id. */
    public int executionCount(final String apiKey, final String type, final long clOrdId) {
        return venue().executionCount(apiKey, type, clOrdId);
    }

    /** Closes every client connection from the server side (clients are expected to reconnect). */
    public void closeAllConnections() {
        venue().closeAllConnections();
    }

    private synchronized Venue venue() {
        if (venue == null) {
            throw new IllegalStateException("simulator not started");
        }
        return venue;
    }
}
