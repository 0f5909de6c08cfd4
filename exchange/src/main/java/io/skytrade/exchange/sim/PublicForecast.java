package io.skytrade.exchange.sim;

/**
 * A public forecast of every venue product's settlement: what a participant without our data
 * fusion knows at a given world time, built only from what is public by then (readings as the
 * public sources publish them, the deterministic parts of the world, a forecaster's own model),
 * never from the realisation. One implementation per {@link MarketSkill}.
 *
 * <p>Not thread-safe (the venue's lock). Cost: implementation-defined, off the engine's hot path.
 */
interface PublicForecast {
    /**
     * Fills {@code mean[i]} and {@code std[i]} (at or above 0) with the forecast of venue product
     * i's settlement at {@code windowEnd} as it stands at world time {@code asOf}; a product the
     * forecaster cannot value yet gets a NaN mean. Calls may come in any order of {@code asOf}.
     */
    void forecast(long windowEnd, long asOf, double[] mean, double[] std);
}
