package io.skytrade.core.kalman;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /**
     * A forecast carried from reading to reading by rank-one updates gives the means, variances,
     * change variances, covariances, process-noise parts and weighted-sum variances a full
     * re-forecast from the posterior gives, to a tight relative tolerance (the same sums in another
     * order), over random readings of the tide, the weather, a model with every component type and
     * the flights' model (a multiplicative profile that learns from every reading, so the rows of
     * the reading's slot change: carried only while the forecast points' slots keep the profile
     * they were tabled with): on and off the grid, missing, late (older than the posterior), gated
     * outliers, and runs of them that reopen the model.
     */
    @Test
    void shouldCarryTheForecastAsAFullReForecastGivesIt() {
        qt().withExamples(32).forAll(longs().between(1, 1_000_000_000L)).checkAssert(seed -> {
            final SplittableRandom random = new SplittableRandom(seed);
            final int which = (int) (seed % 4);
            final NowcastModelSpec spec = which == 0 ? NowcastDefaults.tide() : which == 1 ? NowcastDefaults.weather()
                : which == 2 ? StructuralModelTest.twoSeries() : NowcastDefaults.flights();
            final StructuralModel m = new StructuralModel(spec, 5, 3);
            final int points = which == 3 ? 48 : 97;
            final long step = which == 3 ? 30 * MIN : 15 * MIN;
            int carriedForecasts = 0;
            final GridForecast carried = new GridForecast(m, points, true);
            final GridForecast fresh = new GridForecast(m, points, true);
            final long start = T0 + random.nextInt(0, 4) * step;
            carried.setGrid(start, step, points);
            final double[] weights = new double[m.rows() * points];
            final double[] level = which == 0 ? new double[] {0.5} : which == 3 ? new double[] {18.0, 19.0} : new double[] {10.0, 75.0};
            final double[] spread = which == 0 ? new double[] {2.0} : new double[] {3.0, which == 3 ? 3.0 : 8.0};
            long t = start - 6 * step;
            for (int i = 0; i < 110; i++) {
                t += random.nextInt(8) == 0 ? random.nextLong(1, step) : step;
                final int row = random.nextInt(m.rows());
                final boolean outlier = random.nextInt(25) == 0;
                final long readingTime = random.nextInt(15) == 0 ? t - random.nextLong(1, 2 * step) : t;
                final double noisy = level[row] + spread[row] * (outlier ? 40.0 : 1.0) * random.nextGaussian();
                final double value = which == 3 ? Math.max(0.0, Math.rint(noisy)) : noisy;
                m.update(row, readingTime, value);
                if (random.nextInt(4) == 0) {
                    continue;
                }
                final int kFirst = carried.firstAfterPosterior();
                if (kFirst > points - 1) {
                    break;
                }
                carried.forecast(kFirst, points - 1);
                carriedForecasts += carried.lastCarried() ? 1 : 0;
                fresh.setGrid(start, step, points);
                fresh.forecast(kFirst, points - 1);
                double sumSd = 0.0;
                for (int j = 0; j < weights.length; j++) {
                    weights[j] = random.nextDouble(-1.0, 1.0);
                }
                for (int k = kFirst; k < points; k++) {
                    for (int r = 0; r < m.rows(); r++) {
                        final double var = fresh.variance(r, k);
                        sumSd += Math.abs(weights[r * points + k]) * Math.sqrt(var);
                        close(fresh.mean(r, k), carried.mean(r, k), Math.abs(fresh.mean(r, k)) + Math.sqrt(var), "mean", seed, r, k);
                        close(var, carried.variance(r, k), var, "variance", seed, r, k);
                        close(fresh.processVariance(r, k), carried.processVariance(r, k), fresh.processVariance(r, k), "process variance",
                            seed, r, k);
                        if (k > kFirst) {
                            close(fresh.diffVariance(r, k), carried.diffVariance(r, k), var + fresh.variance(r, k - 1), "change variance",
                                seed, r, k);
                        }
                    }
                    if (m.rows() > 1) {
                        close(fresh.covariance01(k), carried.covariance01(k), Math.sqrt(fresh.variance(0, k) * fresh.variance(1, k)),
                            "covariance", seed, 0, k);
                        close(fresh.processCovariance01(k), carried.processCovariance01(k),
                            Math.sqrt(fresh.processVariance(0, k) * fresh.processVariance(1, k)), "process covariance", seed, 0, k);
                    }
                }
                close(fresh.functionalVariance(weights, points), carried.functionalVariance(weights, points), sumSd * sumSd,
                    "weighted sum", seed, 0, 0);
            }
            assertTrue(carriedForecasts > 0, "no forecast was carried, seed " + seed);
        });
    }

    /**
     * The forecast's tabled process-noise parts (the stationary components' carried from point to
     * point by the grid step's transition, not by an exponential per point) and its component-wise
     * weighted-sum variance (rows a component does not load skipped) equal what the model's own
     * one-transition forms give - the latent (co)variance with the posterior's covariance set to
     * zero, and a dense backward recursion through the model's transitions - to a tight relative
     * tolerance, over random readings of the tide, the weather, a model with every component type
     * and the flights' model, with random weights.
     */
    @Test
    void shouldTableTheProcessNoiseAndWeightedSumsAsTheModelsOwnFormsGiveThem() {
        qt().withExamples(24).forAll(longs().between(1, 1_000_000_000L)).checkAssert(seed -> {
            final SplittableRandom random = new SplittableRandom(seed);
            final int which = (int) (seed % 4);
            final NowcastModelSpec spec = which == 0 ? NowcastDefaults.tide() : which == 1 ? NowcastDefaults.weather()
                : which == 2 ? StructuralModelTest.twoSeries() : NowcastDefaults.flights();
            final StructuralModel m = new StructuralModel(spec, 50, 3);
            final int points = which == 3 ? 48 : 97;
            final long step = which == 3 ? 30 * MIN : 15 * MIN;
            final GridForecast grid = new GridForecast(m, points, true);
            final long start = T0 + random.nextInt(0, 4) * step;
            grid.setGrid(start, step, points);
            final double[] level = which == 0 ? new double[] {0.5} : which == 3 ? new double[] {18.0, 19.0} : new double[] {10.0, 75.0};
            long t = start - 4 * step;
            final int readings = random.nextInt(5, 60);
            for (int i = 0; i < readings; i++) {
                t += random.nextInt(6) == 0 ? random.nextLong(1, step) : step;
                final int row = random.nextInt(m.rows());
                m.update(row, t, Math.max(0.0, level[row] + 2.0 * random.nextGaussian()));
            }
            final int kFirst = grid.firstAfterPosterior();
            if (kFirst > points - 1) {
                return;
            }
            grid.forecast(kFirst, points - 1);
            final double[] weights = new double[m.rows() * points];
            double sumSd = 0.0;
            for (int k = kFirst; k < points; k++) {
                for (int r = 0; r < m.rows(); r++) {
                    weights[r * points + k] = random.nextDouble(-1.0, 1.0);
                    sumSd += Math.abs(weights[r * points + k]) * Math.sqrt(grid.variance(r, k));
                }
            }
            final double brute = denseWeightedSumVariance(m, grid, weights, points, kFirst, points - 1);
            final double[] posterior = m.p.clone();
            Arrays.fill(m.p, 0.0);
            try {
                for (int k = kFirst; k < points; k++) {
                    for (int r = 0; r < m.rows(); r++) {
                        final double expected = m.latentVariance(r, grid.time(k));
                        close(expected, grid.processVariance(r, k), expected, "process variance", seed, r, k);
                    }
                    if (m.rows() > 1) {
                        final double expected = m.latentCovariance(0, 1, grid.time(k));
                        close(expected, grid.processCovariance01(k), Math.sqrt(m.latentVariance(0, grid.time(k))
                            * m.latentVariance(1, grid.time(k))), "process covariance", seed, 0, k);
                    }
                }
            } finally {
                System.arraycopy(posterior, 0, m.p, 0, posterior.length);
            }
            close(brute, grid.functionalVariance(weights, points), sumSd * sumSd, "weighted sum", seed, 0, 0);
        });
    }

    /**
     * The variance of the weighted sum by a dense backward recursion over the model's transitions
     * between the grid points ({@code g <- g + sum_r w h_r}; {@code +g'Qg}; {@code g <- F'g}), then
     * the posterior's share {@code g'Pg}: the test's oracle.
     */
    private static double denseWeightedSumVariance(final StructuralModel m, final GridForecast grid, final double[] weights,
                                                   final int stride, final int kFirst, final int kLast) {
        final int n = m.dimension();
        final double[] g = new double[n];
        final double[] h = new double[n];
        final double[] fq = new double[m.comps * StructuralModel.FQ];
        double proc = 0.0;
        for (int k = kLast; k >= kFirst; k--) {
            for (int r = 0; r < m.rows(); r++) {
                m.observation(r, grid.time(k), h);
                for (int i = 0; i < n; i++) {
                    g[i] += weights[r * stride + k] * h[i];
                }
            }
            final long prev = k == kFirst ? m.time() : Math.max(grid.time(k - 1), m.time());
            if (grid.time(k) > prev) {
                m.transition((grid.time(k) - prev) / StructuralModel.NANOS_PER_HOUR, fq);
                m.knots(prev, grid.time(k), fq);
                for (int c = 0; c < m.comps; c++) {
                    final int i0 = m.off[c];
                    final int b = m.size[c];
                    final int f = c * StructuralModel.FQ;
                    for (int a = 0; a < b; a++) {
                        for (int d = 0; d < b; d++) {
                            proc += g[i0 + a] * fq[f + 9 + a * 3 + d] * g[i0 + d];
                        }
                    }
                    StructuralModel.applyTransposed(fq, f, b, g, i0);
                }
            }
        }
        double post = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                post += g[i] * m.covariance(i, j) * g[j];
            }
        }
        return post + proc;
    }

    /** Equal to 1e-9 of the quantity's scale (the spread of the values it is a sum over: cancellation in them is no error). */
    private static void close(final double expected, final double actual, final double scale, final String what, final long seed,
                              final int r, final int k) {
        assertEquals(expected, actual, 1e-9 * scale + 1e-300, what + " of series " + r + " at point " + k + ", seed " + seed);
    }
}
