package io.skytrade.exchange.cmi;

import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.gateway.ExchangeGateway;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The CMI gateway for runs on a virtual clock ({@code skytrade evaluate} with
 * {@code venue.protocol: cmi}): the same {@link CmiSession} as {@link CmiGateway} (login,
 * reconciliation, pace, send queue, fill attribution, held snapshots), driven by its caller instead
 * of threads, against a {@link CmiEndpoint} in the same process. A request the session sends at
 * time t reaches the venue at t + {@code latency}; the venue's reply and the stream events it causes
 * come back at once. The caller asks {@link #nextWakeNanos()} when the gateway next has something to
 * do and calls {@link #onTime()} at that time (after setting the clock).
 *
 * <p>Thread-safety: none; one driving thread, which also runs the pipeline (an inline pipeline that
 * queues what is published from inside the order stage). Not on the engine's hot path.
 */
public final class InProcessCmiGateway implements ExchangeGateway {
    private final CmiSession session;
    private final CmiEndpoint endpoint;
    private final EpochNanoClock clock;
    private final long latencyNanos;
    private CmiRequest pending;
    private long pendingArrival;
    private boolean streaming;
    private boolean closed = true;

    /**
     * @param latencyNanos one-way time from the gateway to the venue
     */
    public InProcessCmiGateway(final CmiGatewayConfig config, final InstrumentRegistry registry, final InboundPublisher publisher,
                               final EpochNanoClock clock, final CmiEndpoint endpoint, final long latencyNanos) {
        this.session = new CmiSession(config, registry, publisher, clock);
        this.endpoint = endpoint;
        this.clock = clock;
        this.latencyNanos = latencyNanos;
    }

    @Override
    public void connect() {
        closed = false;
    }

    @Override
    public void close() {
        closed = true;
        session.close();
    }

    @Override
    public boolean isConnected() {
        return session.isReady();
    }

    @Override
    public long connectCount() {
        return session.streamOpens();
    }

    /** The session, for its counters and positions. */
    public CmiSession session() {
        return session;
    }

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        session.onNewOrder(clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        session.onCancel(clientOrderId, instrumentId);
    }

    /** The engine-clock time at which {@link #onTime()} next has work, or {@code Long.MAX_VALUE}. */
    public long nextWakeNanos() {
        if (closed) {
            return Long.MAX_VALUE;
        }
        if (pending != null) {
            return pendingArrival;
        }
        final long now = clock.nanoTime();
        final long wait = Math.min(session.nanosUntilRequest(), session.nanosUntilStream());
        return wait == Long.MAX_VALUE ? Long.MAX_VALUE : now + wait;
    }

    /** Does what is due at the clock's time: a request reaching the venue, timeouts, the stream, the next request. */
    public void onTime() {
        if (closed) {
            return;
        }
        final long now = clock.nanoTime();
        if (pending != null && pendingArrival <= now) {
            final CmiRequest r = pending;
            pending = null;
            final CmiEndpoint.Reply reply = endpoint.handle(r.method, r.path, r.token, r.body);
            session.onReply(r, reply.status(), reply.authorization(), reply.body());
        }
        session.onTick();
        if (session.streamWanted()) {
            openStream();
        }
        if (pending == null) {
            final CmiRequest next = session.nextRequest();
            if (next != null) {
                pending = next;
                pendingArrival = now + latencyNanos;
                if (latencyNanos == 0) {
                    onTime();
                }
            }
        }
    }

    private void openStream() {
        session.onStreamOpening();
        final java.util.List<String> early = new java.util.ArrayList<>();
        streaming = false;
        final int status = endpoint.openStream(session.token(), event -> {
            if (event == null) {
                streaming = false;
                session.onStreamClosed(0, "closed by the venue");
            } else if (streaming) {
                deliver(event);
            } else {
                early.add(event);
            }
        });
        if (status != 200) {
            session.onStreamClosed(status, "HTTP " + status);
            return;
        }
        streaming = true;
        session.onStreamOpen();
        for (final String event : early) {
            deliver(event);
        }
    }

    private void deliver(final String event) {
        final int type = event.startsWith("event: ") ? 7 : -1;
        final int nl = event.indexOf('\n');
        final int data = event.indexOf("data: ", Math.max(0, nl));
        if (type < 0 || nl < 0 || data < 0) {
            return;
        }
        final int end = event.indexOf('\n', data);
        session.onStreamEvent(event.substring(type, nl), event.substring(data + 6, end < 0 ? event.length() : end));
    }
}
