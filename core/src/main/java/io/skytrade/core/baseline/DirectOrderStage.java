package io.skytrade.core.baseline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.OrderGateway;

/**
 * The backbone's outbound stage: gives each proposed order a client order id (a counter: unique in
 * the run and identical on replay), records every decision through the {@link DecisionListener}
 * (the decisions journal), and only then sends to the {@link OrderGateway}. It sends nothing
 * caused by an event whose journaling failed, and after any stage failure it enters SAFE at that
 * sequence (a journaled MODE_CHANGE decision) and rejects every later intent: the engine stops
 * trading visibly rather than losing a thread. The risk and order-manager stages replace it.
 *
 * <p>Runs on one thread. Hot-path cost: nothing for events without decisions; per decision one
 * journal append and one gateway call; no allocation.
 */
public final class DirectOrderStage implements EventHandler<EngineEvent> {
    /** Reason code on intents refused because the engine is SAFE. */
    public static final int REASON_SAFE_MODE = 1;
    /** Reason code on intents refused because their input could not be journaled. */
    public static final int REASON_JOURNAL_FAILED = 2;
    /** MODE_CHANGE reason: the new mode is SAFE. */
    public static final int MODE_SAFE = 2;
    /** MODE_CHANGE quantity: the previous mode was NORMAL. */
    public static final int MODE_NORMAL = 0;

    private final DecisionListener decisions;
    private final OrderGateway gateway;
    private long nextClientOrderId = 1;
    private boolean safe;
    private long sent;

    public DirectOrderStage(final DecisionListener decisions, final OrderGateway gateway) {
        this.decisions = decisions;
        this.gateway = gateway;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        final Decisions d = event.decisions;
        final boolean journalFailed = (event.flags & EngineEvent.FLAG_JOURNAL_FAILED) != 0;
        if (!safe && (event.flags & EngineEvent.FLAG_STAGE_FAILED) != 0) {
            safe = true;
            d.add(DecisionKind.MODE_CHANGE, event.failedStage, 0, 0, MODE_NORMAL, 0, MODE_SAFE);
        }
        final int n = d.count();
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (d.kind[i] != DecisionKind.ORDER_NEW || d.status[i] != Decisions.STATUS_PROPOSED) {
                continue;
            }
            if (safe || journalFailed) {
                d.status[i] = Decisions.STATUS_REJECTED;
                d.reason[i] = safe ? REASON_SAFE_MODE : REASON_JOURNAL_FAILED;
            } else {
                d.status[i] = Decisions.STATUS_APPROVED;
                d.clientOrderId[i] = nextClientOrderId++;
            }
        }
        if (!journalFailed) {
            decisions.onDecisions(event);
        }
        for (int i = 0; i < n; i++) {
            if (d.kind[i] == DecisionKind.ORDER_NEW && d.status[i] == Decisions.STATUS_APPROVED) {
                gateway.sendNewOrder(d.clientOrderId[i], d.instrumentId[i], d.side[i], d.priceTicks[i], d.quantity[i],
                    d.timeInForce[i]);
                sent++;
            }
        }
    }

    /** Orders sent so far. */
    public long sent() {
        return sent;
    }

    public boolean isSafe() {
        return safe;
    }
}
