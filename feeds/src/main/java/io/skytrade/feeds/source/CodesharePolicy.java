package io.skytrade.feeds.source;

/**
 * How flight listings that are codeshares of one operated flight are counted: the LHR_COUNT
 * settlement is ambiguous here (one arrival appeared under seven flight numbers), so it is
 * configuration. {@link #OPERATOR_ONLY} counts each operated movement once; {@link #ALL_LISTINGS}
 * counts every flight number.
 *
 * <p>Immutable; thread-safe. Cost: none.
 */
public enum CodesharePolicy {
    OPERATOR_ONLY,
    ALL_LISTINGS
}
