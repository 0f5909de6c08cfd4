package io.skytrade.engine.runtime;

import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSeries;
import io.skytrade.feeds.synthetic.ObservableWorld;
import io.skytrade.feeds.synthetic.SeriesKind;

/**
 * Lets the offline feeds observe the same seeded {@link SyntheticWorld} the simulated exchange
 * settles on, so the alternative data truly predicts settlement. Maps the feeds' series kinds to
 * the world's series codes by registry name.
 *
 * <p>Thread-safety: the world is a pure function of (seed, time). Off the hot path.
 */
public final class WorldObservations implements ObservableWorld {
    private final SyntheticWorld world;
    private final int[] codeOfKind = new int[SeriesKind.values().length];

    public WorldObservations(final SyntheticWorld world) {
        this.world = world;
        for (final SeriesKind kind : SeriesKind.values()) {
            codeOfKind[kind.ordinal()] = -1;
            for (int code = 0; code < WorldSeries.COUNT; code++) {
                if (WorldSeries.name(code).equals(kind.seriesName())) {
                    codeOfKind[kind.ordinal()] = code;
                }
            }
            if (codeOfKind[kind.ordinal()] < 0) {
                throw new IllegalStateException("the synthetic world has no series named " + kind.seriesName());
            }
        }
    }

    @Override
    public double value(final SeriesKind kind, final long epochNanos) {
        return world.value(codeOfKind[kind.ordinal()], epochNanos);
    }

    /** The airport's announced capacity share ({@link SyntheticWorld#announcedCapacity}). */
    @Override
    public double announcedCapacity(final long asOfNanos) {
        return world.announcedCapacity(asOfNanos);
    }

    /** For how many bins the announced share holds ({@link SyntheticWorld#announcedCapacityBins}). */
    @Override
    public int announcedCapacityBins(final long asOfNanos) {
        return world.announcedCapacityBins(asOfNanos);
    }
}
