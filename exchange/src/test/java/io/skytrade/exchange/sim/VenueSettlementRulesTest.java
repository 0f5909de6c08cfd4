package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSettlement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The venue settles by the configured settlement rules, the ones the engine's valuation reads. */
@Tag("integration")
class VenueSettlementRulesTest {
    private static final long WORLD_START = Instant.parse("2026-02-28T09:00:00Z").getEpochSecond() * 1_000_000_000L;

    private static SettlementRules renamedTideAndTenfoldAq() {
        final SettlementRules d = SettlementRules.defaults();
        return new SettlementRules(d.londonSessions(), d.sessionLengthNanos(), d.sessionAnchorNanos(), d.sampleIntervalNanos(),
            d.tideSpotMultiplier(), d.tideSpotDecimals(), d.swingIncludeWindowStart(), d.swingCmPerUnit(), d.swingLowCm(),
            d.swingHighCm(), d.wxFahrenheitDecimals(), d.wxSumIncludeWindowStart(), d.wxSumDivisor(), d.lhrBinNanos(),
            d.lhrTimestampIsBinEnd(), d.lhrIndexAbsOfSum(), d.lhrIndexMultiplier(), d.lhrIndexDecimals(), 1000.0,
            d.aqSpotDecimals(), d.settlementDecimals(), "THAMES,WX_SPOT,LHR_COUNT", d.flyStructure(), "THAMES",
            d.tideSwingSymbol(), d.wxSpotSymbol(), d.wxSumSymbol(), d.lhrCountSymbol(), d.lhrIndexSymbol(), d.aqSpotSymbol(),
            d.etfSymbol(), d.flySymbol(), d.tideSeries(), d.temperatureSeries(), d.humiditySeries(), d.pm25Series(),
            d.arrivalsSeries(), d.departuresSeries());
    }

    @Test
    void shouldSettleEveryProductByTheConfiguredRules() {
        final SettlementRules rules = renamedTideAndTenfoldAq();
        final List<String> products = List.of("THAMES", "AQ_SPOT", "LON_ETF", "LON_FLY");
        try (ExchangeSimulator simulator = new ExchangeSimulator(VenueConfig.builder().products(products).settlement(rules)
            .backgroundTraders(false).worldStartNanos(WORLD_START).seed(4).build())) {
            simulator.start(0);
            final long end = simulator.sessionEndNanos();
            assertEquals(rules.nextSettlementAtOrAfter(WORLD_START), end);
            final WorldSettlement expected = new WorldSettlement(new SyntheticWorld(4), rules);
            for (final String product : products) {
                assertEquals(expected.value(product, end), simulator.settlementValue(product), product);
            }
            final double defaultAq = new WorldSettlement(new SyntheticWorld(4), SettlementRules.defaults())
                .value(WorldProduct.AQ_SPOT, end);
            assertEquals(10 * defaultAq, simulator.settlementValue("AQ_SPOT"), 1e-6 * defaultAq);
            assertNotEquals(0.0, simulator.settlementValue("THAMES"));
        }
    }

    @Test
    void shouldRejectProductsTheRulesDoNotDefine() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> VenueConfig.builder().products(List.of("TIDE_SPOT")).settlement(renamedTideAndTenfoldAq()).build());
        assertTrue(e.getMessage().contains("products contains 'TIDE_SPOT': expected a product of the settlement rules"), e.getMessage());
    }
}
