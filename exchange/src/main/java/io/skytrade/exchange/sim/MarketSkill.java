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
 *   its issue. It knows the world's public structure (the astronomical tide, the seasonal and
 *   diurnal cycles, the flight schedule, and how its random parts behave: an ensemble of sixteen
 *   climatological draws of them), the public readings, whose newest value per series it
 *   assimilates as a fading anomaly, and the airport's announcements of disruptions; nothing of
 *   the world's latent state (which fronts, surges or spikes are under way) beyond what those show. It knows less than
 *   {@link #SHARP} (the same readings, filtered) and more than {@link #DULL}.
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
    DULL(20 * Minutes.ONE, 5 * Minutes.ONE, 60 * Minutes.ONE),
    /** A weather service's ensemble forecast from the public readings, issued every 15 minutes, public 15 minutes later. */
    MEDIUM(5 * Minutes.ONE, Minutes.ONE, 30 * Minutes.ONE),
    /** The engine's own default models on the engine's readings, seconds behind. */
    SHARP(10 * Minutes.SECOND, 2 * Minutes.SECOND, 15 * Minutes.ONE);

    private final long makerLagNanos;
    private final long takerLagNanos;
    private final long flowMemoryNanos;

    MarketSkill(final long makerLagNanos, final long takerLagNanos, final long flowMemoryNanos) {
        this.makerLagNanos = makerLagNanos;
        this.takerLagNanos = takerLagNanos;
        this.flowMemoryNanos = flowMemoryNanos;
    }

    /**
     * E-folding time of what the flow traded against the market maker tells it: how long until
     * its forecast has caught up with the readings behind that flow (dull: the next hourly issue;
     * medium: an issue's 15 minutes plus its 15 minutes' publication lag; sharp: the next
     * 15-minute reading).
     */
    public long flowMemoryNanos() {
        return flowMemoryNanos;
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
