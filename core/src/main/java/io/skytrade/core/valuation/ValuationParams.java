package io.skytrade.core.valuation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Parameters of settlement valuation, validated once at start-up. Times are epoch nanoseconds;
 * the ambiguous settlement choices of the venue are explicit here with documented defaults.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param windowStartNanos       start of the settlement window; default 2026-02-27 12:00 Europe/London
 * @param windowEndNanos         end of the window (the settlement instant); default 2026-02-28 12:00 Europe/London
 * @param rollSessions           when an event is later than the window end plus the tolerance, move
 *                               the window forward and forget its readings; default true
 * @param londonSessions         roll to the 12:00-to-12:00 Europe/London session containing the event
 *                               (23 or 25 h when the clocks change; then both grid steps must divide
 *                               one hour); false: roll by whole multiples of the configured window
 *                               length; default true
 * @param sampleIntervalNanos    grid of the 15-minute series (tide, temperature, humidity); default 15 min;
 *                               must divide the window length
 * @param sampleToleranceNanos   how far a reading's time may be from a grid point (or from the window
 *                               end for spot products) and still count as that sample; default 2 min
 * @param swingIncludeWindowStart TIDE_SWING uses the reading at the window start, giving 97 readings and
 *                               96 pairs in 24 h (false: 96 readings, 95 pairs); default true
 * @param swingCmPerUnit         TIDE_SWING change scale, readings to centimetres; default 100
 * @param swingLowCm             TIDE_SWING pays max(0, low - d); default 20
 * @param swingHighCm            TIDE_SWING pays max(0, d - high); default 25
 * @param wxSumIncludeWindowStart WX_SUM includes the sample at the window start (97 samples, false: 96);
 *                               default false
 * @param wxSumDivisor           WX_SUM divides the sum of T_F x RH by this; default 100
 * @param wxFahrenheitDecimals   round T_F to this many decimals before multiplying (-1: no rounding,
 *                               convert Celsius exactly); default -1
 * @param tideSpotMultiplier     TIDE_SPOT = abs(level) x this; default 1000
 * @param aqSpotMultiplier       AQ_SPOT = max(0, PM2.5 at the window end) x this; default 100
 * @param lhrBinNanos            width of a flight-count bin; default 30 min; must divide the window length
 * @param lhrTimestampIsBinEnd   an observation's time is the end of its bin (false: the start); default false
 * @param lhrIndexAbsOfSum       LHR_INDEX = abs(sum of bins) (false: sum of abs(bin)); default true
 * @param lhrIndexMultiplier     LHR_INDEX scale; default 100
 * @param lhrIndexDecimals       round a fully realised LHR_INDEX to this many decimals (-1: none); default -1
 * @param etfLegs                comma-separated instrument symbols summed by LON_ETF; default
 *                               "TIDE_SPOT,WX_SPOT,LHR_COUNT"
 * @param flyStructure           LON_FLY's option legs on LON_ETF; default "+2P6200,+1C6200,-2C6600,+3C7000"
 * @param tideSpotSymbol         instrument symbol; default TIDE_SPOT (likewise the eight below)
 * @param tideSwingSymbol        default TIDE_SWING
 * @param wxSpotSymbol           default WX_SPOT
 * @param wxSumSymbol            default WX_SUM
 * @param lhrCountSymbol         default LHR_COUNT
 * @param lhrIndexSymbol         default LHR_INDEX
 * @param aqSpotSymbol           default AQ_SPOT
 * @param etfSymbol              default LON_ETF
 * @param flySymbol              default LON_FLY
 * @param tideSeries             series of the Thames level (metres AOD); default thames_level_m
 * @param temperatureSeries      default air_temp_c
 * @param humiditySeries         default rel_humidity_pct
 * @param pm25Series             default pm25_ugm3
 * @param arrivalsSeries         default lhr_arrivals_30m
 * @param departuresSeries       default lhr_departures_30m
 */
