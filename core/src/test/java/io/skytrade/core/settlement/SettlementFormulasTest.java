package io.skytrade.core.settlement;

import io.skytrade.core.world.WorldProduct;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CMI reference's worked examples, through the shared settlement rules. */
class SettlementFormulasTest {
    private static final SettlementRules RULES = SettlementRules.defaults();

    @Test
    void shouldNameTheSeriesEachProductSettlesOnWithTheEtfAndFlyReadingTheirLegs() {
        final SettlementRules r = SettlementRules.defaults();
        assertEquals(List.of("thames_level_m"), r.seriesOf(WorldProduct.TIDE_SWING));
        assertEquals(List.of("air_temp_c", "rel_humidity_pct"), r.seriesOf(WorldProduct.WX_SUM));
        assertEquals(List.of("pm25_ugm3"), r.seriesOf(WorldProduct.AQ_SPOT));
        assertEquals(List.of("thames_level_m", "air_temp_c", "rel_humidity_pct", "lhr_arrivals_30m", "lhr_departures_30m"),
            r.seriesOf(WorldProduct.LON_FLY));
    }

    @Test
    void shouldSettleTideSpotWorkedExample() {
        assertEquals(2605.0, RULES.round(WorldProduct.TIDE_SPOT, SettlementFormulas.tideSpot(2.605, RULES)));
        assertEquals(2605.0, RULES.round(WorldProduct.TIDE_SPOT, SettlementFormulas.tideSpot(-2.605, RULES)));
    }

    @Test
    void shouldSettleTideSwingWorkedExample() {
        final double[] readings = {1.809, 1.510, 1.241, 0.954, 0.698};
        assertEquals(11.1, RULES.round(WorldProduct.TIDE_SWING, SettlementFormulas.tideSwing(readings, readings.length, RULES)));
        assertEquals(19.6, RULES.round(WorldProduct.TIDE_SWING, SettlementFormulas.swingPair(3.031 - 3.035, RULES)));
    }

    @Test
    void shouldSettleWxSpotWorkedExample() {
        assertEquals(3400.32, RULES.round(WorldProduct.WX_SPOT, SettlementFormulas.wxSpot(9.6, 69, RULES)));
        final SettlementRules roundedFahrenheit = TestRules.with("wxFahrenheitDecimals", 1);
        assertEquals(49.3 * 69, SettlementFormulas.wxSpot(9.6, 69, roundedFahrenheit), 1e-9);
    }

    @Test
    void shouldSettleLhrIndexWorkedExample() {
        final double[] arr = {20, 10, 0};
        final double[] dep = {18, 22, 0};
        final double exact = SettlementFormulas.lhrIndex(arr, dep, 3, RULES);
        assertEquals(100 * Math.abs(2.0 / 38 - 12.0 / 32), exact, 1e-12);
        assertEquals(32.2, TestRules.with("lhrIndexDecimals", 1).round(WorldProduct.LHR_INDEX, exact));
        assertEquals(100 * (2.0 / 38 + 12.0 / 32),
            SettlementFormulas.lhrIndex(arr, dep, 3, TestRules.with("lhrIndexAbsOfSum", false)), 1e-12);
    }

    @Test
    void shouldSettleFlyWorkedExampleAndEachBranch() {
        final OptionPayoff fly = RULES.flyPayoff();
        assertEquals(3336.0, fly.value(8668), 1e-9);
        assertEquals(12400 - 2 * 6000.0, fly.value(6000), 1e-9);
        assertEquals(6400 - 6200.0, fly.value(6400), 1e-9);
        assertEquals(7000 - 6800.0, fly.value(6800), 1e-9);
        assertEquals(0.0, fly.value(7000), 1e-9);
        assertEquals(0.0, fly.value(6200), 1e-9);
        assertEquals(400.0, fly.value(6600), 1e-9);
    }

    @Test
    void shouldMapSymbolsToKindsBothWays() {
        for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
            assertEquals(kind, RULES.kindOf(RULES.symbolOf(kind)));
            assertEquals(WorldProduct.symbol(kind), RULES.symbolOf(kind));
        }
        assertEquals(-1, RULES.kindOf("NOPE"));
        final SettlementRules renamed = TestRules.with("tideSpotSymbol", "THAMES", "etfLegs", "THAMES,WX_SPOT,LHR_COUNT");
        assertEquals(WorldProduct.TIDE_SPOT, renamed.kindOf("THAMES"));
        assertEquals(WorldProduct.TIDE_SPOT, renamed.etfLegKinds()[0]);
    }

    @Test
    void shouldRejectBadRulesNamingKeyAndExpectation() {
        assertEquals("settlement.etfLegs: leg 'LON_FLY' of 'TIDE_SPOT,LON_FLY' must be the symbol of a product that is not the ETF or the fly",
            assertThrows(IllegalArgumentException.class, () -> TestRules.with("etfLegs", "TIDE_SPOT,LON_FLY")).getMessage());
        assertEquals("settlement: symbol 'WX_SPOT' names two products (WX_SPOT and WX_SUM)",
            assertThrows(IllegalArgumentException.class, () -> TestRules.with("wxSumSymbol", "WX_SPOT")).getMessage());
        assertEquals("settlement.sampleInterval: 420000000000 ns must be > 0, divide the session length (86400000000000 ns)"
                + " and give at most 4096 slots",
            assertThrows(IllegalArgumentException.class, () -> TestRules.with("sampleIntervalNanos", 7 * 60_000_000_000L)).getMessage());
        assertEquals("settlement.swingHighCm: 10.0 must be finite and >= swingLowCm (20.0)",
            assertThrows(IllegalArgumentException.class, () -> TestRules.with("swingHighCm", 10.0)).getMessage());
    }

    @Test
    void shouldEndSessionsAtLondonNoonOrOnTheConfiguredGrid() {
        final long hour = 3_600_000_000_000L;
        final long noon = 1_772_280_000_000_000_000L;
        assertEquals(noon, RULES.nextSettlementAtOrAfter(noon - 5 * hour));
        assertEquals(noon, RULES.nextSettlementAtOrAfter(noon));
        assertEquals(noon - 24 * hour, RULES.windowStart(noon));
        final SettlementRules sixHours = TestRules.with("londonSessions", false, "sessionLengthNanos", 6 * hour,
            "sessionAnchorNanos", hour);
        assertEquals(7 * hour, sixHours.nextSettlementAtOrAfter(2 * hour));
        assertEquals(7 * hour, sixHours.nextSettlementAtOrAfter(7 * hour));
        assertEquals(13 * hour, sixHours.nextSettlementAtOrAfter(7 * hour + 1));
        assertEquals(hour, sixHours.windowStart(7 * hour));
    }
}
