package io.skytrade.core.event;

/** Time-in-force codes for order intents. Journal format codes. Hot-path cost: none. */
public final class TimeInForce {
    /** Good till cancelled. */
    public static final int GTC = 0;
    /** Immediate or cancel: what does not fill at once is cancelled. */
    public static final int IOC = 1;

    private TimeInForce() {
    }

    public static String name(final int tif) {
        return tif == GTC ? "GTC" : tif == IOC ? "IOC" : "UNKNOWN(" + tif + ")";
    }
}
