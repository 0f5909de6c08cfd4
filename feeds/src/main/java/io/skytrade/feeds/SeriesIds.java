package io.skytrade.feeds;

import io.skytrade.core.registry.InstrumentRegistry;

/**
 * The registry ids of the data series the feeds write, resolved once at start-up so that parsers
 * produce ids, never names.
 *
 * <p>Immutable; thread-safe. Cost: none after construction.
 *
 * @param thamesLevel     {@value #THAMES_LEVEL}: Thames at Westminster, metres AOD
 * @param airTemp         {@value #AIR_TEMP}: air temperature, °C
 * @param relHumidity     {@value #REL_HUMIDITY}: relative humidity, %
 * @param pm25            {@value #PM25}: PM2.5, µg/m³
 * @param arrivals        {@value #ARRIVALS}: Heathrow arrivals in the 30-minute bin starting at the observation time
 * @param departures      {@value #DEPARTURES}: Heathrow departures in the 30-minute bin starting at the observation time
 */
public record SeriesIds(int thamesLevel, int airTemp, int relHumidity, int pm25, int arrivals, int departures) {
    public static final String THAMES_LEVEL = "thames_level_m";
    public static final String AIR_TEMP = "air_temp_c";
    public static final String REL_HUMIDITY = "rel_humidity_pct";
    public static final String PM25 = "pm25_ugm3";
    public static final String ARRIVALS = "lhr_arrivals_30m";
    public static final String DEPARTURES = "lhr_departures_30m";

    /** Resolves every series by name, failing with the registry's message when one is missing. */
    public static SeriesIds resolve(final InstrumentRegistry registry) {
        return new SeriesIds(
            registry.requireSeries(THAMES_LEVEL),
            registry.requireSeries(AIR_TEMP),
            registry.requireSeries(REL_HUMIDITY),
            registry.requireSeries(PM25),
            registry.requireSeries(ARRIVALS),
            registry.requireSeries(DEPARTURES));
    }
}
