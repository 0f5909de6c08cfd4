package io.skytrade.feeds.synthetic;

import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import io.skytrade.feeds.SeriesIds;
import org.agrona.concurrent.EpochNanoClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An offline {@link DataClient} for the capacity the airport announces, as AeroDataBox shows it in
 * the status of the flights still to come (a disruption cancels a share of them for a stretch of
 * slots, announced when it begins): at every half-hour boundary of the injected clock, the share of
 * the schedule announced to operate from then ({@link SeriesIds#capacityShare()}, 1 normally) and
 * for how many half-hour bins it holds ({@link SeriesIds#capacityBins()}, 0 normally), both timed
 * at the boundary, as {@link ObservableWorld#announcedCapacity} gives them then: nothing later. The
 * first poll also publishes the announcements of the last {@value #BACKFILL_BINS} boundaries, each
 * as it was at its time (a cold start learns of a disruption under way and when it began).
 *
 * <p>Thread-safety: one poll at a time (see {@link DataClient}). Cost: two observations per half
 * hour (off the hot path); completes synchronously.
 */
public final class AnnouncedCapacitySource implements DataClient {
    /** Past half-hour announcements the first poll publishes (six hours: longer than any disruption). */
    public static final int BACKFILL_BINS = 12;
    private static final long BIN_NANOS = 30L * 60 * 1_000_000_000L;

    private final SeriesIds ids;
    private final ObservableWorld world;
    private final EpochNanoClock clock;
    private final Duration pollInterval;
    private long lastBin = Long.MIN_VALUE;

    /** @throws IllegalArgumentException when the registry does not list the announced-capacity series */
    public AnnouncedCapacitySource(final SeriesIds ids, final ObservableWorld world, final EpochNanoClock clock,
                                   final Duration pollInterval) {
        if (!ids.hasCapacity()) {
            throw new IllegalArgumentException("announced capacity needs the series " + SeriesIds.CAPACITY_SHARE + " and "
                + SeriesIds.CAPACITY_BINS + " in the registry");
        }
        this.ids = ids;
        this.world = world;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Override
    public String name() {
        return "synthetic-aerodatabox-capacity";
    }

    @Override
    public FeedSource source() {
        return FeedSource.AERODATABOX;
    }

    @Override
    public Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public synchronized CompletableFuture<PollResult> poll() {
        final long started = System.nanoTime();
        final long current = Math.floorDiv(clock.nanoTime(), BIN_NANOS);
        final List<Observation> out = new ArrayList<>();
        if (current != lastBin) {
            final long first = lastBin == Long.MIN_VALUE ? current - BACKFILL_BINS : lastBin + 1;
            for (long b = Math.max(first, current - BACKFILL_BINS); b <= current; b++) {
                final long t = b * BIN_NANOS;
                final double share = world.announcedCapacity(t);
                if (Double.isNaN(share)) {
                    continue;
                }
                out.add(new Observation(ids.capacityShare(), share, t, FeedSource.AERODATABOX.code(), 0));
                out.add(new Observation(ids.capacityBins(), world.announcedCapacityBins(t), t, FeedSource.AERODATABOX.code(), 0));
            }
            lastBin = current;
        }
        return CompletableFuture.completedFuture(new PollResult(name(), PollStatus.OK, out, System.nanoTime() - started, "", 0));
    }
}
