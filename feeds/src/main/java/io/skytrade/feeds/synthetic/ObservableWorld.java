package io.skytrade.feeds.synthetic;

/**
 * The hidden "true" state of the physical world that synthetic sources observe: the value of a
 * quantity at an instant (flight kinds: the count in the 30-minute bin starting at that instant).
 * The engine adapts its seeded world model to this interface; {@link SeededWorld} is a small
 * stand-alone implementation.
 *
 * <p>Implementations must be deterministic (same arguments, same value) and thread-safe.
 * Cost: implementation-defined; called off the hot path.
 */
@FunctionalInterface
public interface ObservableWorld {
    /** The true value of {@code kind} at {@code epochNanos}, in the series' unit. */
    double value(SeriesKind kind, long epochNanos);

    /**
     * The share of the airport's schedule announced at {@code asOfNanos} to operate from then (1
     * normally, a disruption's share while one lasts); NaN when this world announces nothing (the
     * default).
     */
    default double announcedCapacity(final long asOfNanos) {
        return Double.NaN;
    }

    /** For how many 30-minute bins from the one containing {@code asOfNanos} the announced share holds; 0 normally. */
    default int announcedCapacityBins(final long asOfNanos) {
        return 0;
    }
}
