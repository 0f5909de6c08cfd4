package io.skytrade.exchange.matching;

import io.skytrade.exchange.RejectReason;

import java.util.ArrayList;
import java.util.List;

/** Records every execution as one line of text, for comparing an engine with a reference model. */
final class RecordingExecutionListener implements ExecutionListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onAccepted(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                           final int side, final long priceTicks, final long quantity, final int timeInForce, final long nowNanos) {
        events.add("ACK p" + participant + " c" + clientOrderId + " i" + instrument + " s" + side + " " + quantity + "@" + priceTicks);
    }

    @Override
    public void onRejected(final int participant, final long clientOrderId, final int instrument, final int side,
                           final long priceTicks, final long quantity, final int reason, final long nowNanos) {
        events.add("REJECT p" + participant + " c" + clientOrderId + " " + RejectReason.name(reason));
    }

    @Override
    public void onFill(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                       final int side, final long priceTicks, final long quantity, final long leaves,
                       final boolean aggressor, final long nowNanos) {
        events.add("FILL p" + participant + " c" + clientOrderId + " " + quantity + "@" + priceTicks + " leaves " + leaves
            + (aggressor ? " aggressor" : " resting"));
    }

    @Override
    public void onCancelled(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                            final int side, final long cancelledQuantity, final int reason, final long nowNanos) {
        events.add("CANCELLED p" + participant + " c" + clientOrderId + " " + cancelledQuantity + " " + RejectReason.name(reason));
    }

    @Override
    public void onCancelRejected(final int participant, final long clientOrderId, final int reason, final long nowNanos) {
        events.add("CANCEL_REJECT p" + participant + " c" + clientOrderId + " " + RejectReason.name(reason));
    }

    @Override
    public void onTrade(final int instrument, final long priceTicks, final long quantity, final int aggressorSide,
                        final int buyer, final int seller, final long nowNanos) {
        events.add("TRADE i" + instrument + " " + quantity + "@" + priceTicks + " buyer p" + buyer + " seller p" + seller);
    }

    @Override
    public void onSettled(final int participant, final int instrument, final long position, final double settlementPrice,
                          final double pnl, final long nowNanos) {
        events.add("SETTLED p" + participant + " i" + instrument + " pos " + position + " pnl " + pnl);
    }
}
