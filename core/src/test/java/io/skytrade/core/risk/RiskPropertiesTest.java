package io.skytrade.core.risk;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.position.PositionTracker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class RiskPropertiesTest {

    @Test
    void shouldNeverLetAnAcceptedOrderTakePositionOrExposureBeyondItsLimit() {
        final double productLimit = ScriptedSession.LIMITS.maxPositionFraction() * StagePair.CAPITAL + 1e-6;
        final double grossLimit = ScriptedSession.LIMITS.maxGrossFraction() * StagePair.CAPITAL + 1e-6;
        qt().withExamples(200).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 250))
            .checkAssert(ops -> new ScriptedSession().play(ops, s -> {
                final OrderTable orders = s.stages.book.orders();
                final PositionTracker positions = s.stages.book.positions();
                double gross = 0;
                for (int i = 0; i < ScriptedSession.INSTRUMENTS; i++) {
                    final long pos = positions.position(i);
                    assertTrue(pos + orders.openBuyQty(i) <= ScriptedSession.LIMITS.maxPositionLots(),
                        "long side of " + i + ": " + pos + " + " + orders.openBuyQty(i));
                    assertTrue(pos - orders.openSellQty(i) >= -ScriptedSession.LIMITS.maxPositionLots(),
                        "short side of " + i + ": " + pos + " - " + orders.openSellQty(i));
                    final double exposure = s.exposure(i);
                    gross += exposure;
                    // Prices move exposure without any order; an approval may only add up to the limit.
                    if (s.approvedNew) {
                        assertTrue(exposure <= Math.max(productLimit, s.exposureBefore[i]), "exposure of " + i + ": " + exposure);
                    }
                }
                if (s.approvedNew) {
                    assertTrue(gross <= Math.max(grossLimit, s.grossBefore), "gross " + gross + " from " + s.grossBefore);
                }
                assertTrue(orders.openCount() <= ScriptedSession.LIMITS.maxOpenOrders() + ScriptedSession.INSTRUMENTS);
            }));
    }

    @Test
    void shouldWalkExactlyEachInstrumentsLiveOrdersWhateverOpensAndClosesThem() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 250))
            .checkAssert(ops -> new ScriptedSession().play(ops, s -> {
                final OrderTable orders = s.stages.book.orders();
                for (int i = 0; i < ScriptedSession.INSTRUMENTS; i++) {
                    final List<Integer> live = new ArrayList<>();
                    for (int k = 0; k < orders.liveCount(); k++) {
                        final int slot = orders.liveSlot(k);
                        assertEquals(k, orders.livePosition(slot));
                        if (orders.slotInstrument(slot) == i) {
                            live.add(slot);
                        }
                    }
                    final List<Integer> walked = new ArrayList<>();
                    for (int slot = orders.firstSlotOf(i); slot >= 0; slot = orders.nextSlotOf(slot)) {
                        assertTrue(walked.size() <= live.size(), "walk of " + i + " longer than its live orders " + live);
                        walked.add(slot);
                    }
                    walked.sort(null);
                    live.sort(null);
                    assertEquals(live, walked, "live slots of instrument " + i);
                    assertEquals(orders.openCount(i), walked.size());
                }
            }));
    }

    @Test
    void shouldKeepThePositionEqualToTheSumOfFillsAndOpenQuantitiesEqualToTheLiveOrders() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 250))
            .checkAssert(ops -> new ScriptedSession().play(ops, s -> {
                final OrderTable orders = s.stages.book.orders();
                final long[] buys = new long[ScriptedSession.INSTRUMENTS];
                final long[] sells = new long[ScriptedSession.INSTRUMENTS];
                for (int k = 0; k < orders.liveCount(); k++) {
                    final int slot = orders.liveSlot(k);
                    final long[] side = orders.slotSide(slot) == Side.BUY ? buys : sells;
                    side[orders.slotInstrument(slot)] += orders.slotLeaves(slot);
                }
                for (int i = 0; i < ScriptedSession.INSTRUMENTS; i++) {
                    assertEquals(s.filledSum[i], s.stages.book.positions().position(i));
                    assertEquals(buys[i], orders.openBuyQty(i), "open buys of " + i);
                    assertEquals(sells[i], orders.openSellQty(i), "open sells of " + i);
                }
                assertEquals(orders.openCount(), orders.liveCount());
                assertEquals(0, orders.illegalTransitions(), "illegal transitions");
                assertEquals(0, s.stages.risk.decisionOverflowCount(), "overflows");
            }));
    }

    @Test
    void shouldMakeTheSameDecisionsAndReachTheSameStateOnReplay() {
        qt().withExamples(60).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 250))
            .checkAssert(ops -> {
                final ScriptedSession first = new ScriptedSession().play(ops, s -> { });
                final ScriptedSession second = new ScriptedSession().play(ops, s -> { });
                assertEquals(first.stages.journal.lines, second.stages.journal.lines);
                assertEquals(first.stages.gateway.calls, second.stages.gateway.calls);
                assertEquals(first.stages.book.stateHash(), second.stages.book.stateHash());
                assertEquals(first.stages.risk.stateHash(), second.stages.risk.stateHash());
                assertEquals(first.stages.orders.ordersSent(), second.stages.orders.ordersSent());
            });
    }

    @Test
    void shouldExerciseApprovalsRejectionsAndSafeMode() {
        final List<Integer> ops = new ArrayList<>();
        long seed = 42;
        for (int k = 0; k < 3000; k++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            ops.add((int) (seed >>> 33));
        }
        final ScriptedSession s = new ScriptedSession().play(ops, x -> { });
        assertTrue(s.stages.risk.approvedCount() > 100, "approved " + s.stages.risk.approvedCount());
        assertTrue(s.stages.risk.rejectedCount() > 100, "rejected " + s.stages.risk.rejectedCount());
        assertTrue(s.stages.book.positions().fillCount() > 50, "fills " + s.stages.book.positions().fillCount());
        assertTrue(s.stages.journal.of(DecisionKind.MODE_CHANGE).size() > 2);
        long atPositionLimit = 0;
        long atGrossLimit = 0;
        for (final String line : s.stages.journal.lines) {
            atPositionLimit += line.contains("r=POSITION_LIMIT") ? 1 : 0;
            atGrossLimit += line.contains("r=GROSS_EXPOSURE") ? 1 : 0;
        }
        assertTrue(atPositionLimit > 0 && atGrossLimit > 0, "limits reached: " + atPositionLimit + " " + atGrossLimit);
    }
}
