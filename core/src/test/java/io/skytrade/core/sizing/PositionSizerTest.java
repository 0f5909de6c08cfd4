package io.skytrade.core.sizing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class PositionSizerTest {
    private static final SizerParams DEFAULTS = SizerParams.defaults();

    @Test
    void shouldNeverExceedAnyCapAndRoundToLots() {
        qt().withExamples(1_000)
            .forAll(doubles().any(), doubles().any(), doubles().any(), integers().between(1, 7))
            .checkAssert((fair, std, variance, lot) -> {
                final SizerParams p = new SizerParams(0.01, 3600, 100, lot, 1.0, new double[] {0.01, 0.03},
                    new double[] {55, 35, 15});
                final long q = new PositionSizer(p, 1e6, 0.2).limit(fair, std, variance, 1.0);
                assertTrue(q >= 0 && q <= 55, "limit " + q);
                assertEquals(0, q % lot);
                if (q > 0) {
                    assertTrue(q * fair <= 0.2 * 1e6 + 1e-6, "exposure " + q * fair);
                }
            });
    }

    @Test
    void shouldTargetTheVolatilityOfPnlFromSettlementUncertaintyAndPriceVolatility() {
        final PositionSizer s = new PositionSizer(DEFAULTS, 1_000_000, 0.2);
        // 1% of capital (10,000) over sqrt(400^2 + 0) = 25 lots; the tier for 400/2000 = 20% caps at 15.
        assertEquals(15, s.limit(2000, 400, 0, 1.0));
        // 10,000 / sqrt(40^2 + 0.25 x 3600) = 10,000 / sqrt(1600 + 900) = 200, tier (2%) 35, exposure 100.
        assertEquals(35, s.limit(2000, 40, 0.25, 1.0));
        // very sure (0.5%): tier 55, exposure 0.2 x 1e6 / 2000 = 100, risk 10,000 / 10 = 1000: 55
        assertEquals(55, s.limit(2000, 10, 0, 1.0));
        // exposure binds on an expensive product: 200,000 / 8,000 = 25
        assertEquals(25, s.limit(8000, 10, 0, 1.0));
        assertEquals(12, s.limit(8000, 10, 0, 0.5), "a regime's size scale of one half halves the limit");
        assertEquals(0, s.limit(Double.NaN, 10, 0, 1.0));
    }

    @Test
    void shouldValidateParamsNamingKey() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SizerParams(0.01, 3600, 100, 1, 1, new double[] {0.03, 0.01}, new double[] {1, 2, 3}));
        assertEquals("sizer.confidenceStd[1]: 0.01 must be > 0 and above the previous bound", e.getMessage());
    }
}
