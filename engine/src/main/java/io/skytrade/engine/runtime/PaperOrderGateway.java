package io.skytrade.engine.runtime;

import io.skytrade.core.pipeline.OrderGateway;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link OrderGateway} that trades on paper: it counts the orders and cancels the engine sends
 * and remembers the last one, without a venue. Used by replay (which must not send) and by the
 * demo until a venue is configured.
 *
 * <p>Thread-safety: counters are atomic. Hot-path cost: two ordered stores.
 */
public final class PaperOrderGateway implements OrderGateway {
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong cancels = new AtomicLong();
    private volatile long lastClientOrderId;

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        orders.lazySet(orders.get() + 1);
        lastClientOrderId = clientOrderId;
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        cancels.lazySet(cancels.get() + 1);
    }

    public long orders() {
        return orders.get();
    }

    public long cancels() {
        return cancels.get();
    }

    public long lastClientOrderId() {
        return lastClientOrderId;
    }
}
