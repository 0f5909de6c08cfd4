package io.skytrade.feeds;

import java.util.List;

/**
 * What one poll of one {@link DataClient} produced: status, the observations (fresh, or cached
 * and flagged {@code QUALITY_STALE}), how long it took, what went wrong (secrets redacted) and the
 * age of the cached data served.
 *
 * <p>Immutable; thread-safe. Cost: one allocation per poll.
 *
 * @param name           client name
 * @param status         outcome
 * @param observations   observations to publish, never null
 * @param latencyNanos   wall time of the poll
 * @param error          empty when nothing went wrong, else one line per failed request
 * @param staleAgeNanos  age of the oldest cached response served, 0 when none
 */
public record PollResult(String name, PollStatus status, List<Observation> observations, long latencyNanos,
                         String error, long staleAgeNanos) {
    public PollResult {
        observations = List.copyOf(observations);
    }
}
