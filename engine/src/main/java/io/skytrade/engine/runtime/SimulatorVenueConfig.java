package io.skytrade.engine.runtime;

import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.config.VenueSection;
import io.skytrade.exchange.sim.VenueConfig;

/**
 * The embedded simulator's {@link VenueConfig} from the engine's configuration, defined once for
 * every way of running it: over WebSocket on the wall clock ({@code run}, {@code demo}) and
 * in-process on a virtual clock ({@code evaluate}). What the market knows and how often it requotes
 * is therefore the same in both.
 *
 * <p>Stateless; start-up only.
 */
public final class SimulatorVenueConfig {
    /** Longest world-time interval between two background requotes of the simulator: 15 s. */
    public static final long WORLD_QUOTE_INTERVAL_NANOS = 15_000_000_000L;

    private SimulatorVenueConfig() {
    }

    /**
     * Products, settlement rules, seed, background traders, fees and what the market knows
     * ({@code venue.market}: skill, trader noise, size skew; the participants read the same public
     * readings as the engine's offline feeds, so the feeds' seed and noise scale) from
     * {@code config}; callers add their timing.
     */
    public static VenueConfig.Builder builder(final EngineConfig config) {
        final VenueSection venue = config.venue();
        return VenueConfig.builder().products(config.instruments()).seed(venue.seed())
            .settlement(config.model().settlement())
            .backgroundTraders(venue.backgroundTraders()).feePerLot(venue.feePerLot())
            .marketSkill(venue.market().skill()).traderNoise(venue.market().traderNoise())
            .sizeSkew(venue.market().sizeSkew()).flowImpact(venue.market().flowImpact())
            .basketPricing(venue.market().basketPricing()).readingSeed(config.feeds().synthetic().seed())
            .readingNoiseScale(config.feeds().synthetic().noiseScale());
    }
}
