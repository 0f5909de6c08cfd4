package io.skytrade.feeds.synthetic;

import io.skytrade.core.world.WorldReadings;
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
 * An offline {@link DataClient} that observes an {@link ObservableWorld} the way a real source
 * would: readings at multiples of the cadence, available only after the source's delay (and in
 * batches where the real source batches), with seeded Gaussian noise rounded to the source's
 * decimals ({@link WorldReadings#measure}: the simulated market's participants read the same). Each poll returns the readings that became available since the last poll, judged by
 * the injected clock, so a run driven by a manual clock is exactly repeatable.
 *
 * <p>Thread-safety: one poll at a time (see {@link DataClient}). Cost: a few objects per reading
 * (off the hot path); completes synchronously.
 */
public final class SyntheticSource implements DataClient {
    private final SyntheticSourceSpec spec;
    private final SeriesIds ids;
    private final ObservableWorld world;
    private final long seed;
    private final double noiseScale;
    private final EpochNanoClock clock;
    private final Duration pollInterval;
    private final long cadence;
    private long lastEmitted = Long.MIN_VALUE;

    public SyntheticSource(final SyntheticSourceSpec spec, final SeriesIds ids, final ObservableWorld world, final long seed,
                           final double noiseScale, final EpochNanoClock clock, final Duration pollInterval) {
        this.spec = spec;
        this.ids = ids;
        this.world = world;
        this.seed = seed;
        this.noiseScale = noiseScale;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.cadence = spec.cadence().toNanos();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public FeedSource source() {
        return spec.source();
    }

    @Override
    public Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public synchronized CompletableFuture<PollResult> poll() {
        final long started = System.nanoTime();
        final long now = clock.nanoTime();
        final long newest = newestAvailable(now);
        final long first = lastEmitted == Long.MIN_VALUE ? newest - (spec.backfill() - 1) * cadence : lastEmitted + cadence;
        final List<Observation> out = new ArrayList<>();
        for (long t = first; t <= newest; t += cadence) {
            for (final SeriesKind kind : spec.kinds()) {
                out.add(new Observation(kind.seriesId(ids), measure(kind, t), t, spec.source().code(), 0));
            }
        }
        if (newest >= first) {
            lastEmitted = newest;
        }
        return CompletableFuture.completedFuture(new PollResult(spec.name(), PollStatus.OK, out, System.nanoTime() - started, "", 0));
    }

    /** The newest observation time whose reading is available at {@code now}. */
    private long newestAvailable(final long now) {
        return WorldReadings.newestPublished(cadence, spec.delay().toNanos(), spec.batch().toNanos(), now);
    }

    private double measure(final SeriesKind kind, final long t) {
        return WorldReadings.measure(kind.worldSeries(), world.value(kind, t), t, seed, noiseScale);
    }
}
