package io.skytrade.core.event;

/**
 * Operator commands carried by {@link EventType#CONTROL} events in {@link EngineEvent#controlCode}.
 * They enter the ring like any input, so they are journaled and a replay reproduces them.
 * Journal format codes: append only. Hot-path cost: none.
 */
public final class ControlCode {
    public static final int NONE = 0;
    /** Enter safe mode: cancel open orders and reject new intents. */
    public static final int SAFE = 1;
    /** Leave safe mode (the only way out of it). */
    public static final int RESUME = 2;
    /** Stop trading for good in this run. */
    public static final int HALT = 3;

    private static final String[] NAMES = {"NONE", "SAFE", "RESUME", "HALT"};

    private ControlCode() {
    }

    public static String name(final int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : "UNKNOWN(" + code + ")";
    }
}
