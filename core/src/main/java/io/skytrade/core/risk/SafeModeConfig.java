package io.skytrade.core.risk;

/**
 * Safe-mode parameters, bound from the {@code safeMode} section of the configuration: market-data
 * staleness, flattening on entering SAFE, and the position-reconciliation tolerance.
 * Immutable and validated on construction (one message naming key, value and expectation).
 * Thread-safe. Hot-path cost: field reads.
 *
 * @param maxMarketDataAgeNanos {@code safeMode.maxMarketDataAgeNanos}: at a timer tick, a market whose last book is older enters SAFE
 * @param flattenOnSafe         {@code safeMode.flattenOnSafe}: in SAFE, close positions with marketable IOC limit orders
 * @param flattenSlippageTicks  {@code safeMode.flattenSlippageTicks}: how far through the touch a flattening order is priced (kept inside the touch band)
 * @param reconcileToleranceLots {@code safeMode.reconcileToleranceLots}: largest accepted difference from a venue position report
 * @param flattenFairValueBandTicks {@code safeMode.flattenFairValueBandTicks}: 0 (default) flattens at the touch
 *                              wherever fair value is; above 0, a flattening price must also lie within this many
 *                              ticks of fair value, so the engine holds a position rather than close it into a
 *                              market that far from its valuation. Off by default: SAFE follows a shock, the
 *                              nowcast does not move with the market, and the strategy's fair-value band
 *                              ({@code risk.fairValueBandStd}) would then keep every losing position open.
 */
public record SafeModeConfig(
    long maxMarketDataAgeNanos,
    boolean flattenOnSafe,
    long flattenSlippageTicks,
    long reconcileToleranceLots,
    long flattenFairValueBandTicks) {

    public SafeModeConfig {
        if (maxMarketDataAgeNanos <= 0) {
            throw new IllegalArgumentException("safeMode.maxMarketDataAgeNanos=" + maxMarketDataAgeNanos + ": expected > 0");
        }
        if (flattenSlippageTicks < 0) {
            throw new IllegalArgumentException("safeMode.flattenSlippageTicks=" + flattenSlippageTicks + ": expected >= 0");
        }
        if (flattenFairValueBandTicks < 0) {
            throw new IllegalArgumentException("safeMode.flattenFairValueBandTicks=" + flattenFairValueBandTicks
                + ": expected >= 0 (0: no fair-value limit on flattening)");
        }
        if (reconcileToleranceLots < 0) {
            throw new IllegalArgumentException("safeMode.reconcileToleranceLots=" + reconcileToleranceLots + ": expected >= 0");
        }
    }

    /** Without a fair-value limit on flattening (what most callers and tests want). */
    public SafeModeConfig(final long maxMarketDataAgeNanos, final boolean flattenOnSafe, final long flattenSlippageTicks,
                          final long reconcileToleranceLots) {
        this(maxMarketDataAgeNanos, flattenOnSafe, flattenSlippageTicks, reconcileToleranceLots, 0);
    }

    /**
     * Defaults: data stale after 60 s, flatten on, 2 ticks of slippage, exact reconciliation, no
     * fair-value limit on flattening.
     */
    public static SafeModeConfig defaults() {
        return new SafeModeConfig(60_000_000_000L, true, 2, 0, 0);
    }
}
