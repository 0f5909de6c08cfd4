package io.skytrade.exchange.matching;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random sequences of orders and cancels against the engine and against a naive reference model
 * (lists scanned for the best price and the oldest order): every execution must be the same, the
 * book must never be crossed, and quantities must be conserved.
 */
class MatchingEnginePropertyTest {
    private static final int PARTICIPANTS = 4;
    private static final int INSTRUMENTS = 2;
    private static final long LIMIT = 40;

    @Test
    void shouldMatchTheReferenceModelAndKeepInvariants() {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 400)).checkAssert((seed, steps) -> run(seed, steps));
    }

    private static void run(final long seed, final int steps) {
        final SplittableRandom random = new SplittableRandom(seed);
        final RecordingExecutionListener engineEvents = new RecordingExecutionListener();
        final MatchingEngine engine = new MatchingEngine(INSTRUMENTS, PARTICIPANTS, 256, 64, LIMIT, engineEvents);
        final ReferenceBook reference = new ReferenceBook();
        final long[] submitted = new long[PARTICIPANTS * 1000];
        long nextId = 1;
        for (int step = 0; step < steps; step++) {
            final int participant = random.nextInt(PARTICIPANTS);
            if (random.nextInt(4) == 0 && nextId > 1) {
                final long target = 1 + random.nextLong(nextId - 1 + 1);
                engine.cancel(step, participant, target);
                reference.cancel(participant, target);
            } else {
                final long clientOrderId = random.nextInt(20) == 0 && nextId > 1 ? 1 + random.nextLong(nextId - 1) : nextId++;
                final int instrument = random.nextInt(INSTRUMENTS);
                final int side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long price = 95 + random.nextInt(11);
                final long qty = 1 + random.nextInt(12);
                final int tif = random.nextInt(5) == 0 ? TimeInForce.IOC : TimeInForce.GTC;
                engine.submit(step, participant, clientOrderId, instrument, side, price, qty, tif);
                reference.submit(participant, clientOrderId, instrument, side, price, qty, tif);
                submitted[(int)Math.min(submitted.length - 1, clientOrderId)] += qty;
            }
            assertEquals(reference.events, engineEvents.events, "executions after step " + step + " (seed " + seed + ")");
            for (int i = 0; i < INSTRUMENTS; i++) {
                final long bid = engine.bestBid(i);
                final long ask = engine.bestAsk(i);
                assertTrue(bid == MatchingEngine.NO_PRICE || ask == MatchingEngine.NO_PRICE || bid < ask,
                    "crossed book " + bid + " / " + ask + " at step " + step);
                assertBookEqualsReference(engine, reference, i);
            }
            for (int p = 0; p < PARTICIPANTS; p++) {
                for (int i = 0; i < INSTRUMENTS; i++) {
                    assertEquals(reference.position[p][i], engine.position(p, i));
                    assertTrue(Math.abs(engine.position(p, i)) <= LIMIT);
                    assertTrue(engine.position(p, i) + engine.openBuyQuantity(p, i) <= LIMIT);
                    assertTrue(engine.openSellQuantity(p, i) - engine.position(p, i) <= LIMIT);
                }
            }
        }
        long netPosition = 0;
        long netCash = 0;
        for (int p = 0; p < PARTICIPANTS; p++) {
            for (int i = 0; i < INSTRUMENTS; i++) {
                netPosition += engine.position(p, i);
                netCash += engine.cash(p, i);
            }
        }
        assertEquals(0, netPosition, "positions sum to zero");
        assertEquals(0, netCash, "cash sums to zero");
        reference.assertConservation();
    }

    private static void assertBookEqualsReference(final MatchingEngine engine, final ReferenceBook reference, final int instrument) {
        for (final int side : new int[] {Side.BUY, Side.SELL}) {
            final List<String> actual = new ArrayList<>();
            engine.forEachRestingOrder(instrument, side, (participant, clientOrderId, price, leaves) ->
                actual.add("p" + participant + " c" + clientOrderId + " " + leaves + "@" + price));
            final List<String> expected = new ArrayList<>();
            for (final ReferenceBook.Order o : reference.sorted(instrument, side)) {
                expected.add("p" + o.participant + " c" + o.clientOrderId + " " + o.leaves + "@" + o.price);
            }
            assertEquals(expected, actual, "resting orders in priority order, instrument " + instrument + " side " + side);
            final long[] prices = new long[64];
            final long[] qtys = new long[64];
            final int n = engine.depth(instrument, side, prices, qtys, 64);
            long total = 0;
            for (int k = 0; k < n; k++) {
                total += qtys[k];
                if (k > 0) {
                    assertTrue(side == Side.BUY ? prices[k] < prices[k - 1] : prices[k] > prices[k - 1], "levels sorted best first");
                }
            }
            long leaves = 0;
            for (final ReferenceBook.Order o : reference.sorted(instrument, side)) {
                leaves += o.leaves;
            }
            assertEquals(leaves, total, "level totals equal the sum of resting orders");
        }
    }

    /** The naive model: a list of orders in arrival order, scanned for the best price and the oldest order. */
    static final class ReferenceBook {
        static final class Order {
            long seq;
            int participant;
            long clientOrderId;
            int instrument;
            int side;
            long price;
            long quantity;
            long leaves;
            long filled;
            long cancelled;
        }

        final List<String> events = new ArrayList<>();
        final List<Order> resting = new ArrayList<>();
        final List<Order> all = new ArrayList<>();
        final long[][] position = new long[PARTICIPANTS][INSTRUMENTS];
        final java.util.Set<String> seen = new java.util.HashSet<>();
        long seq;

        void submit(final int participant, final long clientOrderId, final int instrument, final int side, final long price,
                    final long qty, final int tif) {
            if (seen.contains(participant + "/" + clientOrderId)) {
                events.add("REJECT p" + participant + " c" + clientOrderId + " " + RejectReason.name(RejectReason.DUPLICATE_CLIENT_ORDER_ID));
                return;
            }
            seen.add(participant + "/" + clientOrderId);
            long openBuy = 0;
            long openSell = 0;
            for (final Order o : resting) {
                if (o.participant == participant && o.instrument == instrument) {
                    if (o.side == Side.BUY) {
                        openBuy += o.leaves;
                    } else {
                        openSell += o.leaves;
                    }
                }
            }
            final long pos = position[participant][instrument];
            if (side == Side.BUY ? pos + openBuy + qty > LIMIT : openSell + qty - pos > LIMIT) {
                events.add("REJECT p" + participant + " c" + clientOrderId + " " + RejectReason.name(RejectReason.POSITION_LIMIT));
                return;
            }
            final Order order = new Order();
            order.seq = seq++;
            order.participant = participant;
            order.clientOrderId = clientOrderId;
            order.instrument = instrument;
            order.side = side;
            order.price = price;
            order.quantity = qty;
            order.leaves = qty;
            all.add(order);
            events.add("ACK p" + participant + " c" + clientOrderId + " i" + instrument + " s" + side + " " + qty + "@" + price);
            boolean selfTrade = false;
            while (order.leaves > 0) {
                Order best = null;
                for (final Order o : resting) {
                    if (o.instrument != instrument || o.side == side) {
                        continue;
                    }
                    if (best == null || (side == Side.BUY ? o.price < best.price : o.price > best.price)
                        || o.price == best.price && o.seq < best.seq) {
                        best = o;
                    }
                }
                if (best == null || (side == Side.BUY ? best.price > price : best.price < price)) {
                    break;
                }
                if (best.participant == participant) {
                    selfTrade = true;
                    break;
                }
                final long fill = Math.min(order.leaves, best.leaves);
                best.leaves -= fill;
                best.filled += fill;
                order.leaves -= fill;
                order.filled += fill;
                position[best.participant][instrument] += Side.sign(best.side) * fill;
                position[participant][instrument] += Side.sign(side) * fill;
                events.add("FILL p" + best.participant + " c" + best.clientOrderId + " " + fill + "@" + best.price + " leaves " + best.leaves + " resting");
                events.add("FILL p" + participant + " c" + clientOrderId + " " + fill + "@" + best.price + " leaves " + order.leaves + " aggressor");
                events.add("TRADE i" + instrument + " " + fill + "@" + best.price + " buyer p" + (side == Side.BUY ? participant : best.participant)
                    + " seller p" + (side == Side.BUY ? best.participant : participant));
                if (best.leaves == 0) {
                    resting.remove(best);
                }
            }
            if (order.leaves > 0) {
                if (!selfTrade && tif == TimeInForce.GTC) {
                    resting.add(order);
                } else {
                    order.cancelled = order.leaves;
                    events.add("CANCELLED p" + participant + " c" + clientOrderId + " " + order.leaves + " "
                        + RejectReason.name(selfTrade ? RejectReason.SELF_TRADE : RejectReason.IOC_REMAINDER));
                    order.leaves = 0;
                }
            }
        }

        void cancel(final int participant, final long clientOrderId) {
            for (final Order o : resting) {
                if (o.participant == participant && o.clientOrderId == clientOrderId) {
                    resting.remove(o);
                    o.cancelled = o.leaves;
                    events.add("CANCELLED p" + participant + " c" + clientOrderId + " " + o.leaves + " " + RejectReason.name(RejectReason.USER_CANCEL));
                    o.leaves = 0;
                    return;
                }
            }
            events.add("CANCEL_REJECT p" + participant + " c" + clientOrderId + " " + RejectReason.name(RejectReason.UNKNOWN_ORDER));
        }

        List<Order> sorted(final int instrument, final int side) {
            final List<Order> out = new ArrayList<>();
            for (final Order o : resting) {
                if (o.instrument == instrument && o.side == side) {
                    out.add(o);
                }
            }
            out.sort((a, b) -> a.price != b.price
                ? (side == Side.BUY ? Long.compare(b.price, a.price) : Long.compare(a.price, b.price))
                : Long.compare(a.seq, b.seq));
            return out;
        }

        void assertConservation() {
            for (final Order o : all) {
                assertEquals(o.quantity, o.filled + o.leaves + o.cancelled, "order quantity = filled + open + cancelled");
            }
        }
    }
}
