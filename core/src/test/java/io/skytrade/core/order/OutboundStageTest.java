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

class OutboundStageTest {
    private final RecordingOrderGateway gateway = new RecordingOrderGateway();
    private final RecordingDecisionListener journal = new RecordingDecisionListener(gateway);
    private final OutboundStage stage = new OutboundStage(gateway, journal, TestEvents.SIDE);
    private final EngineEvent e = new EngineEvent();

    private int approve(final int kind, final int instrument, final int side, final long price, final long qty, final long id) {
        final int i = TestEvents.SIDE.decisionsToWrite(e).add(kind, instrument, side, price, qty, id, RiskReason.NONE);
        TestEvents.SIDE.decisionsToWrite(e).status[i] = Decisions.STATUS_APPROVED;
        return i;
    }

    @Test
    void shouldJournalBeforeSendingOnlyTheApprovedOrdersWithTheirIds() {
        TestEvents.timer(e, 1);
        approve(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 5001);
        final int rejected = TestEvents.SIDE.decisionsToWrite(e).add(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 0, RiskReason.NONE);
        TestEvents.SIDE.decisionsToWrite(e).status[rejected] = Decisions.STATUS_REJECTED;
        approve(DecisionKind.ORDER_NEW, 3, Side.SELL, 90, 1, 5002);
        approve(DecisionKind.ORDER_CANCEL, 3, Side.SELL, 0, 0, 4999);
        stage.handle(e);
        assertEquals(List.of(0), journal.gatewayCallsAtRecord);
        assertTrue(journal.lines.get(0).contains("id=5001"), journal.lines.get(0));
        assertEquals(List.of("new 5001 2 1 100 4 0", "new 5002 3 2 90 1 0", "cancel 4999 3"), gateway.calls);
        assertEquals(2, stage.ordersSent());
        assertEquals(1, stage.cancelsSent());
    }

    @Test
    void shouldSendNothingWhenTheJournalFailed() {
        TestEvents.timer(e, 2);
        approve(DecisionKind.ORDER_NEW, 2, Side.BUY, 100, 4, 7);
        approve(DecisionKind.ORDER_CANCEL, 2, Side.BUY, 0, 0, 6);
        e.journalFailed = true;
        stage.handle(e);
        assertEquals(0, gateway.callCount());
        assertEquals(2, stage.blockedByJournal());
        assertEquals(1, journal.gatewayCallsAtRecord.size(), "the decisions are still journaled");
    }
}
