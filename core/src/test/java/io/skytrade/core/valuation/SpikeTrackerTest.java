package io.skytrade.core.valuation;

import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.kalman.NowcastDefaults;
import io.skytrade.core.kalman.SpikeSpec;
import io.skytrade.core.kalman.StructuralModel;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.WorldSeries;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * AQ_SPOT's nowcast with a pollution spike under way (the settlement is PM2.5 at the window's end
 * x 100): a spike seen rising is forecast to rise on, one seen falling to fade as its shape says,
 * and without one the forecast stays at the smooth level.
 */
class SpikeTrackerTest {
    private static final long HOUR = 60 * SettlementValuatorTest.MIN;
    private static final long T0 = SettlementValuatorTest.T0;
    private static final long END = T0 + 24 * HOUR;
    private static final double BASE = 8.5;
    private static final double HEIGHT = 40.0;
    private static final double WIDTH_HOURS = 1.5;

    /** AQ_SPOT's fair value 2 h before the end, after hourly readings from two days before: a smooth level plus spikes centred at {@code centres}. */
    private static double aqTwoHoursBefore(final long... centres) {
        final SettlementValuator v = new SettlementValuator(SettlementValuatorTest.REGISTRY,
            ValuationParams.defaults().withWindow(T0, END), SettlementRules.defaults(), KalmanParams.defaults());
        for (long t = T0 - 24 * HOUR; t <= END - 2 * HOUR; t += HOUR) {
            double spike = 0.0;
            for (final long centre : centres) {
                spike += spikeAt(t, centre);
            }
            final double wiggle = 0.3 * Math.sin(t / (double) HOUR);
            v.advanceTo(t);
            v.onObservation(WorldSeries.PM25_UGM3, t, Math.round((BASE + wiggle + spike) * 10.0) / 10.0);
        }
        v.revalue();
        assertTrue(v.isValid(SettlementValuatorTest.AQ_SPOT));
        return v.fairValue(SettlementValuatorTest.AQ_SPOT);
    }

    private static double spikeAt(final long t, final long centre) {
        final double hours = (t - centre) / (double) HOUR;
        return HEIGHT * Math.exp(-0.5 * hours * hours / (WIDTH_HOURS * WIDTH_HOURS));
    }

    @Test
    void shouldForecastARisingSpikeToRiseOn() {
        final double lastReadingSpike = spikeAt(END - 2 * HOUR, END);
        final double fair = aqTwoHoursBefore(END);
        assertTrue(fair > 100 * (BASE + lastReadingSpike), "rising: peak at the settlement, last reading "
            + 100 * (BASE + lastReadingSpike) + ", fair " + fair);
    }

    @Test
    void shouldForecastAFallingSpikeToFade() {
        final long centre = END - 4 * HOUR;
        final double lastReadingSpike = spikeAt(END - 2 * HOUR, centre);
        final double fair = aqTwoHoursBefore(centre);
        assertTrue(fair < 100 * (BASE + 0.5 * lastReadingSpike), "falling: peak 4 h before, last reading "
            + 100 * (BASE + lastReadingSpike) + ", fair " + fair);
        assertTrue(fair > 100 * (BASE - 1.0), "fair " + fair);
    }

    @Test
    void shouldStayNearTheSmoothLevelWithoutASpike() {
        final double fair = aqTwoHoursBefore();
        assertTrue(fair > 100 * (BASE - 1.0) && fair < 100 * (BASE + 2.0), "no spike: fair " + fair);
    }

    /**
     * A second spike rising a few hours after a first one has been tracked is followed too: its
     * readings are not explained away by the first episode's posterior (nor lost to the smooth
     * model, which is not given readings that far above it), so the forecast rises on from the
     * last reading as for a first spike.
     */
    @Test
    void shouldForecastASecondSpikeRisingAfterAFirstToRiseOn() {
        final double lastReadingSpike = spikeAt(END - 2 * HOUR, END);
        final double fair = aqTwoHoursBefore(END - 8 * HOUR, END);
        assertTrue(fair > 100 * (BASE + lastReadingSpike), "second spike rising: peak at the settlement, last reading "
            + 100 * (BASE + lastReadingSpike + spikeAt(END - 2 * HOUR, END - 8 * HOUR)) + ", fair " + fair);
    }

