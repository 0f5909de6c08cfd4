package io.skytrade.feeds.synthetic;

import io.skytrade.core.event.EngineEvent;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * An offline {@link DataClient} for the airport's published flight plans, as AeroDataBox lists the
 * flights still to come with their status: at every half-hour boundary of the injected clock, the
 * arrivals and departures planned in each 30-minute bin of the next {@value #LOOKAHEAD_HOURS} hours
 * ({@link ObservableWorld#planned}: the schedule less the flights a disruption announced by then
 * cancels), as {@link SeriesIds#plannedArrivals()} and {@link SeriesIds#plannedDepartures()}
 * observations timed at the bin start and flagged {@link EngineEvent#QUALITY_PLANNED}. A bin is
 * published when it enters the look-ahead and again only when its plan changes (a revision); it
 * never shows the future beyond what the world has announced at the poll's time.
 *
 * <p>Thread-safety: one poll at a time (see {@link DataClient}). Cost: a few objects per planned
 * bin and poll (off the hot path); completes synchronously.
 */
public final class PlannedFlightsSource implements DataClient {
    /** Hours of plans each publication covers (one AeroDataBox request's longest window). */
    public static final int LOOKAHEAD_HOURS = 12;
    private static final long BIN_NANOS = 30L * 60 * 1_000_000_000L;
    private static final int BINS = LOOKAHEAD_HOURS * 2;

    private final SeriesIds ids;
    private final ObservableWorld world;
    private final EpochNanoClock clock;
    private final Duration pollInterval;
    /** Per bin index: the arrivals and departures last published. */
    private final TreeMap<Long, double[]> published = new TreeMap<>();
    private long lastBin = Long.MIN_VALUE;

    /** @throws IllegalArgumentException when the registry does not list the planned series */
    public PlannedFlightsSource(final SeriesIds ids, final ObservableWorld world, final EpochNanoClock clock,
                                final Duration pollInterval) {
        if (!ids.hasPlans()) {
            throw new IllegalArgumentException("planned flights need the series " + SeriesIds.PLANNED_ARRIVALS + " and "
                + SeriesIds.PLANNED_DEPARTURES + " in the registry");
        }
        this.ids = ids;
        this.world = world;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Override
    public String name() {
        return "synthetic-aerodatabox-plans";
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
        final long now = clock.nanoTime();
        final long current = Math.floorDiv(now, BIN_NANOS);
        final List<Observation> out = new ArrayList<>();
        if (current != lastBin) {
            lastBin = current;
            published.headMap(current).clear();
            final int source = FeedSource.AERODATABOX.code();
            for (long b = current; b < current + BINS; b++) {
                final long t = b * BIN_NANOS;
                final double a = world.planned(SeriesKind.ARRIVALS_30M, t, now);
                final double d = world.planned(SeriesKind.DEPARTURES_30M, t, now);
                if (Double.isNaN(a) || Double.isNaN(d)) {
                    continue;
                }
                final double[] before = published.get(b);
                if (before == null || before[0] != a || before[1] != d) {
                    published.put(b, new double[] {a, d});
                    out.add(new Observation(ids.plannedArrivals(), a, t, source, EngineEvent.QUALITY_PLANNED));
                    out.add(new Observation(ids.plannedDepartures(), d, t, source, EngineEvent.QUALITY_PLANNED));
                }
            }
        }
        return CompletableFuture.completedFuture(new PollResult(name(), PollStatus.OK, out, System.nanoTime() - started, "", 0));
    }
}
