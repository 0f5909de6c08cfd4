package io.skytrade.core.order;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.core.risk.RiskReason;

/**
 * Pipeline stage 7, the order manager: applies venue order events to its {@link OrderTable}
 * (illegal transitions become counted ALERT decisions, never exceptions), books fills into its
 * {@link PositionTracker} (flattened at the venue's SETTLEMENT), raises an ALERT for orders unacknowledged past the timeout on TIMER
 * events, assigns client order ids ({@code clientOrderIdBase + n}: unique, identical on replay, no
 * clock or randomness) to APPROVED new orders, hands the event to the {@link DecisionListener}
 * (the decisions journal), and only then calls the {@link OrderGateway} for each APPROVED
 * ORDER_NEW and ORDER_CANCEL; nothing is sent, and no order created, for an event flagged
 * {@link EngineEvent#journalFailed}. Build it from the same {@link OrderManagerConfig} as the
 * risk stage, whose mirror expects the same ids (a difference raises ORDER_ID_MISMATCH; the id
 * assigned here is used). ALERT decisions carry the {@link RiskReason} in {@code reason}, the
 * client order id and the instrument (-1 when unknown). Thread-safety: one thread, as a Disruptor
 * handler; getters are for that thread or tests. Hot-path cost: one hash look-up per order event,
 * constant work per decision, a pass over the table on TIMER events; no allocation, logging or clock.
 */
public final class OrderManagerStage implements EventHandler<EngineEvent> {
    private final OrderManagerConfig config;
    private final OrderTable orders;
    private final PositionTracker positions = new PositionTracker();
    private final OrderGateway gateway;
    private final DecisionListener listener;

    private long ordersSent;
    private long cancelsSent;
    private long blockedByJournal;
    private long alerts;
    private long ackTimeouts;
    private long decisionOverflows;
    private long idMismatches;
    private long cancelsSkipped;

    public OrderManagerStage(final OrderManagerConfig config, final OrderGateway gateway, final DecisionListener listener) {
        this.config = config;
        this.orders = new OrderTable(config);
        this.gateway = gateway;
        this.listener = listener;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        handle(event);
    }

    /** Processes one event (what {@link #onEvent} does; tests call it directly). */
    public void handle(final EngineEvent event) {
        final Decisions decisions = event.decisions;
        if ((event.flags & EngineEvent.FLAG_INPUT_REJECTED) == 0) {
            onInput(event, decisions);
        }
        final boolean journalFailed = event.journalFailed;
        final int count = decisions.count();
        if (journalFailed) {
            for (int i = 0; i < count; i++) {
                if (decisions.status[i] == Decisions.STATUS_APPROVED && isOrder(decisions.kind[i])) {
                    blockedByJournal++;
                }
            }
        } else {
            assignIds(decisions, count, event.eventTimeNanos);
        }
        listener.onDecisions(event);
        if (!journalFailed) {
            send(decisions, count);
        }
    }

    private void onInput(final EngineEvent event, final Decisions decisions) {
        switch (event.type) {
            case EventType.ORDER_EVENT -> {
                final int reason = orders.onOrderEvent(event, positions);
                if (reason != RiskReason.NONE) {
                    final int instrument = orders.lastEventInstrument();
                    alert(decisions, reason, instrument >= 0 ? instrument : -1, event.clientOrderId,
                        event.orderEventKind == OrderEventKind.FILL ? event.fillQty : 0);
                }
            }
            case EventType.MARKET_BOOK -> {
                if (event.hasTwoSidedBook() && PositionTracker.isValidInstrument(event.instrumentId)) {
                    positions.onMark(event.instrumentId, (event.bestBid() + event.bestAsk()) * 0.5);
                }
            }
            case EventType.SETTLEMENT -> positions.onSettlement(event.instrumentId, event.value);
            case EventType.TIMER -> {
                for (int s = orders.nextAckTimeout(event.eventTimeNanos, config.ackTimeoutNanos(), 0); s >= 0;
                     s = orders.nextAckTimeout(event.eventTimeNanos, config.ackTimeoutNanos(), s + 1)) {
                    ackTimeouts++;
                    alert(decisions, RiskReason.ACK_TIMEOUT, orders.slotInstrument(s), orders.slotClientOrderId(s), 0);
                }
            }
            default -> {
            }
        }
    }

