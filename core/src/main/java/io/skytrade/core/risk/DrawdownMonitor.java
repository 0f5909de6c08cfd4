package io.skytrade.core.risk;

import io.skytrade.core.position.PositionTracker;

/**
 * Tracks marked-to-market equity, its running peak and the drawdown from it, and the loss since
 * the start of the trading day (event time), against {@link DrawdownLimits} (fractions of
 * {@code capital}, turned into price units once at construction). {@link #update}
 * returns a bit set of the limits currently breached; the caller turns them into mode changes.
 * Single-threaded. Hot-path cost: a few arithmetic operations per update (the trading day's range is
 * cached: a division only on the first update of a day).
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
    private final double soft;
    private final double softRecovery;
    private final double hard;
    private final double dailyLoss;
    private boolean started;
    private double equity;
    private double peak;
    private long day;
    private double dayStartEquity;
    /** Event times known to lie in trading day {@link #cachedDay} (inclusive; empty at first): no division per update. */
    private long cachedFrom = 1;
    private long cachedTo;
    private long cachedDay;

    /**
     * @param capital the one capital figure the limits are fractions of, price units (&gt; 0)
     */
    public DrawdownMonitor(final DrawdownLimits limits, final double capital) {
        if (!(capital > 0) || Double.isInfinite(capital)) {
            throw new IllegalArgumentException("capital=" + capital + ": expected a finite number > 0");
        }
        this.limits = limits;
        this.soft = limits.softDrawdown() * capital;
        this.softRecovery = limits.softRecoveryDrawdown() * capital;
        this.hard = limits.hardDrawdown() * capital;
        this.dailyLoss = limits.dailyLossLimit() * capital;
    }

    /** Takes the equity at {@code eventTimeNanos} and returns the breached-limit bits. */
    public int update(final double currentEquity, final long eventTimeNanos) {
        final long today = dayOf(eventTimeNanos);
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
        if (drawdown >= soft) {
            bits |= SOFT;
        }
        if (drawdown >= hard) {
            bits |= HARD;
        }
        if (drawdown < softRecovery) {
            bits |= RECOVERED;
        }
        if (dayStartEquity - equity >= dailyLoss) {
            bits |= DAILY;
        }
        return bits;
    }

    /**
     * {@code floorDiv(t, tradingDay)}: from the cached range of the current day, else divided once
     * and the range of that day cached (clipped where its ends would overflow a long).
     */
    long dayOf(final long t) {
        if (t >= cachedFrom && t <= cachedTo) {
            return cachedDay;
        }
        final long length = limits.tradingDayNanos();
        final long into = Math.floorMod(t, length);
        final long left = length - 1 - into;
        cachedDay = Math.floorDiv(t, length);
        cachedFrom = t >= Long.MIN_VALUE + into ? t - into : t;
        cachedTo = t <= Long.MAX_VALUE - left ? t + left : t;
        return cachedDay;
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
