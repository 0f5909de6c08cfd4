package io.skytrade.core.kalman;

import java.util.Arrays;

/**
 * One state component of a nowcast model ({@link NowcastModelSpec}): its kind, parameters and how
 * much it moves each of the model's series. Validated on construction; immutable (the loadings are
 * copied). Start-up only: no hot-path cost.
 *
 * @param type            the kind ({@link ComponentType})
 * @param periodHours     HARMONIC: the period, hours (> 0); ignored otherwise
 * @param sigma           MATERN32, MATERN52, OU: stationary standard deviation; KNOT: a knot's; in the
 *                        series' (model) unit (> 0)
 * @param lengthHours     MATERN32, MATERN52: length scale; OU: correlation time; KNOT: spacing of the
 *                        knots; hours (> 0)
 * @param noisePerHour    LEVEL, HARMONIC: variance added to each state per hour (>= 0)
 * @param initialMean     LEVEL: prior mean when the model starts (the first reading replaces it when
 *                        the level has no prior information, see {@code initialVariance})
 * @param initialVariance LEVEL, HARMONIC: prior variance of each state (> 0); the stationary
 *                        components start at their stationary distribution
 * @param loadings        per series of the model, in its order: the component's weight in that
 *                        series' reading (0 for a series it does not move)
 */
public record ModelComponent(ComponentType type, double periodHours, double sigma, double lengthHours,
                             double noisePerHour, double initialMean, double initialVariance, double[] loadings) {

    public ModelComponent {
        if (type == null) {
            throw new IllegalArgumentException("kalman model component: type must be LEVEL, HARMONIC, MATERN32 or OU");
        }
        loadings = loadings == null ? new double[0] : loadings.clone();
        switch (type) {
            case HARMONIC -> positive("periodHours", periodHours);
            case MATERN32, MATERN52, OU, KNOT -> {
                positive("sigma", sigma);
                positive("lengthHours", lengthHours);
            }
            default -> { }
        }
        if (type == ComponentType.LEVEL || type == ComponentType.HARMONIC) {
            if (!(noisePerHour >= 0.0) || Double.isInfinite(noisePerHour)) {
                throw new IllegalArgumentException("kalman model component noisePerHour: " + noisePerHour + " must be >= 0 and finite");
            }
            positive("initialVariance", initialVariance);
        }
        if (!Double.isFinite(initialMean)) {
            throw new IllegalArgumentException("kalman model component initialMean: " + initialMean + " must be finite");
        }
        for (final double l : loadings) {
            if (!Double.isFinite(l)) {
                throw new IllegalArgumentException("kalman model component loadings: " + Arrays.toString(loadings) + " must be finite");
            }
        }
    }

    private static void positive(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("kalman model component " + key + ": " + v + " must be > 0 and finite");
        }
    }

    /** A random-walk level. */
    public static ModelComponent level(final double noisePerHour, final double initialMean, final double initialVariance,
                                       final double... loadings) {
        return new ModelComponent(ComponentType.LEVEL, 0.0, 0.0, 0.0, noisePerHour, initialMean, initialVariance, loadings);
    }

    /** A harmonic of {@code periodHours} with random-walk coefficients. */
    public static ModelComponent harmonic(final double periodHours, final double noisePerHour, final double initialVariance,
                                          final double... loadings) {
        return new ModelComponent(ComponentType.HARMONIC, periodHours, 0.0, 0.0, noisePerHour, 0.0, initialVariance, loadings);
    }

    /** A Matern-3/2 process. */
    public static ModelComponent matern32(final double sigma, final double lengthHours, final double... loadings) {
        return new ModelComponent(ComponentType.MATERN32, 0.0, sigma, lengthHours, 0.0, 0.0, 0.0, loadings);
    }

    /** A Matern-5/2 process. */
    public static ModelComponent matern52(final double sigma, final double lengthHours, final double... loadings) {
        return new ModelComponent(ComponentType.MATERN52, 0.0, sigma, lengthHours, 0.0, 0.0, 0.0, loadings);
    }

    /** A knot-interpolated process. */
    public static ModelComponent knot(final double sigma, final double spacingHours, final double... loadings) {
        return new ModelComponent(ComponentType.KNOT, 0.0, sigma, spacingHours, 0.0, 0.0, 0.0, loadings);
    }

    /** An Ornstein-Uhlenbeck process. */
    public static ModelComponent ou(final double sigma, final double lengthHours, final double... loadings) {
        return new ModelComponent(ComponentType.OU, 0.0, sigma, lengthHours, 0.0, 0.0, 0.0, loadings);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ModelComponent c && type == c.type && Double.compare(periodHours, c.periodHours) == 0
            && Double.compare(sigma, c.sigma) == 0 && Double.compare(lengthHours, c.lengthHours) == 0
            && Double.compare(noisePerHour, c.noisePerHour) == 0 && Double.compare(initialMean, c.initialMean) == 0
            && Double.compare(initialVariance, c.initialVariance) == 0 && Arrays.equals(loadings, c.loadings);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Double.hashCode(sigma + lengthHours + periodHours)) + Arrays.hashCode(loadings);
    }

    @Override
    public String toString() {
        return "ModelComponent[type=" + type + ", periodHours=" + periodHours + ", sigma=" + sigma + ", lengthHours="
            + lengthHours + ", noisePerHour=" + noisePerHour + ", initialMean=" + initialMean + ", initialVariance="
            + initialVariance + ", loadings=" + Arrays.toString(loadings) + "]";
    }
}
