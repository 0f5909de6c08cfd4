package io.skytrade.core.regime;

import io.skytrade.core.event.EngineEvent;

import java.util.Arrays;

/**
 * Parameters of the Gaussian hidden Markov regime model, validated once at start-up (and written
 * by the offline {@link BaumWelch} fit). Observations have {@code dims} components with
 * independent Gaussian emissions per state; the stage feeds (mid return, realised volatility),
 * both multiplied by {@code observationScale}.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param states           number of regimes K, 1..{@link EngineEvent#MAX_REGIMES}; default 3 (calm, trending, volatile)
 * @param dims             observation components D, >= 1; default 2
 * @param initial          initial state probabilities (K, sum 1); default {0.6, 0.25, 0.15}
 * @param transition       row-major K x K transition matrix, rows sum to 1; default diagonal 0.95, 0.90, 0.85
 * @param means            row-major K x D emission means; default (0, 5), (0, 15), (0, 50) basis points
 * @param variances        row-major K x D emission variances, > 0; default (25, 9), (225, 25), (2500, 400)
 * @param observationScale factor applied to the stage's raw observations (1e4: relative to basis
 *                         points); default 1e4
 * @param stepIntervalNanos how often each product's filter steps, event time ({@code regime.stepInterval}):
 *                         0 on every two-sided book; otherwise on the first TIMER input at least this long
 *                         after the product's previous step, folding the mid's return since that step and
 *                         the realised volatility of its last book (needs {@code timers.interval} > 0); books
 *                         in between are decided on the posterior of the last step. Default 0 (the
 *                         behaviour of journals recorded before it existed); {@code config/default.yaml} sets 1s
 */
public record RegimeParams(int states, int dims, double[] initial, double[] transition, double[] means,
                           double[] variances, double observationScale, long stepIntervalNanos) {
    private static final double SUM_TOLERANCE = 1e-6;
    /**
     * The default {@code stepIntervalNanos}: 0, every book, so a run whose configuration does not name
     * the key (every journal recorded before it existed) replays as recorded.
     */
    public static final long DEFAULT_STEP_INTERVAL_NANOS = 0L;

    /** A model stepped at the default cadence ({@link #DEFAULT_STEP_INTERVAL_NANOS}). */
    public RegimeParams(final int states, final int dims, final double[] initial, final double[] transition,
                        final double[] means, final double[] variances, final double observationScale) {
        this(states, dims, initial, transition, means, variances, observationScale, DEFAULT_STEP_INTERVAL_NANOS);
    }

    public RegimeParams {
        if (states < 1 || states > EngineEvent.MAX_REGIMES) {
            throw new IllegalArgumentException("regime.states: " + states + " must be in 1.." + EngineEvent.MAX_REGIMES);
        }
        if (dims < 1) {
            throw new IllegalArgumentException("regime.dims: " + dims + " must be >= 1");
        }
        initial = length("regime.initial", initial, states).clone();
        transition = length("regime.transition", transition, states * states).clone();
        means = length("regime.means", means, states * dims).clone();
        variances = length("regime.variances", variances, states * dims).clone();
        probabilities("regime.initial", initial, 0, states);
        for (int i = 0; i < states; i++) {
            probabilities("regime.transition row " + i, transition, i * states, states);
        }
        for (int i = 0; i < means.length; i++) {
            if (!Double.isFinite(means[i])) {
                throw new IllegalArgumentException("regime.means[" + i + "]: " + means[i] + " must be finite");
            }
            if (!(variances[i] > 0.0) || Double.isInfinite(variances[i])) {
                throw new IllegalArgumentException("regime.variances[" + i + "]: " + variances[i] + " must be > 0 and finite");
            }
        }
        if (!(observationScale > 0.0) || Double.isInfinite(observationScale)) {
            throw new IllegalArgumentException("regime.observationScale: " + observationScale + " must be > 0 and finite");
        }
        if (stepIntervalNanos < 0) {
            throw new IllegalArgumentException("regime.stepInterval: " + stepIntervalNanos + " ns must be >= 0 (0: every book)");
        }
    }

    /** The same model stepped every {@code nanos} of event time on the timer (0: on every two-sided book). */
    public RegimeParams withStepIntervalNanos(final long nanos) {
        return new RegimeParams(states, dims, initial, transition, means, variances, observationScale, nanos);
    }

    private static double[] length(final String key, final double[] v, final int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(key + ": " + (v == null ? "null" : v.length + " values")
                + " must have exactly " + n + " values");
        }
        return v;
    }

    private static void probabilities(final String key, final double[] v, final int from, final int n) {
        double sum = 0.0;
        for (int i = from; i < from + n; i++) {
            if (!(v[i] >= 0.0) || v[i] > 1.0) {
                throw new IllegalArgumentException(key + ": " + v[i] + " must be a probability in [0, 1]");
            }
            sum += v[i];
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(key + ": sums to " + sum + ", must sum to 1");
        }
    }

    @Override
    public double[] initial() {
        return initial.clone();
    }

    @Override
    public double[] transition() {
        return transition.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] variances() {
        return variances.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RegimeParams r && r.states == states && r.dims == dims
            && Arrays.equals(r.initial, initial) && Arrays.equals(r.transition, transition)
            && Arrays.equals(r.means, means) && Arrays.equals(r.variances, variances)
            && Double.compare(r.observationScale, observationScale) == 0 && r.stepIntervalNanos == stepIntervalNanos;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(initial) + Arrays.hashCode(transition)) + Arrays.hashCode(means))
            + Arrays.hashCode(variances) + states + dims + Long.hashCode(stepIntervalNanos);
    }

    @Override
    public String toString() {
        return "RegimeParams[states=" + states + ", dims=" + dims + ", initial=" + Arrays.toString(initial)
            + ", transition=" + Arrays.toString(transition) + ", means=" + Arrays.toString(means)
            + ", variances=" + Arrays.toString(variances) + ", observationScale=" + observationScale
            + ", stepIntervalNanos=" + stepIntervalNanos + "]";
    }

    /** The documented defaults: calm, trending and volatile regimes over (return, realised vol) in basis points. */
    public static RegimeParams defaults() {
        return new RegimeParams(3, 2,
            new double[] {0.6, 0.25, 0.15},
            new double[] {0.95, 0.04, 0.01, 0.05, 0.90, 0.05, 0.05, 0.10, 0.85},
            new double[] {0, 5, 0, 15, 0, 50},
            new double[] {25, 9, 225, 25, 2500, 400},
            1e4);
    }
}
