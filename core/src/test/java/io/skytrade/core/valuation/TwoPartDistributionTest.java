package io.skytrade.core.valuation;

import io.skytrade.core.calibration.ForecastCalibration;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoPartDistributionTest {
    @Test
    void shouldGiveANormalsQuantilesWithoutARarePart() {
        final TwoPartDistribution d = new TwoPartDistribution().normal(100, 25);
        assertEquals(100, d.mean(), 0);
        assertEquals(25, d.variance(), 0);
        assertEquals(100 - ForecastCalibration.Z80 * 5, d.quantile(0.1), 1e-9);
        assertEquals(100 + ForecastCalibration.Z80 * 5, d.quantile(0.9), 1e-9);
    }

    @Test
    void shouldGiveALogNormalsExactQuantilesFromItsMeanAndVariance() {
        // log-normal with mu = 2, sigma = 0.5: mean exp(2.125), variance (e^0.25 - 1) e^4.25
        final double mean = Math.exp(2.125);
        final double variance = Math.expm1(0.25) * Math.exp(4.25);
        final TwoPartDistribution d = new TwoPartDistribution().logNormal(3.0, mean, variance);
        assertEquals(3.0 + mean, d.mean(), 1e-12);
        assertEquals(3.0 + Math.exp(2 - 0.5 * ForecastCalibration.Z80), d.quantile(0.1), 1e-9);
        assertEquals(3.0 + Math.exp(2 + 0.5 * ForecastCalibration.Z80), d.quantile(0.9), 1e-9);
    }

    @Test
    void shouldMatchTheMixturesMomentsAndQuantilesOfASample() {
        // usual N(0, 1) with probability 0.9, rare N(-8, 4) with 0.1: a one-sided heavy tail
        final TwoPartDistribution d = new TwoPartDistribution().normal(0, 1).withRareNormal(0.1, -8, 4);
        assertEquals(-0.8, d.mean(), 1e-12);
        assertEquals(0.9 + 0.4 + 0.09 * 64, d.variance(), 1e-12);
        final SplittableRandom random = new SplittableRandom(7);
        final int n = 200_000;
        int below10 = 0;
        int above90 = 0;
        final double q10 = d.quantile(0.1);
        final double q90 = d.quantile(0.9);
        for (int i = 0; i < n; i++) {
            final double x = random.nextDouble() < 0.1 ? -8 + 2 * random.nextGaussian() : random.nextGaussian();
            below10 += x < q10 ? 1 : 0;
            above90 += x > q90 ? 1 : 0;
        }
        assertEquals(0.1, below10 / (double) n, 0.003);
        assertEquals(0.1, above90 / (double) n, 0.003);
        final double std = Math.sqrt(d.variance());
        assertTrue(q90 - q10 < 2 * ForecastCalibration.Z80 * std,
            "the interval over the usual outcomes is narrower than the normal one of the same std: " + q10 + ".." + q90);
    }

    @Test
    void shouldCollapseToThePointWithoutSpread() {
        final TwoPartDistribution d = new TwoPartDistribution().normal(42, 0);
        assertEquals(42, d.quantile(0.1), 0);
        assertEquals(42, d.quantile(0.9), 0);
    }
}
