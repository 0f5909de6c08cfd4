package io.skytrade.core.risk;

/**
 * Loss limits of the drawdown monitor, bound from the {@code drawdown} section of the
 * configuration, in price units (ticks x contract size, contract size 1). Drawdown is the running
 * peak of equity minus equity; daily loss is the equity at the start of the trading day minus
 * equity, the day being {@code floor(eventTime / tradingDayNanos)}.
 * Immutable and validated on construction (one message naming key, value and expectation).
 * Thread-safe. Hot-path cost: field reads.
 *
 * @param softDrawdown         {@code drawdown.softDrawdown}: warn and halve sizes (mode REDUCING) from here
 * @param softRecoveryDrawdown {@code drawdown.softRecoveryDrawdown}: back to NORMAL below this (hysteresis)
 * @param hardDrawdown         {@code drawdown.hardDrawdown}: enter SAFE from here
 * @param dailyLossLimit       {@code drawdown.dailyLossLimit}: enter SAFE when the day's loss reaches it
 * @param tradingDayNanos      {@code drawdown.tradingDayNanos}: length of a trading day in event time
 */
public record DrawdownLimits(
    double softDrawdown,
    double softRecoveryDrawdown,
    double hardDrawdown,
    double dailyLossLimit,
    long tradingDayNanos) {

    public DrawdownLimits {
        positive("drawdown.softDrawdown", softDrawdown);
        positive("drawdown.hardDrawdown", hardDrawdown);
        positive("drawdown.dailyLossLimit", dailyLossLimit);
        if (!(softRecoveryDrawdown >= 0 && softRecoveryDrawdown <= softDrawdown)) {
            throw new IllegalArgumentException("drawdown.softRecoveryDrawdown=" + softRecoveryDrawdown
                + ": expected 0..drawdown.softDrawdown (" + softDrawdown + ")");
        }
        if (!(hardDrawdown > softDrawdown)) {
            throw new IllegalArgumentException("drawdown.hardDrawdown=" + hardDrawdown
                + ": expected > drawdown.softDrawdown (" + softDrawdown + ")");
        }
        if (tradingDayNanos <= 0) {
            throw new IllegalArgumentException("drawdown.tradingDayNanos=" + tradingDayNanos + ": expected > 0");
        }
    }

    /**
     * Defaults: soft 10,000, recovery 5,000, hard 20,000, daily loss 15,000, UTC calendar days. They
     * are set against the sizer's risk budget (a full-conviction position carries a settlement-PnL
     * standard deviation of 5,000 per product, {@code SizerParams}) and the position limit of 100
     * lots on products priced in thousands of ticks, where one tick on a full position is 100. The
     * former 500/250/1,000/1,500 was a tenth of one product's budget: ordinary mark-to-market noise
     * of a single position entered SAFE within seconds. The daily limit sits below the hard one,
     * since a day's loss can never exceed the drawdown from the running peak.
     */
    public static DrawdownLimits defaults() {
        return new DrawdownLimits(10_000.0, 5_000.0, 20_000.0, 15_000.0, 86_400_000_000_000L);
    }

    private static void positive(final String key, final double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + "=" + value + ": expected a finite number > 0");
        }
    }
}
