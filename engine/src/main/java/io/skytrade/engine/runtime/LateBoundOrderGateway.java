package io.skytrade.engine.runtime;

import io.skytrade.core.pipeline.OrderGateway;

/**
 * Breaks the start-up cycle between the pipeline (whose order stage needs a gateway) and the venue
 * gateway (which needs the pipeline's publisher): the order stage is given this forwarder, and the
 * real gateway is bound before the stage threads start. Sending before binding is a start-up bug
 * and fails loudly.
 *
 * <p>Thread-safety: bind before the pipeline starts (thread start publishes the field). Cost: one
 * field read and a virtual call.
 */
public final class LateBoundOrderGateway implements OrderGateway {
    private OrderGateway target;

    public void bind(final OrderGateway gateway) {
        if (target != null) {
            throw new IllegalStateException("order gateway already bound");
        }
        target = gateway;
    }

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        gateway().sendNewOrder(clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce);
    }

    @Override
    public void answering(final long inputSequence) {
        gateway().answering(inputSequence);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        gateway().sendCancel(clientOrderId, instrumentId);
    }

    private OrderGateway gateway() {
        final OrderGateway g = target;
        if (g == null) {
            throw new IllegalStateException("an order was sent before the venue gateway was bound");
        }
        return g;
    }
}
