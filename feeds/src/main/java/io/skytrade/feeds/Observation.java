package io.skytrade.feeds;

/**
 * One parsed data point of one series: the value in the series' documented unit, when it was
 * observed at the source (epoch nanoseconds) and its quality flags
 * ({@code EngineEvent.QUALITY_STALE}, {@code EngineEvent.QUALITY_ESTIMATED}).
 *
 * <p>Immutable; thread-safe. Cost: one small allocation per observation (feeds are off the hot
 * path; the ring slot is filled by a constant translator).
 *
 * @param seriesId       registry id of the data series
 * @param value          value in the series' unit
 * @param eventTimeNanos observation time at the source, epoch nanoseconds
 * @param source         {@link FeedSource#code()} of the producing source
 * @param quality        bit set of QUALITY_* flags
 */
public record Observation(int seriesId, double value, long eventTimeNanos, int source, int quality) {

    /** A copy with the given quality flags added. */
    public Observation withQuality(final int flags) {
        return new Observation(seriesId, value, eventTimeNanos, source, quality | flags);
    }
}
