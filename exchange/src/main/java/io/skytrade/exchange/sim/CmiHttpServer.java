package io.skytrade.exchange.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CMI front end's HTTP transport, on the JDK's {@code com.sun.net.httpserver} (no dependency;
 * it streams chunked responses, which is all server-sent events need): every REST request is handed
 * to the {@link CmiFrontEnd} on the venue thread ({@link VenueAgent#call}) and its answer written
 * back; {@code GET /api/market/stream} holds its connection and writes the events the front end
 * queues for it, with a keep-alive comment whenever none came for {@link CmiVenueConfig#keepAliveMillis}.
 * A stream ends when the client goes away (a failed write), when the front end closes it (token
 * expired, drill) or when it stops reading (its queue overflows).
 *
 * <p>Thread-safety: handlers run on a pool of daemon threads, one held per open stream; they touch
 * no venue state themselves. Not on the engine's hot path.
 */
final class CmiHttpServer {
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long CALL_TIMEOUT_MILLIS = 10_000;
    private static final String CLOSE = "\u0000close";

    private final CmiFrontEnd frontEnd;
    private final VenueAgent agent;
    private final CmiVenueConfig config;
    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean stopped;

    CmiHttpServer(final InetSocketAddress address, final CmiFrontEnd frontEnd, final VenueAgent agent, final CmiVenueConfig config)
        throws IOException {
        this.frontEnd = frontEnd;
        this.agent = agent;
        this.config = config;
        this.server = HttpServer.create(address, 64);
        this.pool = Executors.newCachedThreadPool(r -> {
            final Thread t = new Thread(r, "exchange-sim-cmi-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::onExchange);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        stopped = true;
        server.stop(0);
        pool.shutdownNow();
    }

    private void onExchange(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String method = exchange.getRequestMethod();
            final String path = exchange.getRequestURI().getRawPath();
            if ("GET".equals(method) && "/api/market/stream".equals(path)) {
                stream(exchange);
                return;
            }
            final String body = readBody(exchange.getRequestBody());
            if (body == null) {
                respond(exchange, new CmiFrontEnd.Response(413, null, "request body larger than " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            final String query = exchange.getRequestURI().getRawQuery();
            final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            CmiFrontEnd.Response response;
            try {
                response = agent.call(() -> frontEnd.handle(method, path, query, authorization, body), CALL_TIMEOUT_MILLIS);
            } catch (final IllegalStateException ex) {
                response = new CmiFrontEnd.Response(503, null, "venue unavailable: " + ex.getMessage());
            }
            respond(exchange, response);
        }
    }

    private static String readBody(final InputStream in) throws IOException {
        final byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void respond(final HttpExchange exchange, final CmiFrontEnd.Response r) throws IOException {
        final byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", r.isJson() ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        if (r.authorization() != null) {
            exchange.getResponseHeaders().set("Authorization", r.authorization());
        }
        exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void stream(final HttpExchange exchange) throws IOException {
        final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        final Sink sink = new Sink(config.maxStreamBacklog);
        final int status;
        try {
            status = agent.call(() -> frontEnd.openStream(authorization, sink), CALL_TIMEOUT_MILLIS);
        } catch (final IllegalStateException ex) {
            respond(exchange, new CmiFrontEnd.Response(503, null, "venue unavailable: " + ex.getMessage()));
            return;
        }
        if (status != 200) {
            respond(exchange, new CmiFrontEnd.Response(status, null, status == 401 ? "unauthorised: log in again" : "too many streams"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        final OutputStream out = exchange.getResponseBody();
        try {
            while (!stopped) {
                final String event = sink.events.poll(config.keepAliveMillis, TimeUnit.MILLISECONDS);
                if (CLOSE.equals(event)) {
                    break;
                }
                out.write((event == null ? ": keep-alive\n\n" : event).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (final IOException ex) {
            // the client went away: the stream ends
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            sink.closed = true;
            agent.post(() -> frontEnd.closeStream(sink));
            try {
                out.close();
            } catch (final IOException ex) {
                // already gone
            }
        }
    }

    /** One stream's queue of events, filled on the venue thread and drained by the stream's handler thread. */
    private static final class Sink implements CmiFrontEnd.StreamSink {
        final LinkedBlockingQueue<String> events;
        volatile boolean closed;

        Sink(final int capacity) {
            events = new LinkedBlockingQueue<>(capacity);
        }

        @Override
        public boolean offer(final String event) {
            return !closed && events.offer(event);
        }

        @Override
        public void close() {
            closed = true;
            events.clear();
            events.offer(CLOSE);
        }
    }
}
