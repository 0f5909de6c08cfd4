package io.skytrade.core.risk;

import io.skytrade.core.pipeline.OrderGateway;

import java.util.ArrayList;
import java.util.List;

/** Test double at the outbound boundary: records every order and cancel sent. */
public final class RecordingOrderGateway implements OrderGateway {
    /** One sent new order. */
    public record Sent(long clientOrderId, int instrumentId, int side, long priceTicks, long quantity, int timeInForce) {
    }

    public final List<Sent> orders = new ArrayList<>();
    public final List<Long> cancels = new ArrayList<>();
    /** Every call in order, as text, for determinism comparisons. */
    public final List<String> calls = new ArrayList<>();

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        orders.add(new Sent(clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce));
        calls.add("new " + clientOrderId + " " + instrumentId + " " + side + " " + priceTicks + " " + quantity + " " + timeInForce);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        cancels.add(clientOrderId);
        calls.add("cancel " + clientOrderId + " " + instrumentId);
    }

    public int callCount() {
        return calls.size();
    }
}
