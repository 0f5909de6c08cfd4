package io.skytrade.core.valuation;

import io.skytrade.core.calibration.ForecastCalibration;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
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
        final double variance = StrictMath.expm1(0.25) * Math.exp(4.25);
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

    @Test
    void shouldFindTheQuantilesTheBisectionOfTheDistributionFunctionFinds() {
        // the Newton search against a 200-step bisection of the distribution function, over random
        // mixtures of the shapes the valuation builds (LHR_COUNT: two normals; AQ_SPOT: two shifted log-normals)
        qt().withExamples(400).forAll(longs().between(1, 1_000_000_000L)).checkAssert(seed ->
            assertBisectionsQuantiles(mixture(seed), new double[] {0.1, 0.9, 0.02, 0.5, 0.98}, "seed " + seed));
    }

    @Test
    void shouldFindTheQuantilesOfTheMixturesAStepSizeStopMissed() {
        // mixtures of the generator above where the search that stopped on a Newton step below 1e-7
        // of the spread missed: a jump of a narrow part at q 0.5, narrow log-normals at q 0.02
        for (final long seed : new long[] {918_433L, 846_679L, 876_631L}) {
            assertBisectionsQuantiles(mixture(seed), new double[] {0.1, 0.9, 0.02, 0.5, 0.98}, "seed " + seed);
        }
    }

    @Test
    void shouldFindTheQuantilesOfExtremeMixtures() {
        // parts from near points (a jump of the distribution function) to wide, any weight, any quantile
        qt().withExamples(400).forAll(longs().between(1, 1_000_000_000L)).checkAssert(seed -> {
            final SplittableRandom random = new SplittableRandom(seed);
            final TwoPartDistribution d = extremeMixture(random);
            assertBisectionsQuantiles(d, new double[] {random.nextDouble(0.001, 0.999), random.nextDouble(0.001, 0.999), 0.1, 0.9},
                "extreme seed " + seed);
        });
    }

    @Test
    void shouldReturnThePointOfAJump() {
        // 40% at exactly 10 (or within 1e-12 of it), 60% N(0, 1): every quantile in (0.6, 1) is 10
        for (final double width : new double[] {0.0, 1e-12}) {
            final TwoPartDistribution d = new TwoPartDistribution().normal(0, 1).withRareNormal(0.4, 10, width * width);
            final double spread = Math.sqrt(d.variance());
            for (final double q : new double[] {0.61, 0.8, 0.99}) {
                assertEquals(10.0, d.quantile(q), 1e-9 * spread + width * 8, "q " + q + ", part width " + width);
            }
            assertEquals(bisection(d, 0.5), d.quantile(0.5), 1e-9 * spread, "below the jump, part width " + width);
        }
    }

    /** The property's mixture of a seed. */
    private static TwoPartDistribution mixture(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final TwoPartDistribution d = new TwoPartDistribution();
        final boolean logNormal = random.nextBoolean();
        final double scale = StrictMath.pow(10.0, random.nextDouble(-2.0, 4.0));
        final double mean = scale * random.nextDouble(0.05, 20.0);
        final double variance = StrictMath.pow(scale * random.nextDouble(0.001, 3.0), 2);
        final double p = random.nextInt(4) == 0 ? 0.0 : random.nextDouble(1e-4, 0.6);
        if (logNormal) {
            final double shift = scale * random.nextDouble(-1.0, 5.0);
            d.logNormal(shift, mean, variance);
            d.withRareLogNormal(p, shift, mean + scale * random.nextDouble(0.0, 30.0), variance + StrictMath.pow(scale * random.nextDouble(0.0, 10.0), 2));
        } else {
            d.normal(mean, variance);
            d.withRareNormal(p, mean - scale * random.nextDouble(-5.0, 40.0), StrictMath.pow(scale * random.nextDouble(0.01, 10.0), 2));
        }
        return d;
    }

    /** Each part's spread from 1e-12 of its scale (a near point) to 10 times it, the rare part sometimes a point, any weight. */
    private static TwoPartDistribution extremeMixture(final SplittableRandom random) {
        final TwoPartDistribution d = new TwoPartDistribution();
        final boolean logNormal = random.nextBoolean();
        final double scale = StrictMath.pow(10.0, random.nextDouble(-3.0, 5.0));
        final double mean = scale * random.nextDouble(0.01, 50.0);
        final double usualWidth = StrictMath.pow(10.0, random.nextDouble(-12.0, 1.0));
        final double rareWidth = random.nextInt(5) == 0 ? 0.0 : StrictMath.pow(10.0, random.nextDouble(-12.0, 1.0));
        final double p = random.nextInt(6) == 0 ? 0.0
            : random.nextInt(4) == 0 ? StrictMath.pow(10.0, random.nextDouble(-6.0, 0.0)) : random.nextDouble(0.0, 1.0);
        if (logNormal) {
            final double shift = scale * random.nextDouble(-5.0, 50.0);
            final double rareMean = mean + scale * random.nextDouble(0.0, 30.0);
            d.logNormal(shift, mean, StrictMath.pow(mean * usualWidth, 2));
            d.withRareLogNormal(p, shift, rareMean, StrictMath.pow(rareMean * rareWidth, 2));
        } else {
            d.normal(mean, StrictMath.pow(scale * usualWidth, 2));
            d.withRareNormal(p, mean - scale * random.nextDouble(-40.0, 40.0), StrictMath.pow(scale * rareWidth, 2));
        }
        return d;
    }

    private static void assertBisectionsQuantiles(final TwoPartDistribution d, final double[] qs, final String what) {
        final double spread = Math.sqrt(d.variance());
        for (final double q : qs) {
            final double expected = spread == 0.0 ? d.mean() : bisection(d, q);
            assertEquals(expected, d.quantile(q), 1e-9 * spread + 1e-12 * Math.abs(expected), "q " + q + " of " + what);
        }
    }

    /** The quantile by 200 bisection steps of the distribution function from 60 spreads either side of the mean. */
    private static double bisection(final TwoPartDistribution d, final double q) {
        final double spread = Math.sqrt(d.variance());
        double lo = d.mean() - 60.0 * spread;
        double hi = d.mean() + 60.0 * spread;
        for (int i = 0; i < 200; i++) {
            final double mid = 0.5 * (lo + hi);
            if (d.cdf(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
