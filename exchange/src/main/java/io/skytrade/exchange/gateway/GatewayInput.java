package io.skytrade.exchange.gateway;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.exchange.protocol.MessageType;
import io.skytrade.exchange.protocol.ProtocolMessage;

/**
 * What the gateway publishes into the inbound ring, gathered in one reusable holder, with the
 * {@code static final} translators that copy it into a ring slot. The receive time is taken when
 * the frame arrives (before decoding), so latency measured from it includes the decode.
 *
 * <p>Not thread-safe: one holder per publishing thread (the socket read thread, and the timer
 * thread for gateway-local events). Hot-path cost: field copies; no allocation.
 */
final class GatewayInput {
    long receiveTimeNanos;
    int source;
    int instrumentId;
    ProtocolMessage message;
    BookView book;

    int localKind;
    long localClOrdId;
    int localSide;
    long localPrice;
    long localQty;
    int localReason;

    /** Fills the holder for a gateway-local order event (published with {@link #LOCAL_ORDER}). */
    GatewayInput local(final long receiveTime, final int kind, final long clOrdId, final int instrument, final int side,
                       final long price, final long qty, final int reason) {
        receiveTimeNanos = receiveTime;
        instrumentId = instrument;
        localKind = kind;
        localClOrdId = clOrdId;
        localSide = side;
        localPrice = price;
        localQty = qty;
        localReason = reason;
        return this;
    }

    /** MARKET_BOOK from a book view. */
    static final InputTranslator<GatewayInput> BOOK = (e, in) -> {
        header(e, in, EventType.MARKET_BOOK);
        in.book.copyTo(e);
    };

    /** MARKET_TRADE from a {@code trade} message. */
    static final InputTranslator<GatewayInput> TRADE = (e, in) -> {
        header(e, in, EventType.MARKET_TRADE);
        e.tradePriceTicks = in.message.price;
        e.tradeQty = in.message.qty;
        e.aggressorSide = in.message.side;
    };

    /** ORDER_EVENT from an execution report ({@code ack, reject, fill, cancelled, cancel_reject}). */
    static final InputTranslator<GatewayInput> ORDER = (e, in) -> {
        final ProtocolMessage m = in.message;
        header(e, in, EventType.ORDER_EVENT);
        e.orderEventKind = orderEventKind(m.type);
        e.clientOrderId = m.clOrdId;
        e.venueOrderId = m.orderId;
        e.rejectReason = m.reason;
        switch (m.type) {
            case MessageType.ACK -> {
                e.side = m.side;
                e.priceTicks = m.price;
                e.quantity = m.qty;
                e.leavesQty = m.qty;
            }
            case MessageType.FILL -> {
                e.side = m.side;
                e.priceTicks = m.price;
                e.fillQty = m.qty;
                e.fillPriceTicks = m.price;
                e.leavesQty = m.leaves;
                e.fee = m.fee;
            }
            case MessageType.CANCELLED -> e.quantity = m.qty;
            default -> {
            }
        }
    };

    /** POSITION_REPORT from a {@code position} message. */
    static final InputTranslator<GatewayInput> POSITION = (e, in) -> {
        header(e, in, EventType.POSITION_REPORT);
        e.position = in.message.position;
    };

    /** SETTLEMENT from a {@code settlement} message (value = price; position before flattening). */
    static final InputTranslator<GatewayInput> SETTLEMENT = (e, in) -> {
        header(e, in, EventType.SETTLEMENT);
        e.value = in.message.settlementPrice;
        e.position = in.message.position;
    };

    /** ORDER_EVENT the gateway itself decided (not connected, duplicate id, reconciliation). */
    static final InputTranslator<GatewayInput> LOCAL_ORDER = (e, in) -> {
        e.type = EventType.ORDER_EVENT;
        e.receiveTimeNanos = in.receiveTimeNanos;
        e.eventTimeNanos = in.receiveTimeNanos;
        e.source = in.source;
        e.instrumentId = in.instrumentId;
        e.orderEventKind = in.localKind;
        e.clientOrderId = in.localClOrdId;
        e.side = in.localSide;
        e.priceTicks = in.localPrice;
        e.quantity = in.localQty;
        e.rejectReason = in.localReason;
    };

    private static void header(final EngineEvent e, final GatewayInput in, final int type) {
        e.type = type;
        e.receiveTimeNanos = in.receiveTimeNanos;
        e.eventTimeNanos = in.message.ts;
        e.source = in.source;
        e.instrumentId = in.instrumentId;
    }

    private static int orderEventKind(final int messageType) {
        return switch (messageType) {
            case MessageType.ACK -> OrderEventKind.ACK;
            case MessageType.REJECT -> OrderEventKind.REJECT;
            case MessageType.FILL -> OrderEventKind.FILL;
            case MessageType.CANCELLED -> OrderEventKind.CANCELLED;
            case MessageType.CANCEL_REJECT -> OrderEventKind.CANCEL_REJECT;
            default -> OrderEventKind.NONE;
        };
    }
}
