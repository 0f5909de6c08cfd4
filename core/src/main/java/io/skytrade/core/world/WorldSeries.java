package io.skytrade.core.world;

/**
 * The physical data series of the {@link SyntheticWorld}, as {@code int} codes with the names the
 * engine's series registry uses. Codes are dense from 0 so they can index arrays.
 *
 * <p>Immutable constants; safe from any thread. Hot-path cost: none.
 */
public final class WorldSeries {
    /** Thames level at Westminster, metres AOD, three decimals (15-minute readings). */
    public static final int THAMES_LEVEL_M = 0;
    /** London air temperature at 2 m, degrees Celsius, one decimal. */
    public static final int AIR_TEMP_C = 1;
    /** London relative humidity at 2 m, percent, whole numbers. */
    public static final int REL_HUMIDITY_PCT = 2;
    /** London PM2.5 concentration, micrograms per cubic metre, one decimal. */
    public static final int PM25_UGM3 = 3;
    /** Heathrow arrivals in the 30-minute bin containing the time. */
    public static final int LHR_ARRIVALS_30M = 4;
    /** Heathrow departures in the 30-minute bin containing the time. */
    public static final int LHR_DEPARTURES_30M = 5;

    /** Number of series. */
    public static final int COUNT = 6;

    private static final String[] NAMES = {
        "thames_level_m", "air_temp_c", "rel_humidity_pct", "pm25_ugm3", "lhr_arrivals_30m", "lhr_departures_30m"
    };

    private WorldSeries() {
    }

    /** Registry name of a series code. */
    public static String name(final int series) {
        if (series < 0 || series >= COUNT) {
            throw new IllegalArgumentException("unknown world series code " + series + ", expected 0.." + (COUNT - 1));
        }
        return NAMES[series];
    }

    /** Code of a series name, or -1 when the name is not a world series. */
    public static int code(final String name) {
        for (int i = 0; i < COUNT; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
