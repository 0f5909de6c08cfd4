package io.skytrade.exchange.sim;

import io.skytrade.exchange.cmi.CmiEndpoint;
import org.java_websocket.framing.CloseFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The simulated venue without sockets or threads, driven by its caller: the same {@link Venue}
 * (sessions, matching, background traders, settlement on the seeded world) that
 * {@link ExchangeSimulator} serves over WebSocket, but every clock it reads is the caller's (a
 * virtual world clock, also for the idle release of participants and the rate limit of its problem
 * log), its background quotes and settlements happen when the caller calls {@link #onTimer()}, and
 * a client's frames are delivered synchronously to a listener in the same process. The protocol is
 * unchanged ({@code exchange/PROTOCOL.md}): clients still log in, subscribe and send JSON frames, so
 * a day driven this way exercises the venue as a live run does, at the speed of the CPU.
 * {@code skytrade evaluate} uses it.
 *
 * <p>Thread-safety: none; the caller's one thread is the venue thread. A connection the venue
 * closes is reported back to the venue after the call that closed it, as the socket server's
 * close would be. Not on the engine's hot path: each frame is encoded and decoded as on the wire.
 */
public final class InProcessVenue {
    private final Venue venue;
    private final ProblemLog problems;
    private final int productCount;
    private final List<Connection> closedByVenue = new ArrayList<>();
    private final VenueConfig config;
    private final LongSupplier worldClock;
    private CmiFrontEnd cmi;
    private boolean cmiFlushRequested;
    private String lastProblem;

    /**
     * @param config     products, settlement rules, seed, background traders, limits
     *                   ({@link VenueConfig#timeScale}, {@link VenueConfig#worldStartNanos} and the
     *                   timer intervals are unused: the caller owns time)
     * @param worldClock the world time, epoch nanoseconds, read at construction (the start of the
     *                   first session) and at every call
     */
    public InProcessVenue(final VenueConfig config, final LongSupplier worldClock) {
        this.problems = new ProblemLog(line -> lastProblem = line, worldClock);
        this.venue = new Venue(config, worldClock, worldClock, problems);
        this.productCount = config.products.size();
        this.config = config;
        this.worldClock = worldClock;
    }

    /**
     * The venue's CMI front end ({@code exchange/CMI.md}) in the same process: REST requests are
     * answered at once, stream events handed over synchronously, its rate limit and token lifetime
     * in the caller's world time. One per venue (created on the first call).
     */
    public CmiEndpoint cmi(final CmiVenueConfig settings) {
        if (cmi == null) {
            cmi = new CmiFrontEnd(venue, config, settings, worldClock, () -> cmiFlushRequested = true, problems);
        }
        final CmiFrontEnd f = cmi;
        return new CmiEndpoint() {
            @Override
            public Reply handle(final String method, final String pathAndQuery, final String authorization, final String body) {
                final int q = pathAndQuery.indexOf('?');
                final CmiFrontEnd.Response r = f.handle(method, "/" + (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)),
                    q < 0 ? null : pathAndQuery.substring(q + 1), authorization, body == null ? "" : body);
                flushCmi();
                reportCloses();
                return new Reply(r.status(), r.authorization(), r.body());
            }

            @Override
            public int openStream(final String authorization, final Consumer<String> events) {
                return f.openStream(authorization, new CmiFrontEnd.StreamSink() {
                    @Override
                    public boolean offer(final String event) {
                        events.accept(event);
                        return true;
                    }

                    @Override
                    public void close() {
                        events.accept(null);
                    }
                });
            }
        };
    }

    private void flushCmi() {
        if (cmi != null && cmiFlushRequested) {
            cmiFlushRequested = false;
            cmi.flush();
        }
    }

    /**
     * Opens a client connection whose venue-to-client frames are handed to {@code frames} at once,
     * on the calling thread, in the order the venue sends them. The client logs in by sending a
     * login frame through {@link Connection#send}.
     */
    public Connection connect(final Consumer<String> frames) {
        final Connection connection = new Connection(frames);
        venue.onOpen(connection.session);
        return connection;
    }

    /**
     * One duty cycle of the venue's timer at the current world time: the background traders
     * requote and trade; at or after the session end the session settles, and on the first call
     * after a settlement the next session opens.
     */
    public void onTimer() {
        venue.onTimer();
        flushCmi();
        if (cmi != null) {
            cmi.housekeeping();
        }
        reportCloses();
    }

    /** The venue itself, for tests in this package that read its books. */
    Venue venue() {
        return venue;
    }

    /** Settlement instant of the current session, world epoch nanoseconds. */
    public long sessionEnd() {
        return venue.sessionEnd();
    }

    /** True between a session's settlement and the opening of the next. */
    public boolean isSettled() {
        return venue.isSettled();
    }

    /** The current session's settlement value of a product on the seeded world. */
    public double settlementValue(final String product) {
        return venue.settlementValue(product);
    }

    /** Hash of the books, positions and cash (determinism checks). */
    public long stateHash() {
        return venue.stateHash();
    }

    /** Client problems the venue answered with an error or a close (a healthy client causes none). */
    public long problemCount() {
        return problems.count();
    }

    /** The last problem line logged, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    private void reportCloses() {
        while (!closedByVenue.isEmpty()) {
            final Connection c = closedByVenue.remove(0);
            venue.onClose(c.session, c.closeCode, c.closeReason, false);
        }
    }

    /** One client connection: frames to the venue go through {@link #send}; {@link #close} ends it. */
    public final class Connection {
        private final VenueSession session;
        private boolean open = true;
        private int closeCode;
        private String closeReason;

        private Connection(final Consumer<String> frames) {
            this.session = new VenueSession(new SessionTransport() {
                @Override
                public boolean isOpen() {
                    return open;
                }

                @Override
                public boolean send(final String text) {
                    frames.accept(text);
                    return true;
                }

                @Override
                public int backlog() {
                    return 0;
                }

                @Override
                public void close(final int code, final String reason) {
                    closeFromVenue(code, reason);
                }

                @Override
                public void drop(final String reason) {
                    closeFromVenue(CloseFrame.ABNORMAL_CLOSE, reason);
                }

                @Override
                public String address() {
                    return "in-process";
                }
            }, productCount);
        }

        /** Hands one client-to-venue frame to the venue; its replies reach the listener before this returns. */
        public void send(final String frame) {
            if (!open) {
                throw new IllegalStateException("in-process venue connection is closed");
            }
            venue.onFrame(session, frame);
            reportCloses();
        }

        public boolean isOpen() {
            return open;
        }

        /** Closes the connection from the client side. */
        public void close() {
            if (open) {
                open = false;
                session.markClosed();
                venue.onClose(session, CloseFrame.NORMAL, "client closed", true);
            }
        }

        private void closeFromVenue(final int code, final String reason) {
            if (open) {
                open = false;
                session.markClosed();
                closeCode = code;
                closeReason = reason;
                closedByVenue.add(this);
            }
        }
    }
}
