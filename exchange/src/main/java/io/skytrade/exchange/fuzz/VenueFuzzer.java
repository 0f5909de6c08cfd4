package io.skytrade.exchange.fuzz;

import io.skytrade.exchange.protocol.ProtocolDecodeException;
import io.skytrade.exchange.protocol.ProtocolDecoder;
import io.skytrade.exchange.protocol.ProtocolMessage;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.VenueConfig;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Seeded fuzzing of the simulated venue's protocol over loopback: several concurrent clients, each
 * on its own seeded {@link FrameMutator}, log in (mostly with their own key, now and then with a
 * key they share, so logins supersede each other's connections), send valid and mutated frames,
 * re-log in, and leave politely or by dropping the socket, in episodes of up to 400 frames.
 *
 * <p>What is checked, and counts as a failure: at the end of most episodes a probe (a
 * {@code subscribe} to an unlisted product) must be answered within 10 s (else the venue is wedged),
 * and by then the connection must have received exactly one {@code error} code 1 for each frame
 * that the protocol decoder rejects and each binary frame it sent (every bad frame is answered); a
 * text frame that is not UTF-8 must close the connection with 1007, one over 1 MiB with 1009 (or
 * the TCP reset that can overtake the close frame, which the client sees as 1006); a
 * connect must succeed within 10 s; the venue's thread must have hit no error; no Java-level
 * deadlock; and afterwards a new client logs in, trades and cancels. The decoder used as oracle is
 * the venue's own, so the check is of the venue's handling of frames, not of the decoder.
 *
 * <p>Thread-safety: {@link #run} from one thread; it starts one thread per client. Not on the
 * engine's hot path.
 */
public final class VenueFuzzer {
    /** A run's shape: seed, clients, frames per client, share of valid frames, overall deadline. */
    public record Settings(long seed, int clients, int framesPerClient, double validShare, long timeoutMillis) {
        public Settings {
            if (clients < 1 || framesPerClient < 1 || !(validShare >= 0 && validShare <= 1) || timeoutMillis < 1) {
                throw new IllegalArgumentException("fuzz settings: clients " + clients + " and frames " + framesPerClient
                    + " must be >= 1, valid share " + validShare + " in 0..1, timeout " + timeoutMillis + " ms >= 1");
            }
        }
    }

    /** What a run did and found; {@link #failure} is null when every check held. */
    public record Result(long seed, long frames, long invalidUtf8, long binary, long oversized, long connections,
                         long episodesChecked, long decodeErrors, long closedByVenue, long droppedByClient,
                         long problemsLogged, long wallNanos, boolean wedged, String failure) {
        public boolean passed() {
            return failure == null;
        }
    }

    private static final long PROBE_TIMEOUT_MILLIS = 10_000;
    private static final long WORLD_START = Instant.parse("2026-02-27T08:00:00Z").getEpochSecond() * 1_000_000_000L;

    private final Settings settings;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong invalidUtf8 = new AtomicLong();
    private final AtomicLong binary = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong episodesChecked = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong closedByVenue = new AtomicLong();
    private final AtomicLong droppedByClient = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean wedged;

    private VenueFuzzer(final Settings settings) {
        this.settings = settings;
    }

    /** Starts a simulator on a free loopback port, fuzzes it, checks it, stops it. */
    public static Result run(final Settings settings) throws InterruptedException {
        return new VenueFuzzer(settings).fuzz();
    }

    private Result fuzz() throws InterruptedException {
        final long start = System.nanoTime();
        final ExchangeSimulator venue = new ExchangeSimulator(VenueConfig.builder().seed(settings.seed())
            .worldStartNanos(WORLD_START).quoteIntervalMillis(10).heartbeatIntervalMillis(100).orderRatePerSecond(0)
            .participantIdleTimeoutMillis(0).build());
        venue.start(0);
        long problems = 0;
        try {
            final List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                final int client = c;
                final Thread t = new Thread(() -> fuzzClient(venue.uri(), client), "venue-fuzz-client-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            final long deadline = start + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
            for (final Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    wedge(t.getName() + " not done within " + settings.timeoutMillis() + " ms");
                    t.interrupt();
                }
            }
            if (ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null) {
                wedge("Java-level deadlock");
            }
            if (failure.get() == null) {
                postCheck(venue);
            }
            problems = venue.problemCount();
            if (venue.venueFailureCount() > 0) {
                fail("the venue thread failed " + venue.venueFailureCount() + " times (see its log lines)");
            }
        } catch (final IllegalStateException ex) {
            wedge("the venue did not answer a query: " + ex.getMessage());
        } finally {
            venue.stop();
        }
        return new Result(settings.seed(), frames.get(), invalidUtf8.get(), binary.get(), oversized.get(), connections.get(),
            episodesChecked.get(), decodeErrors.get(), closedByVenue.get(), droppedByClient.get(), problems,
            System.nanoTime() - start, wedged, failure.get());
    }

    private void fuzzClient(final String uri, final int client) {
        final SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + client);
        final FrameMutator own = new FrameMutator(random, "fuzz-" + client, 1_000_000_000L * (client + 1));
        final FrameMutator shared = new FrameMutator(random, "fuzz-shared", 1_000_000_000L * (client + 100));
        final ProtocolDecoder oracle = new ProtocolDecoder();
        final ProtocolMessage scratch = new ProtocolMessage();
        int sent = 0;
        long probe = 0;
        try {
            while (sent < settings.framesPerClient() && failure.get() == null) {
                final FuzzClient c = new FuzzClient(uri);
                if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
                    wedge("client " + client + " could not connect within 10 s");
                    return;
                }
                connections.incrementAndGet();
                final FrameMutator mutator = random.nextInt(10) == 0 ? shared : own;
                long expectedDecodeErrors = 0;
                int expectClose = 0;
                boolean venueClosed = false;
                final int episode = 1 + random.nextInt(400);
                try {
                    c.send(mutator.login(random.nextInt(3) == 0 ? random.nextInt(1000) : 0));
                    for (int i = 0; i < episode && sent < settings.framesPerClient() && expectClose == 0; i++) {
                        final FrameMutator.Frame f = mutator.next(settings.validShare());
                        switch (f.kind()) {
                            case TEXT -> {
                                c.send(f.text());
                                if (!decodes(oracle, scratch, f.text())) {
                                    expectedDecodeErrors++;
                                }
                            }
                            case BINARY -> {
                                c.send(f.bytes());
                                binary.incrementAndGet();
                                expectedDecodeErrors++;
                            }
                            case INVALID_UTF8 -> {
                                c.sendTextBytes(f.bytes());
                                invalidUtf8.incrementAndGet();
                                expectClose = CloseFrame.NO_UTF8;
                            }
                            case OVERSIZED -> {
                                c.send(f.text());
                                oversized.incrementAndGet();
                                expectClose = CloseFrame.TOOBIG;
                            }
                        }
                        sent++;
                        frames.incrementAndGet();
                    }
                } catch (final WebsocketNotConnectedException ex) {
                    venueClosed = true;
                }
                if (expectClose != 0) {
                    final int code = c.awaitClose(PROBE_TIMEOUT_MILLIS);
                    if (code == -1) {
                        wedge("client " + client + ": no close " + expectClose + " within 10 s of a frame the venue must close on");
                    } else if (code != expectClose && code != CloseFrame.ABNORMAL_CLOSE && c.errors(6) == 0) {
                        fail("client " + client + ": closed with " + code + " where " + expectClose + " was due");
                    }
                    closedByVenue.incrementAndGet();
                    continue;
                }
                if (!venueClosed && random.nextInt(10) < 8) {
                    venueClosed = !probe(c, client, ++probe, expectedDecodeErrors);
                }
                if (venueClosed || c.isClosedNow()) {
                    closedByVenue.incrementAndGet();
                    c.closeBlocking();
                } else if (random.nextBoolean()) {
                    final Socket socket = c.getSocket();
                    if (socket != null) {
                        socket.close();
                    }
                    droppedByClient.incrementAndGet();
                } else {
                    c.closeBlocking();
                }
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (final java.io.IOException ex) {
            fail("client " + client + ": " + ex);
        }
    }

    /**
     * Sends the probe and checks the episode's decode errors once it is answered.
     *
     * @return false when the venue closed the connection first (superseded by another client's login)
     */
    private boolean probe(final FuzzClient c, final int client, final long n, final long expectedDecodeErrors)
        throws InterruptedException {
        final String symbol = "ZZPROBE" + client + "X" + n;
        c.expect("'" + symbol + "'");
        try {
            c.send("{\"type\":\"subscribe\",\"products\":[\"" + symbol + "\"]}");
        } catch (final WebsocketNotConnectedException ex) {
            return false;
        }
        if (!c.awaitExpected(PROBE_TIMEOUT_MILLIS)) {
            if (c.isClosedNow()) {
                return false;
            }
            wedge("client " + client + ": probe " + n + " not answered within 10 s");
            return false;
        }
        final long got = c.errors(1);
        decodeErrors.addAndGet(got);
        episodesChecked.incrementAndGet();
        if (got != expectedDecodeErrors) {
            fail("client " + client + ", probe " + n + ": " + got + " decode errors (code 1) for " + expectedDecodeErrors
                + " bad frames");
        }
        return true;
    }

    /** After the storm: a new client logs in, cancels a resting order, and trades. */
    private void postCheck(final ExchangeSimulator venue) throws InterruptedException {
        final FuzzClient maker = new FuzzClient(venue.uri());
        final FuzzClient taker = new FuzzClient(venue.uri());
        try {
            if (!maker.connectBlocking(10, TimeUnit.SECONDS) || !taker.connectBlocking(10, TimeUnit.SECONDS)) {
                wedge("after the run: a new client could not connect within 10 s");
                return;
            }
            maker.send("{\"type\":\"login\",\"apiKey\":\"after-fuzz-maker\",\"lastExecSeq\":0}");
            taker.send("{\"type\":\"login\",\"apiKey\":\"after-fuzz-taker\",\"lastExecSeq\":0}");
            taker.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":1,\"qty\":1,\"tif\":\"GTC\"}");
            taker.send("{\"type\":\"cancel\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\"}");
            maker.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"SELL\",\"price\":1000000000,\"qty\":1,"
                + "\"tif\":\"GTC\"}");
            if (!awaitValue(() -> venue.openOrderCount("after-fuzz-maker") == 1 && venue.openOrderCount("after-fuzz-taker") == 0
                && venue.executionCount("after-fuzz-taker", "cancelled", 1) == 1)) {
                fail("after the run: a new client's order was not acknowledged and cancelled within 10 s");
                return;
            }
            taker.send("{\"type\":\"new_order\",\"clOrdId\":2,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":1000000000,\"qty\":1,"
                + "\"tif\":\"IOC\"}");
            if (!awaitValue(() -> venue.position("after-fuzz-taker", "TIDE_SPOT") == 1
                && venue.executionCount("after-fuzz-taker", "fill", 2) == 1)) {
                fail("after the run: a new client's IOC order against a resting ask did not fill within 10 s");
            }
        } finally {
            maker.closeBlocking();
            taker.closeBlocking();
        }
    }

    private static boolean awaitValue(final java.util.function.BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static boolean decodes(final ProtocolDecoder oracle, final ProtocolMessage scratch, final String text) {
        try {
            oracle.decode(text, scratch);
            return true;
        } catch (final ProtocolDecodeException ex) {
            return false;
        }
    }

    private void wedge(final String what) {
        wedged = true;
        fail("WEDGED: " + what);
    }

    private void fail(final String what) {
        failure.compareAndSet(null, what);
    }
}
