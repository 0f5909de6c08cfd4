package io.skytrade.engine.demo;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import org.agrona.concurrent.EpochNanoClock;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The embedded market-data source for the demo and the benchmarks until the simulated exchange
 * is wired: a seeded random walk of each instrument's mid price with a five-level book around it,
 * published round-robin over the instruments at a fixed rate from its own thread, parking between
 * sends as an I/O thread would. The walk is seeded, so two runs see the same prices; their times
 * come from the injected clock.
 *
 * <p>Thread-safety: {@link #run} on one thread, {@link #stop} from any. Cost per event: one random
 * draw and one ring publish through a constant translator; no allocation.
 */
public final class SyntheticMarketSource implements Runnable {
    private static final InputTranslator<SyntheticMarketSource> BOOK = (event, source) -> source.writeBook(event);

    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final int instruments;
    private final long periodNanos;
    private final double volatility;
    private final int spread;
    private final long levelQty;
    private final SplittableRandom random;
    private final double[] mid;
    private final long[] bookSequence;
    private volatile boolean running = true;
    private volatile long published;
    private int current;

    public SyntheticMarketSource(final InboundPublisher publisher, final EpochNanoClock clock, final int instruments,
                                 final long seed, final int eventsPerSecond, final long startPrice,
                                 final double volatilityTicks, final int spreadTicks, final long levelQty) {
        this.publisher = publisher;
        this.clock = clock;
        this.instruments = instruments;
        this.periodNanos = 1_000_000_000L / eventsPerSecond;
        this.volatility = volatilityTicks;
        this.spread = spreadTicks;
        this.levelQty = levelQty;
        this.random = new SplittableRandom(seed);
        this.mid = new double[instruments];
        this.bookSequence = new long[instruments];
        for (int i = 0; i < instruments; i++) {
            mid[i] = startPrice * (1 + i * 0.25);
        }
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (running) {
            publishNext();
            next += periodNanos;
            long wait;
            while ((wait = next - System.nanoTime()) > 0 && running) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Advances one instrument's walk and publishes its book (also used directly by tests and benches). */
    public void publishNext() {
        publisher.publish(BOOK, this);
        published++;
        current = current + 1 == instruments ? 0 : current + 1;
    }

    private void writeBook(final EngineEvent e) {
        final int id = current;
        double m = mid[id] + volatility * random.nextGaussian();
        if (m < 10 + spread * EngineEvent.BOOK_DEPTH) {
            m = 10 + spread * EngineEvent.BOOK_DEPTH;
        }
        mid[id] = m;
        final long bid = (long) Math.floor(m - spread / 2.0);
        final long ask = bid + spread;
        e.type = EventType.MARKET_BOOK;
        e.eventTimeNanos = clock.nanoTime();
        e.instrumentId = id;
        e.bookSequence = ++bookSequence[id];
        e.bidLevels = EngineEvent.BOOK_DEPTH;
        e.askLevels = EngineEvent.BOOK_DEPTH;
        for (int l = 0; l < EngineEvent.BOOK_DEPTH; l++) {
            e.bidPrices[l] = bid - l;
            e.askPrices[l] = ask + l;
            e.bidQtys[l] = levelQty + random.nextInt(1 + (int) levelQty);
            e.askQtys[l] = levelQty + random.nextInt(1 + (int) levelQty);
        }
    }

    public void stop() {
        running = false;
    }

    public long published() {
        return published;
    }
}