    /**
     * The posterior summed width by width over tabulated shapes, with square roots for the
     * likelihood's determinant factor and the table-based exponential, equals the cell-by-cell
     * form with a logarithm and {@code StrictMath.exp} per cell ({@link SpikePosteriorReference})
     * to 1e-9 of the episode's size scale, over random specifications and random reading
     * sequences (quiet noise, spikes rising and falling, readings on and off the 15-minute grid,
     * gaps), at the reading's time and at later times on and off the grid.
     */
    @Test
    void shouldEqualTheCellByCellPosterior() {
        qt().withExamples(60).forAll(longs().between(1, 1_000_000_000L)).checkAssert(seed -> {
            final SplittableRandom rnd = new SplittableRandom(seed);
            final double sizeMean = 5.0 + 60.0 * rnd.nextDouble();
            final double widthMin = 0.25 + rnd.nextDouble();
            final SpikeSpec spec = new SpikeSpec(widthMin, widthMin + 3.0 * rnd.nextDouble(), sizeMean,
                sizeMean * (0.1 + rnd.nextDouble()), 0.001 + 0.1 * rnd.nextDouble(), 3.0, 2.0, 1.5);
            final SpikeTracker fast = new SpikeTracker(spec);
            final SpikePosteriorReference reference = new SpikePosteriorReference(spec);
            final long quarter = 15 * SettlementValuatorTest.MIN;
            final long centre = T0 + rnd.nextInt(40) * quarter;
            final double height = rnd.nextBoolean() ? 0.0 : sizeMean * (0.5 + rnd.nextDouble());
            final double width = spec.widthMinHours() + 2.0 * rnd.nextDouble();
            long t = T0 - 4 * HOUR;
            for (int n = 0; n < 24; n++) {
                t += rnd.nextInt(10) == 0 ? rnd.nextInt(1, 40) * quarter
                    : rnd.nextInt(10) == 0 ? rnd.nextInt(1, 900) * 1_000_000_000L : quarter * rnd.nextInt(1, 5);
                final double sd = 0.2 + 5.0 * rnd.nextDouble();
                final double hours = (t - centre) / (double) HOUR / width;
                final double excess = height * Math.exp(-0.5 * hours * hours) + sd * rnd.nextGaussian();
                fast.observe(t, excess, sd * sd);
                reference.observe(t, excess, sd * sd);
                final long[] at = {t, t + quarter * rnd.nextInt(1, 100), t + rnd.nextInt(1, 100_000) * 1_000_000_000L,
                    t - quarter * rnd.nextInt(1, 10)};
                for (final long u : at) {
                    final double[] expected = reference.moments(u);
                    final double mean = fast.trackedAt(u);
                    final double variance = fast.trackedVarianceAt(u);
                    assertTrue(Math.abs(mean - expected[0]) <= 1e-9 * sizeMean,
                        "seed " + seed + " reading " + n + " at " + (u - t) + ": mean " + mean + " vs " + expected[0]);
                    assertTrue(Math.abs(variance - expected[1]) <= 1e-9 * sizeMean * sizeMean,
                        "seed " + seed + " reading " + n + " at " + (u - t) + ": variance " + variance + " vs " + expected[1]);
                }
            }
        });
    }

