package io.skytrade.core.risk;

import io.skytrade.core.position.PositionTracker;

/**
 * Tracks marked-to-market equity, its running peak and the drawdown from it, and the loss since
 * the start of the trading day (event time), against {@link DrawdownLimits}. {@link #update}
 * returns a bit set of the limits currently breached; the caller turns them into mode changes.
 * Single-threaded. Hot-path cost: a few arithmetic operations and one division per update.
 */
public final class DrawdownMonitor {
    /** Drawdown at or beyond the soft limit. */
    public static final int SOFT = 1;
    /** Drawdown at or beyond the hard limit. */
    public static final int HARD = 2;
    /** Day's loss at or beyond the daily limit. */
    public static final int DAILY = 4;
    /** Drawdown below the soft recovery level. */
    public static final int RECOVERED = 8;

    private final DrawdownLimits limits;
    private boolean started;
    private double equity;
    private double peak;
    private long day;
    private double dayStartEquity;

    public DrawdownMonitor(final DrawdownLimits limits) {
        this.limits = limits;
    }

    /** Takes the equity at {@code eventTimeNanos} and returns the breached-limit bits. */
    public int update(final double currentEquity, final long eventTimeNanos) {
        final long today = Math.floorDiv(eventTimeNanos, limits.tradingDayNanos());
        if (!started) {
            started = true;
            peak = currentEquity;
            day = today;
            dayStartEquity = currentEquity;
        } else if (today != day) {
            day = today;
            dayStartEquity = equity;
        }
        equity = currentEquity;
        if (equity > peak) {
            peak = equity;
        }
        final double drawdown = peak - equity;
        int bits = 0;
        if (drawdown >= limits.softDrawdown()) {
            bits |= SOFT;
        }
        if (drawdown >= limits.hardDrawdown()) {
            bits |= HARD;
        }
        if (drawdown < limits.softRecoveryDrawdown()) {
            bits |= RECOVERED;
        }
        if (dayStartEquity - equity >= limits.dailyLossLimit()) {
            bits |= DAILY;
        }
        return bits;
    }

    /** Operator acknowledged the loss (RESUME): the peak and the day's start restart at current equity. */
    public void rebase() {
        peak = equity;
        dayStartEquity = equity;
    }

    public double equity() {
        return equity;
    }

    public double peak() {
        return peak;
    }

    public double drawdown() {
        return peak - equity;
    }

    /** Loss since the start of the trading day (negative when up). */
    public double dailyLoss() {
        return dayStartEquity - equity;
    }

    /** Hash of every field. */
    public long stateHash() {
        long h = PositionTracker.mix(started ? 1 : 0, Double.doubleToLongBits(equity));
        h = PositionTracker.mix(h, Double.doubleToLongBits(peak));
        h = PositionTracker.mix(h, day);
        return PositionTracker.mix(h, Double.doubleToLongBits(dayStartEquity));
    }
}
