package io.skytrade.exchange.gateway;

import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.ProtocolEncoder;
import io.skytrade.exchange.protocol.ProtocolMessage;
import org.java_websocket.WebSocket;

import java.util.List;

/**
 * Encodes client-to-venue messages (login, subscribe, new order, cancel, heartbeat) into text
 * frames, and queues them on a WebSocket (the library's write thread does the I/O, so a send
 * never blocks) or returns them to a caller with another transport ({@link InProcessExchangeGateway}).
 *
 * <p>Not thread-safe: use one per sending thread, or guard it. Hot-path cost: one encode (a
 * generator and a string); the socket queue takes the frame.
 */
final class OrderEntryProxy {
    private final ProtocolEncoder encoder = new ProtocolEncoder();
    private final ProtocolMessage message = new ProtocolMessage();

    void login(final WebSocket socket, final String apiKey, final long lastExecSeq) {
        socket.send(loginFrame(apiKey, lastExecSeq));
    }

    String loginFrame(final String apiKey, final long lastExecSeq) {
        message.reset(MessageType.LOGIN);
        message.apiKey = apiKey;
        message.lastExecSeq = lastExecSeq;
        return encoder.encode(message);
    }

    void subscribe(final WebSocket socket, final List<String> products) {
        socket.send(subscribeFrame(products));
    }

    String subscribeFrame(final List<String> products) {
        message.reset(MessageType.SUBSCRIBE);
        for (int i = 0; i < products.size() && i < ProtocolMessage.MAX_PRODUCTS; i++) {
            message.addProduct(products.get(i), 0, 0);
        }
        return encoder.encode(message);
    }

    void newOrder(final WebSocket socket, final long clOrdId, final String product, final int side, final long price,
                  final long qty, final int tif) {
        socket.send(newOrderFrame(clOrdId, product, side, price, qty, tif));
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

    void cancel(final WebSocket socket, final long clOrdId, final String product) {
        socket.send(cancelFrame(clOrdId, product));
    }

    String cancelFrame(final long clOrdId, final String product) {
        message.reset(MessageType.CANCEL);
        message.clOrdId = clOrdId;
        message.product = product;
        return encoder.encode(message);
    }

    void heartbeat(final WebSocket socket, final long ts) {
        message.reset(MessageType.HEARTBEAT);
        message.ts = ts;
        socket.send(encoder.encode(message));
    }
}
