package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * The offline synthetic sources: the seed of the synthetic world and of the measurement noise, how
 * often the sources check for observations that have become due (each still follows its real
 * source's cadence and delay), and a multiplier on every source's noise (0 for exact values).
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param seed         seed of the world and the noise
 * @param pollInterval how often due observations are emitted
 * @param noiseScale   multiplier on each source's noise, 0..10
 */
public record SyntheticConfig(long seed, Duration pollInterval, double noiseScale) {
    public static final String PREFIX = "feeds.synthetic";

    public SyntheticConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.positive("pollInterval", pollInterval);
        e.range("noiseScale", noiseScale, 0, 10);
        e.throwIfAny();
    }

    public static SyntheticConfig defaults() {
        return new SyntheticConfig(42L, Duration.ofSeconds(30), 1.0);
    }
}
