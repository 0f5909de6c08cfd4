package io.skytrade.core.kalman;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class StructuralModelTest {
    private static final long HOUR = 3_600_000_000_000L;
    private static final long MIN = 60_000_000_000L;
    private static final long T0 = 1_772_280_000_000_000_000L;

    static NowcastModelSpec twoSeries() {
        return new NowcastModelSpec("a,b", new double[] {0.01, 0.04}, new double[] {0.001, 0.002}, new double[] {0, 0},
            false, NowcastModelSpec.ProfileKind.NONE, 0, null, 0, null, Map.of(
                "level", ModelComponent.level(1e-3, 5.0, 4.0, 1.0, 0.0),
                "levelB", ModelComponent.level(1e-3, 70.0, 100.0, 0.0, 1.0),
                "daily", ModelComponent.harmonic(24.0, 1e-4, 1.0, 1.0, -0.5),
                "front", ModelComponent.matern32(1.0, 6.0, 2.5, -7.0),
                "meso", ModelComponent.ou(0.5, 2.0, 1.0, 0.3),
                "smooth", ModelComponent.matern52(0.8, 4.0, 0.5, 1.0),
                "surge", ModelComponent.knot(0.7, 0.75, 1.0, -0.4)));
    }

    @Test
    void shouldTrackAConstantWithTheVarianceOfAnAverage() {
        final NowcastModelSpec spec = new NowcastModelSpec("a", new double[] {1.0}, new double[] {0.0}, new double[] {0.0},
            false, NowcastModelSpec.ProfileKind.NONE, 0, null, 0, null, Map.of("level", ModelComponent.level(0.0, 0.0, 1e6, 1.0)));
        final StructuralModel m = new StructuralModel(spec, 50, 3);
        double sum = 0;
        for (int i = 0; i < 100; i++) {
            final double z = 3.0 + (i % 2 == 0 ? 1 : -1);
            sum += z;
            m.update(0, T0 + i * MIN, z);
        }
        assertEquals(sum / 100, m.mean(0, T0 + 200 * MIN), 1e-3);
        assertEquals(1.0 / 100, m.latentVariance(0, T0 + 200 * MIN), 1e-5);
    }

    @Test
    void shouldRevertAnOuProcessToItsMeanWithTheClosedFormVariance() {
        final NowcastModelSpec spec = new NowcastModelSpec("a", new double[] {1e-6}, new double[] {0.0}, new double[] {0.0},
            false, NowcastModelSpec.ProfileKind.NONE, 0, null, 0, null, Map.of("ou", ModelComponent.ou(2.0, 3.0, 1.0)));
        final StructuralModel m = new StructuralModel(spec, 50, 3);
        m.update(0, T0, 1.5);
        final double decay = Math.exp(-6.0 / 3.0);
        assertEquals(1.5 * decay, m.mean(0, T0 + 6 * HOUR), 1e-5);
        assertEquals(4.0 * (1 - decay * decay), m.latentVariance(0, T0 + 6 * HOUR), 1e-5);
    }

    /** Grid means, variances, changes, cross-covariances and weighted sums against explicit matrices. */
    @Test
    void shouldMatchExplicitCovarianceMatricesOnTheGrid() {
        qt().withExamples(30).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
            final SplittableRandom random = new SplittableRandom(seed);
            final StructuralModel m = new StructuralModel(twoSeries(), 50, 3);
            for (int i = 0; i < 20; i++) {
                m.update(i % 2, T0 + i * 7 * MIN, i % 2 == 0 ? 5 + random.nextGaussian() : 70 + 5 * random.nextGaussian());
            }
            final long step = 15 * MIN;
            final long start = T0 + 90 * MIN;
            final int points = 12;
            final GridForecast grid = new GridForecast(m, 16);
            grid.setGrid(start, step, points);
            final int kFirst = grid.firstAfterPosterior();
            grid.forecast(kFirst, points - 1);
            final int n = m.dimension();
            final int count = points - kFirst;
            // explicit: state mean and covariance at each grid point, and cross covariances between points
            final double[][] mean = new double[count][];
            final double[][][] cov = new double[count][][];
            final double[][] fq = new double[count][];
            double[] xPrev = copy(m.x);
            double[][] pPrev = square(m.p, n);
            long tPrev = m.time();
            for (int j = 0; j < count; j++) {
                final long t = start + (kFirst + j) * step;
                fq[j] = new double[m.comps * StructuralModel.FQ];
                m.transition((t - tPrev) / (double) HOUR, fq[j]);
                m.knots(tPrev, t, fq[j]);
                final double[][] f = blockF(m, fq[j]);
                mean[j] = mul(f, xPrev);
                cov[j] = add(mul(mul(f, pPrev), transpose(f)), blockQ(m, fq[j]));
                xPrev = mean[j];
                pPrev = cov[j];
                tPrev = t;
            }
            final double[][] h = new double[2 * count][];
            for (int j = 0; j < count; j++) {
                for (int r = 0; r < 2; r++) {
                    h[2 * j + r] = new double[n];
                    m.observation(r, start + (kFirst + j) * step, h[2 * j + r]);
                }
            }
            // cov(x_i, x_j) for i <= j: P_i (F_{i+1..j})'
            final double[][][][] cross = new double[count][count][][];
            for (int i = 0; i < count; i++) {
                cross[i][i] = cov[i];
                for (int j = i + 1; j < count; j++) {
                    cross[i][j] = mul(cross[i][j - 1], transpose(blockF(m, fq[j])));
                }
            }
            final double[] weights = new double[2 * 16];
            double brute = 0;
            final double[] wv = new double[2 * count];
            for (int j = 0; j < count; j++) {
                for (int r = 0; r < 2; r++) {
                    wv[2 * j + r] = random.nextGaussian();
                    weights[r * 16 + kFirst + j] = wv[2 * j + r];
                }
            }
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < count; j++) {
                    final double[][] cij = i <= j ? cross[i][j] : transpose(cross[j][i]);
                    for (int ri = 0; ri < 2; ri++) {
                        for (int rj = 0; rj < 2; rj++) {
                            brute += wv[2 * i + ri] * wv[2 * j + rj] * quad(h[2 * i + ri], cij, h[2 * j + rj]);
                        }
                    }
                }
            }
            assertEquals(brute, grid.functionalVariance(weights, 16), 1e-8 * (1 + Math.abs(brute)));
            for (int j = 0; j < count; j++) {
                final int k = kFirst + j;
                for (int r = 0; r < 2; r++) {
                    assertEquals(dot(h[2 * j + r], mean[j]), grid.mean(r, k), 1e-9);
                    assertEquals(quad(h[2 * j + r], cov[j], h[2 * j + r]), grid.variance(r, k), 1e-9);
                    assertEquals(m.mean(r, grid.time(k)), grid.mean(r, k), 1e-9);
                    assertEquals(m.latentVariance(r, grid.time(k)), grid.variance(r, k), 1e-9);
                    if (j > 0) {
                        final double diff = quad(h[2 * j + r], cov[j], h[2 * j + r]) + quad(h[2 * j - 2 + r], cov[j - 1], h[2 * j - 2 + r])
                            - 2 * quad(h[2 * j - 2 + r], cross[j - 1][j], h[2 * j + r]);
                        assertEquals(diff, grid.diffVariance(r, k), 1e-9 * (1 + diff));
                    }
                }
                assertEquals(quad(h[2 * j], cov[j], h[2 * j + 1]), grid.covariance01(k), 1e-9);
                assertEquals(m.latentCovariance(0, 1, grid.time(k)), grid.covariance01(k), 1e-9);
            }
        });
    }

    @Test
    void shouldGiveTheMatern52ItsCorrelationFunction() {
        final NowcastModelSpec spec = new NowcastModelSpec("a", new double[] {1e-9}, new double[] {0.0}, new double[] {0.0},
            false, NowcastModelSpec.ProfileKind.NONE, 0, null, 0, null, Map.of("m", ModelComponent.matern52(2.0, 3.0, 1.0)));
        final StructuralModel m = new StructuralModel(spec, 50, 3);
        m.update(0, T0, 1.0);
        // one noiseless reading of a stationary process: its value is known, and the forecast h ahead
        // reverts by the correlation, its variance sigma^2 (1 - rho^2) when the derivatives are unknown
        // and independent of the value (Matern-5/2: the first derivative is; the second is not)
        final StructuralModel fresh = new StructuralModel(spec, 50, 3);
        fresh.update(0, T0, 0.0);
        for (final double hours : new double[] {0.5, 1, 3, 6}) {
            final double r = Math.sqrt(5) * hours / 3.0;
            final double rho = (1 + r + r * r / 3) * Math.exp(-r);
            assertEquals(rho, m.mean(0, T0 + (long) (hours * HOUR)), 1e-6, "mean after " + hours + " h");
        }
        assertEquals(4.0, fresh.latentVariance(0, T0 + 1000 * HOUR), 1e-6, "forgets everything");
    }

    @Test
    void shouldForgetAKnotProcessTwoKnotsBackAndKnowItAtTheKnots() {
        final long sixHours = 6 * HOUR;
        final long k0 = Math.floorDiv(T0, sixHours) * sixHours;
        final NowcastModelSpec spec = new NowcastModelSpec("a", new double[] {1e-12}, new double[] {0.0}, new double[] {0.0},
            false, NowcastModelSpec.ProfileKind.NONE, 0, null, 0, null, Map.of("k", ModelComponent.knot(0.5, 6.0, 1.0)));
        final StructuralModel m = new StructuralModel(spec, 50, 3);
        m.update(0, k0, 0.3);
        m.update(0, k0 + sixHours, -0.2);
        assertEquals(-0.2, m.mean(0, k0 + sixHours), 1e-6, "a reading at a knot time is that knot");
        assertEquals(0.25, m.latentVariance(0, k0 + 2 * sixHours), 1e-9, "the next knot is unknown: sigma^2");
        final double w = StructuralModel.knotWeight(k0 + sixHours + 2 * HOUR, sixHours);
        assertEquals(-0.2 * (1 - w), m.mean(0, k0 + sixHours + 2 * HOUR), 1e-6, "between knots: the interpolation");
        assertEquals(0.25 * w * w, m.latentVariance(0, k0 + sixHours + 2 * HOUR), 1e-9);
        assertEquals(0.0, m.mean(0, k0 + 4 * sixHours), 1e-12, "two knots on, nothing is left");
    }

    @Test
    void shouldLearnOnItsOwnCopyOfTheProfileNeverOnTheConfiguration() {
        final NowcastModelSpec spec = NowcastDefaults.flights();
        final double before = spec.profileInitial()[20];
        final StructuralModel a = new StructuralModel(spec, 5, 3);
        for (int day = 0; day < 5; day++) {
            a.update(0, T0 - T0 % (24 * HOUR) + day * 24 * HOUR + 10 * HOUR, 2 * before);
        }
        assertTrue(a.profile(0, T0 - T0 % (24 * HOUR) + 10 * HOUR) > before, "the model learns");
        assertEquals(before, spec.profileInitial()[20], "the configuration is untouched");
        assertEquals(before, new StructuralModel(spec, 5, 3).profile(0, T0 - T0 % (24 * HOUR) + 10 * HOUR),
            "a second engine on the same configuration starts from the configured profile");
    }

    @Test
    void shouldLearnAMultiplicativeProfileAndShareACapacityAcrossSeries() {
        final double[] profile = new double[96];
        final double[] truth = new double[96];
        for (int s = 0; s < 48; s++) {
            truth[s] = s < 12 ? 0 : 20;
            truth[48 + s] = s < 14 ? 0 : 18;
            profile[s] = 10;
            profile[48 + s] = 10;
        }
        final NowcastModelSpec spec = new NowcastModelSpec("arr,dep", new double[] {0, 0}, new double[] {0, 0},
            new double[] {0.36, 0.36}, false, NowcastModelSpec.ProfileKind.MULTIPLICATIVE, 48, profile, 10, null,
            Map.of("capacity", ModelComponent.ou(0.2, 1.5, 1.0, 1.0)));
        final StructuralModel m = new StructuralModel(spec, 8, 3);
        final SplittableRandom random = new SplittableRandom(3);
        final long halfHour = 30 * MIN;
        for (int b = 0; b < 48 * 60; b++) {
            final int slot = b % 48;
            m.update(0, T0 + b * halfHour, Math.max(0, Math.round(truth[slot] + 0.6 * Math.sqrt(truth[slot]) * random.nextGaussian())));
            m.update(1, T0 + b * halfHour, Math.max(0, Math.round(truth[48 + slot] + 0.6 * Math.sqrt(truth[48 + slot]) * random.nextGaussian())));
        }
        final long day = 48 * 60 * halfHour;
        for (int slot = 0; slot < 48; slot++) {
            assertEquals(truth[slot], m.profile(0, T0 + day + slot * halfHour), 2.5, "arrivals slot " + slot);
            assertEquals(truth[48 + slot], m.profile(1, T0 + day + slot * halfHour), 2.5, "departures slot " + slot);
        }
        for (int b = 0; b < 3; b++) {
            m.update(0, T0 + day + (20 + b) * halfHour, 10);
            m.update(1, T0 + day + (20 + b) * halfHour, 9);
        }
        final double next = m.mean(0, T0 + day + 23 * halfHour);
        assertTrue(next < 15 && next > 8, "a halved capacity carries over to the next bin: " + next);
        assertTrue(m.mean(1, T0 + day + 40 * halfHour) > 16, "and fades: " + m.mean(1, T0 + day + 40 * halfHour));
    }

    private static double[] copy(final double[] a) {
        return a.clone();
    }

    private static double[][] square(final double[] p, final int n) {
        final double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = p[i * n + j];
            }
        }
        return out;
    }

    private static double[][] blockF(final StructuralModel m, final double[] fq) {
        return block(m, fq, 0);
    }

    private static double[][] blockQ(final StructuralModel m, final double[] fq) {
        return block(m, fq, 9);
    }

    private static double[][] block(final StructuralModel m, final double[] fq, final int which) {
        final int n = m.dimension();
        final double[][] out = new double[n][n];
        for (int c = 0; c < m.comps; c++) {
            final int i = m.off[c];
            for (int a = 0; a < m.size[c]; a++) {
                for (int b = 0; b < m.size[c]; b++) {
                    out[i + a][i + b] = fq[c * StructuralModel.FQ + which + a * 3 + b];
                }
            }
        }
        return out;
    }

    private static double[][] mul(final double[][] a, final double[][] b) {
        final double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double s = 0;
                for (int k = 0; k < b.length; k++) {
                    s += a[i][k] * b[k][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static double[] mul(final double[][] a, final double[] x) {
        final double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], x);
        }
        return out;
    }

    private static double[][] transpose(final double[][] a) {
        final double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] add(final double[][] a, final double[][] b) {
        final double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }

    private static double dot(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double quad(final double[] a, final double[][] m, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                s += a[i] * m[i][j] * b[j];
            }
        }
        return s;
    }
}
