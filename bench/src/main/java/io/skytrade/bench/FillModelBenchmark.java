package io.skytrade.bench;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.fill.BacktestFillModel;
import io.skytrade.exchange.fill.FillModelConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cost per recorded input of the backtest's fill model ({@link BacktestFillModel}): the
 * synthetic world's books and trades of {@link WorldInputStream} mirrored into the matching
 * engine, with, every {@code quoteEvery} inputs, one of our passive orders joining the best level
 * of the book just seen (and our previous order on that product cancelled), so queue positions,
 * fills and cancels are exercised along with the mirroring. Order events are translated into a
 * scratch event instead of a ring. Run with {@code -prof gc} for bytes per input (the mirror must
 * not allocate once its level lists have grown).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class FillModelBenchmark {
    @Param({"16"})
    public int quoteEvery;

    private final WorldInputStream stream = new WorldInputStream();
    private final EngineEvent event = new EngineEvent();
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
    private final ScratchPublisher publisher = new ScratchPublisher();
    private final long[] ourOrder = new long[EngineEvent.MAX_INSTRUMENTS];
    private BacktestFillModel model;
    private long sequence;
    private long nextOrderId = 1;

    @Setup(Level.Trial)
    public void setUp() {
        model = new BacktestFillModel(FillModelConfig.builder().instrumentCount(EngineEvent.MAX_INSTRUMENTS)
            .latencyNanos(1_000_000L).positionLimit(1_000_000L).build(), clock, publisher);
    }

    @Benchmark
    public long recordedInput() {
        final long seq = sequence++;
        final EngineEvent e = event;
        stream.copyNext(e, seq);
        clock.set(e.eventTimeNanos);
        model.advanceTo(e.eventTimeNanos);
        if (e.type == EventType.SETTLEMENT) {
            model.settle(e.instrumentId, e.value);
        } else {
            model.onMarketEvent(e);
        }
        if (seq % quoteEvery == 0 && e.type == EventType.MARKET_BOOK && e.bidLevels > 0 && e.askLevels > 0) {
            quote(e, seq);
        }
        return publisher.published;
    }

    private void quote(final EngineEvent book, final long seq) {
        final int instrument = book.instrumentId;
        if (ourOrder[instrument] != 0) {
            model.sendCancel(ourOrder[instrument], instrument);
        }
        final boolean buy = (seq / quoteEvery & 1) == 0;
        final long id = nextOrderId++;
        model.sendNewOrder(id, instrument, buy ? Side.BUY : Side.SELL, buy ? book.bidPrices[0] : book.askPrices[0], 1,
            TimeInForce.GTC);
        ourOrder[instrument] = id;
    }

    /** Applies each translator to one reused event, as the ring would to a slot. */
    private static final class ScratchPublisher implements InboundPublisher {
        private final EngineEvent slot = new EngineEvent();
        long published;

        @Override
        public <A> long publish(final InputTranslator<A> translator, final A source) {
            slot.clear();
            translator.translateTo(slot, source);
            return published++;
        }
    }
}
