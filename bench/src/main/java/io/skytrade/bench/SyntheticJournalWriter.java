package io.skytrade.bench;

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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a large journal of a market on the seeded synthetic world, for the backtest and replay
 * throughput figures in bench/README.md: every {@value #STEP_MILLIS} ms of world time one
 * product's five-level book moves (round robin over the nine products), its quoted mid following
 * a mean-reverting estimate of that day's settlement (the market learns the truth as the day goes
 * on); one book update in five also prints a trade at the touch; each of the six data series is
 * observed every five minutes with the world's own value; a timer ticks every second and each
 * product settles at London noon. Seeded, so the same arguments write the same inputs.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.skytrade.bench.SyntheticJournalWriter
 * EVENTS OUT_ROOT CONFIG.yaml}; prints the run directory. Offline tool; allocates freely.
 */
public final class SyntheticJournalWriter {
    static final long STEP_MILLIS = 50;
    private static final long STEP_NANOS = STEP_MILLIS * 1_000_000L;
    private static final long OBSERVATION_EVERY_NANOS = 5 * SyntheticWorld.MINUTE_NANOS;
    private static final long TIMER_EVERY_NANOS = 1_000_000_000L;
    private static final long START_NANOS = 1_795_600_000_000_000_000L;

    private final SyntheticWorld world = new SyntheticWorld(7);
    private final SplittableRandom random = new SplittableRandom(11);
    private final double[] truth = new double[WorldProduct.COUNT];
    private final double[] error = new double[WorldProduct.COUNT];
    private final long[] bookSequence = new long[WorldProduct.COUNT];
    private final EngineEvent event = new EngineEvent();
    private InputJournalStage journal;
    private long sequence;
    private long sessionEnd;

    public static void main(final String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SyntheticJournalWriter EVENTS OUT_ROOT CONFIG.yaml");
            System.exit(2);
        }
        final long events = Long.parseLong(args[0].replace("_", ""));
        final String config = Files.readString(Path.of(args[2]));
        final long start = System.nanoTime();
        final RunDirectory run = new SyntheticJournalWriter().write(events, Path.of(args[1]), config);
        System.out.printf("wrote %,d inputs in %.1f s: %s%n", events, (System.nanoTime() - start) / 1e9, run.dir());
    }

    /** Writes {@code events} inputs into a new run directory under {@code root} with {@code configYaml}. */
    public RunDirectory write(final long events, final Path root, final String configYaml) {
        final RunDirectory run = RunDirectory.create(root, configYaml, Instant.now(), Map.of("synthetic", "SyntheticJournalWriter"));
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
                    for (int p = 0; p < WorldProduct.COUNT && sequence < events; p++) {
                        settlement(sessionEnd, p);
                    }
                    startSession(t);
                }
                if (t >= nextTimer) {
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
                    if (random.nextInt(5) == 0 && sequence < events) {
                        trade(product, t);
                    }
                    product = (product + 1) % WorldProduct.COUNT;
                    t += STEP_NANOS;
                }
            }
            run.markClosed(journal.entries(), 0, Instant.now());
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
        error[p] = error[p] * (1 - 0.002) + 0.002 * Math.max(1, Math.abs(truth[p])) * remaining * random.nextGaussian();
        final long mid = Math.max(10, Math.round(truth[p] + error[p]));
        begin(EventType.MARKET_BOOK, t);
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
        event.instrumentId = p;
        event.aggressorSide = buy ? Side.BUY : Side.SELL;
        event.tradePriceTicks = buy ? ask : bid;
        event.tradeQty = 1 + random.nextInt(5);
        append();
    }

    private void settlement(final long t, final int p) {
        begin(EventType.SETTLEMENT, t);
        event.instrumentId = p;
        event.value = truth[p];
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
