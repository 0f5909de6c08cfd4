package io.skytrade.exchange.gateway;

import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.ProtocolDecodeException;
import io.skytrade.exchange.protocol.ProtocolDecoder;
import io.skytrade.exchange.protocol.ProtocolMessage;

/**
 * Decodes venue-to-client frames and calls the matching {@link VenueListener} method.
 *
 * <p>Not thread-safe: one per socket read thread. Hot-path cost: one decode; no allocation of its own.
 */
final class VenueAdapter {
    private final ProtocolDecoder decoder = new ProtocolDecoder();
    private final ProtocolMessage message = new ProtocolMessage();
    private final VenueListener listener;

    VenueAdapter(final VenueListener listener) {
        this.listener = listener;
    }

    void onFrame(final String frame) {
        try {
            decoder.decode(frame, message);
        } catch (final ProtocolDecodeException ex) {
            listener.onUndecodable(frame, ex.getMessage());
            return;
        }
        switch (message.type) {
            case MessageType.LOGIN_ACK -> listener.onLoginAck(message);
            case MessageType.PRODUCTS -> listener.onProducts(message);
            case MessageType.BOOK_SNAPSHOT -> listener.onBookSnapshot(message);
            case MessageType.BOOK_UPDATE -> listener.onBookUpdate(message);
            case MessageType.TRADE -> listener.onTrade(message);
            case MessageType.ACK, MessageType.REJECT, MessageType.FILL, MessageType.CANCELLED, MessageType.CANCEL_REJECT ->
                listener.onExecution(message);
            case MessageType.POSITION -> listener.onPosition(message);
            case MessageType.OPEN_ORDERS -> listener.onOpenOrders(message);
            case MessageType.SETTLEMENT -> listener.onSettlement(message);
            case MessageType.HEARTBEAT -> listener.onHeartbeat(message);
            case MessageType.ERROR -> listener.onError(message);
            default -> listener.onUndecodable(frame, MessageType.wireName(message.type) + " is a client-to-venue message");
        }
    }
}
