package io.skytrade.core.kalman;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class HarmonicTrendFilterTest {
    static final long MIN = 60_000_000_000L;
    static final long HOUR = 60 * MIN;
    static final long T0 = 1_772_280_000_000_000_000L;
    static final double M2 = 12.42;

    private static HarmonicTrendFilter filter(final double r, final double qc, final double... periods) {
        return new HarmonicTrendFilter(new SeriesNoise[] {new SeriesNoise(1e-12, 1e-12, r, 1e-6, 0.5, 10.0)},
            new HarmonicModel[] {new HarmonicModel(periods, qc, 4.0)}, 5.0, 3);
    }

    private static double tide(final long t) {
        final double w1 = 2 * Math.PI * Math.floorMod(t, Math.round(M2 * HOUR)) / (double) Math.round(M2 * HOUR);
        final double w2 = 2 * Math.PI * Math.floorMod(t, 12 * HOUR) / (double) (12 * HOUR);
        return 0.5 + 2.1 * Math.cos(w1) - 0.7 * Math.sin(w1) + 0.4 * Math.cos(w2) + 0.3 * Math.sin(w2);
    }

    @Test
    void shouldForecastAPureTideWithinAMicrometreAfterConvergence() {
        final HarmonicTrendFilter f = filter(1e-10, 1e-14, M2, 12.0);
        long t = T0;
        for (int i = 0; i < 4 * 24 * 10; i++, t += 15 * MIN) {
            final int outcome = f.update(0, t, tide(t));
            assertTrue(outcome != LocalLinearTrendFilter.REJECTED, "reading " + i);
        }
        for (final long ahead : new long[] {15 * MIN, 2 * HOUR, 6 * HOUR, 20 * HOUR}) {
            assertEquals(tide(t + ahead), f.forecastMean(0, t + ahead), 1e-6, "ahead " + ahead / MIN + " min");
        }
        assertEquals(0.5, f.level(0), 1e-6);
        assertEquals(0.0, f.slope(0), 1e-6);
        assertEquals(2.1, f.state(0, 2), 1e-6, "M2 cos coefficient");
        assertEquals(-0.7, f.state(0, 3), 1e-6, "M2 sin coefficient");
        assertEquals(0.4, f.state(0, 4), 1e-6, "S2 cos coefficient");
        assertEquals(0.3, f.state(0, 5), 1e-6, "S2 sin coefficient");
        assertTrue(f.forecastVariance(0, t + 6 * HOUR) < 1e-8);
        assertEquals(6, f.dimension(0));
        assertEquals(2, f.harmonics(0));
    }

    @Test
    void shouldActAsALocalLinearTrendWithoutHarmonics() {
        final SeriesNoise n = new SeriesNoise(0.01, 0.1, 0.04, 1.0, 3.0, 10.0);
        final HarmonicTrendFilter h = new HarmonicTrendFilter(new SeriesNoise[] {n},
            new HarmonicModel[] {new HarmonicModel(new double[0], 1.0, 1.0)}, 5.0, 3);
        final LocalLinearTrendFilter l = new LocalLinearTrendFilter(new SeriesNoise[] {n}, 5.0, 3);
        final SplittableRandom rnd = new SplittableRandom(5);
        long t = T0;
        for (int i = 0; i < 50; i++, t += 10 * MIN) {
            final double z = 3.0 + 0.2 * i / 6.0 + 0.2 * rnd.nextGaussian();
            h.update(0, t, z);
            l.update(0, t, z);
        }
        // Same model; the harmonic filter's prior level variance is the coefficient prior (1.0)
        // where the LLT starts at the reading noise, a difference long forgotten after 50 readings.
        assertEquals(l.level(0), h.level(0), 1e-3);
        assertEquals(l.slope(0), h.slope(0), 1e-3);
        assertEquals(l.varLevel(0), h.covariance(0, 0, 0), 1e-4);
        assertEquals(l.forecastVariance(0, t + HOUR), h.forecastVariance(0, t + HOUR), 1e-4);
    }

    @Test
    void shouldRejectOutliersCountThemAndRestartAfterARun() {
        final HarmonicTrendFilter f = filter(1e-4, 1e-6, M2, 12.0);
        long t = T0;
        for (int i = 0; i < 200; i++, t += 15 * MIN) {
            f.update(0, t, tide(t));
        }
        assertEquals(LocalLinearTrendFilter.REJECTED, f.update(0, t, 100.0));
        assertTrue(Double.isNaN(f.lastInnovationZ(0)));
        assertEquals(1, f.rejectedCount(0));
        assertEquals(LocalLinearTrendFilter.ACCEPTED, f.update(0, t += 15 * MIN, tide(t)));
        assertTrue(Double.isFinite(f.lastInnovationZ(0)));
        f.update(0, t += 15 * MIN, 100.0);
        f.update(0, t += 15 * MIN, 100.0);
        f.update(0, t += 15 * MIN, 100.0);
        assertFalse(f.isStarted(0), "three rejections in a row: restart at the next reading");
        assertEquals(LocalLinearTrendFilter.INITIALISED, f.update(0, t += 15 * MIN, 100.0));
        assertEquals(100.0, f.forecastMean(0, t), 1e-9);
        assertEquals(t, f.time(0));
        final long before = f.stateHash();
        f.predict(0, t - HOUR);
        assertEquals(before, f.stateHash(), "predicting backwards is a no-op");
        assertThrows(IllegalArgumentException.class, () -> f.update(0, T0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new HarmonicTrendFilter(new SeriesNoise[1], new HarmonicModel[2], 5, 3));
    }

    @Test
    void shouldCopyStateAndCovarianceRowMajor() {
        final HarmonicTrendFilter f = filter(1e-4, 1e-6, M2, 6.21);
        long t = T0;
        for (int i = 0; i < 30; i++, t += 15 * MIN) {
            f.update(0, t, tide(t));
        }
        final double[] x = new double[HarmonicModel.MAX_STATE];
        final double[] p = new double[HarmonicModel.MAX_STATE * HarmonicModel.MAX_STATE];
        f.copyState(0, x, p);
        for (int i = 0; i < 6; i++) {
            assertEquals(f.state(0, i), x[i]);
            for (int j = 0; j < 6; j++) {
                assertEquals(f.covariance(0, i, j), p[i * 6 + j]);
            }
        }
    }

    @Test
    void shouldKeepTheCovarianceSymmetricPositiveSemiDefinite() {
        qt().withExamples(100).forAll(longs().between(1, Long.MAX_VALUE), integers().between(1, 300))
            .checkAssert((seed, steps) -> {
                final SplittableRandom rnd = new SplittableRandom(seed);
                final HarmonicTrendFilter f = new HarmonicTrendFilter(
                    new SeriesNoise[] {new SeriesNoise(1e-3 + rnd.nextDouble(), 1e-4 + rnd.nextDouble(), 1e-4 + rnd.nextDouble(), 1.0, 1.0, 10)},
                    new HarmonicModel[] {new HarmonicModel(new double[] {M2, 12.0, 12.87, 6.21}, 1e-6 + rnd.nextDouble() * 1e-2, 4.0)},
                    5.0, 3);
                long t = T0 + rnd.nextLong(1L << 50);
                for (int i = 0; i < steps; i++) {
                    t += rnd.nextLong(4 * HOUR);
                    f.update(0, t, tide(t) + rnd.nextGaussian() * (rnd.nextInt(20) == 0 ? 50 : 0.1));
                    assertPsd(f);
                }
            });
    }

    private static void assertPsd(final HarmonicTrendFilter f) {
        final int n = f.dimension(0);
        final double[][] a = new double[n][n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(f.covariance(0, i, j), f.covariance(0, j, i), "symmetric");
                a[i][j] = f.covariance(0, i, j);
            }
            assertTrue(a[i][i] >= 0, "diagonal " + a[i][i]);
            scale = Math.max(scale, a[i][i]);
        }
        // Cholesky of P + eps I: succeeds iff P's smallest eigenvalue exceeds -eps.
        final double eps = 1e-9 * Math.max(scale, 1e-12);
        for (int i = 0; i < n; i++) {
            a[i][i] += eps;
        }
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            assertTrue(d > 0, "positive semi-definite (pivot " + d + ")");
            a[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / a[j][j];
            }
        }
    }

    @Test
    void shouldValidateHarmonicModels() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new HarmonicModel(new double[] {12.42, -1}, 1e-5, 4.0));
        assertTrue(e.getMessage().startsWith("kalman.harmonics.periodsHours"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HarmonicModel(new double[5], 1e-5, 4.0));
        assertThrows(IllegalArgumentException.class, () -> new HarmonicModel(null, 1e-5, 4.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new HarmonicModel(new double[] {12}, 0, 4.0))
            .getMessage().startsWith("kalman.harmonics.coefficientNoisePerHour"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new HarmonicModel(new double[] {12}, 1, -4.0))
            .getMessage().startsWith("kalman.harmonics.initialCoefficientVariance"));
        final double[] periods = {12.42};
        final HarmonicModel m = new HarmonicModel(periods, 1e-5, 4.0);
        periods[0] = 1;
        assertEquals(12.42, m.periodsHours()[0], "defensive copy");
        assertEquals(44_712_000_000_000L, m.periodNanos(0));
        assertEquals(m, new HarmonicModel(new double[] {12.42}, 1e-5, 4.0));
        assertEquals(m.hashCode(), new HarmonicModel(new double[] {12.42}, 1e-5, 4.0).hashCode());
        assertFalse(m.equals(HarmonicModel.none()));
        assertTrue(m.toString().contains("12.42"));
        assertEquals(0, KalmanParams.defaults().harmonicsFor("air_quality_nowhere").count());
        assertEquals(4, KalmanParams.defaults().harmonicsFor("thames_level_m").count());
    }

    @Test
    void shouldComputeRegressorsFromTheExactPhase() {
        final double[] out = new double[4];
        final long p = 12 * HOUR;
        HarmonicModel.regressors(new long[] {p, 6 * HOUR}, 0, 2, T0 - Math.floorMod(T0, p) + 3 * HOUR, out, 0);
        assertEquals(0.0, out[0], 1e-15, "a quarter period: cos 0");
        assertEquals(1.0, out[1], 1e-15, "a quarter period: sin 1");
        assertEquals(Math.cos(2 * Math.PI * Math.floorMod(T0 + 3 * HOUR, 6 * HOUR) / (6.0 * HOUR)), out[2], 1e-12);
    }
}
