package io.skytrade.feeds;

import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.valuation.SettlementValuator;

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
 * @param capacityShare   {@value #CAPACITY_SHARE}: the share of Heathrow's schedule the airport
 *                        has announced it operates from the observation time (1 normally; a
 *                        disruption's share while one lasts); -1 when the registry does not list
 *                        the series (no announcements are published then)
 * @param capacityBins    {@value #CAPACITY_BINS}: for how many 30-minute bins from the one containing
 *                        the observation time that share holds (0 normally); -1 when not listed
 */
public record SeriesIds(int thamesLevel, int airTemp, int relHumidity, int pm25, int arrivals, int departures,
                        int capacityShare, int capacityBins) {
    public static final String THAMES_LEVEL = "thames_level_m";
    public static final String AIR_TEMP = "air_temp_c";
    public static final String REL_HUMIDITY = "rel_humidity_pct";
    public static final String PM25 = "pm25_ugm3";
    public static final String ARRIVALS = "lhr_arrivals_30m";
    public static final String DEPARTURES = "lhr_departures_30m";
    public static final String CAPACITY_SHARE = SettlementValuator.CAPACITY_SHARE;
    public static final String CAPACITY_BINS = SettlementValuator.CAPACITY_BINS;

    /**
     * Resolves every series by name, failing with the registry's message when one is missing; the
     * announced-capacity series are optional.
     */
    public static SeriesIds resolve(final InstrumentRegistry registry) {
        return new SeriesIds(
            registry.requireSeries(THAMES_LEVEL),
            registry.requireSeries(AIR_TEMP),
            registry.requireSeries(REL_HUMIDITY),
            registry.requireSeries(PM25),
            registry.requireSeries(ARRIVALS),
            registry.requireSeries(DEPARTURES),
            registry.seriesId(CAPACITY_SHARE),
            registry.seriesId(CAPACITY_BINS));
    }

    /** True when the registry lists both announced-capacity series. */
    public boolean hasCapacity() {
        return capacityShare >= 0 && capacityBins >= 0;
    }
}
