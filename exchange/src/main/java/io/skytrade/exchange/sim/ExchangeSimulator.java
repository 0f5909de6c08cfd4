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
        venue().shock(product, ticks);
    }

    /** {@link #shockPrices(String, long)} for every product of the venue. */
    public void shockAllPrices(final long ticks) {
        final Venue v = venue();
        for (final String product : config.products) {
            v.shock(product, ticks);
        }
    }

    /** Best bid of {@code product} in the venue's book, ticks; {@code Long.MIN_VALUE} when there is none. */
    public long bestBid(final String product) {
        return venue().bestBid(product);
    }

    /** Best ask of {@code product} in the venue's book, ticks; {@code Long.MIN_VALUE} when there is none. */
    public long bestAsk(final String product) {
        return venue().bestAsk(product);
    }

    /** Total price shock applied to {@code product} so far, ticks. */
    public long shockTicks(final String product) {
        return venue().shockTicks(product);
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
