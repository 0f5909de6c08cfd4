package io.skytrade.feeds.source;

/**
 * Which time of an AeroDataBox movement decides its 30-minute bin: the timetable time, or the
 * revised (actual or estimated) time when present. Part of the ambiguous LHR_INDEX definition,
 * so it is configuration.
 *
 * <p>Immutable; thread-safe. Cost: none.
 */
public enum BinTime {
    SCHEDULED,
    REVISED_ELSE_SCHEDULED
}
