package io.skytrade.exchange.fill;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.matching.MatchingEngine;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The fill model against outputs recorded from the eager mirror it replaced (every recorded order
 * an order in the matching engine; main d23d1cb): random recorded books (ordered, shuffled, crossed,
 * with empty sides, prices and quantities the venue rejects) and trades over three
 * products, our random new orders (GTC and IOC, some rejected) and cancels (some unknown), arriving
 * after a latency, settlements, small order capacities and position limits, under both withdrawal
 * policies. For each example the digest covers every published event field for field (venue order
 * ids, fills, leaves, fees, positions, settlements) and, after every step, every resting order of
 * every book side in priority order (participant, client order id, price, remaining quantity): the
 * recorded liquidity's split into orders included. QuickTheories with a fixed seed (the recorded
 * examples) and no shrinking (a shrunk value has no recorded output). Re-record only for an
 * intended change of the fill model: {@code -Dskytrade.fill.record=PATH} writes the file.
 */
class BacktestFillModelRecordedOutputPropertyTest {
    private static final long T0 = 1_772_193_600_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int STEPS = 400;
    private static final int INSTRUMENTS = 3;
    private static final String RESOURCE = "recorded-fill-outputs.txt";
    private static final String REPEATED_RESOURCE = "recorded-fill-outputs-repeated-prices.txt";

    @Test
    void shouldProduceTheRecordedEventsAndBooks() throws IOException {
        check(RESOURCE, "skytrade.fill.record", 20_261_205L, false);
    }

    /**
     * Books that repeat the instrument's last book's prices with new (or the same) quantities, as most
     * venue books do, sometimes one level shorter; outputs recorded from main db5e3a0's fill model (the
     * code the first property proves equal to the eager mirror), before the fill model skipped the
     * level matching for such books.
     */
    @Test
    void shouldProduceTheRecordedEventsAndBooksWhenBooksRepeatTheirPrices() throws IOException {
        check(REPEATED_RESOURCE, "skytrade.fill.recordRepeated", 20_261_206L, true);
    }

