package io.skytrade.engine.sweep;

/**
 * What a sweep row's window is to its split: the window a set is chosen on, the next window the
 * choice is tested on, or (without walk-forward) the whole journal.
 */
public enum SweepPhase {
    IN_SAMPLE("in-sample"), OUT_OF_SAMPLE("out-of-sample"), FULL("full");

    private final String label;

    SweepPhase(final String label) {
        this.label = label;
    }

    /** The name written to {@code sweep.csv}. */
    public String label() {
        return label;
    }
}
