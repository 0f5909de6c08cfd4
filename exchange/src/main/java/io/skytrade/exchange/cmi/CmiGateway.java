package io.skytrade.exchange.cmi;

import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.gateway.ExchangeGateway;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Gateway to a CMI Exchange venue ({@code reference/cmi-exchange.md}): REST over OkHttp for login,
 * products, orders, cancels and reconciliation, and the server-sent event stream ({@code okhttp-sse})
 * for book snapshots and our trades. The protocol itself lives in {@link CmiSession}; this class
 * is its transport and threads:
 * <ul>
 * <li>the order stage calls {@link #sendNewOrder}/{@link #sendCancel}, which write the intent into a
 *     lock-free channel ({@link IntentChannel}) and wake the sender: no lock, no allocation, no wait;</li>
 * <li>one sender thread ({@code cmi-rest}) moves intents into the session's send queue and sends one
 *     request at a time, as fast as the session's pace allows (sleeping the engine-clock wait divided
 *     by {@code clockRate}), and opens the stream when the session wants it;</li>
 * <li>OkHttp's stream thread hands each event to the session.</li>
 * </ul>
 * The session is guarded by one lock, taken by the sender and the stream thread only (never by the
 * order stage). An intent the full channel refuses (only if the sender has stopped draining it) is
 * counted ({@link #intentOverflows()}); the order stage's ack timeout reports the order.
 *
 * <p>Hot-path cost of an order: a channel write and an unpark. Everything else runs on the
 * gateway's own threads.
 */
public final class CmiGateway implements ExchangeGateway {
    private static final Logger LOG = LoggerFactory.getLogger(CmiGateway.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int MAX_BODY_CHARS = 16 << 20;

    private final CmiGatewayConfig config;
    private final CmiSession session;
    private final IntentChannel channel;
    private final Object lock = new Object();
    private final OkHttpClient rest;
    private final EventSource.Factory streams;
    private final AtomicLong overflows = new AtomicLong();

    private volatile Thread sender;
    private volatile boolean running;
    private volatile boolean ready;
    private EventSource stream;
    private StreamListener streamListener;

    /**
     * @param config    venue address, credentials, pace and timeouts
     * @param registry  instrument ids
     * @param publisher the inbound ring
     * @param clock     the engine's clock (pace, timeouts, receive stamps)
     */
    public CmiGateway(final CmiGatewayConfig config, final InstrumentRegistry registry, final InboundPublisher publisher,
                      final EpochNanoClock clock) {
        this.config = config;
        this.session = new CmiSession(config, registry, publisher, clock, System::nanoTime);
        this.channel = new IntentChannel(1 << 20, session);
        this.rest = new OkHttpClient.Builder()
            .callTimeout(Duration.ofMillis(config.requestTimeoutMillis))
            .connectTimeout(Duration.ofMillis(config.requestTimeoutMillis))
            .readTimeout(Duration.ofMillis(config.requestTimeoutMillis))
            .retryOnConnectionFailure(false)
            .build();
        this.streams = EventSources.createFactory(rest.newBuilder()
            .callTimeout(Duration.ZERO)
            .readTimeout(Duration.ofMillis(config.streamReadTimeoutMillis))
            .build());
    }

    @Override
    public synchronized void connect() {
        if (running) {
            return;
        }
        running = true;
        final Thread t = new Thread(this::senderLoop, "cmi-rest");
        t.setDaemon(true);
        sender = t;
        t.start();
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        final Thread t = sender;
        LockSupport.unpark(t);
        try {
            t.join(config.requestTimeoutMillis + 1000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            session.close();
            closeStream();
            ready = false;
        }
        rest.dispatcher().executorService().shutdown();
        rest.connectionPool().evictAll();
    }

    @Override
    public boolean isConnected() {
        return ready;
    }

    /** Reads the session's state under its lock (counters, positions, queue length); for status lines and tests. */
    public <T> T inspect(final Function<CmiSession, T> query) {
        synchronized (lock) {
            return query.apply(session);
        }
    }

    /** Event streams opened so far (1 plus the reconnections). */
    @Override
    public long connectCount() {
        return inspect(CmiSession::streamOpens);
    }

    /** Intents refused because the channel to the sender was full. */
    public long intentOverflows() {
        return overflows.get();
    }

    /** Drops the event stream as a network failure would (the session reconnects and reconciles); for tests. */
    public void dropStream() {
        synchronized (lock) {
            if (stream != null) {
                closeStream();
                session.onStreamClosed(0, "dropped");
                ready = false;
            }
        }
        LockSupport.unpark(sender);
    }

    // ---------------------------------------------------------------- order stage thread

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        if (!channel.offerNew(clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce)) {
            overflows.incrementAndGet();
        }
        LockSupport.unpark(sender);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        if (!channel.offerCancel(clientOrderId, instrumentId)) {
            overflows.incrementAndGet();
        }
        LockSupport.unpark(sender);
    }

    // ---------------------------------------------------------------- sender thread

    private void senderLoop() {
        while (running) {
            final CmiRequest request;
            final boolean openStream;
            final String token;
            final long waitNanos;
            synchronized (lock) {
                channel.drain();
                session.onTick();
                request = session.nextRequest();
                openStream = session.streamWanted();
                if (openStream) {
                    session.onStreamOpening();
                }
                token = session.token();
                ready = session.isReady();
                waitNanos = Math.min(session.nanosUntilRequest(), session.nanosUntilStream());
            }
            if (openStream) {
                openStream(token);
            }
            if (request != null) {
                execute(request);
                continue;
            }
            final long sleep = waitNanos == Long.MAX_VALUE ? MAX_PARK_NANOS
                : Math.min(MAX_PARK_NANOS, (long)(waitNanos / config.clockRate));
            if (sleep > 0) {
                LockSupport.parkNanos(this, sleep);
            }
        }
    }

    private void execute(final CmiRequest r) {
        final Request.Builder b = new Request.Builder().url(config.baseUrl.resolve(r.path).toString())
            .header("Content-Type", "application/json; charset=utf-8");
        if (r.token != null) {
            b.header("Authorization", r.token);
        }
        switch (r.method) {
            case "POST" -> b.post(RequestBody.create(r.body, JSON));
            case "DELETE" -> b.delete();
            default -> b.get();
        }
        int status = 0;
        String authorization = null;
        String body = null;
        String problem = null;
        try (Response response = rest.newCall(b.build()).execute()) {
            status = response.code();
            authorization = response.header("Authorization");
            final ResponseBody rb = response.body();
            body = rb.string();
            if (body.length() > MAX_BODY_CHARS) {
                body = body.substring(0, MAX_BODY_CHARS);
            }
        } catch (final IOException e) {
            problem = e.toString();
        }
        synchronized (lock) {
            if (problem != null) {
                session.onFailure(r, problem);
            } else {
                session.onReply(r, status, authorization, body);
            }
            ready = session.isReady();
        }
    }

    // ---------------------------------------------------------------- stream

    private void openStream(final String token) {
        final Request request = new Request.Builder().url(config.baseUrl.resolve("api/market/stream").toString())
            .header("Authorization", token)
            .header("Accept", "text/event-stream; charset=utf-8")
            .header("Content-Type", "application/json; charset=utf-8")
            .build();
        synchronized (lock) {
            if (!running) {
                return;
            }
            closeStream();
            streamListener = new StreamListener();
            stream = streams.newEventSource(request, streamListener);
        }
    }

    /** Cancels the current stream, whose late callbacks are then ignored. Call under the lock. */
    private void closeStream() {
        if (stream != null) {
            streamListener = null;
            stream.cancel();
            stream = null;
        }
    }

    /** Callbacks of one stream; those of a stream already replaced or cancelled are ignored. */
    private final class StreamListener extends EventSourceListener {
        @Override
        public void onOpen(final EventSource source, final Response response) {
            synchronized (lock) {
                if (streamListener == this) {
                    session.onStreamOpen();
                }
            }
            LockSupport.unpark(sender);
        }

        @Override
        public void onEvent(final EventSource source, final String id, final String type, final String data) {
            synchronized (lock) {
                if (streamListener == this) {
                    session.onStreamEvent(type == null ? "message" : type, data);
                    ready = session.isReady();
                }
            }
            LockSupport.unpark(sender);
        }

        @Override
        public void onClosed(final EventSource source) {
            ended(0, "closed by the venue");
        }

        @Override
        public void onFailure(final EventSource source, final Throwable t, final Response response) {
            final int status = response == null ? 0 : response.code();
            ended(status, t != null ? t.toString() : "HTTP " + status);
        }

        private void ended(final int status, final String problem) {
            synchronized (lock) {
                if (streamListener != this) {
                    return;
                }
                streamListener = null;
                stream = null;
                session.onStreamClosed(status, problem);
                ready = false;
            }
            if (running) {
                LOG.debug("CMI stream of {} ended: {}", config, problem);
            }
            LockSupport.unpark(sender);
        }
    }
}
