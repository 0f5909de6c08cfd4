package io.skytrade.core.settlement;

import io.skytrade.core.world.WorldProduct;

import java.util.ArrayList;
import java.util.List;

/**
 * The settlement rules of the products, defined once (the {@code settlement} configuration
 * section) and read by everything that computes a settlement: the simulated venue settling on
 * the synthetic world ({@link io.skytrade.core.world.WorldSettlement}) and the engine's valuation
 * ({@code SettlementValuator}), so the two cannot disagree. It holds the sessions (windows), the
 * sampling grid, multipliers, rounding, the TIDE_SWING thresholds, LHR_INDEX's abs-of-sum choice,
 * the ETF's legs, the fly's option legs, each product's symbol and the series each product reads.
 * The formulas themselves are in {@link SettlementFormulas}. Defaults follow the CMI reference
 * ({@code shared/reference/cmi-exchange.md}).
 *
 * <p>Immutable; validated at start-up. Hot-path cost: {@link #nextSettlementAtOrAfter},
 * {@link #windowStart} and {@link #round} are a few dozen integer or floating-point operations,
 * no allocation.
 *
 * @param londonSessions          sessions run from 12:00 to 12:00 Europe/London (23 or 25 h when the
 *                                clocks change; then both grid steps must divide one hour); false:
 *                                sessions of {@code sessionLength} ending at {@code sessionAnchor} plus
 *                                whole multiples of it; default true
 * @param sessionLengthNanos      session length without London sessions; default 24 h
 * @param sessionAnchorNanos      a session end without London sessions (epoch nanoseconds); default 0
 * @param sampleIntervalNanos     grid of the 15-minute series (tide, temperature, humidity); default
 *                                15 min; must divide the session length
 * @param tideSpotMultiplier      TIDE_SPOT = abs(level at the session end) x this; default 1000
 * @param tideSpotDecimals        TIDE_SPOT is rounded to this many decimals (-1: not); default 0
 * @param swingIncludeWindowStart TIDE_SWING uses the reading at the window start, giving 97 readings
 *                                and 96 pairs in 24 h (false: 96 readings, 95 pairs); default true
 * @param swingCmPerUnit          TIDE_SWING change scale, readings to centimetres; default 100
 * @param swingLowCm              TIDE_SWING pays max(0, low - d) per pair; default 20
 * @param swingHighCm             TIDE_SWING pays max(0, d - high) per pair; default 25
 * @param wxFahrenheitDecimals    round T_F to this many decimals before multiplying by RH (-1: no
 *                                rounding, convert Celsius exactly); default -1
 * @param wxSumIncludeWindowStart WX_SUM includes the sample at the window start (97 samples; false:
 *                                96); default false
 * @param wxSumDivisor            WX_SUM divides the sum of T_F x RH by this; default 100
 * @param lhrBinNanos             width of a flight-count bin; default 30 min; must divide the session
 * @param lhrTimestampIsBinEnd    a flight-count observation's time is the end of its bin (false: the
 *                                start); default false
 * @param lhrIndexAbsOfSum        LHR_INDEX = abs(sum of bins) (false: sum of abs(bin)); default true
 * @param lhrIndexMultiplier      LHR_INDEX scale; default 100
 * @param lhrIndexDecimals        LHR_INDEX is rounded to this many decimals (-1: not); default -1
 * @param aqSpotMultiplier        AQ_SPOT = max(0, PM2.5 at the session end) x this; default 100
 * @param aqSpotDecimals          AQ_SPOT is rounded to this many decimals (-1: not); default 0
 * @param settlementDecimals      every settlement is finally rounded to this many decimals (-1: not);
 *                                default 6
 * @param etfLegs                 comma-separated product symbols summed by LON_ETF; default
 *                                "TIDE_SPOT,WX_SPOT,LHR_COUNT"
 * @param flyStructure            LON_FLY's option legs on LON_ETF's settlement; default
 *                                "+2P6200,+1C6200,-2C6600,+3C7000"
 * @param tideSpotSymbol          product symbol; default TIDE_SPOT (likewise the eight below)
 * @param tideSwingSymbol         default TIDE_SWING
 * @param wxSpotSymbol            default WX_SPOT
 * @param wxSumSymbol             default WX_SUM
 * @param lhrCountSymbol          default LHR_COUNT
 * @param lhrIndexSymbol          default LHR_INDEX
 * @param aqSpotSymbol            default AQ_SPOT
 * @param etfSymbol               default LON_ETF
 * @param flySymbol               default LON_FLY
 * @param tideSeries              series of the Thames level (metres AOD) read by the tide products;
 *                                default thames_level_m
 * @param temperatureSeries       read by the WX products; default air_temp_c
 * @param humiditySeries          read by the WX products; default rel_humidity_pct
 * @param pm25Series              read by AQ_SPOT; default pm25_ugm3
 * @param arrivalsSeries          read by the LHR products; default lhr_arrivals_30m
 * @param departuresSeries        read by the LHR products; default lhr_departures_30m
 */
