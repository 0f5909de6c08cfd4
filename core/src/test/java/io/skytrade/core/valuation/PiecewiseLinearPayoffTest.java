package io.skytrade.core.valuation;

import io.skytrade.core.settlement.OptionPayoff;
import io.skytrade.core.settlement.SettlementFormulas;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class PiecewiseLinearPayoffTest {

    @Test
    void shouldMatchTabulatedNormalCdf() {
        assertEquals(0.5, Normal.cdf(0), 1e-15);
        assertEquals(0.8413447460685429, Normal.cdf(1), 1e-14);
        assertEquals(0.022750131948179195, Normal.cdf(-2), 1e-14);
        assertEquals(0.9999997133484281, Normal.cdf(5), 1e-14);
        assertEquals(1.2798125438858352e-12, Normal.cdf(-7), 1e-20);
        assertEquals(7.619853024160527e-24, Normal.cdf(-10), 1e-30);
    }

    @Test
    void shouldMatchNumericalIntegrationForFlyUnderNormal() {
        final OptionPayoff structure = OptionPayoff.parse("fly", "+2P6200,+1C6200,-2C6600,+3C7000");
        final PiecewiseLinearPayoff fly = PiecewiseLinearPayoff.of(structure.breakpoints(), structure::value);
        qt().withExamples(60)
            .forAll(doubles().between(4000, 10000), doubles().between(1, 3000))
            .checkAssert((m, s) -> {
                fly.evaluate(m, s);
                final double[] num = integrate(fly, m, s);
                assertEquals(num[0], fly.mean(), 1e-6 * (1 + Math.abs(num[0])));
                assertEquals(num[1] - num[0] * num[0], fly.variance(), 1e-6 * (1 + num[1]));
            });
    }

    @Test
    void shouldMatchNumericalIntegrationForTideSwingPairUnderNormal() {
        final PiecewiseLinearPayoff pair = PiecewiseLinearPayoff.of(new double[] {-0.25, -0.2, 0, 0.2, 0.25},
            x -> SettlementFormulas.swingPair(x, 100, 20, 25));
        assertEquals(19.6, pair.value(-0.004), 1e-9);
        qt().withExamples(60)
            .forAll(doubles().between(-0.6, 0.6), doubles().between(0.005, 0.5))
            .checkAssert((m, s) -> {
                pair.evaluate(m, s);
                final double[] num = integrate(pair, m, s);
                assertEquals(num[0], pair.mean(), 1e-7 * (1 + Math.abs(num[0])));
                assertEquals(num[1] - num[0] * num[0], pair.variance(), 1e-6 * (1 + num[1]));
            });
    }

    @Test
    void shouldGiveFoldedNormalMomentsForAbsoluteValue() {
        final PiecewiseLinearPayoff abs = PiecewiseLinearPayoff.of(new double[] {0}, Math::abs);
        abs.evaluate(0, 1);
        assertEquals(Math.sqrt(2 / Math.PI), abs.mean(), 1e-12);
        assertEquals(1 - 2 / Math.PI, abs.variance(), 1e-12);
        abs.evaluate(-3, 0);
        assertEquals(3, abs.mean());
        assertEquals(0, abs.variance());
    }

    @Test
    void shouldRejectBadStructureNamingKey() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OptionPayoff.parse("settlement.flyStructure", "+2X6200"));
        assertEquals(true, e.getMessage().startsWith("settlement.flyStructure: leg '+2X6200'"), e.getMessage());
    }

    /** Simpson's rule over m +- 12 s: returns {E[f], E[f^2]}. */
    static double[] integrate(final PiecewiseLinearPayoff f, final double m, final double s) {
        final int n = 200_000;
        final double a = m - 12 * s;
        final double b = m + 12 * s;
        final double h = (b - a) / n;
        double e1 = 0;
        double e2 = 0;
        for (int i = 0; i <= n; i++) {
            final double x = a + i * h;
            final double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            final double dens = Normal.pdf((x - m) / s) / s;
            final double v = f.value(x);
            e1 += w * v * dens;
            e2 += w * v * v * dens;
        }
        return new double[] {e1 * h / 3, e2 * h / 3};
    }
}
