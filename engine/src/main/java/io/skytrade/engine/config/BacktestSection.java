package io.skytrade.engine.config;

/**
 * backtest: the fill model and the analysis of {@code skytrade backtest}.
 *
 * @param latencyNanos     time from our order leaving the engine to reaching the simulated book (default 5ms)
 * @param feePerLot        fee per lot filled (default 0)
 * @param cancelsAheadOfUs whether liquidity withdrawn at our price level is taken from ahead of our
 *                         order in the queue (optimistic) rather than behind it (default false)
 * @param sampleIntervalNanos equity sampling period in event time (default 1m)
 *
 * <p>Returns and drawdowns are measured against the one top-level {@code capital}, shared with the
 * sizer and risk.
 */
public record BacktestSection(long latencyNanos, double feePerLot, boolean cancelsAheadOfUs, long sampleIntervalNanos) {
    public BacktestSection {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("backtest.latency: " + latencyNanos + "ns must be >= 0");
        }
        if (feePerLot < 0) {
            throw new IllegalArgumentException("backtest.feePerLot: " + feePerLot + " must be >= 0");
        }
        if (sampleIntervalNanos <= 0) {
            throw new IllegalArgumentException("backtest.sampleInterval: must be > 0");
        }
    }

    public static BacktestSection defaults() {
        return new BacktestSection(5_000_000L, 0.0, false, 60_000_000_000L);
    }
}
