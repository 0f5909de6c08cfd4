package io.skytrade.exchange.sim;

/**
 * How much the simulated market's background participants know (config key
 * {@code venue.market.skill}), defined by their information, never by how well anyone does
 * against them. Every level sees only what is public at the moment it quotes; none sees the
 * realised settlement before the venue settles. The forecast each level quotes around and the
 * lags of its market maker and taker:
 * <ul>
 *   <li>{@link #DULL}: climatology and persistence. Each hour the participants look at the public
 *   readings (the same the engine's feeds get, as late as the feeds get them): the part of the
 *   settlement window already observed is taken from them, the rest is yesterday's pattern (the
 *   readings one, two, ... five days earlier at the same time of day; two tidal cycles earlier
 *   for the tide) shifted by the last observation's departure from it, fading over hours; the
 *   spread of those five days is the uncertainty.
 *   <li>{@link #MEDIUM}: a public forecast of every series, as a weather service, a tide table
 *   and a published flight schedule give, issued every 15 minutes and published 15 minutes after
 *   its issue: the deterministic parts of the world (astronomical tide, seasonal and diurnal
 *   cycles, the flight schedule) exactly, every random element a forecaster could know by the
 *   issue time (weather fronts and surges up to their knot, spikes past their peak, disruptions
 *   that have begun), and an ensemble of sixteen draws of everything later, nudged towards the
 *   newest public reading of each series; the observed part of the window from the public readings.
 *   <li>{@link #SHARP}: the same readings as the engine's feeds, filtered by the engine's own
 *   default stages (features, Kalman filters, settlement valuation: {@code core}'s public API,
 *   readings in, fair value and its standard deviation out), seconds after they are published:
 *   any edge left is speed and execution.
 * </ul>
 *
 * <p>Immutable constants. Hot-path cost: none.
 */
public enum MarketSkill {
    /** Persistence of the last five days' pattern, refreshed hourly. */
    DULL(20 * Minutes.ONE, 5 * Minutes.ONE),
    /** A weather service's ensemble forecast, issued every 15 minutes, public 15 minutes later. */
    MEDIUM(5 * Minutes.ONE, Minutes.ONE),
    /** The engine's own default models on the engine's readings, seconds behind. */
    SHARP(10 * Minutes.SECOND, 2 * Minutes.SECOND);

    private final long makerLagNanos;
    private final long takerLagNanos;

    MarketSkill(final long makerLagNanos, final long takerLagNanos) {
        this.makerLagNanos = makerLagNanos;
        this.takerLagNanos = takerLagNanos;
    }

    /** How long after the forecast's publication the market maker requotes on it. */
    public long makerLagNanos() {
        return makerLagNanos;
    }

    /** How long after the forecast's publication the taker trades on it (the faster participant). */
    public long takerLagNanos() {
        return takerLagNanos;
    }

    /** Time units of the lags. */
    private static final class Minutes {
        static final long SECOND = 1_000_000_000L;
        static final long ONE = 60 * SECOND;
    }
}
