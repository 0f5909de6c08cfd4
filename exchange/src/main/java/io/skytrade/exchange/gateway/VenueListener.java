package io.skytrade.exchange.gateway;

import io.skytrade.exchange.protocol.ProtocolMessage;

/**
 * Receives decoded venue messages from a {@link VenueAdapter}, one callback per message type.
 * The message object is reused: read it during the call only.
 *
 * <p>Called on the socket read thread. Hot-path cost: whatever the implementation does.
 */
interface VenueListener {
    void onLoginAck(ProtocolMessage m);

    void onProducts(ProtocolMessage m);

    void onBookSnapshot(ProtocolMessage m);

    void onBookUpdate(ProtocolMessage m);

    void onTrade(ProtocolMessage m);

    /** {@code ack, reject, fill, cancelled, cancel_reject}. */
    void onExecution(ProtocolMessage m);

    void onPosition(ProtocolMessage m);

    void onOpenOrders(ProtocolMessage m);

    void onSettlement(ProtocolMessage m);

    void onHeartbeat(ProtocolMessage m);

    void onError(ProtocolMessage m);

    /** A frame that did not decode, or a client-to-venue type the venue should never send. */
    void onUndecodable(String frame, String problem);
}
