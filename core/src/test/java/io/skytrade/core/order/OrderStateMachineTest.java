package io.skytrade.core.order;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TestEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class OrderStateMachineTest {
    private final OrderTable table = new OrderTable(new OrderManagerConfig(16, 1000, 1_000));
    private final PositionTracker positions = new PositionTracker();
    private final EngineEvent e = new EngineEvent();

    private long sentOrder(final long qty) {
        final long id = table.open(3, Side.BUY, 100, qty, TimeInForce.GTC, 0);
        assertEquals(RiskReason.NONE, table.markSent(id));
        return id;
    }

    @Test
    void shouldWalkTheHappyPath() {
        final long id = sentOrder(10);
        assertEquals(1001, id);
        assertEquals(OrderState.SENT, table.state(id));
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.ack(e, 1, id), positions));
        assertEquals(OrderState.ACKED, table.state(id));
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.fill(e, 2, id, 4, 100, 0), positions));
        assertEquals(OrderState.PARTIALLY_FILLED, table.state(id));
        assertEquals(6, table.openBuyQty(3));
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.fill(e, 3, id, 6, 101, 0), positions));
        assertEquals(OrderState.FREE, table.state(id));
        assertEquals(1, table.filledOrders());
        assertEquals(0, table.openBuyQty(3));
        assertEquals(10, positions.position(3));
        assertEquals(0, table.illegalTransitions());
    }

    @Test
    void shouldReportDuplicateAck() {
        final long id = sentOrder(5);
        table.onOrderEvent(TestEvents.ack(e, 1, id), positions);
        assertEquals(RiskReason.DUPLICATE_ACK, table.onOrderEvent(TestEvents.ack(e, 2, id), positions));
        assertEquals(OrderState.ACKED, table.state(id));
        assertEquals(1, table.illegalTransitions());
    }

    @Test
    void shouldReportFillForUnknownOrderWithoutBookingIt() {
        assertEquals(RiskReason.UNKNOWN_ORDER_EVENT, table.onOrderEvent(TestEvents.fill(e, 1, 4242, 3, 100, 0), positions));
        assertEquals(0, positions.position(3));
        assertEquals(1, table.illegalTransitions());
    }

    @Test
    void shouldReportOverfillBookItAndCloseTheOrder() {
        final long id = sentOrder(5);
        assertEquals(RiskReason.OVERFILL, table.onOrderEvent(TestEvents.fill(e, 1, id, 7, 100, 0), positions));
        assertEquals(7, positions.position(3));
        assertEquals(OrderState.FREE, table.state(id));
        assertEquals(0, table.openCount());
        assertEquals(0, table.openBuyQty(3));
    }

    @Test
    void shouldGoBackToAckedOnCancelReject() {
        final long id = sentOrder(5);
        table.onOrderEvent(TestEvents.ack(e, 1, id), positions);
        assertEquals(RiskReason.NONE, table.requestCancel(id));
        assertEquals(OrderState.CANCEL_SENT, table.state(id));
        assertEquals(RiskReason.ALREADY_CANCELLING, table.requestCancel(id));
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.orderEvent(e, 2, OrderEventKind.CANCEL_REJECT, id), positions));
        assertEquals(OrderState.ACKED, table.state(id));
    }

    @Test
    void shouldAcceptFillBeforeAckAndAckAfterCancelRequest() {
        final long id = sentOrder(5);
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.fill(e, 1, id, 2, 100, 0), positions));
        assertEquals(OrderState.PARTIALLY_FILLED, table.state(id));
        table.requestCancel(id);
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.ack(e, 2, id), positions));
        assertEquals(OrderState.CANCEL_SENT, table.state(id));
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.cancelled(e, 3, id), positions));
        assertEquals(1, table.cancelledOrders());
    }

    @Test
    void shouldRejectRejectAfterAck() {
        final long id = sentOrder(5);
        table.onOrderEvent(TestEvents.ack(e, 1, id), positions);
        assertEquals(RiskReason.ILLEGAL_TRANSITION, table.onOrderEvent(TestEvents.orderEvent(e, 2, OrderEventKind.REJECT, id), positions));
    }

    @Test
    void shouldRefuseToOpenWhenFull() {
        for (int i = 0; i < 16; i++) {
            sentOrder(1);
        }
        assertEquals(0, table.open(3, Side.BUY, 100, 1, TimeInForce.GTC, 0));
        assertEquals(1016, table.lastClientOrderId());
    }

    /** Independent model of what is legal, to compare the table's reports against. */
    private static final class ModelOrder {
        long qty;
        long filled;
        boolean acked;
        boolean cancelSent;
        int terminal;
    }

    private static void close(final Map<Long, ModelOrder> live, final Map<Long, ModelOrder> closed, final long id,
                              final int terminal) {
        final ModelOrder o = live.remove(id);
        o.terminal = terminal;
        closed.put(id, o);
    }

    @Test
    void shouldTreatLateAcksAndCancelRejectsOfClosedOrdersAsLegal() {
        final long id = sentOrder(5);
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.fill(e, 1, id, 5, 100, 0), positions));
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.ack(e, 2, id), positions));
        assertEquals(RiskReason.NONE, table.onOrderEvent(TestEvents.orderEvent(e, 3, OrderEventKind.CANCEL_REJECT, id), positions));
        assertEquals(RiskReason.DUPLICATE_ACK, table.onOrderEvent(TestEvents.ack(e, 4, id), positions));
        assertEquals(RiskReason.OVERFILL, table.onOrderEvent(TestEvents.fill(e, 5, id, 2, 100, 0), positions));
        assertEquals(7, positions.position(3));
        assertEquals(OrderState.FILLED, table.closedState(id));
        assertEquals(2, table.illegalTransitions());
    }

    @Test
    void shouldNeverReachAnIllegalStateWithoutReportingIt() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 120))
            .checkAssert(ops -> {
                final OrderTable t = new OrderTable(new OrderManagerConfig(64, 0, 1_000));
                final PositionTracker p = new PositionTracker();
                final EngineEvent ev = new EngineEvent();
                final Map<Long, ModelOrder> live = new HashMap<>();
                final Map<Long, ModelOrder> closed = new HashMap<>();
                final List<Long> ids = new ArrayList<>();
                long expectedIllegal = 0;
                long filledLots = 0;
                for (final int x : ops) {
                    final int op = x % 7;
                    final int pick = (x >>> 3) & 0xFF;
                    final long q = ((x >>> 11) & 7) + 1;
                    final long id = ids.isEmpty() || pick % 9 == 0 ? 777_777L : ids.get(pick % ids.size());
                    final ModelOrder m = live.get(id);
                    int reported = RiskReason.NONE;
                    boolean illegal = false;
                    final ModelOrder c = closed.get(id);
                    switch (op) {
                        case 0 -> {
                            final long nid = t.open(1, Side.SELL, 50, q + 2, TimeInForce.GTC, 0);
                            if (nid != 0) {
                                t.markSent(nid);
                                final ModelOrder n = new ModelOrder();
                                n.qty = q + 2;
                                live.put(nid, n);
                                ids.add(nid);
                            }
                        }
                        case 1 -> {
                            reported = t.onOrderEvent(TestEvents.ack(ev, 1, id), p);
                            if (m != null) {
                                illegal = m.acked;
                                m.acked = true;
                            } else if (c != null) {
                                illegal = c.acked || c.terminal == OrderState.REJECTED;
                                c.acked = true;
                            } else {
                                illegal = true;
                            }
                        }
                        case 2 -> {
                            reported = t.onOrderEvent(TestEvents.fill(ev, 1, id, q, 50, 0), p);
                            if (m != null) {
                                illegal = q > m.qty - m.filled;
                                filledLots += q;
                                m.filled += q;
                                if (m.filled >= m.qty) {
                                    close(live, closed, id, OrderState.FILLED);
                                }
                            } else {
                                illegal = true;
                                filledLots += c != null ? q : 0;
                            }
                        }
                        case 3 -> {
                            reported = t.onOrderEvent(TestEvents.orderEvent(ev, 1, OrderEventKind.REJECT, id), p);
                            illegal = m == null || m.acked || m.filled > 0;
                            if (!illegal) {
                                close(live, closed, id, OrderState.REJECTED);
                            }
                        }
                        case 4 -> {
                            reported = t.onOrderEvent(TestEvents.cancelled(ev, 1, id), p);
                            illegal = m == null;
                            if (m != null) {
                                close(live, closed, id, OrderState.CANCELLED);
                            }
                        }
                        case 5 -> {
                            reported = t.onOrderEvent(TestEvents.orderEvent(ev, 1, OrderEventKind.CANCEL_REJECT, id), p);
                            illegal = m == null ? c == null : !m.cancelSent;
                            if (m != null && !illegal) {
                                m.cancelSent = false;
                            }
                        }
                        default -> {
                            final int r = t.requestCancel(id);
                            assertEquals(m != null && !m.cancelSent, r == RiskReason.NONE);
                            if (m != null) {
                                m.cancelSent = true;
                            }
                        }
                    }
                    assertEquals(illegal, reported != RiskReason.NONE, "op " + op + " on " + id + " reported " + RiskReason.name(reported));
                    if (illegal) {
                        expectedIllegal++;
                    }
                    assertEquals(expectedIllegal, t.illegalTransitions());
                    assertEquals(live.size(), t.openCount());
                    long openSell = 0;
                    for (final Map.Entry<Long, ModelOrder> entry : live.entrySet()) {
                        final ModelOrder o = entry.getValue();
                        final int st = t.state(entry.getKey());
                        assertTrue(st == OrderState.SENT || st == OrderState.ACKED || st == OrderState.PARTIALLY_FILLED
                            || st == OrderState.CANCEL_SENT, OrderState.name(st));
                        assertEquals(o.cancelSent, st == OrderState.CANCEL_SENT);
                        assertEquals(o.filled > 0 && !o.cancelSent, st == OrderState.PARTIALLY_FILLED);
                        assertEquals(o.qty - o.filled, t.leaves(entry.getKey()));
                        openSell += o.qty - o.filled;
                    }
                    assertEquals(openSell, t.openSellQty(1));
                    assertEquals(-filledLots, p.position(1));
                }
            });
    }
}
