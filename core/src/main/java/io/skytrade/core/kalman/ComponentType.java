package io.skytrade.core.kalman;

/**
 * The kinds of state component a {@link StructuralModel} is built from. Each evolves on its own
 * (the transition is block-diagonal) and reaches a reading through its loadings.
 *
 * <ul>
 *   <li>{@code LEVEL}: one state, a random walk (a slowly drifting mean);</li>
 *   <li>{@code HARMONIC}: two states, the cos and sin coefficients of a period (a tide constituent, a
 *       daily cycle), random walks;</li>
 *   <li>{@code MATERN32}: two states (value and rate of change), a stationary smooth Gauss-Markov
 *       process with standard deviation {@code sigma} and length scale {@code lengthHours}
 *       (correlation {@code (1 + r) e^-r}, {@code r = sqrt(3) lag / length}): a storm surge, a
 *       weather front, a schedule disruption that fades;</li>
 *   <li>{@code OU}: one state, an Ornstein-Uhlenbeck (AR(1)) process with standard deviation
 *       {@code sigma} and correlation time {@code lengthHours}.</li>
 * </ul>
 *
 * <p>Immutable constants. Hot-path cost: none.
 */
public enum ComponentType {
    LEVEL, HARMONIC, MATERN32, OU;

    /** Number of state variables of the component. */
    public int size() {
        return this == LEVEL || this == OU ? 1 : 2;
    }
}
