package io.skytrade.exchange.fill;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.matching.MatchingEngine;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The fill model against an executable specification of its queue model ({@link QueueSpec}: each
 * price level a FIFO list of market and own entries, recorded books withdrawn from behind or ahead
 * of us and topped up at the back, recorded trades replayed as a third party's IOC order, our
 * orders matched in price-time priority with self-trade prevention): driven by the same random
 * sequence of recorded books and trades, our new orders and cancels, and settlements, under both
 * withdrawal policies, the two must agree after every step on each of our orders' filled quantity
 * and notional, our open orders and their remaining quantities, our position, and the aggregated
 * resting quantity per price level (the market's alone at each recorded level) - never on how many
 * fill events an order produced, so merging adjacent market entries of a level stays allowed.
 */
class BacktestFillModelQueueSpecPropertyTest {
    private static final long T0 = 1_772_193_600_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int STEPS = 300;

    @Test
    void shouldFillOurOrdersExactlyAsTheQueueSpecificationDoes() {
        qt().withExamples(200).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(this::run);
    }

    @Test
    void shouldFillLikeTheSpecificationWhenSomeBooksArriveUnordered() {
        // the model matches ordered books by a merge and falls back to scans for any other: both paths, and the switches between them
        qt().withExamples(100).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> run(seed, true));
    }

    @Test
    void shouldKeepOurPlaceWhenLiquidityBehindUsIsWithdrawn() {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0);
        final RecordingPublisher out = new RecordingPublisher();
        final BacktestFillModel model = new BacktestFillModel(config(false), clock, out);
        final QueueSpec spec = new QueueSpec(false);
        final EngineEvent e = new EngineEvent();
        book(e, T0, 100, 10, 105, 1);
        model.onMarketEvent(e);
        spec.book(e);
        model.sendNewOrder(1, 0, Side.BUY, 100, 3, TimeInForce.GTC);
        model.advanceTo(T0);
        spec.newOrder(1, Side.BUY, 100, 3, false);
        book(e, T0 + 1, 100, 15, 105, 1);
        model.onMarketEvent(e);
        spec.book(e);
        book(e, T0 + 2, 100, 12, 105, 1);
        model.onMarketEvent(e);
        spec.book(e);
        trade(e, T0 + 3, Side.SELL, 100, 12);
        model.onMarketEvent(e);
        spec.trade(Side.SELL, 100, 12);

        final Published published = new Published();
        published.consume(out.snapshot());
        assertEquals(Map.of(1L, 2L), published.filledQty, "10 ahead of us traded, then 2 of our 3");
        assertEquals(Map.of(1L, 200L), published.filledNotional);
        assertEquals(Map.of(1L, 1L), published.openLeaves());
        assertEquals(2, model.position(0));
        assertEquals(3, model.quantityAt(0, Side.BUY, 100), "our 1 left, then the 2 that stayed behind us");
        assertEquals(published.filledQty, spec.filledQty, "the specification agrees");
    }

    private void run(final long seed) {
        run(seed, false);
    }

    private void run(final long seed, final boolean shuffleSomeBooks) {
        final boolean cancelsAheadOfUs = (seed & 1) == 0;
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0);
        final RecordingPublisher out = new RecordingPublisher();
        final BacktestFillModel model = new BacktestFillModel(config(cancelsAheadOfUs), clock, out);
        final QueueSpec spec = new QueueSpec(cancelsAheadOfUs);
        final Published published = new Published();
        final SplittableRandom random = new SplittableRandom(seed);
        final EngineEvent e = new EngineEvent();
        long mid = 1000;
        long nextId = 1;
        int seen = 0;
        for (int step = 0; step < STEPS; step++) {
            final long t = T0 + step * MS;
            clock.set(t);
            final int roll = random.nextInt(100);
            final String what;
            boolean booked = false;
            boolean settled = false;
            if (roll < 35) {
                mid += random.nextInt(-3, 4);
                randomBook(e, t, mid, random);
                if (shuffleSomeBooks && random.nextInt(3) == 0) {
                    shuffle(e.bidPrices, e.bidQtys, e.bidLevels, random);
                    shuffle(e.askPrices, e.askQtys, e.askLevels, random);
                }
                model.onMarketEvent(e);
                spec.book(e);
                booked = true;
                what = "book";
            } else if (roll < 55) {
                final int aggressor = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long price = mid + Side.sign(aggressor) * random.nextInt(-1, 6);
                final long qty = 1 + random.nextInt(random.nextInt(4) == 0 ? 80 : 20);
                trade(e, t, aggressor, price, qty);
                model.onMarketEvent(e);
                spec.trade(aggressor, price, qty);
                what = "trade " + Side.name(aggressor) + " " + qty + "@" + price;
            } else if (roll < 80) {
                final long id = nextId++;
                final int side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long price = mid + random.nextInt(-6, 7);
                final long qty = 1 + random.nextInt(12);
                final boolean ioc = random.nextInt(4) == 0;
                model.sendNewOrder(id, 0, side, price, qty, ioc ? TimeInForce.IOC : TimeInForce.GTC);
                model.advanceTo(t);
                spec.newOrder(id, side, price, qty, ioc);
                what = "new " + id + " " + Side.name(side) + " " + qty + "@" + price + (ioc ? " IOC" : " GTC");
            } else if (roll < 98) {
                final List<Long> open = new ArrayList<>(spec.open.keySet());
                final long id = !open.isEmpty() && random.nextInt(4) != 0 ? open.get(random.nextInt(open.size()))
                    : 1 + random.nextLong(nextId + 3);
                model.sendCancel(id, 0);
                model.advanceTo(t);
                spec.cancel(id);
                what = "cancel " + id;
            } else {
                final double price = mid + random.nextInt(-3, 4);
                published.expectSettlement(spec.traded, spec.position);
                model.settle(0, price);
                spec.settle();
                settled = true;
                what = "settle @" + price;
            }
            final List<EngineEvent> events = out.snapshot();
            final String where = "seed " + seed + ", cancelsAheadOfUs " + cancelsAheadOfUs + ", step " + step + " (" + what + ")";
            published.consume(events.subList(seen, events.size()), where);
            seen = events.size();
            if (settled) {
                published.assertSettled(where);
            }
            assertEquals(spec.filledQty, published.filledQty, "filled quantity per order, " + where);
            assertEquals(spec.filledNotional, published.filledNotional, "filled notional per order, " + where);
            assertEquals(spec.open, published.openLeaves(), "open orders and their leaves, " + where);
            assertEquals(spec.position, model.position(0), "position, " + where);
            assertEquals(spec.position, published.position, "position from the events, " + where);
            assertEquals(spec.open.size(), model.openOrderCount(), "open order count, " + where);
            assertSameLevels(model, spec, where);
            if (booked) {
                assertMarketAtRecordedLevels(model, spec, published, e, where);
            }
        }
    }

    private static FillModelConfig config(final boolean cancelsAheadOfUs) {
        return FillModelConfig.builder().instrumentCount(1).latencyNanos(0).positionLimit(MatchingEngine.MAX_QUANTITY * 1000)
            .orderCapacity(10_000).cancelsAheadOfUs(cancelsAheadOfUs).build();
    }

    private static void assertSameLevels(final BacktestFillModel engine, final QueueSpec spec, final String where) {
        for (final int side : new int[] {Side.BUY, Side.SELL}) {
            final long[] prices = new long[512];
            final long[] qtys = new long[512];
            final int n = engine.depth(0, side, prices, qtys, prices.length);
            final Map<Long, Long> levels = new TreeMap<>();
            for (int l = 0; l < n; l++) {
                levels.put(prices[l], qtys[l]);
            }
            assertEquals(spec.levelTotals(side), levels, Side.name(side) + " resting quantity per level, " + where);
        }
    }

    private static void assertMarketAtRecordedLevels(final BacktestFillModel engine, final QueueSpec spec,
                                                     final Published published, final EngineEvent e, final String where) {
        for (int l = 0; l < e.bidLevels; l++) {
            final long p = e.bidPrices[l];
            assertEquals(spec.marketQty(Side.BUY, p), engine.quantityAt(0, Side.BUY, p) - published.ourRestingQty(Side.BUY, p),
                "market bid at " + p + ", " + where);
        }
        for (int l = 0; l < e.askLevels; l++) {
            final long p = e.askPrices[l];
            assertEquals(spec.marketQty(Side.SELL, p), engine.quantityAt(0, Side.SELL, p) - published.ourRestingQty(Side.SELL, p),
                "market ask at " + p + ", " + where);
        }
    }

    /** Puts one side's levels (price with its quantity) in a random order. */
    static void shuffle(final long[] prices, final long[] qtys, final int n, final SplittableRandom random) {
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final long p = prices[i];
            prices[i] = prices[j];
            prices[j] = p;
            final long q = qtys[i];
            qtys[i] = qtys[j];
            qtys[j] = q;
        }
    }

    /** A book of 1..BOOK_DEPTH levels a side around {@code mid}, levels one or two ticks apart, bid below ask. */
    private static void randomBook(final EngineEvent e, final long t, final long mid, final SplittableRandom random) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = 0;
        e.eventTimeNanos = t;
        e.bidLevels = 1 + random.nextInt(EngineEvent.BOOK_DEPTH);
        e.askLevels = 1 + random.nextInt(EngineEvent.BOOK_DEPTH);
        long bid = mid - 1 - random.nextInt(2);
        for (int l = 0; l < e.bidLevels; l++) {
            e.bidPrices[l] = bid;
            e.bidQtys[l] = 1 + random.nextInt(30);
            bid -= 1 + random.nextInt(2);
        }
        long ask = mid + random.nextInt(2);
        for (int l = 0; l < e.askLevels; l++) {
            e.askPrices[l] = ask;
            e.askQtys[l] = 1 + random.nextInt(30);
            ask += 1 + random.nextInt(2);
        }
    }

    private static void book(final EngineEvent e, final long t, final long bid, final long bidQty, final long ask,
                             final long askQty) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = 0;
        e.eventTimeNanos = t;
        e.bidLevels = 1;
        e.bidPrices[0] = bid;
        e.bidQtys[0] = bidQty;
        e.askLevels = 1;
        e.askPrices[0] = ask;
        e.askQtys[0] = askQty;
    }

    private static void trade(final EngineEvent e, final long t, final int aggressor, final long price, final long qty) {
        e.clear();
        e.type = EventType.MARKET_TRADE;
        e.instrumentId = 0;
        e.eventTimeNanos = t;
        e.aggressorSide = aggressor;
        e.tradePriceTicks = price;
        e.tradeQty = qty;
    }

    /** What a consumer of the fill model's published events knows about our orders and position. */
    private static final class Published {
        final Map<Long, Long> filledQty = new TreeMap<>();
        final Map<Long, Long> filledNotional = new TreeMap<>();
        /** Open order id to {side, price, leaves}. */
        final Map<Long, long[]> open = new TreeMap<>();
        long position;
        private boolean settlementExpected;
        private long settlementPosition;
        private int settlements;

        void consume(final List<EngineEvent> events) {
            consume(events, "");
        }

        void consume(final List<EngineEvent> events, final String where) {
            for (final EngineEvent e : events) {
                if (e.type == EventType.POSITION_REPORT) {
                    assertEquals(position, e.position, "position report, " + where);
                } else if (e.type == EventType.SETTLEMENT) {
                    assertEquals(settlementPosition, e.position, "settled position, " + where);
                    position = 0;
                    settlements++;
                } else if (e.type == EventType.ORDER_EVENT) {
                    assertNotEquals(OrderEventKind.REJECT, e.orderEventKind, "no order of ours is rejected, " + where);
                    if (e.orderEventKind == OrderEventKind.ACK) {
                        open.put(e.clientOrderId, new long[] {e.side, e.priceTicks, e.quantity});
                    } else if (e.orderEventKind == OrderEventKind.FILL) {
                        filledQty.merge(e.clientOrderId, e.fillQty, Long::sum);
                        filledNotional.merge(e.clientOrderId, e.fillQty * e.fillPriceTicks, Long::sum);
                        position += Side.sign(e.side) * e.fillQty;
                        if (e.leavesQty == 0) {
                            open.remove(e.clientOrderId);
                        } else {
                            open.get(e.clientOrderId)[2] = e.leavesQty;
                        }
                    } else if (e.orderEventKind == OrderEventKind.CANCELLED) {
                        open.remove(e.clientOrderId);
                    }
                }
            }
        }

        void expectSettlement(final boolean expected, final long settledPosition) {
            settlementExpected = expected;
            settlementPosition = settledPosition;
            settlements = 0;
        }

        void assertSettled(final String where) {
            assertEquals(settlementExpected ? 1 : 0, settlements, "settlement published iff we traded since the last, " + where);
        }

        Map<Long, Long> openLeaves() {
            final Map<Long, Long> leaves = new TreeMap<>();
            open.forEach((id, o) -> leaves.put(id, o[2]));
            return leaves;
        }

        long ourRestingQty(final int side, final long price) {
            long qty = 0;
            for (final long[] o : open.values()) {
                if (o[0] == side && o[1] == price) {
                    qty += o[2];
                }
            }
            return qty;
        }
    }

    /**
     * The queue model as plainly as possible: each side maps price to a FIFO list of entries (the
     * market's or ours); nothing is merged, indexed or kept incrementally.
     */
    static final class QueueSpec {
        private static final int MARKET = 0;
        private static final int US = 1;
        private static final int THIRD_PARTY = 2;

        private final boolean cancelsAheadOfUs;
        private final TreeMap<Long, List<Entry>> bids = new TreeMap<>(Comparator.reverseOrder());
        private final TreeMap<Long, List<Entry>> asks = new TreeMap<>();
        final Map<Long, Long> open = new TreeMap<>();
        final Map<Long, Long> filledQty = new TreeMap<>();
        final Map<Long, Long> filledNotional = new TreeMap<>();
        long position;
        boolean traded;
        private boolean selfTradeStop;

        QueueSpec(final boolean cancelsAheadOfUs) {
            this.cancelsAheadOfUs = cancelsAheadOfUs;
        }

        void book(final EngineEvent e) {
            withdraw(bids, e.bidPrices, e.bidQtys, e.bidLevels);
            withdraw(asks, e.askPrices, e.askQtys, e.askLevels);
            add(Side.BUY, e.bidPrices, e.bidQtys, e.bidLevels);
            add(Side.SELL, e.askPrices, e.askQtys, e.askLevels);
        }

        void trade(final int aggressor, final long price, final long qty) {
            match(THIRD_PARTY, 0, aggressor, price, qty);
        }

        void newOrder(final long id, final int side, final long price, final long qty, final boolean ioc) {
            final long left = match(US, id, side, price, qty);
            if (left > 0 && !ioc && !selfTradeStop) {
                side(side).computeIfAbsent(price, p -> new ArrayList<>()).add(new Entry(US, id, left));
                open.put(id, left);
            }
        }

        void cancel(final long id) {
            if (open.remove(id) == null) {
                return;
            }
            for (final TreeMap<Long, List<Entry>> book : List.of(bids, asks)) {
                book.values().forEach(queue -> queue.removeIf(x -> x.owner == US && x.id == id));
                book.values().removeIf(List::isEmpty);
            }
        }

        void settle() {
            bids.clear();
            asks.clear();
            open.clear();
            position = 0;
            traded = false;
        }

        long marketQty(final int side, final long price) {
            long qty = 0;
            for (final Entry x : side(side).getOrDefault(price, List.of())) {
                qty += x.owner == MARKET ? x.qty : 0;
            }
            return qty;
        }

        Map<Long, Long> levelTotals(final int side) {
            final Map<Long, Long> totals = new TreeMap<>();
            side(side).forEach((price, queue) -> totals.put(price, queue.stream().mapToLong(x -> x.qty).sum()));
            return totals;
        }

        /** Every level loses its market quantity above the recorded one (all of it when the level is not recorded). */
        private void withdraw(final TreeMap<Long, List<Entry>> book, final long[] prices, final long[] qtys, final int levels) {
            for (final Iterator<Map.Entry<Long, List<Entry>>> it = book.entrySet().iterator(); it.hasNext(); ) {
                final Map.Entry<Long, List<Entry>> level = it.next();
                long recorded = 0;
                for (int l = 0; l < levels; l++) {
                    recorded = prices[l] == level.getKey() ? qtys[l] : recorded;
                }
                final List<Entry> queue = level.getValue();
                long excess = -recorded;
                for (final Entry x : queue) {
                    excess += x.owner == MARKET ? x.qty : 0;
                }
                for (int k = 0; k < queue.size() && excess > 0; k++) {
                    final Entry x = queue.get(cancelsAheadOfUs ? k : queue.size() - 1 - k);
                    if (x.owner == MARKET) {
                        final long take = Math.min(x.qty, excess);
                        x.qty -= take;
                        excess -= take;
                    }
                }
                queue.removeIf(x -> x.qty == 0);
                if (queue.isEmpty()) {
                    it.remove();
                }
            }
        }

        /** Each recorded level short of market quantity gets the difference as a new order, which may trade first. */
        private void add(final int side, final long[] prices, final long[] qtys, final int levels) {
            for (int l = 0; l < levels; l++) {
                final long missing = qtys[l] - marketQty(side, prices[l]);
                if (missing > 0) {
                    final long left = match(MARKET, 0, side, prices[l], missing);
                    if (left > 0) {
                        side(side).computeIfAbsent(prices[l], p -> new ArrayList<>()).add(new Entry(MARKET, 0, left));
                    }
                }
            }
        }

        /** An aggressive order against the opposite side, best price then oldest first; returns what did not trade. */
        private long match(final int owner, final long id, final int side, final long limit, final long qty) {
            final TreeMap<Long, List<Entry>> opposite = side == Side.BUY ? asks : bids;
            long left = qty;
            selfTradeStop = false;
            while (left > 0 && !opposite.isEmpty()) {
                final long price = opposite.firstKey();
                if (side == Side.BUY ? price > limit : price < limit) {
                    break;
                }
                final List<Entry> queue = opposite.get(price);
                final Entry head = queue.get(0);
                if (owner == US && head.owner == US) {
                    selfTradeStop = true;
                    break;
                }
                final long fill = Math.min(left, head.qty);
                left -= fill;
                head.qty -= fill;
                if (head.owner == US) {
                    filled(head.id, Side.opposite(side), price, fill);
                    if (head.qty == 0) {
                        open.remove(head.id);
                    } else {
                        open.put(head.id, head.qty);
                    }
                }
                if (owner == US) {
                    filled(id, side, price, fill);
                }
                if (head.qty == 0) {
                    queue.remove(0);
                }
                if (queue.isEmpty()) {
                    opposite.remove(price);
                }
            }
            return left;
        }

        private void filled(final long id, final int side, final long price, final long qty) {
            filledQty.merge(id, qty, Long::sum);
            filledNotional.merge(id, qty * price, Long::sum);
            position += Side.sign(side) * qty;
            traded = true;
        }

        private TreeMap<Long, List<Entry>> side(final int side) {
            return side == Side.BUY ? bids : asks;
        }

        /** One resting order: the market's or ours (then with our client order id), and its remaining quantity. */
        private static final class Entry {
            final int owner;
            final long id;
            long qty;

            Entry(final int owner, final long id, final long qty) {
                this.owner = owner;
                this.id = id;
                this.qty = qty;
            }
        }
    }
}
