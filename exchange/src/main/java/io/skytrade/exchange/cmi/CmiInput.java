package io.skytrade.exchange.cmi;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InputTranslator;

/**
 * What the CMI gateway publishes into the inbound ring, gathered in one reusable holder, with the
 * {@code static final} translators that copy it into a ring slot: books from a {@link CmiBook},
 * order events (acks, fills, rejects, cancels, cancel rejects, whether from the venue's replies
 * and trade reports or decided by the gateway), position reports and settlements.
 *
 * <p>Not thread-safe: guarded by the gateway session's lock. Cost: field copies; no allocation.
 */
final class CmiInput {
    long receiveTimeNanos;
    long eventTimeNanos;
    int source;
    int instrumentId;
    CmiBook book;
    long bookSequence;

    int kind;
    long clOrdId;
    long venueOrderId;
    int side;
    long price;
    long qty;
    long fillQty;
    long fillPrice;
    long leaves;
    int reason;
    long position;
    double value;

    /** MARKET_BOOK from {@link #book}: everyone else's book, flagged {@link EngineEvent#SOURCE_OWN_EXCLUDED}. */
    static final InputTranslator<CmiInput> BOOK = (e, in) -> {
        header(e, in, EventType.MARKET_BOOK);
        e.source = in.source | EngineEvent.SOURCE_OWN_EXCLUDED;
        in.book.copyTo(e);
        e.bookSequence = in.bookSequence;
    };

    /** ORDER_EVENT. */
    static final InputTranslator<CmiInput> ORDER = (e, in) -> {
        header(e, in, EventType.ORDER_EVENT);
        e.orderEventKind = in.kind;
        e.clientOrderId = in.clOrdId;
        e.venueOrderId = in.venueOrderId;
        e.side = in.side;
        e.priceTicks = in.price;
        e.quantity = in.qty;
        e.fillQty = in.fillQty;
        e.fillPriceTicks = in.fillPrice;
        e.leavesQty = in.leaves;
        e.rejectReason = in.reason;
    };

    /** POSITION_REPORT. */
    static final InputTranslator<CmiInput> POSITION = (e, in) -> {
        header(e, in, EventType.POSITION_REPORT);
        e.position = in.position;
    };

    /** SETTLEMENT (value = settlement price; position before flattening). */
    static final InputTranslator<CmiInput> SETTLEMENT = (e, in) -> {
        header(e, in, EventType.SETTLEMENT);
        e.value = in.value;
        e.position = in.position;
    };

    /** Clears the order-event members before an order event is filled in. */
    void order(final int orderKind, final long id, final int instrument) {
        kind = orderKind;
        clOrdId = id;
        instrumentId = instrument;
        venueOrderId = 0;
        side = 0;
        price = 0;
        qty = 0;
        fillQty = 0;
        fillPrice = 0;
        leaves = 0;
        reason = 0;
    }

    private static void header(final EngineEvent e, final CmiInput in, final int type) {
        e.type = type;
        e.receiveTimeNanos = in.receiveTimeNanos;
        e.eventTimeNanos = in.eventTimeNanos;
        e.source = in.source;
        e.instrumentId = in.instrumentId;
    }
}
