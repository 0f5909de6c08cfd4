package io.skytrade.engine.demo;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSeries;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import io.skytrade.journal.RunDirectory;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a seeded journal of a market on the synthetic world the simulator settles on, for trying
 * backtests, sweeps and reports without recorded data, for the throughput figures in
 * bench/README.md and for tests ({@code skytrade journal synth}). Every {@code stepNanos} of world
 * time one product's five-level book moves (round robin over the nine products), its mid following
 * a noisy estimate of the day's settlement that converges as the day goes on, levels that stay
 * keeping their quantity and one level a side re-quoted; one book in three also prints a trade at
 * the touch, which the next book shows consumed; each data series is observed every five minutes with the
 * world's own value; a timer ticks every second; every product settles at London noon, and the
 * next session opens. Market data is stamped as received 1 to 4 ms after its event time, as a live
 * feed would be. The same arguments write the same inputs, in batch documents of 256 inputs (as a
 * live engine's ring batches are journaled; {@link InputJournalStage#holdBatches()}).
 *
 * <p>Offline tool: a few hundred nanoseconds per input (the world's values and the encoding).
 */
public final class SyntheticJournal {
    /** World time of the first input: 2026-11-25T09:46:40Z. */
    public static final long START_NANOS = 1_795_600_000_000_000_000L;
    private static final long OBSERVATION_EVERY_NANOS = 5 * SyntheticWorld.MINUTE_NANOS;
    private static final long TIMER_EVERY_NANOS = 1_000_000_000L;

    private final SyntheticWorld world = new SyntheticWorld(7);
    private final WorldSettlement settlement = new WorldSettlement(world, SettlementRules.defaults());
    private final SplittableRandom random = new SplittableRandom(11);
    private final double[] truth = new double[WorldProduct.COUNT];
    private final double[] error = new double[WorldProduct.COUNT];
    private final long[] bookSequence = new long[WorldProduct.COUNT];
    private final long[] bookMid = new long[WorldProduct.COUNT];
    private final long[][] bidQty = new long[WorldProduct.COUNT][EngineEvent.BOOK_DEPTH];
    private final long[][] askQty = new long[WorldProduct.COUNT][EngineEvent.BOOK_DEPTH];
    private final EngineEvent event = new EngineEvent();
    private InputJournalStage journal;
    private long sequence;
    private long sessionEnd;

    private SyntheticJournal() {
    }

    /**
     * Writes {@code events} inputs, books {@code stepNanos} of world time apart, into a new run
     * directory under {@code root} that carries {@code configYaml} as its configuration.
     */
    public static RunDirectory write(final long events, final long stepNanos, final Path root, final String configYaml) {
        if (events <= 0 || stepNanos <= 0) {
            throw new IllegalArgumentException("synthetic journal: events (" + events + ") and step (" + stepNanos
                + " ns) must be positive");
        }
        return new SyntheticJournal().run(events, stepNanos, root, configYaml);
    }

    private RunDirectory run(final long events, final long stepNanos, final Path root, final String configYaml) {
        final RunDirectory run = RunDirectory.create(root, configYaml, Instant.now(),
            Map.of(RunDirectory.SYNTHETIC, "SyntheticJournal seed 7/11, step " + stepNanos + " ns"));
        try (SingleChronicleQueue queue = Queues.openForWriting(run.inputs(), JournalSettings.defaults(), null)) {
            journal = new InputJournalStage(queue).holdBatches();
            journal.onStart();
            long t = START_NANOS;
            long nextObservation = t;
            long nextTimer = t;
            int product = 0;
            startSession(t);
            while (sequence < events) {
                if (t >= sessionEnd) {
                    for (int p = 0; p < WorldProduct.COUNT && sequence < events; p++) {
                        begin(EventType.SETTLEMENT, sessionEnd);
                        event.instrumentId = p;
                        event.value = truth[p];
                        append();
                    }
                    startSession(t);
                } else if (t >= nextTimer) {
                    begin(EventType.TIMER, t);
                    append();
                    nextTimer += TIMER_EVERY_NANOS;
                } else if (t >= nextObservation) {
                    for (int s = 0; s < WorldSeries.COUNT && sequence < events; s++) {
                        begin(EventType.OBSERVATION, t);
                        event.instrumentId = s;
                        event.value = world.value(s, t);
                        append();
                    }
                    nextObservation += OBSERVATION_EVERY_NANOS;
                } else {
                    book(product, t);
                    if (random.nextInt(3) == 0 && sequence < events) {
                        trade(product, t);
                    }
                    product = (product + 1) % WorldProduct.COUNT;
                    t += stepNanos;
                }
            }
            journal.onShutdown();
            run.markClosed(journal.entries(), 0, Instant.now());
        }
        return run;
    }

    private void startSession(final long t) {
        sessionEnd = settlement.nextSettlementAtOrAfter(t + 1);
        settlement.settleAll(sessionEnd, truth);
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            error[p] = 0.05 * Math.max(1, Math.abs(truth[p])) * random.nextGaussian();
        }
    }

    private void book(final int p, final long t) {
        final double remaining = Math.max(0, (sessionEnd - t) / (double) SyntheticWorld.DAY_NANOS);
        error[p] = error[p] * 0.999 + 0.002 * Math.max(1, Math.abs(truth[p])) * remaining * random.nextGaussian();
        final long mid = Math.max(10, Math.round(truth[p] + error[p]));
        moveBook(p, mid);
        begin(EventType.MARKET_BOOK, t);
        event.receiveTimeNanos = t + 1_000_000L + random.nextInt(3_000_000);
        event.instrumentId = p;
        event.bookSequence = ++bookSequence[p];
        event.bidLevels = EngineEvent.BOOK_DEPTH;
        event.askLevels = EngineEvent.BOOK_DEPTH;
        for (int l = 0; l < EngineEvent.BOOK_DEPTH; l++) {
            event.bidPrices[l] = mid - 1 - l;
            event.askPrices[l] = mid + 1 + l;
            event.bidQtys[l] = bidQty[p][l];
            event.askQtys[l] = askQty[p][l];
        }
        append();
    }

    /**
     * Moves product {@code p}'s book to {@code mid} as a venue's book changes between updates:
     * levels that stay keep their quantity, new levels get a fresh one, and one level a side is
     * re-quoted.
     */
    private void moveBook(final int p, final long mid) {
        final long shift = mid - bookMid[p];
        bookMid[p] = mid;
        shiftLevels(bidQty[p], -shift);
        shiftLevels(askQty[p], shift);
        bidQty[p][random.nextInt(EngineEvent.BOOK_DEPTH)] = freshQuantity();
        askQty[p][random.nextInt(EngineEvent.BOOK_DEPTH)] = freshQuantity();
    }

    /**
     * Re-indexes one side's quantities: level l now shows the price old level l + {@code offset}
     * showed (bids: minus the mid's move, asks: plus it); levels with no old counterpart are fresh.
     */
    private void shiftLevels(final long[] qty, final long offset) {
        if (offset == 0) {
            return;
        }
        final long[] old = qty.clone();
        for (int l = 0; l < qty.length; l++) {
            final long from = l + offset;
            qty[l] = from >= 0 && from < qty.length ? old[(int) from] : freshQuantity();
        }
    }

    private long freshQuantity() {
        return 5 + random.nextInt(20);
    }

    private void trade(final int p, final long t) {
        final boolean buy = random.nextBoolean();
        final long bid = event.bidPrices[0];
        final long ask = event.askPrices[0];
        begin(EventType.MARKET_TRADE, t);
        event.receiveTimeNanos = t + 1_000_000L + random.nextInt(3_000_000);
        event.instrumentId = p;
        event.aggressorSide = buy ? Side.BUY : Side.SELL;
        event.tradePriceTicks = buy ? ask : bid;
        event.tradeQty = 1 + random.nextInt(5);
        final long[] touch = buy ? askQty[p] : bidQty[p];
        touch[0] = touch[0] > event.tradeQty ? touch[0] - event.tradeQty : freshQuantity();
        append();
    }

    private void begin(final int type, final long t) {
        event.clear();
        event.type = type;
        event.eventTimeNanos = t;
        event.receiveTimeNanos = t;
    }

    private void append() {
        event.sequence = sequence;
        journal.onEvent(event, sequence, true);
        sequence++;
    }
}