    /**
     * The episodes not seen yet are the spike process's (rate, heights, the grid's widths) centred
     * after the posterior's grid (3 h and half a step after the newest reading): their mean, second
     * moment and the spike part's probability equal the process integrated over those centres by
     * the midpoint rule, the spike part (probability times its size's moments), when there is one,
     * reproduces the first two moments, and there are fewer at the newest reading itself than later:
     * the unseen mean grows with the horizon (every bump is non-negative and the window of centres only
     * moves towards the time asked about). Their variance does not have to (the second moment less the
     * squared mean: seed 807984302, a 4.2 h width at rate 0.1 an hour, peaks 4 h out at 88.6 and falls
     * to 17.0 by 18 h, below the 17.6 at the reading), so the property states it for the mean.
     */
    @Test
    void shouldTakeTheUnseenEpisodesFromTheSpikeProcessBeyondThePosteriorsGrid() {
        qt().withExamples(30).forAll(longs().between(1, 1_000_000_000L)).checkAssert(seed -> {
            final SplittableRandom rnd = new SplittableRandom(seed);
            final double widthMin = 0.25 + rnd.nextDouble();
            final double widthMax = widthMin + 3.0 * rnd.nextDouble();
            final double sizeMean = 5.0 + 60.0 * rnd.nextDouble();
            final double sizeStd = sizeMean * (0.1 + rnd.nextDouble());
            final double rate = 0.001 + 0.1 * rnd.nextDouble();
            final double reach = 0.5 + 3.0 * rnd.nextDouble();
            final double visible = rnd.nextInt(4) == 0 ? 0.0 : 3.0 * rnd.nextDouble();
            final SpikeSpec spec = new SpikeSpec(widthMin, widthMax, sizeMean, sizeStd, rate, 4.0, reach, visible);
            final SpikeTracker tracker = new SpikeTracker(spec);
            final StructuralModel notStarted = new StructuralModel(NowcastDefaults.air(), 50, 3);
            tracker.onReading(notStarted, 0, T0, 10.0);
            final long t = T0 + rnd.nextInt(1, 24 * 60) * 60_000_000_000L;
            double mean = 0.0;
            double second = 0.0;
            double probability = 0.0;
            final double step = 2e-3;
            for (int k = 0; k < SpikeTracker.WIDTHS; k++) {
                final double w = widthMin + (widthMax - widthMin) * k / (SpikeTracker.WIDTHS - 1);
                final double first = Math.max(3.125, visible * w) - (t - T0) / (double) HOUR;
                for (double c = first + step / 2; c < Math.max(first, 0.0) + 12.0 * widthMax; c += step) {
                    final double g = Math.exp(-0.5 * c * c / (w * w));
                    mean += rate / SpikeTracker.WIDTHS * sizeMean * g * step;
                    second += rate / SpikeTracker.WIDTHS * (sizeMean * sizeMean + sizeStd * sizeStd) * g * g * step;
                    probability += Math.abs(c) <= reach * w ? rate / SpikeTracker.WIDTHS * step : 0.0;
                }
            }
            final double p = tracker.unseenProbability(t);
            final double size = tracker.unseenSizeMean(t);
            final double sizeVariance = tracker.unseenSizeVariance(t);
            final double tolerance = 1e-4 * second + 1e-12;
            assertEquals(mean, tracker.expectedAt(t) - tracker.trackedAt(t), 1e-4 * mean + 1e-12, "unseen mean at " + t);
            assertEquals(second - mean * mean, tracker.varianceAt(t) - tracker.trackedVarianceAt(t), tolerance, "unseen variance");
            assertEquals(Math.min(0.99, probability), p, 2 * rate * step, "spike part's probability (at most 0.99)");
            if (p > 0.0) {
                assertEquals(mean, p * size, 1e-4 * mean + 1e-12, "the spike part carries the mean");
            }
            if (sizeVariance > 0.0) {
                assertEquals(second, p * (sizeVariance + size * size), tolerance, "and the second moment");
            }
            final double atReading = tracker.expectedAt(T0) - tracker.trackedAt(T0);
            assertTrue(atReading <= tracker.expectedAt(t) - tracker.trackedAt(t),
                "fewer at the newest reading than later: unseen mean " + atReading + " at the reading");
        });
    }
}
