package io.skytrade.exchange.fill;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.skytrade.exchange.testing.RecordingPublisher.fill;
import static io.skytrade.exchange.testing.RecordingPublisher.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestFillModelTest {
    private static final long T0 = 1_772_193_600_000_000_000L;
    private static final long MS = 1_000_000L;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0);
    private final RecordingPublisher publisher = new RecordingPublisher();

    private BacktestFillModel model(final FillModelConfig.Builder config) {
        return new BacktestFillModel(config.instrumentCount(2).build(), clock, publisher);
    }

    @Test
    void shouldDelayOrdersByTheLatencyAndChargeFees() {
        final BacktestFillModel model = model(FillModelConfig.builder().latencyNanos(MS).feePerLot(0.5));
        model.onMarketEvent(book(0, T0, new long[] {99, 5}, new long[] {101, 5}));
        model.sendNewOrder(1, 0, Side.BUY, 101, 2, TimeInForce.GTC);
        model.advanceTo(T0 + MS / 2);
        assertTrue(publisher.matching(order(OrderEventKind.ACK, 1)).isEmpty(), "not at the venue before the latency");
        model.advanceTo(T0 + MS);
        final List<EngineEvent> fills = publisher.matching(fill(1, 0));
        assertEquals(1, fills.size());
        assertEquals(101, fills.get(0).fillPriceTicks);
        assertEquals(1.0, fills.get(0).fee);
        assertEquals(T0 + MS, fills.get(0).eventTimeNanos);
        assertEquals(2, model.position(0));
        assertEquals(2, lastPosition());
    }

    @Test
    void shouldFillARestingOrderOnlyAfterTheQueueAheadHasTraded() {
        final BacktestFillModel model = model(FillModelConfig.builder().latencyNanos(0));
        model.onMarketEvent(book(0, T0, new long[] {100, 10}, new long[] {102, 4}));
        model.sendNewOrder(1, 0, Side.BUY, 100, 3, TimeInForce.GTC);
        model.advanceTo(T0);
        model.onMarketEvent(trade(0, T0 + 1, 100, 8, Side.SELL));
        assertTrue(publisher.matching(e -> e.orderEventKind == OrderEventKind.FILL).isEmpty(), "8 of the 10 ahead traded");
        model.onMarketEvent(book(0, T0 + 2, new long[] {100, 2}, new long[] {102, 4}));
        model.onMarketEvent(trade(0, T0 + 3, 100, 4, Side.SELL));
        assertEquals(1, publisher.matching(fill(1, 1)).size(), "2 ahead, then 2 of ours");
        assertEquals(2, model.position(0));
    }

    @Test
    void shouldTakeWithdrawnLiquidityFromBehindUnlessConfiguredOptimistic() {
        assertEquals(1, fillAfterWithdrawal(false), "pessimistic: the 5 behind us went, 10 still ahead");
        assertEquals(3, fillAfterWithdrawal(true), "optimistic: 5 of the 10 ahead went");
    }

    private long fillAfterWithdrawal(final boolean cancelsAheadOfUs) {
        final RecordingPublisher out = new RecordingPublisher();
        final BacktestFillModel model = new BacktestFillModel(FillModelConfig.builder().latencyNanos(0).instrumentCount(1)
            .cancelsAheadOfUs(cancelsAheadOfUs).build(), clock, out);
        model.onMarketEvent(book(0, T0, new long[] {100, 10}, new long[] {105, 1}));
        model.sendNewOrder(1, 0, Side.BUY, 100, 3, TimeInForce.GTC);
        model.advanceTo(T0);
        model.onMarketEvent(book(0, T0 + 1, new long[] {100, 15}, new long[] {105, 1}));
        model.onMarketEvent(book(0, T0 + 2, new long[] {100, 10}, new long[] {105, 1}));
        model.onMarketEvent(trade(0, T0 + 3, 100, 11, Side.SELL));
        return model.position(0);
    }

    @Test
    void shouldFillWhenTheRecordedMarketMovesThroughOurPrice() {
        final BacktestFillModel model = model(FillModelConfig.builder().latencyNanos(0));
        model.onMarketEvent(book(1, T0, new long[] {100, 10}, new long[] {103, 4}));
        model.sendNewOrder(1, 1, Side.SELL, 102, 3, TimeInForce.GTC);
        model.advanceTo(T0);
        model.onMarketEvent(book(1, T0 + 1, new long[] {102, 6}, new long[] {103, 4}));
        assertEquals(1, publisher.matching(fill(1, 0)).size());
        assertEquals(-3, model.position(1));
    }

    @Test
    void shouldCancelRejectEnforceLimitsAndSettle() {
        final BacktestFillModel model = model(FillModelConfig.builder().latencyNanos(0).positionLimit(5));
        model.onMarketEvent(book(0, T0, new long[] {90, 10}, new long[] {110, 10}));
        model.sendNewOrder(1, 0, Side.BUY, 95, 6, TimeInForce.GTC);
        model.sendNewOrder(2, 0, Side.BUY, 95, 4, TimeInForce.GTC);
        model.sendCancel(2, 0);
        model.sendCancel(2, 0);
        model.sendNewOrder(3, 0, Side.BUY, 110, 2, TimeInForce.IOC);
        model.advanceTo(T0);
        assertEquals(RejectReason.POSITION_LIMIT, publisher.matching(order(OrderEventKind.REJECT, 1)).get(0).rejectReason);
        assertEquals(1, publisher.matching(order(OrderEventKind.CANCELLED, 2)).size());
        final EngineEvent cancelReject = publisher.matching(order(OrderEventKind.CANCEL_REJECT, 2)).get(0);
        assertEquals(0, cancelReject.instrumentId);
        model.settle(0, 120.0);
        final EngineEvent settlement = publisher.matching(e -> e.type == EventType.SETTLEMENT).get(0);
        assertEquals(2, settlement.position);
        assertEquals(120.0, settlement.value);
        assertEquals(0, model.openOrderCount());
    }

    private long lastPosition() {
        final List<EngineEvent> reports = publisher.matching(e -> e.type == EventType.POSITION_REPORT);
        return reports.get(reports.size() - 1).position;
    }

    /**
     * A level whose recorded orders outgrow their first ring (8) after the oldest were withdrawn
     * from the front, then are held outside the engine and consumed by a trade: at every point the
     * queue is the expected one (ours and the recorded orders interleaved in time priority, the
     * withdrawals taken from the oldest recorded orders).
     */
    @Test
    void shouldKeepALongQueueInTimePriorityThroughFrontWithdrawalsAndGrowth() {
        final RecordingPublisher out = new RecordingPublisher();
        final BacktestFillModel model = new BacktestFillModel(FillModelConfig.builder().latencyNanos(0).instrumentCount(1)
            .cancelsAheadOfUs(true).build(), clock, out);
        final List<long[]> expected = new ArrayList<>();
        long time = T0;
        long recorded = 5;
        model.onMarketEvent(book(0, time, new long[] {100, recorded}, new long[] {110, 1}));
        expected.add(new long[] {BacktestFillModel.MARKET, 1, 5});
        long nextMarketId = 3;
        for (int i = 1; i <= 14; i++) {
            model.sendNewOrder(i, 0, Side.BUY, 100, 1, TimeInForce.GTC);
            model.advanceTo(++time);
            expected.add(new long[] {BacktestFillModel.US, i, 1});
            recorded += 2;
            model.onMarketEvent(book(0, ++time, new long[] {100, recorded}, new long[] {110, 1}));
            expected.add(new long[] {BacktestFillModel.MARKET, nextMarketId++, 2});
            if (i == 6) {
                // 9 lots withdrawn from the front: the first three recorded orders (5 + 2 + 2)
                recorded -= 9;
                model.onMarketEvent(book(0, ++time, new long[] {100, recorded}, new long[] {110, 1}));
                takeRecorded(expected, 9);
            }
            assertEquals(render(expected), render(restingBids(model)), "after order " + i);
        }
        recorded -= 3;
        model.onMarketEvent(book(0, ++time, new long[] {100, recorded}, new long[] {110, 1}));
        takeRecorded(expected, 3);
        assertEquals(render(expected), render(restingBids(model)), "after a partial withdrawal from the front");
        for (int i = 1; i <= 14; i++) {
            model.sendCancel(i, 0);
        }
        model.advanceTo(++time);
        expected.removeIf(o -> o[0] == BacktestFillModel.US);
        model.onMarketEvent(book(0, ++time, new long[] {100, recorded}, new long[] {110, 1}));
        assertEquals(render(expected), render(restingBids(model)), "held outside the engine");
        model.onMarketEvent(trade(0, ++time, 100, 7, Side.SELL));
        takeRecorded(expected, 7);
        assertEquals(render(expected), render(restingBids(model)), "after a trade through the oldest recorded orders");
    }

    /**
     * The level slots of a recorded side: a full side (five levels) replaced at once by five new
     * prices (all ten slots in use while the levels are replaced), then emptied, then a level
     * recorded again at the price our order rests at, which joins behind it. At every point the
     * side's depth is the recorded book plus our order, and the trade fills ours first.
     */
    @Test
    void shouldMirrorFullEmptiedAndReplacedSidesAndQueueANewLevelAtOurPriceBehindUs() {
        final RecordingPublisher out = new RecordingPublisher();
        final BacktestFillModel model = new BacktestFillModel(FillModelConfig.builder().latencyNanos(0).instrumentCount(1)
            .build(), clock, out);
        final long[] ask = {110, 5};
        model.onMarketEvent(ladder(T0, new long[] {100, 98, 96, 94, 92}, new long[] {10, 9, 8, 7, 6}, ask));
        assertEquals("100x10 98x9 96x8 94x7 92x6", bids(model));
        model.sendNewOrder(1, 0, Side.BUY, 100, 2, TimeInForce.GTC);
        model.advanceTo(T0 + 1);
        assertEquals("100x12 98x9 96x8 94x7 92x6", bids(model));
        model.onMarketEvent(ladder(T0 + 2, new long[] {99, 97, 95, 93, 91}, new long[] {1, 2, 3, 4, 5}, ask));
        assertEquals("100x2 99x1 97x2 95x3 93x4 91x5", bids(model), "five new prices; ours stays at 100");
        model.onMarketEvent(ladder(T0 + 3, new long[] {98, 97, 96, 95, 94}, new long[] {5, 2, 5, 4, 5}, ask));
        assertEquals("100x2 98x5 97x2 96x5 95x4 94x5", bids(model), "kept and new prices interleaved");
        model.onMarketEvent(ladder(T0 + 4, new long[0], new long[0], ask));
        assertEquals("100x2", bids(model), "an empty side");
        model.onMarketEvent(ladder(T0 + 5, new long[] {100, 98}, new long[] {7, 4}, ask));
        assertEquals("[1, 1, 2][0, 15, 7][0, 16, 4]", render(restingBids(model)), "recorded again at our price: behind us");
        model.onMarketEvent(trade(0, T0 + 6, 100, 3, Side.SELL));
        assertEquals(1, out.matching(fill(1, 0)).size());
        assertEquals(2, model.position(0));
        assertEquals("100x6 98x4", bids(model));
    }

    private static String bids(final BacktestFillModel model) {
        final long[] prices = new long[2 * EngineEvent.BOOK_DEPTH];
        final long[] quantities = new long[prices.length];
        final int n = model.depth(0, Side.BUY, prices, quantities, prices.length);
        final StringBuilder text = new StringBuilder();
        for (int l = 0; l < n; l++) {
            text.append(l == 0 ? "" : " ").append(prices[l]).append('x').append(quantities[l]);
        }
        return text.toString();
    }

    /** A book of instrument 0 with the given bid levels (best first) and one ask level. */
    private static EngineEvent ladder(final long time, final long[] bidPrices, final long[] bidQtys, final long[] ask) {
        final EngineEvent e = book(0, time, new long[] {0, 0}, ask);
        e.bidLevels = bidPrices.length;
        System.arraycopy(bidPrices, 0, e.bidPrices, 0, bidPrices.length);
        System.arraycopy(bidQtys, 0, e.bidQtys, 0, bidQtys.length);
        return e;
    }

    /** Takes {@code amount} lots from the oldest recorded orders of an expected queue. */
    private static void takeRecorded(final List<long[]> queue, final long amount) {
        long left = amount;
        for (int j = 0; j < queue.size() && left > 0; ) {
            final long[] o = queue.get(j);
            if (o[0] != BacktestFillModel.MARKET) {
                j++;
                continue;
            }
            final long take = Math.min(left, o[2]);
            left -= take;
            o[2] -= take;
            if (o[2] == 0) {
                queue.remove(j);
            } else {
                j++;
            }
        }
    }

    private static String render(final List<long[]> queue) {
        final StringBuilder text = new StringBuilder();
        queue.forEach(o -> text.append(Arrays.toString(o)));
        return text.toString();
    }

    private static List<long[]> restingBids(final BacktestFillModel model) {
        final List<long[]> orders = new ArrayList<>();
        model.forEachRestingOrder(0, Side.BUY, (participant, clientOrderId, priceTicks, leaves) ->
            orders.add(new long[] {participant, clientOrderId, leaves}));
        return orders;
    }

    private static EngineEvent book(final int instrument, final long time, final long[] bid, final long[] ask) {
        final EngineEvent e = new EngineEvent();
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = instrument;
        e.eventTimeNanos = time;
        e.bidLevels = 1;
        e.bidPrices[0] = bid[0];
        e.bidQtys[0] = bid[1];
        e.askLevels = 1;
        e.askPrices[0] = ask[0];
        e.askQtys[0] = ask[1];
        return e;
    }

    private static EngineEvent trade(final int instrument, final long time, final long price, final long qty, final int aggressor) {
        final EngineEvent e = new EngineEvent();
        e.clear();
        e.type = EventType.MARKET_TRADE;
        e.instrumentId = instrument;
        e.eventTimeNanos = time;
        e.tradePriceTicks = price;
        e.tradeQty = qty;
        e.aggressorSide = aggressor;
        return e;
    }
}
