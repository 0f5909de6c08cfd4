package io.skytrade.core.order;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;
import io.skytrade.core.risk.RecordingDecisionListener;
import io.skytrade.core.risk.RecordingOrderGateway;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TestEvents;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderManagerStageTest {
    private static final long SECOND = 1_000_000_000L;

    private final RecordingOrderGateway gateway = new RecordingOrderGateway();
    private final RecordingDecisionListener journal = new RecordingDecisionListener(gateway);
    private final OrderManagerStage stage = new OrderManagerStage(new OrderManagerConfig(64, 5000, SECOND), gateway, journal);
    private final EngineEvent e = new EngineEvent();

    private int approve(final int kind, final int instrument, final int side, final long price, final long qty, final long id) {
        final int i = e.decisions.add(kind, instrument, side, price, qty, id, RiskReason.NONE);
        e.decisions.status[i] = Decisions.STATUS_APPROVED;
        return i;
    }

    private long sendOne(final long t) {
        TestEvents.timer(e, t);
        final int i = approve(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 0);
        stage.handle(e);
        return e.decisions.clientOrderId[i];
    }

    @Test
    void shouldAssignUniqueIncreasingIdsAndJournalBeforeSending() {
        TestEvents.timer(e, 1);
        approve(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 0);
        final int rejected = e.decisions.add(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 0, RiskReason.NONE);
        e.decisions.status[rejected] = Decisions.STATUS_REJECTED;
        approve(DecisionKind.ORDER_NEW, 3, Side.SELL, 90, 1, 0);
        stage.handle(e);
        assertEquals(5001, e.decisions.clientOrderId[0]);
        assertEquals(0, e.decisions.clientOrderId[1]);
        assertEquals(5002, e.decisions.clientOrderId[2]);
        assertEquals(List.of(0), journal.gatewayCallsAtRecord);
        assertTrue(journal.lines.get(0).contains("id=5001"), journal.lines.get(0));
        assertEquals(2, gateway.orders.size());
        assertEquals(5001, gateway.orders.get(0).clientOrderId());
        assertEquals(OrderState.SENT, stage.orders().state(5001));
        assertEquals(5003, sendOne(2));
    }

    @Test
    void shouldAlertWhenTheRiskMirrorExpectedAnotherId() {
        TestEvents.timer(e, 1);
        final int i = approve(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 5001);
        final int j = approve(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 7777);
        stage.handle(e);
        assertEquals(5001, e.decisions.clientOrderId[i]);
        assertEquals(5002, e.decisions.clientOrderId[j]);
        assertEquals(1, stage.idMismatches());
        final List<String> alerts = journal.of(DecisionKind.ALERT);
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).contains("q=7777 id=5002 r=ORDER_ID_MISMATCH"), alerts.get(0));
    }

    @Test
    void shouldSendNothingWhenTheJournalFailed() {
        final long open = sendOne(1);
        TestEvents.timer(e, 2);
        approve(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 0);
        approve(DecisionKind.ORDER_CANCEL, 2, Side.BUY, 0, 0, open);
        e.journalFailed = true;
        stage.handle(e);
        assertEquals(1, gateway.callCount());
        assertEquals(2, stage.blockedByJournal());
        assertEquals(2, journal.gatewayCallsAtRecord.size());
        assertEquals(1, stage.orders().openCount());
        assertEquals(OrderState.SENT, stage.orders().state(open));
    }

    @Test
    void shouldSendApprovedCancelsOnlyForOpenOrders() {
        final long open = sendOne(1);
        TestEvents.timer(e, 2);
        approve(DecisionKind.ORDER_CANCEL, 2, Side.NONE, 0, 0, open);
        approve(DecisionKind.ORDER_CANCEL, 2, Side.NONE, 0, 0, 999);
        stage.handle(e);
        assertEquals(List.of(open), gateway.cancels);
        assertEquals(OrderState.CANCEL_SENT, stage.orders().state(open));
        assertEquals(1, stage.cancelsSkipped());
    }

    @Test
    void shouldReportIllegalTransitionsAsCountedAlerts() {
        final long id = sendOne(1);
        stage.handle(TestEvents.fill(e, 2, 4242, 1, 100, 0));
        assertTrue(journal.lines.get(journal.lines.size() - 1).contains("ALERT st=1 i=-1 s=0 px=0 q=1 id=4242 r=UNKNOWN_ORDER_EVENT"),
            journal.lines.get(journal.lines.size() - 1));
        stage.handle(TestEvents.ack(e, 3, id));
        stage.handle(TestEvents.ack(e, 4, id));
        assertTrue(journal.lines.get(journal.lines.size() - 1).contains("r=DUPLICATE_ACK"));
        stage.handle(TestEvents.fill(e, 5, id, 9, 100, 0.5));
        assertTrue(journal.lines.get(journal.lines.size() - 1).contains("i=2 s=0 px=0 q=9 id=" + id + " r=OVERFILL"));
        assertEquals(3, stage.illegalTransitions());
        assertEquals(3, stage.alertCount());
        assertEquals(9, stage.positions().position(2));
        assertEquals(0.5, stage.positions().fees(2), 1e-12);
    }

    @Test
    void shouldAlertOnceForAnOrderUnacknowledgedPastTheTimeout() {
        final long late = sendOne(0);
        final long acked = sendOne(0);
        stage.handle(TestEvents.ack(e, 1, acked));
        stage.handle(TestEvents.timer(e, SECOND / 2));
        assertEquals(0, journal.of(DecisionKind.ALERT).size());
        stage.handle(TestEvents.timer(e, SECOND + 1));
        final List<String> alerts = journal.of(DecisionKind.ALERT);
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).contains("id=" + late + " r=ACK_TIMEOUT"), alerts.get(0));
        stage.handle(TestEvents.timer(e, 3 * SECOND));
        assertEquals(1, journal.of(DecisionKind.ALERT).size());
        assertEquals(1, stage.ackTimeouts());
    }
}
