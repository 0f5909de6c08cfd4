package io.skytrade.core.kalman;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class ScalarKalmanFilterTest {
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void shouldConvergeToClosedFormSteadyStateGain() {
        qt().withExamples(100)
            .forAll(doubles().between(1e-3, 100), doubles().between(1e-3, 100))
            .checkAssert((q, r) -> {
                final ScalarKalmanFilter f = new ScalarKalmanFilter(1, q, 1e9, 3);
                for (int i = 0; i < 5_000; i++) {
                    f.update(0, i * HOUR, 0.0, r);
                }
                final double prior = (q + Math.sqrt(q * q + 4 * q * r)) / 2;
                assertEquals(prior / (prior + r), f.lastGain(0), 1e-9);
                assertEquals(prior * r / (prior + r), f.variance(0), 1e-9 * (1 + prior));
            });
    }

    @Test
    void shouldRejectAndCountOutliersThenRestart() {
        final ScalarKalmanFilter f = new ScalarKalmanFilter(1, 1.0, 4.0, 2);
        for (int i = 0; i < 20; i++) {
            f.update(0, i * HOUR, 100.0, 1.0);
        }
        assertEquals(StructuralModel.REJECTED, f.update(0, 21 * HOUR, 1_000.0, 1.0));
        assertEquals(100.0, f.estimate(0), 1e-9);
        assertEquals(1, f.rejectedCount(0));
        assertEquals(StructuralModel.REJECTED, f.update(0, 22 * HOUR, 1_000.0, 1.0));
        assertEquals(StructuralModel.INITIALISED, f.update(0, 23 * HOUR, 1_000.0, 1.0));
        assertEquals(1_000.0, f.estimate(0));
    }

    @Test
    void shouldRejectNonFiniteMeasurement() {
        final ScalarKalmanFilter f = new ScalarKalmanFilter(1, 1.0, 4.0, 2);
        f.update(0, 0, 5.0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> f.update(0, HOUR, Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> f.update(0, HOUR, 1.0, Double.POSITIVE_INFINITY));
        assertEquals(5.0, f.estimate(0));
    }
}
