package io.skytrade.core.kalman;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

class LocalLinearTrendFilterTest {
    private static final long HOUR = 3_600_000_000_000L;

    private static LocalLinearTrendFilter filter(final double ql, final double qs, final double r, final double gate) {
        return new LocalLinearTrendFilter(new SeriesNoise[] {new SeriesNoise(ql, qs, r, 1.0, 3.0, 100.0)}, gate, 3);
    }

    @Test
    void shouldKeepCovarianceSymmetricPositiveSemiDefiniteAndMatchStandardForm() {
        qt().withExamples(200)
            .forAll(doubles().between(1e-6, 10), doubles().between(1e-6, 10), doubles().between(1e-6, 10), longs().between(0, Long.MAX_VALUE))
            .checkAssert((ql, qs, r, seed) -> {
                final LocalLinearTrendFilter f = filter(ql, qs, r, 1e9);
                final SplittableRandom rnd = new SplittableRandom(seed);
                long t = 0;
                for (int i = 0; i < 200; i++) {
                    t += 1 + rnd.nextLong(4 * HOUR);
                    f.predict(0, t);
                    final double a = f.varLevel(0);
                    final double b = f.covLevelSlope(0);
                    final double c = f.varSlope(0);
                    final double z = f.level(0) + rnd.nextGaussian() * 10;
                    f.update(0, t, z);
                    if (i == 0) {
                        continue;
                    }
                    final double s = a + r;
                    final double k0 = a / s;
                    final double k1 = b / s;
                    final double sa = (1 - k0) * a;
                    final double sb = (1 - k0) * b;
                    final double sc = c - k1 * b;
                    final double scale = 1 + Math.abs(a) + Math.abs(c);
                    assertEquals(sa, f.varLevel(0), 1e-7 * scale);
                    assertEquals(sb, f.covLevelSlope(0), 1e-7 * scale);
                    assertEquals(sc, f.varSlope(0), 1e-7 * scale);
                    assertTrue(f.varLevel(0) >= 0 && f.varSlope(0) >= 0);
                    final double det = f.varLevel(0) * f.varSlope(0) - f.covLevelSlope(0) * f.covLevelSlope(0);
                    assertTrue(det >= -1e-9 * scale * scale, "determinant " + det);
                }
            });
    }

    @Test
    void shouldLearnSlopeAndForecastLinearSeries() {
        final LocalLinearTrendFilter f = filter(1e-4, 1e-4, 1e-2, 1e9);
        for (int i = 0; i <= 96; i++) {
            f.update(0, i * HOUR / 4, 10.0 + 0.5 * i / 4.0);
        }
        assertEquals(0.5, f.slope(0), 1e-3);
        assertEquals(10.0 + 0.5 * 24 + 0.5 * 6, f.forecastMean(0, 30 * HOUR), 1e-2);
        assertTrue(f.forecastVariance(0, 30 * HOUR) > f.forecastVariance(0, 25 * HOUR));
    }

    @Test
    void shouldRejectAndCountReadingsBeyondMahalanobisGate() {
        final LocalLinearTrendFilter f = filter(1e-3, 1e-3, 1e-2, 5.0);
        for (int i = 0; i < 50; i++) {
            f.update(0, i * HOUR, 1.0);
        }
        final double level = f.level(0);
        assertEquals(LocalLinearTrendFilter.REJECTED, f.update(0, 50 * HOUR, 50.0));
        assertEquals(1, f.rejectedCount(0));
        assertTrue(Double.isNaN(f.lastInnovationZ(0)));
        assertEquals(level, f.level(0), 1e-6);
        assertEquals(LocalLinearTrendFilter.ACCEPTED, f.update(0, 51 * HOUR, 1.01));
        assertEquals(LocalLinearTrendFilter.REJECTED, f.update(0, 52 * HOUR, 50.0));
        assertEquals(LocalLinearTrendFilter.REJECTED, f.update(0, 53 * HOUR, 50.0));
        assertEquals(LocalLinearTrendFilter.REJECTED, f.update(0, 54 * HOUR, 50.0));
        assertEquals(4, f.rejectedCount(0));
        assertEquals(LocalLinearTrendFilter.INITIALISED, f.update(0, 55 * HOUR, 50.0));
        assertEquals(50.0, f.level(0));
    }

    @Test
    void shouldRejectNonFiniteReadingWithClearError() {
        final LocalLinearTrendFilter f = filter(1, 1, 1, 5);
        f.update(0, 0, 2.0);
        final long before = f.stateHash();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.update(0, HOUR, Double.NaN));
        assertTrue(e.getMessage().contains("must be finite"));
        assertEquals(before, f.stateHash());
    }

    @Test
    void shouldValidateParamsNamingKeyValueAndExpectation() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeriesNoise(-1.0, 1, 1, 1, 1, 1));
        assertEquals("kalman.series.levelNoisePerHour: -1.0 must be > 0 and finite", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KalmanParams(KalmanParams.defaults().defaultNoise(),
            KalmanParams.defaults().seriesNoise(), 0.0, 3, 1, 1));
    }
}
