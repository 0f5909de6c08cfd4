package io.skytrade.engine.backtest.report;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSeries;
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
 * A seeded journal of the synthetic world for report tests (the same scheme as bench's
 * SyntheticJournalWriter, which engine tests cannot depend on): one product's five-level book
 * every {@code stepNanos} of world time round robin, its mid following a noisy estimate of the
 * day's settlement that converges as the day goes on; a trade at the touch for one book in three;
 * every data series observed every five minutes; a timer every ten seconds; settlements at London
 * noon. Market data is stamped as received 1 to 4 ms after its event time, as a live feed would
 * be. The same arguments write the same inputs. Test code only.
 */
final class SyntheticTestJournal {
    private static final long START_NANOS = 1_795_600_000_000_000_000L;
    private static final long OBSERVATION_EVERY_NANOS = 5 * SyntheticWorld.MINUTE_NANOS;
    private static final long TIMER_EVERY_NANOS = 10_000_000_000L;

    private final SyntheticWorld world = new SyntheticWorld(7);
    private final SplittableRandom random = new SplittableRandom(11);
    private final double[] truth = new double[WorldProduct.COUNT];
    private final double[] error = new double[WorldProduct.COUNT];
    private final long[] bookSequence = new long[WorldProduct.COUNT];
    private final EngineEvent event = new EngineEvent();
    private InputJournalStage journal;
    private long sequence;
    private long sessionEnd;

    /** Writes {@code events} inputs, books {@code stepNanos} apart, into a new run directory under {@code root}. */
    static RunDirectory write(final long events, final long stepNanos, final Path root, final String configYaml) {
        return new SyntheticTestJournal().run(events, stepNanos, root, configYaml);
    }

    private RunDirectory run(final long events, final long stepNanos, final Path root, final String configYaml) {
        final RunDirectory run = RunDirectory.create(root, configYaml, Instant.ofEpochSecond(0),
            Map.of("synthetic", "SyntheticTestJournal"));
        try (SingleChronicleQueue queue = Queues.openForWriting(run.inputs(), JournalSettings.defaults(), null)) {
            journal = new InputJournalStage(queue);
            journal.onStart();
            long t = START_NANOS;
            long nextObservation = t;
            long nextTimer = t;
            int product = 0;
            startSession(t);
            while (sequence < events) {
                if (t >= sessionEnd) {
                    for (int p = 0; p < WorldProduct.COUNT; p++) {
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
                    for (int s = 0; s < WorldSeries.COUNT; s++) {
                        begin(EventType.OBSERVATION, t);
                        event.instrumentId = s;
                        event.value = world.value(s, t);
                        append();
                    }
                    nextObservation += OBSERVATION_EVERY_NANOS;
                } else {
                    book(product, t);
                    if (random.nextInt(3) == 0) {
                        trade(product, t);
                    }
                    product = (product + 1) % WorldProduct.COUNT;
                    t += stepNanos;
                }
            }
            run.markClosed(journal.entries(), 0, Instant.ofEpochSecond(0));
        }
        return run;
    }

    private void startSession(final long t) {
        sessionEnd = SyntheticWorld.londonNoonAtOrAfter(t + 1);
        world.settleAll(sessionEnd, truth);
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            error[p] = 0.05 * Math.max(1, Math.abs(truth[p])) * random.nextGaussian();
        }
    }

    private void book(final int p, final long t) {
        final double remaining = Math.max(0, (sessionEnd - t) / (double) SyntheticWorld.DAY_NANOS);
        error[p] = error[p] * 0.99 + 0.01 * Math.max(1, Math.abs(truth[p])) * remaining * random.nextGaussian();
        final long mid = Math.max(10, Math.round(truth[p] + error[p]));
        begin(EventType.MARKET_BOOK, t);
        event.receiveTimeNanos = t + 1_000_000L + random.nextInt(3_000_000);
        event.instrumentId = p;
        event.bookSequence = ++bookSequence[p];
        event.bidLevels = EngineEvent.BOOK_DEPTH;
        event.askLevels = EngineEvent.BOOK_DEPTH;
        for (int l = 0; l < EngineEvent.BOOK_DEPTH; l++) {
            event.bidPrices[l] = mid - 1 - l;
            event.askPrices[l] = mid + 1 + l;
            event.bidQtys[l] = 5 + random.nextInt(20);
            event.askQtys[l] = 5 + random.nextInt(20);
        }
        append();
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
