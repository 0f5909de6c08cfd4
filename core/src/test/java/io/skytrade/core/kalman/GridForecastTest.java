package io.skytrade.core.kalman;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class GridForecastTest {
    private static final long MIN = 60_000_000_000L;
    private static final long T0 = 1_772_280_000_000_000_000L;

    /**
     * A forecast built without the change variances (the forward pass skips them) gives bit-for-bit
     * the means, variances, covariances and weighted-sum variances of one built with them, and
     * refuses to answer a change variance.
     */
    @Test
    void shouldForecastIdenticallyWithoutTheChangeVariances() {
        qt().withExamples(20).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
            final SplittableRandom random = new SplittableRandom(seed);
            final StructuralModel m = new StructuralModel(NowcastDefaults.weather(), 50, 3);
            for (int i = 0; i < 40; i++) {
                m.update(i % 2, T0 + i * 15 * MIN, i % 2 == 0 ? 10 + 3 * random.nextGaussian() : 75 + 8 * random.nextGaussian());
            }
            final GridForecast with = new GridForecast(m, 97, true);
            final GridForecast without = new GridForecast(m, 97, false);
            final long start = T0 + 5 * 60 * MIN;
            final double[] weights = new double[2 * 97];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextDouble();
            }
            for (final GridForecast g : new GridForecast[] {with, without}) {
                g.setGrid(start, 15 * MIN, 97);
                g.forecast(g.firstAfterPosterior(), 96);
            }
            for (int k = with.firstAfterPosterior(); k < 97; k++) {
                for (int r = 0; r < 2; r++) {
                    assertEquals(Double.doubleToLongBits(with.mean(r, k)), Double.doubleToLongBits(without.mean(r, k)));
                    assertEquals(Double.doubleToLongBits(with.variance(r, k)), Double.doubleToLongBits(without.variance(r, k)));
                    assertEquals(Double.doubleToLongBits(with.sampleVariance(r, k)),
                        Double.doubleToLongBits(without.sampleVariance(r, k)));
                }
                assertEquals(Double.doubleToLongBits(with.covariance01(k)), Double.doubleToLongBits(without.covariance01(k)));
            }
            assertEquals(Double.doubleToLongBits(with.functionalVariance(weights, 97)),
                Double.doubleToLongBits(without.functionalVariance(weights, 97)));
            assertThrows(IllegalStateException.class, () -> without.diffVariance(0, 96));
        });
    }
}
