package io.skytrade.exchange.gateway;

import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.ProtocolEncoder;
import io.skytrade.exchange.protocol.ProtocolMessage;

import java.util.List;

/**
 * Encodes client-to-venue messages (login, subscribe, new order, cancel) as JSON text for a
 * transport that carries strings ({@link InProcessExchangeGateway}); the WebSocket gateway encodes
 * its orders into bytes with {@link io.skytrade.exchange.protocol.OrderEntryEncoder} instead.
 *
 * <p>Not thread-safe: use one per sending thread. Cost: one encode (a generator and a string).
 */
final class OrderEntryProxy {
    private final ProtocolEncoder encoder = new ProtocolEncoder();
    private final ProtocolMessage message = new ProtocolMessage();

    String loginFrame(final String apiKey, final long lastExecSeq) {
        message.reset(MessageType.LOGIN);
        message.apiKey = apiKey;
        message.lastExecSeq = lastExecSeq;
        return encoder.encode(message);
    }

    String subscribeFrame(final List<String> products) {
        message.reset(MessageType.SUBSCRIBE);
        for (int i = 0; i < products.size() && i < ProtocolMessage.MAX_PRODUCTS; i++) {
            message.addProduct(products.get(i), 0, 0);
        }
        return encoder.encode(message);
    }

    String newOrderFrame(final long clOrdId, final String product, final int side, final long price, final long qty,
                         final int tif) {
        message.reset(MessageType.NEW_ORDER);
        message.clOrdId = clOrdId;
        message.product = product;
        message.side = side;
        message.price = price;
        message.qty = qty;
        message.tif = tif;
        return encoder.encode(message);
    }

    String cancelFrame(final long clOrdId, final String product) {
        message.reset(MessageType.CANCEL);
        message.clOrdId = clOrdId;
        message.product = product;
        return encoder.encode(message);
    }

}
