package io.skytrade.feeds.synthetic;

import io.skytrade.feeds.SeriesIds;

/**
 * The physical quantities a synthetic world can be observed for, each with its series name, the
 * standard deviation of a real source's measurement noise and the decimals the real source reports.
 *
 * <p>Immutable; thread-safe. Cost: none.
 */
public enum SeriesKind {
    THAMES_LEVEL(SeriesIds.THAMES_LEVEL, 0.01, 3),
    AIR_TEMP(SeriesIds.AIR_TEMP, 0.2, 1),
    REL_HUMIDITY(SeriesIds.REL_HUMIDITY, 1.5, 0),
    PM25(SeriesIds.PM25, 0.8, 1),
    ARRIVALS_30M(SeriesIds.ARRIVALS, 0, 0),
    DEPARTURES_30M(SeriesIds.DEPARTURES, 0, 0);

    private final String seriesName;
    private final double noise;
    private final int decimals;

    SeriesKind(final String seriesName, final double noise, final int decimals) {
        this.seriesName = seriesName;
        this.noise = noise;
        this.decimals = decimals;
    }

    public String seriesName() {
        return seriesName;
    }

    /** Standard deviation of the measurement noise, in the series' unit. */
    public double noise() {
        return noise;
    }

    /** Decimals the real source reports. */
    public int decimals() {
        return decimals;
    }

    /** The registry id of this kind's series. */
    public int seriesId(final SeriesIds ids) {
        return switch (this) {
            case THAMES_LEVEL -> ids.thamesLevel();
            case AIR_TEMP -> ids.airTemp();
            case REL_HUMIDITY -> ids.relHumidity();
            case PM25 -> ids.pm25();
            case ARRIVALS_30M -> ids.arrivals();
            case DEPARTURES_30M -> ids.departures();
        };
    }
}