    private static void check(final String resource, final String recordProperty, final long fixedSeed,
                              final boolean repeatPrices) throws IOException {
        final String recordTo = System.getProperty(recordProperty);
        final Map<Long, String> expected = recordTo == null ? load(resource) : null;
        final Map<Long, String> recorded = new TreeMap<>();
        qt().withFixedSeed(fixedSeed).withExamples(400).withShrinkCycles(0)
            .forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
                final String actual = run(seed, repeatPrices);
                if (expected == null) {
                    recorded.put(seed, actual);
                } else {
                    final String want = expected.get(seed);
                    assertNotNull(want, "no recorded output for seed " + seed);
                    assertEquals(want, actual, "seed " + seed);
                }
            });
        if (recordTo != null) {
            final StringBuilder text = new StringBuilder();
            recorded.forEach((seed, line) -> text.append(seed).append(' ').append(line).append('\n'));
            Files.writeString(Path.of(recordTo), text, StandardCharsets.US_ASCII);
        }
    }

    private static Map<Long, String> load(final String resource) {
        try (InputStream in = BacktestFillModelRecordedOutputPropertyTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "resource " + resource);
            final Map<Long, String> out = new TreeMap<>();
            for (final String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                final int space = line.indexOf(' ');
                out.put(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
            }
            return out;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One example: the digest of everything observable, the events published and our fill count. */
    static String run(final long seed) {
        return run(seed, false);
    }

    /**
     * One example; with {@code repeatPrices} two of three books of an instrument that has had one
     * repeat its last book's prices ({@link #repeatedBook}).
     */
    static String run(final long seed, final boolean repeatPrices) {
        final SplittableRandom random = new SplittableRandom(seed);
        final boolean cancelsAheadOfUs = random.nextBoolean();
        final long latency = random.nextInt(3) * MS;
        final int capacity = random.nextInt(4) == 0 ? 16 + random.nextInt(40) : 10_000;
        final long limit = random.nextInt(4) == 0 ? 10 + random.nextInt(30) : MatchingEngine.MAX_QUANTITY * 1000;
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0);
        final RecordingPublisher out = new RecordingPublisher();
        final BacktestFillModel model = new BacktestFillModel(FillModelConfig.builder().instrumentCount(INSTRUMENTS)
            .latencyNanos(latency).orderCapacity(capacity).positionLimit(limit).cancelsAheadOfUs(cancelsAheadOfUs).build(),
            clock, out);
        final EngineEvent e = new EngineEvent();
        final long[] mid = {1000, 500, 40};
        final Digest digest = new Digest();
        final EngineEvent[] lastBook = new EngineEvent[INSTRUMENTS];
        for (int i = 0; i < INSTRUMENTS; i++) {
            lastBook[i] = new EngineEvent();
        }
        long nextId = 1;
        for (int step = 0; step < STEPS; step++) {
            final long t = T0 + step * MS;
            clock.set(t);
            model.advanceTo(t);
            final int instrument = random.nextInt(INSTRUMENTS);
            final int roll = random.nextInt(100);
            if (roll < 35) {
                if (repeatPrices && lastBook[instrument].type == EventType.MARKET_BOOK && random.nextInt(3) != 0) {
                    repeatedBook(e, t, lastBook[instrument], random);
                } else {
                    mid[instrument] = Math.max(8, mid[instrument] + random.nextInt(-3, 4));
                    randomBook(e, t, instrument, mid[instrument], random);
                }
                lastBook[instrument].copyInputsFrom(e);
                model.onMarketEvent(e);
            } else if (roll < 55) {
                e.clear();
                e.type = EventType.MARKET_TRADE;
                e.instrumentId = instrument;
                e.eventTimeNanos = t;
                e.aggressorSide = random.nextInt(50) == 0 ? 0 : random.nextBoolean() ? Side.BUY : Side.SELL;
                e.tradePriceTicks = mid[instrument] + (e.aggressorSide == Side.SELL ? -1 : 1) * random.nextInt(-1, 7);
                e.tradeQty = 1 + random.nextInt(random.nextInt(4) == 0 ? 120 : 20);
                model.onMarketEvent(e);
            } else if (roll < 82) {
                final int side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long price = mid[instrument] + random.nextInt(-7, 8);
                final long qty = random.nextInt(60) == 0 ? MatchingEngine.MAX_QUANTITY + 1 : 1 + random.nextInt(14);
                final int tif = random.nextInt(4) == 0 ? TimeInForce.IOC : TimeInForce.GTC;
                model.sendNewOrder(nextId++, instrument, side, price, qty, tif);
            } else if (roll < 98) {
                model.sendCancel(1 + random.nextLong(nextId + 2), instrument);
            } else {
                model.settle(instrument, mid[instrument] + random.nextInt(-3, 4) + 0.25);
            }
            model.advanceTo(t);
            for (int i = 0; i < INSTRUMENTS; i++) {
                for (final int side : new int[] {Side.BUY, Side.SELL}) {
                    model.forEachRestingOrder(i, side, (participant, clientOrderId, priceTicks, leaves) -> {
                        digest.add(participant);
                        digest.add(clientOrderId);
                        digest.add(priceTicks);
                        digest.add(leaves);
                    });
                    digest.add(-1);
                }
            }
            digest.add(model.position(instrument));
            digest.add(model.openOrderCount());
        }
        model.advanceTo(T0 + STEPS * MS + latency);
        final List<EngineEvent> events = out.snapshot();
        int fills = 0;
        for (final EngineEvent p : events) {
            digest.add(p.type);
            digest.add(p.eventTimeNanos);
            digest.add(p.instrumentId);
            digest.add(p.orderEventKind);
            digest.add(p.clientOrderId);
            digest.add(p.venueOrderId);
            digest.add(p.side);
            digest.add(p.priceTicks);
            digest.add(p.quantity);
            digest.add(p.fillQty);
            digest.add(p.fillPriceTicks);
            digest.add(p.leavesQty);
            digest.add(p.rejectReason);
            digest.add(Double.doubleToLongBits(p.fee));
            digest.add(p.position);
            digest.add(Double.doubleToLongBits(p.value));
            if (p.type == EventType.ORDER_EVENT && p.fillQty > 0) {
                fills++;
            }
        }
        return Long.toHexString(digest.value) + " " + events.size() + " " + fills;
    }

    /**
     * A book of 0..BOOK_DEPTH levels a side around {@code mid}; mostly ordered best first with the
     * bid below the ask, sometimes shuffled or crossed, with a zero quantity, or a quantity or price the
     * venue rejects (a book that repeats a price is not generated: the mirror fails on one, bench/README session 8).
     */
    private static void randomBook(final EngineEvent e, final long t, final int instrument, final long mid,
                                   final SplittableRandom random) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = instrument;
        e.eventTimeNanos = t;
        e.bidLevels = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(EngineEvent.BOOK_DEPTH);
        e.askLevels = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(EngineEvent.BOOK_DEPTH);
        final int crossed = random.nextInt(15) == 0 ? 1 + random.nextInt(3) : 0;
        long bid = mid - 1 - random.nextInt(2) + crossed;
        for (int l = 0; l < e.bidLevels; l++) {
            e.bidPrices[l] = bid;
            e.bidQtys[l] = quantity(random);
            bid -= 1 + random.nextInt(2);
        }
        long ask = mid + random.nextInt(2);
        for (int l = 0; l < e.askLevels; l++) {
            e.askPrices[l] = ask;
            e.askQtys[l] = quantity(random);
            ask += 1 + random.nextInt(2);
        }
        final int oddity = random.nextInt(40);
        if (oddity == 2 && e.bidLevels > 0) {
            e.bidPrices[e.bidLevels - 1] = MatchingEngine.MAX_PRICE_TICKS + 1;
        } else if (oddity < 8) {
            BacktestFillModelQueueSpecPropertyTest.shuffle(e.bidPrices, e.bidQtys, e.bidLevels, random);
            BacktestFillModelQueueSpecPropertyTest.shuffle(e.askPrices, e.askQtys, e.askLevels, random);
        }
    }

    /**
     * The instrument's last book at time {@code t} with its prices and, level by level, a new
     * quantity (half of them) or the same one; one side in eight loses its last level.
     */
    private static void repeatedBook(final EngineEvent e, final long t, final EngineEvent last, final SplittableRandom random) {
        e.copyInputsFrom(last);
        e.eventTimeNanos = t;
        for (int l = 0; l < e.bidLevels; l++) {
            e.bidQtys[l] = random.nextBoolean() ? quantity(random) : e.bidQtys[l];
        }
        for (int l = 0; l < e.askLevels; l++) {
            e.askQtys[l] = random.nextBoolean() ? quantity(random) : e.askQtys[l];
        }
        if (e.bidLevels > 0 && random.nextInt(8) == 0) {
            e.bidLevels--;
        }
        if (e.askLevels > 0 && random.nextInt(8) == 0) {
            e.askLevels--;
        }
    }

    private static long quantity(final SplittableRandom random) {
        final int roll = random.nextInt(80);
        if (roll == 0) {
            return 0;
        }
        if (roll == 1) {
            return MatchingEngine.MAX_QUANTITY + 5 + random.nextInt(3);
        }
        return 1 + random.nextInt(30);
    }


    /** A 64-bit running hash of a sequence of longs. */
    private static final class Digest {
        long value = 0x243F6A8885A308D3L;

        void add(final long v) {
            long h = (value ^ v) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
            value = h * 0xBF58476D1CE4E5B9L + 1;
        }
    }
}
