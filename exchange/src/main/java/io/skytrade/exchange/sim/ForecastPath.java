package io.skytrade.exchange.sim;

import io.skytrade.core.world.SeriesPath;
import io.skytrade.core.world.WorldReadings;

import java.util.SplittableRandom;

/**
 * What one member of a public forecast believes the world's path is at one instant: the public
 * readings wherever one has been published by then, each read as a noisy measurement (the member
 * adds its own draw of the source's measurement noise, so an ensemble's spread includes the error
 * of the readings a settlement's observed part is known from), and the member's model of the world
 * everywhere else. The settlement of such a path
 * ({@link io.skytrade.core.world.SyntheticWorld#settlement(SeriesPath, int, long)}, the venue's own
 * settlement code) is the member's view of a product's settlement.
 *
 * <p>Mutable (re-aimed per member to avoid garbage); not thread-safe. Cost per value: a cached
 * reading and one small random draw, or one value of the model.
 */
final class ForecastPath implements SeriesPath {
    private final PublicReadings readings;
    private long asOf;
    private SeriesPath model;
    private long memberSeed;

    ForecastPath(final PublicReadings readings) {
        this.readings = readings;
    }

    /** Readings public at {@code asOf} (with member {@code memberSeed}'s view of their noise), then {@code model}. */
    ForecastPath aim(final long asOf, final SeriesPath model, final long memberSeed) {
        this.asOf = asOf;
        this.model = model;
        this.memberSeed = memberSeed;
        return this;
    }

    @Override
    public double value(final int series, final long epochNanos) {
        if (!PublicReadings.isPublished(series, epochNanos, asOf)) {
            return model.value(series, epochNanos);
        }
        final double reading = readings.reading(series, epochNanos);
        final double noise = WorldReadings.noise(series) * readings.noiseScale();
        return noise == 0 ? reading
            : reading + noise * new SplittableRandom(memberSeed * 0x9E3779B97F4A7C15L + epochNanos * 31 + series).nextGaussian();
    }
}
