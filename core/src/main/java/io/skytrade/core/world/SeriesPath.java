package io.skytrade.core.world;

/**
 * A path of the world's series over time: what the settlement formulas read. The
 * {@link SyntheticWorld} is one path; a public forecast can build another from published readings
 * and its own view of the future, and {@link WorldSettlement} settles either with the same code
 * and the same settlement rules.
 *
 * <p>Implementations must be deterministic; thread-safety is theirs to state. Not for the engine's
 * hot path.
 */
@FunctionalInterface
public interface SeriesPath {
    /**
     * Value of the {@link WorldSeries} {@code series} at {@code epochNanos}, in the series' unit;
     * flight series give the count of the 30-minute bin that contains the time.
     */
    double value(int series, long epochNanos);
}