    private void assignIds(final Decisions decisions, final int count, final long now) {
        for (int i = 0; i < count; i++) {
            if (decisions.status[i] != Decisions.STATUS_APPROVED || decisions.kind[i] != DecisionKind.ORDER_NEW) {
                continue;
            }
            final long expected = decisions.clientOrderId[i];
            final long id = orders.open(decisions.instrumentId[i], decisions.side[i], decisions.priceTicks[i],
                decisions.quantity[i], decisions.timeInForce[i], now);
            if (id == 0) {
                decisions.status[i] = Decisions.STATUS_REJECTED;
                decisions.reason[i] = RiskReason.ORDER_TABLE_FULL;
                decisions.clientOrderId[i] = 0;
            } else {
                decisions.clientOrderId[i] = id;
                if (expected != 0 && expected != id) {
                    idMismatches++;
                    alert(decisions, RiskReason.ORDER_ID_MISMATCH, decisions.instrumentId[i], id, expected);
                }
            }
        }
    }

    private void send(final Decisions decisions, final int count) {
        for (int i = 0; i < count; i++) {
            if (decisions.status[i] != Decisions.STATUS_APPROVED) {
                continue;
            }
            final long id = decisions.clientOrderId[i];
            if (decisions.kind[i] == DecisionKind.ORDER_NEW) {
                gateway.sendNewOrder(id, decisions.instrumentId[i], decisions.side[i], decisions.priceTicks[i],
                    decisions.quantity[i], decisions.timeInForce[i]);
                orders.markSent(id);
                ordersSent++;
            } else if (decisions.kind[i] == DecisionKind.ORDER_CANCEL) {
                if (orders.requestCancel(id) == RiskReason.NONE) {
                    gateway.sendCancel(id, decisions.instrumentId[i]);
                    cancelsSent++;
                } else {
                    cancelsSkipped++;
                }
            }
        }
    }

    private static boolean isOrder(final int kind) {
        return kind == DecisionKind.ORDER_NEW || kind == DecisionKind.ORDER_CANCEL;
    }

    private void alert(final Decisions decisions, final int reason, final int instrument, final long clientOrderId,
                       final long qty) {
        alerts++;
        final int i = decisions.add(DecisionKind.ALERT, instrument, Side.NONE, 0, qty, clientOrderId, reason);
        if (i < 0) {
            decisionOverflows++;
        } else {
            decisions.status[i] = Decisions.STATUS_APPROVED;
        }
    }

    public OrderTable orders() {
        return orders;
    }

    public PositionTracker positions() {
        return positions;
    }

    public long ordersSent() {
        return ordersSent;
    }

    public long cancelsSent() {
        return cancelsSent;
    }

    /** Approved cancels not sent because the order was no longer open or already cancelling. */
    public long cancelsSkipped() {
        return cancelsSkipped;
    }

    /** Approved orders and cancels not sent because the journal failed on their event. */
    public long blockedByJournal() {
        return blockedByJournal;
    }

    /** ALERT decisions raised (illegal transitions and ack timeouts). */
    public long alertCount() {
        return alerts;
    }

    /** Illegal order-state transitions seen (each also raised an ALERT). */
    public long illegalTransitions() {
        return orders.illegalTransitions();
    }

    /** Orders whose id differed from the one the risk stage's mirror expected (each also raised an ALERT). */
    public long idMismatches() {
        return idMismatches;
    }

    public long ackTimeouts() {
        return ackTimeouts;
    }

    /** Alerts lost to a full decision buffer (still counted in {@link #alertCount()}). */
    public long decisionOverflowCount() {
        return decisionOverflows;
    }

    /** Hash of the order table, positions and counters, for determinism and replay checks. */
    public long stateHash() {
        long h = PositionTracker.mix(orders.stateHash(), positions.stateHash());
        h = PositionTracker.mix(h, ordersSent);
        h = PositionTracker.mix(h, cancelsSent);
        h = PositionTracker.mix(h, blockedByJournal);
        return PositionTracker.mix(h, alerts);
    }
}
