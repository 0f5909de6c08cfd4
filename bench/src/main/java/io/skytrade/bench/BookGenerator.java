package io.skytrade.bench;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InputTranslator;

import java.util.SplittableRandom;

/**
 * Seeded market-data input for the benchmarks: a random-walk mid per instrument with a five-level
 * book, written round-robin over nine instruments. The event time is the benchmark's intended send
 * time and the receive time the actual publish time (both System.nanoTime), which the latency
 * probe subtracts from. No allocation.
 */
final class BookGenerator {
    static final InputTranslator<BookGenerator> BOOK = (event, generator) -> generator.write(event);
    static final int INSTRUMENTS = 9;

    private final SplittableRandom random = new SplittableRandom(42);
    private final double[] mid = new double[INSTRUMENTS];
    private int current;
    long intendedNanos;

    BookGenerator() {
        for (int i = 0; i < INSTRUMENTS; i++) {
            mid[i] = 1000 + 250 * i;
        }
    }

    void write(final EngineEvent e) {
        final int id = current;
        current = current + 1 == INSTRUMENTS ? 0 : current + 1;
        mid[id] += 2 * random.nextGaussian();
        final long bid = (long) mid[id] - 1;
        e.type = EventType.MARKET_BOOK;
        e.eventTimeNanos = intendedNanos;
        e.receiveTimeNanos = System.nanoTime();
        e.instrumentId = id;
        e.bidLevels = EngineEvent.BOOK_DEPTH;
        e.askLevels = EngineEvent.BOOK_DEPTH;
        for (int l = 0; l < EngineEvent.BOOK_DEPTH; l++) {
            e.bidPrices[l] = bid - l;
            e.askPrices[l] = bid + 2 + l;
            e.bidQtys[l] = 10 + l;
            e.askQtys[l] = 10 + l;
        }
    }
}
