package io.skytrade.exchange.matching;

/**
 * Receives what the {@link MatchingEngine} does, in the order it happens: per order an accept or
 * a reject, then fills (resting side first, then the aggressor), the public trade, and a cancel
 * for any remainder that may not rest. Called on the thread that called the engine.
 *
 * <p>Implementations must not call back into the engine. Hot-path cost: whatever they do.
 */
public interface ExecutionListener {
    void onAccepted(int participant, long clientOrderId, long venueOrderId, int instrument, int side,
                    long priceTicks, long quantity, int timeInForce, long nowNanos);

    void onRejected(int participant, long clientOrderId, int instrument, int side, long priceTicks,
                    long quantity, int reason, long nowNanos);

    /** One fill of one order; {@code leaves} is what remains open after it. */
    void onFill(int participant, long clientOrderId, long venueOrderId, int instrument, int side,
                long priceTicks, long quantity, long leaves, boolean aggressor, long nowNanos);

    void onCancelled(int participant, long clientOrderId, long venueOrderId, int instrument, int side,
                     long cancelledQuantity, int reason, long nowNanos);

    void onCancelRejected(int participant, long clientOrderId, int reason, long nowNanos);

    void onTrade(int instrument, long priceTicks, long quantity, int aggressorSide, int buyer, int seller, long nowNanos);

    /** A participant's position in a settled product; {@code pnl} is cash plus position times the price. */
    void onSettled(int participant, int instrument, long position, double settlementPrice, double pnl, long nowNanos);
}
