package io.skytrade.feeds.synthetic;

import io.skytrade.core.world.WorldReadings;
import io.skytrade.core.world.WorldSeries;
import io.skytrade.feeds.SeriesIds;

/**
 * The physical quantities a synthetic world can be observed for, each with its series name and
 * {@link WorldSeries} code; the real source's measurement noise and decimals are
 * {@link WorldReadings}' (one definition for the feeds and the simulated market).
 *
 * <p>Immutable; thread-safe. Cost: none.
 */
public enum SeriesKind {
    THAMES_LEVEL(SeriesIds.THAMES_LEVEL),
    AIR_TEMP(SeriesIds.AIR_TEMP),
    REL_HUMIDITY(SeriesIds.REL_HUMIDITY),
    PM25(SeriesIds.PM25),
    ARRIVALS_30M(SeriesIds.ARRIVALS),
    DEPARTURES_30M(SeriesIds.DEPARTURES);

    private final String seriesName;
    private final int worldSeries;

    SeriesKind(final String seriesName) {
        this.seriesName = seriesName;
        this.worldSeries = WorldSeries.code(seriesName);
    }

    public String seriesName() {
        return seriesName;
    }

    /** The {@link WorldSeries} code of this quantity. */
    public int worldSeries() {
        return worldSeries;
    }

    /** Standard deviation of the measurement noise, in the series' unit. */
    public double noise() {
        return WorldReadings.noise(worldSeries);
    }

    /** Decimals the real source reports. */
    public int decimals() {
        return WorldReadings.decimals(worldSeries);
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
