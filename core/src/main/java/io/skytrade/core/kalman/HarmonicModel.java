package io.skytrade.core.kalman;

import java.util.Arrays;

/**
 * Periodic components of one data series for {@link HarmonicTrendFilter}: the series is modelled
 * as a local linear trend plus {@code a_k cos(2 pi t / P_k) + b_k sin(2 pi t / P_k)} for each
 * period {@code P_k}, with the coefficients learned online and drifting as random walks (so an
 * amplitude that varies, such as the tide's spring-neap cycle, is tracked). No periods: the plain
 * local linear trend of {@link LocalLinearTrendFilter}.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param periodsHours               periods of the harmonics in hours (each > 0 and finite, at most
 *                                   {@link #MAX_HARMONICS}, and a whole number of nanoseconds apart
 *                                   from rounding); empty: no harmonics
 * @param coefficientNoisePerHour    variance added to each cos/sin coefficient per hour (unit^2 / h), > 0
 * @param initialCoefficientVariance prior variance of the cos and sin coefficients of each harmonic
 *                                   when the first reading arrives (unit^2), each > 0: one value per
 *                                   period, or a single value for all; the level's prior variance is
 *                                   the largest. Nearly equal periods (the tide's semidiurnal M2, S2,
 *                                   MU2) cannot be told apart from a few hours of readings; their
 *                                   priors say which carries the signal until the data can.
 */
public record HarmonicModel(double[] periodsHours, double coefficientNoisePerHour, double[] initialCoefficientVariance) {
    /** Most harmonics a series may have. */
    public static final int MAX_HARMONICS = 4;
    /** Largest state: level, slope and a cos/sin pair per harmonic. */
    public static final int MAX_STATE = 2 + 2 * MAX_HARMONICS;

    public HarmonicModel {
        if (periodsHours == null || periodsHours.length > MAX_HARMONICS) {
            throw new IllegalArgumentException("kalman.harmonics.periodsHours: " + Arrays.toString(periodsHours)
                + " must be a list of at most " + MAX_HARMONICS + " periods");
        }
        periodsHours = periodsHours.clone();
        for (final double p : periodsHours) {
            if (!(p > 0.0) || p > 1e6) {
                throw new IllegalArgumentException("kalman.harmonics.periodsHours: " + p
                    + " must be > 0 and at most 1e6 hours");
            }
        }
        KalmanParams.positive("kalman.harmonics.coefficientNoisePerHour", coefficientNoisePerHour);
        if (initialCoefficientVariance == null || initialCoefficientVariance.length != 1
            && initialCoefficientVariance.length != periodsHours.length) {
            throw new IllegalArgumentException("kalman.harmonics.initialCoefficientVariance: "
                + Arrays.toString(initialCoefficientVariance) + " must have one value, or one per period ("
                + periodsHours.length + ")");
        }
        initialCoefficientVariance = initialCoefficientVariance.clone();
        for (final double v : initialCoefficientVariance) {
            KalmanParams.positive("kalman.harmonics.initialCoefficientVariance", v);
        }
    }

    /** A model with one prior variance for every harmonic. */
    public HarmonicModel(final double[] periodsHours, final double coefficientNoisePerHour, final double initialCoefficientVariance) {
        this(periodsHours, coefficientNoisePerHour, new double[] {initialCoefficientVariance});
    }

    /** Prior variance of harmonic {@code k}'s coefficients. */
    public double priorVariance(final int k) {
        return initialCoefficientVariance[initialCoefficientVariance.length == 1 ? 0 : k];
    }

    /** Prior variance of the level: the largest coefficient prior. */
    public double levelPriorVariance() {
        double m = 0.0;
        for (final double v : initialCoefficientVariance) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** A copy of the prior variances. */
    @Override
    public double[] initialCoefficientVariance() {
        return initialCoefficientVariance.clone();
    }

    /** No harmonics (the plain local linear trend). */
    public static HarmonicModel none() {
        return new HarmonicModel(new double[0], 1.0, 1.0);
    }

    /** Number of harmonics. */
    public int count() {
        return periodsHours.length;
    }

    /** A copy of the periods. */
    @Override
    public double[] periodsHours() {
        return periodsHours.clone();
    }

    /** Period {@code k} in whole nanoseconds (phases are taken modulo it, exactly, in integer arithmetic). */
    public long periodNanos(final int k) {
        return Math.round(periodsHours[k] * LocalLinearTrend.NANOS_PER_HOUR);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof HarmonicModel m && Arrays.equals(periodsHours, m.periodsHours)
            && Double.compare(coefficientNoisePerHour, m.coefficientNoisePerHour) == 0
            && Arrays.equals(initialCoefficientVariance, m.initialCoefficientVariance);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(periodsHours) + Double.hashCode(coefficientNoisePerHour))
            + Arrays.hashCode(initialCoefficientVariance);
    }

    @Override
    public String toString() {
        return "HarmonicModel[periodsHours=" + Arrays.toString(periodsHours) + ", coefficientNoisePerHour="
            + coefficientNoisePerHour + ", initialCoefficientVariance=" + Arrays.toString(initialCoefficientVariance) + "]";
    }

    /**
     * Fills {@code out[2k], out[2k+1]} with {@code cos, sin} of harmonic {@code k}'s phase at
     * {@code timeNanos}: {@code 2 pi (t mod P_k) / P_k}, the modulo in exact integer arithmetic and
     * the trigonometry in {@link StrictMath}, so every run and JVM gets the same bits.
     * Hot-path cost: two StrictMath calls per harmonic, no allocation.
     */
    public static void regressors(final long[] periodNanos, final int periodOffset, final int count, final long timeNanos,
                                  final double[] out, final int offset) {
        for (int k = 0; k < count; k++) {
            final long p = periodNanos[periodOffset + k];
            final double phase = 2.0 * Math.PI * (Math.floorMod(timeNanos, p) / (double) p);
            out[offset + 2 * k] = StrictMath.cos(phase);
            out[offset + 2 * k + 1] = StrictMath.sin(phase);
        }
    }
}
