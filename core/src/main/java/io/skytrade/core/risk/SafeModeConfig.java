package io.skytrade.core.risk;

/**
 * Safe-mode parameters, bound from the {@code safeMode} section of the configuration: market-data
 * staleness, flattening on entering SAFE, and the position-reconciliation tolerance.
 * Immutable and validated on construction (one message naming key, value and expectation).
 * Thread-safe. Hot-path cost: field reads.
 *
 * @param maxMarketDataAgeNanos {@code safeMode.maxMarketDataAgeNanos}: at a timer tick, a market whose last book is older enters SAFE
 * @param flattenOnSafe         {@code safeMode.flattenOnSafe}: in SAFE, close positions with marketable IOC limit orders
 * @param flattenSlippageTicks  {@code safeMode.flattenSlippageTicks}: how far through the touch a flattening order is priced (kept inside the price bands)
 * @param reconcileToleranceLots {@code safeMode.reconcileToleranceLots}: largest accepted difference from a venue position report
 */
public record SafeModeConfig(
    long maxMarketDataAgeNanos,
    boolean flattenOnSafe,
    long flattenSlippageTicks,
    long reconcileToleranceLots) {

    public SafeModeConfig {
        if (maxMarketDataAgeNanos <= 0) {
            throw new IllegalArgumentException("safeMode.maxMarketDataAgeNanos=" + maxMarketDataAgeNanos + ": expected > 0");
        }
        if (flattenSlippageTicks < 0) {
            throw new IllegalArgumentException("safeMode.flattenSlippageTicks=" + flattenSlippageTicks + ": expected >= 0");
        }
        if (reconcileToleranceLots < 0) {
            throw new IllegalArgumentException("safeMode.reconcileToleranceLots=" + reconcileToleranceLots + ": expected >= 0");
        }
    }

    /** Defaults: data stale after 60 s, flatten on, 2 ticks of slippage, exact reconciliation. */
    public static SafeModeConfig defaults() {
        return new SafeModeConfig(60_000_000_000L, true, 2, 0);
    }
}