public record SettlementRules(
    boolean londonSessions, long sessionLengthNanos, long sessionAnchorNanos, long sampleIntervalNanos,
    double tideSpotMultiplier, int tideSpotDecimals,
    boolean swingIncludeWindowStart, double swingCmPerUnit, double swingLowCm, double swingHighCm,
    int wxFahrenheitDecimals, boolean wxSumIncludeWindowStart, double wxSumDivisor,
    long lhrBinNanos, boolean lhrTimestampIsBinEnd, boolean lhrIndexAbsOfSum, double lhrIndexMultiplier,
    int lhrIndexDecimals, double aqSpotMultiplier, int aqSpotDecimals, int settlementDecimals,
    String etfLegs, String flyStructure,
    String tideSpotSymbol, String tideSwingSymbol, String wxSpotSymbol, String wxSumSymbol, String lhrCountSymbol,
    String lhrIndexSymbol, String aqSpotSymbol, String etfSymbol, String flySymbol,
    String tideSeries, String temperatureSeries, String humiditySeries, String pm25Series,
    String arrivalsSeries, String departuresSeries) {

    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;
    /** Most grid samples or bins a session may hold. */
    public static final int MAX_SLOTS = 4096;

    public SettlementRules {
        if (!londonSessions && sessionLengthNanos <= 0) {
            throw new IllegalArgumentException("settlement.sessionLength: " + sessionLengthNanos + " ns must be > 0");
        }
        final long len = londonSessions ? 24 * HOUR : sessionLengthNanos;
        divides("settlement.sampleInterval", sampleIntervalNanos, len, "the session length");
        divides("settlement.lhrBin", lhrBinNanos, len, "the session length");
        if (londonSessions) {
            divides("settlement.sampleInterval", sampleIntervalNanos, HOUR, "one hour (London sessions)");
            divides("settlement.lhrBin", lhrBinNanos, HOUR, "one hour (London sessions)");
        }
        positive("settlement.tideSpotMultiplier", tideSpotMultiplier);
        decimals("settlement.tideSpotDecimals", tideSpotDecimals);
        positive("settlement.swingCmPerUnit", swingCmPerUnit);
        positive("settlement.swingLowCm", swingLowCm);
        if (!(swingHighCm >= swingLowCm) || Double.isInfinite(swingHighCm)) {
            throw new IllegalArgumentException("settlement.swingHighCm: " + swingHighCm
                + " must be finite and >= swingLowCm (" + swingLowCm + ")");
        }
        decimals("settlement.wxFahrenheitDecimals", wxFahrenheitDecimals);
        positive("settlement.wxSumDivisor", wxSumDivisor);
        positive("settlement.lhrIndexMultiplier", lhrIndexMultiplier);
        decimals("settlement.lhrIndexDecimals", lhrIndexDecimals);
        positive("settlement.aqSpotMultiplier", aqSpotMultiplier);
        decimals("settlement.aqSpotDecimals", aqSpotDecimals);
        decimals("settlement.settlementDecimals", settlementDecimals);
        OptionPayoff.parse("settlement.flyStructure", flyStructure);
        name("settlement.tideSpotSymbol", tideSpotSymbol);
        name("settlement.tideSwingSymbol", tideSwingSymbol);
        name("settlement.wxSpotSymbol", wxSpotSymbol);
        name("settlement.wxSumSymbol", wxSumSymbol);
        name("settlement.lhrCountSymbol", lhrCountSymbol);
        name("settlement.lhrIndexSymbol", lhrIndexSymbol);
        name("settlement.aqSpotSymbol", aqSpotSymbol);
        name("settlement.etfSymbol", etfSymbol);
        name("settlement.flySymbol", flySymbol);
        name("settlement.tideSeries", tideSeries);
        name("settlement.temperatureSeries", temperatureSeries);
        name("settlement.humiditySeries", humiditySeries);
        name("settlement.pm25Series", pm25Series);
        name("settlement.arrivalsSeries", arrivalsSeries);
        name("settlement.departuresSeries", departuresSeries);
        name("settlement.etfLegs", etfLegs);
        final String[] symbols = {tideSpotSymbol, tideSwingSymbol, wxSpotSymbol, wxSumSymbol, lhrCountSymbol,
            lhrIndexSymbol, aqSpotSymbol, etfSymbol, flySymbol};
        for (int i = 0; i < symbols.length; i++) {
            for (int j = 0; j < i; j++) {
                if (symbols[i].equals(symbols[j])) {
                    throw new IllegalArgumentException("settlement: symbol '" + symbols[i] + "' names two products ("
                        + WorldProduct.symbol(j) + " and " + WorldProduct.symbol(i) + ")");
                }
            }
        }
        for (final String leg : etfLegs.split(",")) {
            final String s = leg.trim();
            boolean found = false;
            for (int i = 0; i < symbols.length; i++) {
                found |= symbols[i].equals(s) && i != WorldProduct.LON_ETF && i != WorldProduct.LON_FLY;
            }
            if (!found) {
                throw new IllegalArgumentException("settlement.etfLegs: leg '" + s + "' of '" + etfLegs
                    + "' must be the symbol of a product that is not the ETF or the fly");
            }
        }
    }

    /** The CMI reference's rules (see the component documentation for each default). */
    public static SettlementRules defaults() {
        return new SettlementRules(true, 24 * HOUR, 0L, 15 * MINUTE, 1000.0, 0, true, 100.0, 20.0, 25.0, -1, false,
            100.0, 30 * MINUTE, false, true, 100.0, -1, 100.0, 0, 6, "TIDE_SPOT,WX_SPOT,LHR_COUNT",
            "+2P6200,+1C6200,-2C6600,+3C7000", "TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT",
            "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY", "thames_level_m", "air_temp_c", "rel_humidity_pct",
            "pm25_ugm3", "lhr_arrivals_30m", "lhr_departures_30m");
    }

    /** The product kind ({@link WorldProduct} code) settled under {@code symbol}, or -1 when no rule names it. */
    public int kindOf(final String symbol) {
        for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
            if (symbolOf(kind).equals(symbol)) {
                return kind;
            }
        }
        return -1;
    }

    /** The symbol of a product kind ({@link WorldProduct} code). */
    public String symbolOf(final int kind) {
        return switch (kind) {
            case WorldProduct.TIDE_SPOT -> tideSpotSymbol;
            case WorldProduct.TIDE_SWING -> tideSwingSymbol;
            case WorldProduct.WX_SPOT -> wxSpotSymbol;
            case WorldProduct.WX_SUM -> wxSumSymbol;
            case WorldProduct.LHR_COUNT -> lhrCountSymbol;
            case WorldProduct.LHR_INDEX -> lhrIndexSymbol;
            case WorldProduct.AQ_SPOT -> aqSpotSymbol;
            case WorldProduct.LON_ETF -> etfSymbol;
            case WorldProduct.LON_FLY -> flySymbol;
            default -> throw new IllegalArgumentException("unknown product kind " + kind + ", expected 0.."
                + (WorldProduct.COUNT - 1));
        };
    }

    /**
     * The series the settlement of a product kind ({@link WorldProduct} code) reads: the one place
     * that says which products an observation can move (the ETF and the fly read their legs'
     * series). Start-up: allocates.
     */
    public List<String> seriesOf(final int kind) {
        return switch (kind) {
            case WorldProduct.TIDE_SPOT, WorldProduct.TIDE_SWING -> List.of(tideSeries);
            case WorldProduct.WX_SPOT, WorldProduct.WX_SUM -> List.of(temperatureSeries, humiditySeries);
            case WorldProduct.LHR_COUNT, WorldProduct.LHR_INDEX -> List.of(arrivalsSeries, departuresSeries);
            case WorldProduct.AQ_SPOT -> List.of(pm25Series);
            case WorldProduct.LON_ETF, WorldProduct.LON_FLY -> {
                final List<String> all = new ArrayList<>();
                for (final int leg : etfLegKinds()) {
                    for (final String s : seriesOf(leg)) {
                        if (!all.contains(s)) {
                            all.add(s);
                        }
                    }
                }
                yield List.copyOf(all);
            }
            default -> throw new IllegalArgumentException("unknown product kind " + kind + ", expected 0.."
                + (WorldProduct.COUNT - 1));
        };
    }

    /** The ETF's legs as product kinds, in the order of {@link #etfLegs}. */
    public int[] etfLegKinds() {
        final String[] legs = etfLegs.split(",");
        final int[] kinds = new int[legs.length];
        for (int i = 0; i < legs.length; i++) {
            kinds[i] = kindOf(legs[i].trim());
        }
        return kinds;
    }

    /** LON_FLY's payoff on the ETF's settlement (start-up: parses {@link #flyStructure}). */
    public OptionPayoff flyPayoff() {
        return OptionPayoff.parse("settlement.flyStructure", flyStructure);
    }

    /** The first settlement instant at or after {@code epochNanos}. */
    public long nextSettlementAtOrAfter(final long epochNanos) {
        if (londonSessions) {
            return LondonSessions.nextNoonAtOrAfter(epochNanos);
        }
        final long k = Math.floorDiv(epochNanos - sessionAnchorNanos + sessionLengthNanos - 1, sessionLengthNanos);
        return sessionAnchorNanos + k * sessionLengthNanos;
    }

    /** Start of the settlement window (session) that ends at the settlement instant {@code endNanos}. */
    public long windowStart(final long endNanos) {
        return londonSessions ? LondonSessions.previousNoon(endNanos) : endNanos - sessionLengthNanos;
    }

    /** Longest session: the configured length, or 25 h with London sessions. */
    public long maxSessionNanos() {
        return londonSessions ? 25 * HOUR : sessionLengthNanos;
    }

    /**
     * A settlement value as the venue publishes it: the product's own rounding (TIDE_SPOT,
     * LHR_INDEX, AQ_SPOT), then {@link #settlementDecimals}.
     */
    public double round(final int kind, final double value) {
        final int own = switch (kind) {
            case WorldProduct.TIDE_SPOT -> tideSpotDecimals;
            case WorldProduct.LHR_INDEX -> lhrIndexDecimals;
            case WorldProduct.AQ_SPOT -> aqSpotDecimals;
            default -> -1;
        };
        return SettlementFormulas.round(SettlementFormulas.round(value, own), settlementDecimals);
    }

    private static void divides(final String key, final long step, final long len, final String what) {
        if (step <= 0 || len % step != 0 || (len + HOUR) / step > MAX_SLOTS) {
            throw new IllegalArgumentException(key + ": " + step + " ns must be > 0, divide " + what + " ("
                + len + " ns) and give at most " + MAX_SLOTS + " slots");
        }
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
}
