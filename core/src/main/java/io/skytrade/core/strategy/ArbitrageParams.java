package io.skytrade.core.strategy;

/**
 * Parameters of the relative value trades: the ETF arbitrage ({@link EtfArbitrage}) and the fly priced off the ETF ({@link FlyRelativeValue}), validated once at start-up. Prices in
 * ticks, quantities in lots of the ETF (one lot of each leg per ETF lot), times in event-time
 * nanoseconds. Immutable; read at start-up only (no hot-path cost).
 *
 * @param enabled            trade the ETF against its legs (and not market-make the ETF); default true
 * @param edgeTicks          enter when the ETF's touch is beyond the legs' far touches summed by at
 *                           least this; default 20
 * @param maxLots            largest ETF quantity of one entry; default 5
 * @param maxPosition        largest absolute ETF position the arbitrage holds; default 20
 * @param hedgeSlippageTicks a leg's hedge (IOC) is priced this far through its touch; default 5
 * @param intervalNanos      at most one entry per this interval; default 2 s
 * @param scratchAfterNanos  a leg still unhedged after this long: the ETF quantity it leaves open is
 *                           bought or sold back (scratched); default 1 min
 * @param flyEtfWeight       weight, 0..1, of the fly's value implied by the ETF's market (its payoff
 *                           expected around everyone else's ETF mid, {@link FlyRelativeValue}) in the
 *                           value the fly is quoted and taken around; 0 quotes it around its own fair
 *                           value; default 0.8
 * @param onMoves            run only after the inputs that move the ETF or a leg (its book, its fair
 *                           value, its orders and fills) and on every TIMER input, which carries the
 *                           time-driven hedges, scratches and entries; false runs it after every input
 *                           that moves any product (the behaviour before session 8, kept as the built-in
 *                           default, so journals recorded before the key replay as recorded, and the shipped
 *                           configurations' value). True needs {@code timers.interval} > 0
 */
public record ArbitrageParams(boolean enabled, long edgeTicks, long maxLots, long maxPosition, long hedgeSlippageTicks,
                              long intervalNanos, long scratchAfterNanos, double flyEtfWeight, boolean onMoves) {
    public ArbitrageParams {
        if (!(flyEtfWeight >= 0.0 && flyEtfWeight <= 1.0)) {
            throw new IllegalArgumentException("arbitrage.flyEtfWeight: " + flyEtfWeight + " must be in [0, 1]");
        }
        if (edgeTicks < 0 || maxLots < 1 || maxPosition < maxLots || hedgeSlippageTicks < 0 || intervalNanos <= 0
            || scratchAfterNanos <= 0) {
            throw new IllegalArgumentException("arbitrage: edgeTicks=" + edgeTicks + " (>= 0), maxLots=" + maxLots
                + " (>= 1), maxPosition=" + maxPosition + " (>= maxLots), hedgeSlippageTicks=" + hedgeSlippageTicks
                + " (>= 0), interval=" + intervalNanos + "ns and scratchAfter=" + scratchAfterNanos + "ns (> 0)");
        }
    }

    /** The documented defaults. */
    public static ArbitrageParams defaults() {
        return new ArbitrageParams(true, 20, 5, 20, 5, 2_000_000_000L, 60_000_000_000L, 0.8, false);
    }

    /** The same parameters, run only on the inputs that move the ETF or a leg (and on timers) when {@code on}. */
    public ArbitrageParams withOnMoves(final boolean on) {
        return new ArbitrageParams(enabled, edgeTicks, maxLots, maxPosition, hedgeSlippageTicks, intervalNanos,
            scratchAfterNanos, flyEtfWeight, on);
    }
}
