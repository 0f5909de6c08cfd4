package io.skytrade.core.order;

import io.skytrade.core.risk.RiskReason;

/**
 * The order state machine's transition table as pure functions: each returns the next
 * {@link OrderState}, or a negative {@link RiskReason} code ({@code -reason}) when the transition
 * is illegal, so the caller reports it instead of throwing.
 *
 * <pre>
 * NEW --send--> SENT --ack--> ACKED --fill--> PARTIALLY_FILLED --fill--> FILLED
 * SENT/ACKED/PARTIALLY_FILLED --cancel request--> CANCEL_SENT --cancelled--> CANCELLED
 * CANCEL_SENT --cancel reject--> back to SENT/ACKED/PARTIALLY_FILLED; fills may still arrive
 * SENT (or CANCEL_SENT before any ack or fill) --reject--> REJECTED
 * </pre>
 * A fill may precede its ack (venues race them); an ack may follow a cancel request. Illegal: a
 * second ack, a fill beyond the remaining quantity, any venue event for an order not yet sent.
 * Stateless and thread-safe. Hot-path cost: a few comparisons.
 */
public final class OrderStateMachine {
    private OrderStateMachine() {
    }

    /** NEW to SENT once the gateway was called. */
    public static int afterSend(final int state) {
        return state == OrderState.NEW ? OrderState.SENT : -RiskReason.ILLEGAL_TRANSITION;
    }

    /** A venue acknowledgement; {@code acked} says whether one was seen before. */
    public static int afterAck(final int state, final boolean acked) {
        if (!OrderState.isLive(state) || state == OrderState.NEW) {
            return -RiskReason.ILLEGAL_TRANSITION;
        }
        if (acked) {
            return -RiskReason.DUPLICATE_ACK;
        }
        return state == OrderState.SENT ? OrderState.ACKED : state;
    }

    /**
     * A fill of {@code fillQty} with {@code leaves} lots remaining before it. An over-fill returns
     * {@code -OVERFILL}: the caller books the fill and closes the order as FILLED.
     */
    public static int afterFill(final int state, final long leaves, final long fillQty) {
        if (!OrderState.isLive(state) || state == OrderState.NEW || fillQty <= 0) {
            return -RiskReason.ILLEGAL_TRANSITION;
        }
        if (fillQty > leaves) {
            return -RiskReason.OVERFILL;
        }
        if (fillQty == leaves) {
            return OrderState.FILLED;
        }
        return state == OrderState.CANCEL_SENT ? OrderState.CANCEL_SENT : OrderState.PARTIALLY_FILLED;
    }

    /** A venue reject of a new order: legal only before any ack or fill. */
    public static int afterReject(final int state, final boolean acked, final long filled) {
        if ((state == OrderState.SENT || state == OrderState.CANCEL_SENT) && !acked && filled == 0) {
            return OrderState.REJECTED;
        }
        return -RiskReason.ILLEGAL_TRANSITION;
    }

    /** The venue cancelled the order (our request, IOC remainder, or the venue's own decision). */
    public static int afterCancelled(final int state) {
        return OrderState.isLive(state) && state != OrderState.NEW ? OrderState.CANCELLED : -RiskReason.ILLEGAL_TRANSITION;
    }

    /** The venue refused our cancel: the order goes back to the state it had before the request. */
    public static int afterCancelReject(final int state, final boolean acked, final long filled) {
        if (state != OrderState.CANCEL_SENT) {
            return -RiskReason.ILLEGAL_TRANSITION;
        }
        return filled > 0 ? OrderState.PARTIALLY_FILLED : acked ? OrderState.ACKED : OrderState.SENT;
    }

    /** We ask the venue to cancel. */
    public static int afterCancelRequest(final int state) {
        if (state == OrderState.SENT || state == OrderState.ACKED || state == OrderState.PARTIALLY_FILLED) {
            return OrderState.CANCEL_SENT;
        }
        return state == OrderState.CANCEL_SENT ? -RiskReason.ALREADY_CANCELLING : -RiskReason.UNKNOWN_ORDER;
    }
}
