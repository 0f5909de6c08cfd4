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
 *   <li>{@code MATERN52}: three states (value, rate, acceleration), the smoother Matern-5/2 process
 *       (correlation {@code (1 + r + r^2 / 3) e^-r}, {@code r = sqrt(5) lag / length}): closer to
 *       weather and surge that are smooth at short lags and forget within a day;</li>
 *   <li>{@code OU}: one state, an Ornstein-Uhlenbeck (AR(1)) process with standard deviation
 *       {@code sigma} and correlation time {@code lengthHours};</li>
 *   <li>{@code KNOT}: two states, a smooth interpolation ({@code w = 3f^2 - 2f^3}) between
 *       independent values of standard deviation {@code sigma} at fixed times every
 *       {@code lengthHours} from the epoch: the shape of the synthetic world's surge, fronts and
 *       persistence, whose uncertainty peaks at the knot times and which forget everything two
 *       knots back.</li>
 * </ul>
 *
 * <p>Immutable constants. Hot-path cost: none.
 */
public enum ComponentType {
    LEVEL, HARMONIC, MATERN32, OU, MATERN52, KNOT;

    /** Number of state variables of the component. */
    public int size() {
        return switch (this) {
            case LEVEL, OU -> 1;
            case HARMONIC, MATERN32, KNOT -> 2;
            case MATERN52 -> 3;
        };
    }

    /** Whether the component is a stationary process (it forgets; its prior is its stationary law). */
    public boolean stationary() {
        return this == MATERN32 || this == MATERN52 || this == OU || this == KNOT;
    }
}
