package io.skytrade.core.pipeline;

/**
 * Outbound side of a venue, as the order stage sees it: sends new orders and cancels. Called on
 * the order stage's thread, only after the input that caused the order has been journaled.
 *
 * <p>Implementations must not block the calling thread (encode and hand the message to the
 * network layer) and must not allocate per call in steady state.
 */
public interface OrderGateway {
    /**
     * Sends a new limit order.
     *
     * @param clientOrderId unique, deterministic id assigned by the order stage; never reused
     * @param instrumentId  registry id of the product
     * @param side          {@link io.skytrade.core.event.Side} code
     * @param priceTicks    limit price in ticks
     * @param quantity      lots, positive
     * @param timeInForce   {@link io.skytrade.core.event.TimeInForce} code
     */
    void sendNewOrder(long clientOrderId, int instrumentId, int side, long priceTicks, long quantity, int timeInForce);

    /** Requests cancellation of an open order. */
    void sendCancel(long clientOrderId, int instrumentId);

    /**
     * Names the input the orders and cancels sent next answer (its ring sequence, which is its
     * index in the inputs journal); the order stage calls it before the first send of each input.
     * A gateway may carry it to the venue ({@code inSeq} of the WebSocket protocol) so that venue
     * records and tick-to-wire measurements can be matched with the journal. Default: ignored.
     */
    default void answering(final long inputSequence) {
    }
}