public record ValuationParams(
    long windowStartNanos, long windowEndNanos, boolean rollSessions, boolean londonSessions, long sampleIntervalNanos,
    long sampleToleranceNanos, boolean swingIncludeWindowStart, double swingCmPerUnit, double swingLowCm,
    double swingHighCm, boolean wxSumIncludeWindowStart, double wxSumDivisor, int wxFahrenheitDecimals,
    double tideSpotMultiplier, double aqSpotMultiplier, long lhrBinNanos, boolean lhrTimestampIsBinEnd,
    boolean lhrIndexAbsOfSum, double lhrIndexMultiplier, int lhrIndexDecimals, String etfLegs, String flyStructure,
    String tideSpotSymbol, String tideSwingSymbol, String wxSpotSymbol, String wxSumSymbol, String lhrCountSymbol,
    String lhrIndexSymbol, String aqSpotSymbol, String etfSymbol, String flySymbol,
    String tideSeries, String temperatureSeries, String humiditySeries, String pm25Series,
    String arrivalsSeries, String departuresSeries) {

    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;
    /** Most grid samples or bins a window may hold. */
    public static final int MAX_SLOTS = 4096;

    public ValuationParams {
        if (windowEndNanos <= windowStartNanos) {
            throw new IllegalArgumentException("valuation.windowEndNanos: " + windowEndNanos
                + " must be > valuation.windowStartNanos (" + windowStartNanos + ")");
        }
        final long len = windowEndNanos - windowStartNanos;
        divides("valuation.sampleIntervalNanos", sampleIntervalNanos, len, "the window length");
        divides("valuation.lhrBinNanos", lhrBinNanos, len, "the window length");
        if (rollSessions && londonSessions) {
            divides("valuation.sampleIntervalNanos", sampleIntervalNanos, HOUR, "one hour (London sessions)");
            divides("valuation.lhrBinNanos", lhrBinNanos, HOUR, "one hour (London sessions)");
        }
        if (sampleToleranceNanos < 0 || 2 * sampleToleranceNanos >= sampleIntervalNanos) {
            throw new IllegalArgumentException("valuation.sampleToleranceNanos: " + sampleToleranceNanos
                + " must be >= 0 and < half of sampleIntervalNanos (" + sampleIntervalNanos + ")");
        }
        positive("valuation.swingCmPerUnit", swingCmPerUnit);
        positive("valuation.swingLowCm", swingLowCm);
        if (!(swingHighCm >= swingLowCm) || Double.isInfinite(swingHighCm)) {
            throw new IllegalArgumentException("valuation.swingHighCm: " + swingHighCm + " must be finite and >= swingLowCm (" + swingLowCm + ")");
        }
        positive("valuation.wxSumDivisor", wxSumDivisor);
        decimals("valuation.wxFahrenheitDecimals", wxFahrenheitDecimals);
        positive("valuation.tideSpotMultiplier", tideSpotMultiplier);
        positive("valuation.aqSpotMultiplier", aqSpotMultiplier);
        positive("valuation.lhrIndexMultiplier", lhrIndexMultiplier);
        decimals("valuation.lhrIndexDecimals", lhrIndexDecimals);
        OptionStructure.parse("valuation.flyStructure", flyStructure);
        name("valuation.etfLegs", etfLegs);
        name("valuation.tideSpotSymbol", tideSpotSymbol);
        name("valuation.tideSwingSymbol", tideSwingSymbol);
        name("valuation.wxSpotSymbol", wxSpotSymbol);
        name("valuation.wxSumSymbol", wxSumSymbol);
        name("valuation.lhrCountSymbol", lhrCountSymbol);
        name("valuation.lhrIndexSymbol", lhrIndexSymbol);
        name("valuation.aqSpotSymbol", aqSpotSymbol);
        name("valuation.etfSymbol", etfSymbol);
        name("valuation.flySymbol", flySymbol);
        name("valuation.tideSeries", tideSeries);
        name("valuation.temperatureSeries", temperatureSeries);
        name("valuation.humiditySeries", humiditySeries);
        name("valuation.pm25Series", pm25Series);
        name("valuation.arrivalsSeries", arrivalsSeries);
        name("valuation.departuresSeries", departuresSeries);
    }

    private static void divides(final String key, final long step, final long len, final String what) {
        if (step <= 0 || len % step != 0 || (len + HOUR) / step > MAX_SLOTS) {
            throw new IllegalArgumentException(key + ": " + step + " must be > 0, divide " + what + " ("
                + len + " ns) and give at most " + MAX_SLOTS + " slots");
        }
    }

    /** Longest window the valuator must hold: the configured one, or 25 h with London sessions. */
    public long maxWindowNanos() {
        final long len = windowEndNanos - windowStartNanos;
        return rollSessions && londonSessions ? Math.max(len, 25 * HOUR) : len;
    }

    private static void positive(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0 and finite");
        }
    }

    private static void decimals(final String key, final int v) {
        if (v < -1 || v > 9) {
            throw new IllegalArgumentException(key + ": " + v + " must be -1 (no rounding) or 0..9");
        }
    }

    private static void name(final String key, final String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + ": '" + v + "' must be a non-empty name");
        }
    }

    /** Start and end (epoch nanos) of the 24 h session ending at 12:00 Europe/London on {@code date}. */
    public static long[] londonSession(final LocalDate date) {
        final ZoneId london = ZoneId.of("Europe/London");
        final ZonedDateTime end = ZonedDateTime.of(date, LocalTime.NOON, london);
        final ZonedDateTime start = ZonedDateTime.of(date.minusDays(1), LocalTime.NOON, london);
        return new long[] {toNanos(start), toNanos(end)};
    }

    private static long toNanos(final ZonedDateTime t) {
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** These parameters with the window set to {@code [startNanos, endNanos]}. */
    public ValuationParams withWindow(final long startNanos, final long endNanos) {
        return new ValuationParams(startNanos, endNanos, rollSessions, londonSessions, sampleIntervalNanos, sampleToleranceNanos,
            swingIncludeWindowStart, swingCmPerUnit, swingLowCm, swingHighCm, wxSumIncludeWindowStart, wxSumDivisor,
            wxFahrenheitDecimals, tideSpotMultiplier, aqSpotMultiplier, lhrBinNanos, lhrTimestampIsBinEnd,
            lhrIndexAbsOfSum, lhrIndexMultiplier, lhrIndexDecimals, etfLegs, flyStructure, tideSpotSymbol,
            tideSwingSymbol, wxSpotSymbol, wxSumSymbol, lhrCountSymbol, lhrIndexSymbol, aqSpotSymbol, etfSymbol,
            flySymbol, tideSeries, temperatureSeries, humiditySeries, pm25Series, arrivalsSeries, departuresSeries);
    }

    /** The documented defaults (session ending 2026-02-28 12:00 Europe/London). */
    public static ValuationParams defaults() {
        final long[] w = londonSession(LocalDate.of(2026, 2, 28));
        return new ValuationParams(w[0], w[1], true, true, 15 * MINUTE, 2 * MINUTE, true, 100.0, 20.0, 25.0, false,
            100.0, -1, 1000.0, 100.0, 30 * MINUTE, false, true, 100.0, -1, "TIDE_SPOT,WX_SPOT,LHR_COUNT",
            "+2P6200,+1C6200,-2C6600,+3C7000", "TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT",
            "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY", "thames_level_m", "air_temp_c", "rel_humidity_pct",
            "pm25_ugm3", "lhr_arrivals_30m", "lhr_departures_30m");
    }
}
