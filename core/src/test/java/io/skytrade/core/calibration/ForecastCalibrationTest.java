package io.skytrade.core.calibration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastCalibrationTest {
    @Test
    void shouldComputeTheFiguresOfAHandWorkedExample() {
        final ForecastCalibration c = new ForecastCalibration(List.of("A"), List.of("1h"));
        c.add(0, 0, 10, 2, 9);   // error +1, z 0.5, inside 1.28 x 2
        c.add(0, 0, 10, 2, 13);  // error -3, z 1.5, outside
        c.add(0, 0, 5, 1, 5);    // error 0, z 0, inside
        assertEquals(3, c.count(0, 0));
        assertEquals(-2.0 / 3, c.bias(0, 0), 1e-12);
        assertEquals(Math.sqrt(10.0 / 3), c.rmse(0, 0), 1e-12);
        assertEquals(Math.sqrt((0.25 + 2.25) / 3), c.rmsZ(0, 0), 1e-12);
        assertEquals(2.0 / 3, c.coverage80(0, 0), 1e-12);
        assertEquals("| | 1h |\n|---|---:|\n| A | 1.83 (z 0.91, 67%) |\n", c.markdown(ForecastCalibration.Figure.ALL));
    }

    @Test
    void shouldCountAPointForecastInItsErrorsButNotInItsCalibration() {
        final ForecastCalibration c = new ForecastCalibration(List.of("fair", "mid"), List.of("1h"));
        c.add(0, 0, 10, 2, 9);
        c.addPoint(0, 0, 12, 9);   // error +3: in bias and RMSE, not in z or coverage
        c.addPoint(1, 0, 7, 9);
        assertEquals(2, c.count(0, 0));
        assertEquals(2.0, c.bias(0, 0), 1e-12);
        assertEquals(Math.sqrt(10.0 / 2), c.rmse(0, 0), 1e-12);
        assertEquals(0.5, c.rmsZ(0, 0), 1e-12);
        assertEquals(1.0, c.coverage80(0, 0), 1e-12);
        assertEquals(2.0, c.rmse(1, 0), 1e-12);
        assertTrue(Double.isNaN(c.rmsZ(1, 0)) && Double.isNaN(c.coverage80(1, 0)), "no stated std, no calibration");
        assertEquals("| | 1h |\n|---|---:|\n| fair | 2.24 (z 0.50, 100%) |\n| mid | 2.00 |\n", c.markdown(ForecastCalibration.Figure.ALL));
        assertThrows(IllegalArgumentException.class, () -> c.addPoint(1, 0, Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void shouldFindAWellStatedGaussianForecastCalibrated() {
        final ForecastCalibration c = new ForecastCalibration(List.of("x"), List.of("h"));
        final SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            final double std = 1 + 9 * random.nextDouble();
            c.add(0, 0, 100, std, 100 + std * random.nextGaussian());
        }
        assertEquals(1.0, c.rmsZ(0, 0), 0.03);
        assertEquals(0.8, c.coverage80(0, 0), 0.01);
    }

    @Test
    void shouldScoreCoverageFromTheForecastsOwnIntervalAndRmsZFromItsStd() {
        final ForecastCalibration c = new ForecastCalibration(List.of("A"), List.of("1h"));
        c.add(0, 0, 10, 4, 8, 11, 7);    // error +3, z 0.75; below the interval [8, 11] (inside 10 +- 1.28 x 4)
        c.add(0, 0, 10, 4, 8, 11, 10.5); // error -0.5, z 0.125; inside
        c.add(0, 0, 10, 4, 8, 11, 11);   // the interval's end counts as inside
        assertEquals(2.0 / 3, c.coverage80(0, 0), 1e-12);
        assertEquals(Math.sqrt((0.5625 + 0.015625 + 0.0625) / 3), c.rmsZ(0, 0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> c.add(0, 0, 10, 4, 11, 8, 9), "a reversed interval");
        assertThrows(IllegalArgumentException.class, () -> c.add(0, 0, 10, 4, Double.NaN, 8, 9));
    }

    @Test
    void shouldMergeTablesAndRejectBadSamples() {
        final ForecastCalibration a = new ForecastCalibration(List.of("x", "y"), List.of("h"));
        final ForecastCalibration b = new ForecastCalibration(List.of("x", "y"), List.of("h"));
        a.add(1, 0, 3, 1, 1);
        b.add(1, 0, 1, 1, 1);
        a.addAll(b);
        assertEquals(2, a.count(1, 0));
        assertEquals(1.0, a.bias(1, 0), 1e-12);
        assertTrue(a.markdown(ForecastCalibration.Figure.RMSE).contains("| x | - |"));
        assertThrows(IllegalArgumentException.class, () -> a.add(0, 0, Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> a.add(0, 0, 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> a.addAll(new ForecastCalibration(List.of("x"), List.of("h"))));
    }
}
