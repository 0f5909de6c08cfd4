package io.skytrade.core.regime;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaumWelchTest {
    private static final RegimeParams TRUTH = new RegimeParams(3, 2,
        new double[] {1.0, 0.0, 0.0},
        new double[] {0.95, 0.04, 0.01, 0.03, 0.94, 0.03, 0.02, 0.06, 0.92},
        new double[] {0.0, 5.0, 1.0, 12.0, -1.0, 25.0},
        new double[] {1.0, 1.0, 4.0, 2.0, 16.0, 9.0},
        1.0);

    /**
     * Tolerances, for 6000 samples: means within 0.25, variances within 15 %, transition
     * probabilities within 0.03 of the truth (states matched by their mean volatility component).
     */
    @Test
    void shouldRecoverParametersOfSimulatedHmm() {
        final double[][] data = simulate(TRUTH, 6_000, new SplittableRandom(20_260_228L));
        final RegimeParams start = BaumWelch.initialGuess(data, 3, 1, 1.0);
        final BaumWelch.Result r = BaumWelch.fit(data, start, 300, 1e-7, 1e-6);
        assertTrue(r.converged(), "iterations " + r.iterations());
        assertTrue(r.logLikelihood() >= BaumWelch.logLikelihood(data, start));
        final RegimeParams fit = r.params();
        final Integer[] order = {0, 1, 2};
        final double[] m = fit.means();
        Arrays.sort(order, (a, b) -> Double.compare(m[a * 2 + 1], m[b * 2 + 1]));
        final double[] tm = TRUTH.means();
        final double[] tv = TRUTH.variances();
        final double[] v = fit.variances();
        final double[] ta = TRUTH.transition();
        final double[] a = fit.transition();
        for (int s = 0; s < 3; s++) {
            final int f = order[s];
            for (int d = 0; d < 2; d++) {
                assertEquals(tm[s * 2 + d], m[f * 2 + d], 0.25, "mean state " + s + " dim " + d);
                assertEquals(tv[s * 2 + d], v[f * 2 + d], 0.15 * tv[s * 2 + d], "variance state " + s + " dim " + d);
            }
            for (int s2 = 0; s2 < 3; s2++) {
                assertEquals(ta[s * 3 + s2], a[f * 3 + order[s2]], 0.03, "transition " + s + "->" + s2);
            }
        }
    }

    @Test
    void shouldNotCollapseAStateOntoReturnsThatAreExactlyZeroWithARelativeFloor() {
        // Half the mid returns are exactly 0 (the mid did not move), the rest N(0, 25); volatility N(5, 1).
        final SplittableRandom random = new SplittableRandom(7);
        final int n = 2_000;
        final double[][] data = new double[2][n];
        for (int t = 0; t < n; t++) {
            data[0][t] = random.nextBoolean() ? 0.0 : 5.0 * random.nextGaussian();
            data[1][t] = 5.0 + random.nextGaussian();
        }
        final RegimeParams start = BaumWelch.initialGuess(data, 3, 1, 1.0);
        final double[] collapsed = BaumWelch.fit(data, start, 200, 1e-6, 1e-8).params().variances();
        assertTrue(Arrays.stream(collapsed).min().orElseThrow() < 1e-6, "an absolute floor lets a state collapse: "
            + Arrays.toString(collapsed));

        final double[] floors = BaumWelch.relativeVarianceFloor(data, 0.01);
        assertEquals(0.01 * 12.5, floors[0], 0.01 * 12.5 * 0.1, "1% of the returns' variance (about 12.5)");
        assertEquals(0.01, floors[1], 0.002, "1% of the volatility's variance (about 1)");
        final double[] v = BaumWelch.fit(data, start, 200, 1e-6, floors).params().variances();
        for (int j = 0; j < 3; j++) {
            for (int d = 0; d < 2; d++) {
                assertTrue(v[j * 2 + d] >= floors[d], "state " + j + " dim " + d + ": " + Arrays.toString(v));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BaumWelch.relativeVarianceFloor(data, 0.0));
        assertThrows(IllegalArgumentException.class, () -> BaumWelch.fit(data, start, 20, 1e-6, new double[] {1.0}));
    }

    @Test
    void shouldBeDeterministicAndRejectBadInput() {
        final double[][] data = simulate(TRUTH, 500, new SplittableRandom(1));
        final RegimeParams start = BaumWelch.initialGuess(data, 3, 1, 1.0);
        assertEquals(BaumWelch.fit(data, start, 20, 1e-9, 1e-6), BaumWelch.fit(data, start, 20, 1e-9, 1e-6));
        data[0][7] = Double.NaN;
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BaumWelch.fit(data, start, 20, 1e-9, 1e-6));
        assertEquals("BaumWelch: observation [0][7] = NaN must be finite", e.getMessage());
    }

    static double[][] simulate(final RegimeParams p, final int n, final SplittableRandom rnd) {
        final int k = p.states();
        final int dims = p.dims();
        final double[] init = p.initial();
        final double[] trans = p.transition();
        final double[] mean = p.means();
        final double[] var = p.variances();
        final double[][] out = new double[dims][n];
        int s = draw(init, 0, k, rnd);
        for (int t = 0; t < n; t++) {
            if (t > 0) {
                s = draw(trans, s * k, k, rnd);
            }
            for (int d = 0; d < dims; d++) {
                out[d][t] = mean[s * dims + d] + Math.sqrt(var[s * dims + d]) * rnd.nextGaussian();
            }
        }
        return out;
    }

    private static int draw(final double[] probs, final int from, final int k, final SplittableRandom rnd) {
        final double u = rnd.nextDouble();
        double c = 0;
        for (int j = 0; j < k; j++) {
            c += probs[from + j];
            if (u < c) {
                return j;
            }
        }
        return k - 1;
    }

    @Test
    void shouldCollectScaledSamplesForTheFit() {
        final RegimeSampleCollector c = new RegimeSampleCollector(2, 1, 1e4, 0L);
        final io.skytrade.core.event.EngineEvent e = new io.skytrade.core.event.EngineEvent();
        for (int i = 0; i < 3_000; i++) {
            e.clear();
            e.type = io.skytrade.core.event.EventType.MARKET_BOOK;
            e.bidLevels = 1;
            e.askLevels = 1;
            e.instrumentId = i % 2;
            e.midReturn = i * 1e-6;
            e.realisedVol = 2e-4;
            c.onEvent(e, i, true);
        }
        assertEquals(1_500, c.count());
        final double[][] s = c.series();
        assertEquals(3e-2, s[0][1], 1e-12);
        assertEquals(2.0, s[1][1_499], 1e-12);
    }
}
