package io.skytrade.engine.evaluate;

import java.util.List;

/**
 * The times before a settlement at which {@code evaluate} measures fair values: 6 h, 2 h, 1 h and
 * 30 min, with their names in tables and JSON. Constants; no state.
 */
public final class Horizons {
    private static final long MINUTE = 60_000_000_000L;
    /** Time before the settlement of each snapshot, longest first. */
    private static final long[] BEFORE = {360 * MINUTE, 120 * MINUTE, 60 * MINUTE, 30 * MINUTE};
    /** Names of the horizons, in the order of {@link #beforeNanos(int)}. */
    public static final List<String> NAMES = List.of("6h", "2h", "1h", "30m");

    private Horizons() {
    }

    public static int count() {
        return BEFORE.length;
    }

    /** How long before the settlement horizon {@code h} is. */
    public static long beforeNanos(final int h) {
        return BEFORE[h];
    }
}
