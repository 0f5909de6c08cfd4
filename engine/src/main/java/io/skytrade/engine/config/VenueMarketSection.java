package io.skytrade.engine.config;

import io.skytrade.exchange.sim.MarketSkill;

/**
 * venue.market: what the simulated exchange's background participants know and how they quote
 * (simulator mode only). Every level quotes around a public forecast of each product's settlement,
 * never the realisation; {@link MarketSkill} documents the three levels.
 *
 * @param skill       {@code dull} (last five days' pattern, hourly), {@code medium} (default: a
 *                    weather service's ensemble forecast every 15 minutes, public 15 minutes later)
 *                    or {@code sharp} (the engine's own default models on the engine's readings,
 *                    seconds behind); {@code skytrade evaluate --skill} sets it
 * @param traderNoise each participant's own smooth error around the forecast, in forecast standard
 *                    deviations (default 0.3; 0..10)
 * @param sizeSkew    how far the market maker's touch sizes lean towards the side the fresher
 *                    forecast points to, so the book's imbalance carries information (default 0.5;
 *                    0: uniform sizes; 0..1)
 * @param flowImpact  how far each lot traded against the market maker moves its quotes towards
 *                    the aggressor, in half-spreads, fading as its forecast catches up (default
 *                    0.2: a touch of mean size moves them about a half-spread; 0: quotes ignore
 *                    the flow; 0..5)
 * @param basketPricing the ETF's participants price it as the sum of its legs' views and the
 *                    fly's off the ETF's, as arbitrageurs keep them (default true)
 */
public record VenueMarketSection(MarketSkill skill, double traderNoise, double sizeSkew, double flowImpact,
                                 boolean basketPricing) {
    public VenueMarketSection {
        if (skill == null) {
            throw new IllegalArgumentException("venue.market.skill: must be dull, medium or sharp");
        }
        if (!(traderNoise >= 0 && traderNoise <= 10)) {
            throw new IllegalArgumentException("venue.market.traderNoise: " + traderNoise + " must be in 0..10");
        }
        if (!(sizeSkew >= 0 && sizeSkew <= 1)) {
            throw new IllegalArgumentException("venue.market.sizeSkew: " + sizeSkew + " must be in 0..1");
        }
        if (!(flowImpact >= 0 && flowImpact <= 5)) {
            throw new IllegalArgumentException("venue.market.flowImpact: " + flowImpact + " must be in 0..5");
        }
    }

    public static VenueMarketSection defaults() {
        return new VenueMarketSection(MarketSkill.MEDIUM, 0.3, 0.5, 0.2, true);
    }
}
