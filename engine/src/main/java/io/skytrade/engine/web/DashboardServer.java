package io.skytrade.engine.web;

import io.skytrade.core.event.ControlCode;
import io.skytrade.engine.runtime.OperatorCommands;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live dashboard, served by an embedded Jetty: {@code GET /} the page (uPlot inlined, no
 * CDN), {@code GET /events} a server-sent event stream (an {@code init} event with the kept
 * history, then an {@code update} per reporter interval; the browser's EventSource reconnects by
 * itself, so the page survives an engine restart), {@code GET /api/state} the history as JSON,
 * and {@code POST /api/safe} which publishes a CONTROL SAFE input through {@link OperatorCommands},
 * the same journaled path as {@code skytrade ctl safe} (the request must carry the header
 * {@code X-Skytrade-Confirm: safe}, which the page's confirmation dialog adds and a cross-site
 * form cannot). Bound beyond loopback, every request needs the token of {@link AccessPolicy}:
 * {@code Authorization: Bearer}, or {@code ?token=} once, which opens a session (a random id in an
 * HttpOnly SameSite=Strict cookie) for the page and its event stream. The token is never logged,
 * echoed or stored in a cookie.
 *
 * <p>Jetty's threads; a push writes to each page without waiting and skips a page whose previous
 * write is still in flight (its next push carries the tape records it missed). Off the hot path.
 */
public final class DashboardServer implements AutoCloseable {
    /** Header the safe-mode request must carry (set by the page after the user confirmed). */
    public static final String CONFIRM_HEADER = "X-Skytrade-Confirm";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final String COOKIE = "skytrade_session";

    private final Server server;
    private final ServerConnector connector;
    private final AccessPolicy access;
    private final DashboardState state;
    private final OperatorCommands commands;
    private final String page;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    private DashboardServer(final AccessPolicy access, final int port, final DashboardState state,
                            final OperatorCommands commands) {
        this.access = access;
        this.state = state;
        this.commands = commands;
        this.page = DashboardPage.html();
        final QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("skytrade-dashboard");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(access.address().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Routes());
        server.setStopTimeout(0);
    }

    /**
     * Starts the server.
     *
     * @throws IOException when the address or port cannot be bound
     */
    public static DashboardServer start(final AccessPolicy access, final int port, final DashboardState state,
                                        final OperatorCommands commands) throws IOException {
        final DashboardServer s = new DashboardServer(access, port, state, commands);
        try {
            s.server.start();
        } catch (final IOException e) {
            s.close();
            throw e;
        } catch (final Exception e) {
            s.close();
            throw new IOException("cannot start the dashboard on " + access.address().getHostAddress() + ":" + port
                + ": " + e.getMessage(), e);
        }
        return s;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://address:port/}. */
    public String url() {
        return AccessPolicy.url(access.address(), port()) + "/";
    }

    /** Pushes the latest sample and the new tape records to every open page (reporter thread). */
    public void push() {
        for (final Stream s : streams) {
            s.push();
        }
    }

    @Override
    public void close() {
        for (final Stream s : streams) {
            s.end();
        }
        try {
            server.stop();
        } catch (final Exception e) {
            LOG.warn("stopping the dashboard failed: {}", e.toString());
        }
    }

    /** One open event stream of one page. */
    private final class Stream {
        private final Response response;
        private final Callback done;
        private final AtomicBoolean writing = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile long sentTapeId;

        Stream(final Response response, final Callback done) {
            this.response = response;
            this.done = done;
        }

        void init() {
            final long tapeId = state.lastTapeId();
            write("retry: 2000\nevent: init\ndata: " + state.initJson() + "\n\n", tapeId);
        }

        void push() {
            final long after = sentTapeId;
            write("event: update\ndata: " + state.updateJson(after) + "\n\n", state.lastTapeId());
        }

        private void write(final String message, final long tapeId) {
            if (ended.get() || !writing.compareAndSet(false, true)) {
                return;
            }
            response.write(false, ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), new Callback() {
                @Override
                public void succeeded() {
                    sentTapeId = Math.max(sentTapeId, tapeId);
                    writing.set(false);
                }

                @Override
                public void failed(final Throwable x) {
                    writing.set(false);
                    end();
                }
            });
        }

        void end() {
            if (ended.compareAndSet(false, true)) {
                streams.remove(this);
                done.succeeded();
            }
        }
    }

    /** The four routes, behind the access policy. */
    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(final Request request, final Response response, final Callback callback) {
            if (!authorized(request, response)) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"skytrade\"");
                Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
                return true;
            }
            final String path = Request.getPathInContext(request);
            final String method = request.getMethod();
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            if (path.equals("/") && method.equals("GET")) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.getHeaders().put("Content-Security-Policy",
                    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:");
                response.write(true, ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)), callback);
            } else if (path.equals("/events") && method.equals("GET")) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
                final Stream stream = new Stream(response, callback);
                streams.add(stream);
                stream.init();
            } else if (path.equals("/api/state") && method.equals("GET")) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(state.initJson().getBytes(StandardCharsets.UTF_8)), callback);
            } else if (path.equals("/api/safe") && method.equals("POST")) {
                if (!"safe".equals(request.getHeaders().get(CONFIRM_HEADER))) {
                    Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                        "confirm with the header " + CONFIRM_HEADER + ": safe");
                    return true;
                }
                final long sequence = commands.send(ControlCode.SAFE, 0);
                LOG.atWarn().setMessage("operator SAFE requested from the dashboard").addKeyValue("sequence", sequence)
                    .addKeyValue("remote", Request.getRemoteAddr(request)).log();
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(("{\"requested\":\"SAFE\",\"sequence\":" + sequence + "}")
                    .getBytes(StandardCharsets.UTF_8)), callback);
            } else {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
            return true;
        }

        /**
         * Whether the request may be served: always on loopback; beyond it, with the token in the
         * Authorization header or the {@code token} query parameter (which opens a session cookie),
         * or with the cookie of such a session.
         */
        private boolean authorized(final Request request, final Response response) {
            if (!access.tokenRequired()) {
                return true;
            }
            final String bearer = AccessPolicy.bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            if (bearer != null) {
                return access.allows(bearer);
            }
            final String query = Request.extractQueryParameters(request).getValue("token");
            if (query != null) {
                if (!access.allows(query)) {
                    return false;
                }
                final byte[] id = new byte[16];
                random.nextBytes(id);
                final String session = HexFormat.of().formatHex(id);
                sessions.add(session);
                response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
                return true;
            }
            for (final var cookie : Request.getCookies(request)) {
                if (cookie.getName().equals(COOKIE) && sessions.contains(cookie.getValue())) {
                    return true;
                }
            }
            return false;
        }
    }
}
