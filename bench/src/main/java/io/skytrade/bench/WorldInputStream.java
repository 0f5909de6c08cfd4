package io.skytrade.bench;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.core.world.WorldSeries;

import java.util.SplittableRandom;

/**
 * A replayable input stream for the benchmarks, drawn from the seeded synthetic world the
 * simulator settles on: book updates of the nine products around their settlement values and
 * observations of the six data series (one input in ten by default; a live feed is nearer one in
 * a thousand, see LatencyHarness --observation-every), world time advancing 5 s
 * per event, or by seeded exponential gaps of 5 s on average ({@code jitterSeed}: the irregular
 * arrival times of a live feed, which no cache keyed by an exact interval hits). Precomputed once; {@link #next} copies the next input into a ring slot and records
 * the event's intended and actual send times (System.nanoTime) by sequence for the latency probe.
 * No allocation after construction.
 */
final class WorldInputStream {
    static final InputTranslator<WorldInputStream> NEXT = (event, stream) -> stream.next(event);
    static final int TIMES = 1 << 20;
    private static final int SIZE = 1 << 16;
    /** World time between two inputs. */
    static final long STEP_NANOS = 5_000_000_000L;
    /** World time of the first input of the default stream, epoch nanoseconds. */
    static final long T0 = 1_795_600_000_000_000_000L;

    private final EngineEvent[] inputs = new EngineEvent[SIZE];
    /** World time from the first input of the table to the first of its next pass (the wrap's shift). */
    private final long span;
    final long[] intendedNanos = new long[TIMES];
    final long[] publishedNanos = new long[TIMES];
    private long index;
    long intended;

    WorldInputStream() {
        this(10);
    }

    /** @param observationEvery one input in this many is an observation (10: the benchmarks' default) */
    WorldInputStream(final int observationEvery) {
        this(observationEvery, T0);
    }

    /**
     * @param observationEvery one input in this many is an observation; 0: book updates only
     * @param t0               world time of the first input, epoch nanoseconds
     */
    WorldInputStream(final int observationEvery, final long t0) {
        this(observationEvery, t0, 0);
    }

    /**
     * @param observationEvery one input in this many is an observation; 0: book updates only
     * @param t0               world time of the first input, epoch nanoseconds
     * @param jitterSeed       0: inputs exactly {@link #STEP_NANOS} apart; otherwise the seed of
     *                         exponentially distributed gaps with that mean (a Poisson arrival process)
     */
    WorldInputStream(final int observationEvery, final long t0, final long jitterSeed) {
        if (observationEvery != 0 && observationEvery < 2) {
            throw new IllegalArgumentException("observationEvery " + observationEvery + " must be 0 (none) or at least 2");
        }
        final SyntheticWorld world = new SyntheticWorld(7);
        final SplittableRandom random = new SplittableRandom(11);
        final double[] settle = new double[9];
        final WorldSettlement settlement = new WorldSettlement(world, SettlementRules.defaults());
        settlement.settleAll(settlement.nextSettlementAtOrAfter(t0), settle);
        final SplittableRandom gaps = jitterSeed == 0 ? null : new SplittableRandom(jitterSeed);
        long t = t0;
        for (int i = 0; i < SIZE; i++) {
            final EngineEvent e = new EngineEvent();
            e.eventTimeNanos = t;
            e.receiveTimeNanos = t;
            if (observationEvery > 0 && i % observationEvery == observationEvery - 1) {
                final int series = (i / observationEvery) % WorldSeries.COUNT;
                e.type = EventType.OBSERVATION;
                e.instrumentId = series;
                e.value = world.value(series, t);
            } else {
                final int id = i % 9;
                final long mid = Math.max(10, Math.round(settle[id] * (1 + 0.01 * random.nextGaussian())));
                e.type = EventType.MARKET_BOOK;
                e.instrumentId = id;
                e.bidLevels = EngineEvent.BOOK_DEPTH;
                e.askLevels = EngineEvent.BOOK_DEPTH;
                for (int l = 0; l < EngineEvent.BOOK_DEPTH; l++) {
                    e.bidPrices[l] = mid - 1 - l;
                    e.askPrices[l] = mid + 1 + l;
                    e.bidQtys[l] = 5 + random.nextInt(20);
                    e.askQtys[l] = 5 + random.nextInt(20);
                }
            }
            inputs[i] = e;
            t += gaps == null ? STEP_NANOS : Math.max(1_000L, Math.round(-StrictMath.log(1.0 - gaps.nextDouble()) * STEP_NANOS));
        }
        span = t - t0;
    }

    /** World time of the input {@link #copyNext} copies next, epoch nanoseconds. */
    long peekTime() {
        final long i = index;
        return inputs[(int) (i & (SIZE - 1))].eventTimeNanos + (i >>> 16) * span;
    }

    /** The {@link EventType} of the input {@link #copyNext} copies next. */
    int peekType() {
        return inputs[(int) (index & (SIZE - 1))].type;
    }

    /** Copies the input {@link #copyNext} copies next into {@code e} (its sequence kept) without moving on. */
    void peekInto(final EngineEvent e) {
        copyInput(e);
        index--;
    }

    /** Copies the next input into {@code e} and records when it was published (the latency harness). */
    void next(final EngineEvent e) {
        copyInput(e);
        final int slot = (int) (e.sequence & (TIMES - 1));
        intendedNanos[slot] = intended;
        publishedNanos[slot] = System.nanoTime();
    }

    /**
     * Copies the next input without timing (JMH). Its cost (mostly cache misses: the inputs are
     * 64k events of ~5 KB) is in every JMH row that uses it; {@code BusinessStagesBenchmark}'s
     * {@code none} row measures it alone.
     */
    void copyNext(final EngineEvent e, final long sequence) {
        e.sequence = sequence;
        copyInput(e);
    }

    /** Copies the next input into {@code e}, keeping its sequence (world time keeps advancing across wraps). */
    private void copyInput(final EngineEvent e) {
        final long i = index++;
        final long sequence = e.sequence;
        e.copyInputsFrom(inputs[(int) (i & (SIZE - 1))]);
        e.sequence = sequence;
        final long shift = (i >>> 16) * span;
        e.eventTimeNanos += shift;
        e.receiveTimeNanos += shift;
    }
}
