package io.skytrade.core.baseline;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.pipeline.OrderGateway;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class BaselineStagesTest {
    private static void book(final EngineEvent e, final int id, final long bid) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = id;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = bid;
        e.askPrices[0] = bid + 2;
        e.bidQtys[0] = 5;
        e.askQtys[0] = 5;
    }

    @Test
    void shouldBuyAtAskWhenFastAverageCrossesAbove() throws Exception {
        final MovingAverageCrossStage s = new MovingAverageCrossStage(2, 8, 0.5, 1, 3);
        final EngineEvent e = new EngineEvent();
        book(e, 2, 100);
        s.onEvent(e, 0, true);
        book(e, 2, 110);
        s.onEvent(e, 1, true);
        assertEquals(1, e.decisions.count());
        assertEquals(DecisionKind.ORDER_NEW, e.decisions.kind[0]);
        assertEquals(Side.BUY, e.decisions.side[0]);
        assertEquals(112, e.decisions.priceTicks[0]);
        assertEquals(2, e.decisions.instrumentId[0]);
        assertEquals(1, s.intendedPosition(2));
    }

    @Test
    void shouldNeverIntendBeyondMaxPosition() {
        qt().withExamples(200).forAll(longs().between(0, Long.MAX_VALUE), integers().between(1, 5))
            .checkAssert((seed, max) -> {
                final MovingAverageCrossStage s = new MovingAverageCrossStage(3, 9, 0.0, 1, max);
                final SplittableRandom r = new SplittableRandom(seed);
                final EngineEvent e = new EngineEvent();
                long mid = 1000;
                for (int i = 0; i < 500; i++) {
                    mid += r.nextInt(-8, 9);
                    book(e, r.nextInt(3), mid);
                    s.onEvent(e, i, true);
                    for (int id = 0; id < 3; id++) {
                        assertTrue(Math.abs(s.intendedPosition(id)) <= max);
                    }
                }
            });
    }

    /** Records calls in order to show the journal is written before anything is sent. */
    static final class Recorder implements OrderGateway {
        final List<String> calls = new ArrayList<>();

        @Override
        public void sendNewOrder(final long id, final int instrument, final int side, final long px, final long qty, final int tif) {
            calls.add("send " + id + " " + instrument + " " + Side.name(side) + " " + px + " " + qty);
        }

        @Override
        public void sendCancel(final long id, final int instrument) {
            calls.add("cancel " + id);
        }
    }

    @Test
    void shouldJournalBeforeSendingAndNumberOrders() throws Exception {
        final Recorder r = new Recorder();
        final DirectOrderStage stage = new DirectOrderStage(e -> r.calls.add("journal " + e.decisions.count()), r);
        final EngineEvent e = new EngineEvent();
        e.decisions.add(DecisionKind.ORDER_NEW, 1, Side.BUY, 100, 2, 0, 0);
        e.decisions.add(DecisionKind.ORDER_NEW, 3, Side.SELL, 90, 1, 0, 0);
        stage.onEvent(e, 0, true);
        assertEquals(List.of("journal 2", "send 1 1 BUY 100 2", "send 2 3 SELL 90 1"), r.calls);
        assertEquals(Decisions.STATUS_APPROVED, e.decisions.status[1]);
        assertEquals(2, stage.sent());
    }

    @Test
    void shouldSendNothingCausedByAnUnjournaledInput() throws Exception {
        final Recorder r = new Recorder();
        final DirectOrderStage stage = new DirectOrderStage(e -> r.calls.add("journal"), r);
        final EngineEvent e = new EngineEvent();
        e.flags = EngineEvent.FLAG_JOURNAL_FAILED;
        e.decisions.add(DecisionKind.ORDER_NEW, 1, Side.BUY, 100, 2, 0, 0);
        stage.onEvent(e, 0, true);
        assertEquals(List.of(), r.calls);
        assertEquals(Decisions.STATUS_REJECTED, e.decisions.status[0]);
        assertEquals(DirectOrderStage.REASON_JOURNAL_FAILED, e.decisions.reason[0]);
    }

    @Test
    void shouldEnterSafeAtTheFailedSequenceAndRejectLaterIntents() throws Exception {
        final Recorder r = new Recorder();
        final DirectOrderStage stage = new DirectOrderStage(e -> { }, r);
        final EngineEvent e = new EngineEvent();
        e.flags = EngineEvent.FLAG_STAGE_FAILED;
        e.failedStage = 1;
        stage.onEvent(e, 5, true);
        assertEquals(1, e.decisions.count());
        assertEquals(DecisionKind.MODE_CHANGE, e.decisions.kind[0]);
        assertEquals(DirectOrderStage.MODE_SAFE, e.decisions.reason[0]);
        assertTrue(stage.isSafe());
        e.clear();
        e.decisions.add(DecisionKind.ORDER_NEW, 1, Side.BUY, 100, 2, 0, 0);
        stage.onEvent(e, 6, true);
        assertEquals(Decisions.STATUS_REJECTED, e.decisions.status[0]);
        assertEquals(List.of(), r.calls);
    }
}
