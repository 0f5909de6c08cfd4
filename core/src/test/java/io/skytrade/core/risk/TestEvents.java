package io.skytrade.core.risk;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;

/** Writes inputs (and strategy intents) into a reusable {@link EngineEvent} for stage tests. */
public final class TestEvents {
    /**
     * Side buffers shared by the tests' stages. One entry, whatever the events' sequences (the
     * harnesses stamp theirs after a test wrote an event's valuation): the tests handle one event
     * at a time, through every stage, as an inline pipeline does.
     */
    public static final SideBuffers SIDE = new SideBuffers(1);

    /** The decisions the stages wrote for {@code e} (empty when none). */
    public static Decisions decisions(final EngineEvent e) {
        return SIDE.decisions(e);
    }

    private TestEvents() {
    }

    public static EngineEvent book(final EngineEvent e, final long t, final int instrument, final long bid, final long ask) {
        start(e, EventType.MARKET_BOOK, t, instrument);
        if (bid > 0) {
            e.bidLevels = 1;
            e.bidPrices[0] = bid;
            e.bidQtys[0] = 10;
        }
        if (ask > 0) {
            e.askLevels = 1;
            e.askPrices[0] = ask;
            e.askQtys[0] = 10;
        }
        return e;
    }

    /** Adds a fair value output, as the valuation stage would. */
    public static EngineEvent fair(final EngineEvent e, final int instrument, final double value) {
        return fair(e, instrument, value, 0.0);
    }

    /** Adds a fair value output with its standard deviation, as the valuation stage would. */
    public static EngineEvent fair(final EngineEvent e, final int instrument, final double value, final double std) {
        SIDE.setValuation(e, instrument, value, std, value, std, Double.NaN, Double.NaN, 1.0);
        return e;
    }

    /** Adds a PROPOSED new-order intent, as the strategy stage would. */
    public static int propose(final EngineEvent e, final int instrument, final int side, final long price, final long qty) {
        return SIDE.decisionsToWrite(e).add(DecisionKind.ORDER_NEW, instrument, side, price, qty, 0, RiskReason.NONE);
    }

    /** Adds a PROPOSED cancel intent. */
    public static int proposeCancel(final EngineEvent e, final int instrument, final long clientOrderId) {
        return SIDE.decisionsToWrite(e).add(DecisionKind.ORDER_CANCEL, instrument, 0, 0, 0, clientOrderId, RiskReason.NONE);
    }

    public static EngineEvent timer(final EngineEvent e, final long t) {
        return start(e, EventType.TIMER, t, 0);
    }

    public static EngineEvent control(final EngineEvent e, final long t, final int code) {
        start(e, EventType.CONTROL, t, 0);
        e.controlCode = code;
        return e;
    }

    public static EngineEvent resume(final EngineEvent e, final long t) {
        return control(e, t, ControlCode.RESUME);
    }

    public static EngineEvent positionReport(final EngineEvent e, final long t, final int instrument, final long position) {
        start(e, EventType.POSITION_REPORT, t, instrument);
        e.position = position;
        return e;
    }

    public static EngineEvent orderEvent(final EngineEvent e, final long t, final int kind, final long clientOrderId) {
        start(e, EventType.ORDER_EVENT, t, 0);
        e.orderEventKind = kind;
        e.clientOrderId = clientOrderId;
        return e;
    }

    public static EngineEvent ack(final EngineEvent e, final long t, final long clientOrderId) {
        return orderEvent(e, t, OrderEventKind.ACK, clientOrderId);
    }

    public static EngineEvent cancelled(final EngineEvent e, final long t, final long clientOrderId) {
        return orderEvent(e, t, OrderEventKind.CANCELLED, clientOrderId);
    }

    public static EngineEvent fill(final EngineEvent e, final long t, final long clientOrderId, final long qty,
                                   final long price, final double fee) {
        orderEvent(e, t, OrderEventKind.FILL, clientOrderId);
        e.fillQty = qty;
        e.fillPriceTicks = price;
        e.fee = fee;
        return e;
    }

    private static EngineEvent start(final EngineEvent e, final int type, final long t, final int instrument) {
        final long next = e.sequence + 1;
        e.clear();
        e.sequence = next;
        e.type = type;
        e.eventTimeNanos = t;
        e.receiveTimeNanos = t;
        e.instrumentId = instrument;
        return e;
    }
}
