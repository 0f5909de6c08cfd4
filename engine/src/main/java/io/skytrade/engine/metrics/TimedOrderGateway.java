package io.skytrade.engine.metrics;

import io.skytrade.core.pipeline.OrderGateway;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The order stage's gateway seen through the metrics: forwards every new order and cancel to the
 * real gateway, counts them, and stamps when the first send of the current input returned (the
 * order "on the wire"), for the order stage's observer to turn into latencies after the stage.
 *
 * <p>Thread-safety: the order stage's thread only (as the gateway itself). Hot-path cost per
 * send: one clock read and a counter increment; none on inputs that send nothing.
 */
final class TimedOrderGateway implements OrderGateway {
    private final OrderGateway delegate;
    private final EngineCounters counters;
    private final EpochNanoClock clock;
    private int sendsOnInput;
    private long firstSendNanos;

    TimedOrderGateway(final OrderGateway delegate, final EngineCounters counters, final EpochNanoClock clock) {
        this.delegate = delegate;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        delegate.sendNewOrder(clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce);
        sent();
        counters.ordersSent.incrementRelease();
    }

    @Override
    public void answering(final long inputSequence) {
        delegate.answering(inputSequence);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        delegate.sendCancel(clientOrderId, instrumentId);
        sent();
        counters.cancelsSent.incrementRelease();
    }

    private void sent() {
        if (sendsOnInput++ == 0) {
            firstSendNanos = clock.nanoTime();
        }
    }

    /** Sends made since the last call (while handling the current input); resets the count. */
    int takeSends() {
        final int n = sendsOnInput;
        sendsOnInput = 0;
        return n;
    }

    /** Engine-clock time at which the first send of the current input returned. */
    long firstSendNanos() {
        return firstSendNanos;
    }
}
