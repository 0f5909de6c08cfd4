package io.skytrade.core.order;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.OrderGateway;

/**
 * Pipeline stage "orders", the outbound end: hands each event to the {@link DecisionListener}
 * (the decisions journal) and only then calls the {@link OrderGateway} for every APPROVED
 * ORDER_NEW and ORDER_CANCEL, whose client order ids the trading book assigned in the risk stage.
 * Nothing is sent for an event flagged {@link EngineEvent#journalFailed} (in the parallel layout
 * this stage is the one gated on the journal). It keeps no orders: the
 * {@link io.skytrade.core.book.TradingBook} does, so this stage may run on a thread of its own; its
 * only state is its counters, so it has no state hash (it journals the others' hashes itself).
 * Thread-safety: one thread, as a Disruptor handler; the counters are plain fields read by status
 * lines as approximate figures. Hot-path cost: constant work per decision; no allocation, logging
 * or clock.
 */
public final class OutboundStage implements EventHandler<EngineEvent> {
    private final OrderGateway gateway;
    private final DecisionListener listener;
    private final SideBuffers side;

    private long ordersSent;
    private long cancelsSent;
    private long blockedByJournal;

    /**
     * @param side the ring's side buffers, where the trading book's stages left the event's decisions
     */
    public OutboundStage(final OrderGateway gateway, final DecisionListener listener, final SideBuffers side) {
        this.gateway = gateway;
        this.listener = listener;
        this.side = side;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        handle(event);
    }

    /**
     * Processes one event (what {@link #onEvent} does; tests call it directly). The stage has no
     * state hash: the journal it calls reads the other stages' hashes from the event, and its own
     * could only be recorded after that call (a stale slot the journal would have taken).
     */
    public void handle(final EngineEvent event) {
        final Decisions decisions = side.decisions(event);
        final int count = decisions.count();
        final boolean journalFailed = event.journalFailed;
        for (int i = 0; i < count; i++) {
            if (decisions.status[i] != Decisions.STATUS_APPROVED || !isOrder(decisions.kind[i])) {
                continue;
            }
            if (journalFailed) {
                blockedByJournal++;
            } else if (decisions.kind[i] == DecisionKind.ORDER_NEW) {
                ordersSent++;
            } else {
                cancelsSent++;
            }
        }
        listener.onDecisions(event, side);
        if (!journalFailed) {
            send(decisions, count, event.sequence);
        }
    }

    private void send(final Decisions decisions, final int count, final long inputSequence) {
        boolean named = false;
        for (int i = 0; i < count; i++) {
            if (decisions.status[i] != Decisions.STATUS_APPROVED || !isOrder(decisions.kind[i])) {
                continue;
            }
            if (!named) {
                gateway.answering(inputSequence);
                named = true;
            }
            final long id = decisions.clientOrderId[i];
            if (decisions.kind[i] == DecisionKind.ORDER_NEW) {
                gateway.sendNewOrder(id, decisions.instrumentId[i], decisions.side[i], decisions.priceTicks[i],
                    decisions.quantity[i], decisions.timeInForce[i]);
            } else if (decisions.kind[i] == DecisionKind.ORDER_CANCEL) {
                gateway.sendCancel(id, decisions.instrumentId[i]);
            }
        }
    }

    private static boolean isOrder(final int kind) {
        return kind == DecisionKind.ORDER_NEW || kind == DecisionKind.ORDER_CANCEL;
    }

    public long ordersSent() {
        return ordersSent;
    }

    public long cancelsSent() {
        return cancelsSent;
    }

    /** Approved orders and cancels not sent because the journal failed on their event. */
    public long blockedByJournal() {
        return blockedByJournal;
    }
}
