package io.skytrade.feeds;

/**
 * The alternative-data sources skytrade knows, with the stable {@code int} code written to
 * {@code EngineEvent.source} of every observation they produce (part of the journal format:
 * never renumber, only append). Synthetic sources publish with the code of the source they imitate.
 *
 * <p>Immutable; thread-safe. Hot-path cost: none.
 */
public enum FeedSource {
    OPEN_METEO_FORECAST(1, "open-meteo"),
    OPENWEATHERMAP(2, "openweathermap"),
    OPEN_METEO_AIR(3, "open-meteo-air"),
    OPENAQ(4, "openaq"),
    AERODATABOX(5, "aerodatabox"),
    OPENSKY(6, "opensky"),
    EA_FLOOD(7, "ea-flood");

    private final int code;
    private final String label;

    FeedSource(final int code, final String label) {
        this.code = code;
        this.label = label;
    }

    /** Code stored in {@code EngineEvent.source}. */
    public int code() {
        return code;
    }

    /** Short lower-case name used in config keys, cache file names, tables and messages. */
    public String label() {
        return label;
    }
}
