package io.skytrade.core.risk;

/**
 * Loss limits of the drawdown monitor, bound from the {@code drawdown} section of the
 * configuration, as fractions of the one capital figure ({@code capital}). Drawdown is the running
 * peak of equity minus equity, equity being marked on the book's robust, fair-value-aware price;
 * daily loss is the equity at the start of the trading day minus equity, the day being
 * {@code floor(eventTime / tradingDayNanos)}.
 * Immutable and validated on construction (one message naming key, value and expectation).
 * Thread-safe. Hot-path cost: field reads.
 *
 * @param softDrawdown         {@code drawdown.softDrawdown}: halve sizes (mode REDUCING) from this drawdown, fraction of capital
 * @param softRecoveryDrawdown {@code drawdown.softRecoveryDrawdown}: back to NORMAL below this (hysteresis), fraction of capital
 * @param hardDrawdown         {@code drawdown.hardDrawdown}: enter SAFE from this drawdown, fraction of capital
 * @param dailyLossLimit       {@code drawdown.dailyLossLimit}: enter SAFE when the day's loss reaches this fraction of capital
 * @param tradingDayNanos      {@code drawdown.tradingDayNanos}: length of a trading day in event time
 */
public record DrawdownLimits(
    double softDrawdown,
    double softRecoveryDrawdown,
    double hardDrawdown,
    double dailyLossLimit,
    long tradingDayNanos) {

    public DrawdownLimits {
        fraction("drawdown.softDrawdown", softDrawdown);
        fraction("drawdown.hardDrawdown", hardDrawdown);
        fraction("drawdown.dailyLossLimit", dailyLossLimit);
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
     * Defaults, the product's own rules: a drawdown of 15% of capital halves sizes (back to normal
     * below 10%), 25% enters SAFE, and so does a day's loss of 20%; UTC calendar days.
     */
    public static DrawdownLimits defaults() {
        return new DrawdownLimits(0.15, 0.10, 0.25, 0.20, 86_400_000_000_000L);
    }

    private static void fraction(final String key, final double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(key + "=" + value + ": expected a fraction of capital in (0, 1]");
        }
    }
}
