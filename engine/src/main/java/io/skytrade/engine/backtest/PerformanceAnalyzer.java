package io.skytrade.engine.backtest;

import java.util.List;

/**
 * Performance figures of a run from its marked-to-market equity curve and its closed round trips:
 * total and annualised return, volatility, Sharpe, Sortino, maximum drawdown and its duration,
 * Calmar, hit rate, profit factor, turnover, average holding time, exposure and fees. Every figure
 * at index i uses only samples 0..i (no look-ahead): the curve is walked forward once.
 *
 * <p>Conventions: returns are simple returns of equity between consecutive samples relative to
 * {@code capital} (PnL per sample / capital), so a flat or negative equity never divides by zero;
 * annualisation multiplies the mean per-sample return by the number of samples per year implied
 * by the sampling interval, and the volatility by its square root; Sharpe and Sortino use a zero
 * risk-free rate; Sortino's downside deviation is the root mean square of the negative returns
 * over all samples; Calmar is annualised return over maximum drawdown (both as fractions of
 * capital). Offline (backtest reports); allocates freely.
 */
public final class PerformanceAnalyzer {
    private static final double NANOS_PER_YEAR = 365.25 * 24 * 3600 * 1e9;

    private PerformanceAnalyzer() {
    }

    /**
     * One closed round trip.
     *
     * @param openNanos  when the position was opened
     * @param closeNanos when it was closed
     * @param pnl        realised PnL net of fees
     */
    public record RoundTrip(long openNanos, long closeNanos, double pnl) {
    }

    /**
     * The figures.
     *
     * @param totalReturn          final PnL / capital
     * @param annualisedReturn     mean per-sample return x samples per year
     * @param annualisedVolatility sample standard deviation of returns x sqrt(samples per year)
     * @param sharpe               annualised return / annualised volatility (0 when volatility is 0)
     * @param sortino              annualised return / annualised downside deviation (0 when none)
     * @param maxDrawdown          largest fall of equity from a running peak, as a fraction of capital
     * @param maxDrawdownNanos     longest time spent below a running peak
     * @param calmar               annualised return / max drawdown (0 when no drawdown)
     * @param hitRate              winning round trips / round trips
     * @param profitFactor         gross profit / gross loss of round trips (infinite when no loss)
     * @param turnover             traded notional / capital
     * @param averageHoldingNanos  mean round-trip duration
     * @param exposure             fraction of time with a non-zero position
     * @param fees                 fees paid
     */
    public record Metrics(double totalReturn, double annualisedReturn, double annualisedVolatility, double sharpe,
                          double sortino, double maxDrawdown, long maxDrawdownNanos, double calmar, double hitRate,
                          double profitFactor, double turnover, double averageHoldingNanos, double exposure, double fees) {
    }

    /**
     * Computes the figures.
     *
     * @param times       sample times, strictly increasing, evenly spaced (at least two)
     * @param equity      marked-to-market PnL at each sample (starting at any value)
     * @param position    absolute position at each sample (for exposure)
     * @param capital     the capital returns are measured against (> 0)
     * @param roundTrips  closed round trips
     * @param notional    traded notional (sum of |qty x price| of fills)
     * @param fees        fees paid
     */
    public static Metrics analyse(final long[] times, final double[] equity, final long[] position, final double capital,
                                  final List<RoundTrip> roundTrips, final double notional, final double fees) {
        final int n = times.length;
        if (n < 2 || equity.length != n || position.length != n) {
            throw new IllegalArgumentException("need at least two samples of time, equity and position of equal length; got "
                + n + ", " + equity.length + ", " + position.length);
        }
        if (!(capital > 0)) {
            throw new IllegalArgumentException("capital " + capital + " must be > 0");
        }
        final double interval = (double) (times[n - 1] - times[0]) / (n - 1);
        final double samplesPerYear = NANOS_PER_YEAR / interval;
        double sum = 0;
        double sumSq = 0;
        double downSq = 0;
        double peak = equity[0];
        double maxDd = 0;
        long peakTime = times[0];
        long maxDdNanos = 0;
        long exposed = 0;
        for (int i = 1; i < n; i++) {
            if (times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("sample times must increase; sample " + i + " is not after " + (i - 1));
            }
            final double r = (equity[i] - equity[i - 1]) / capital;
            sum += r;
            sumSq += r * r;
            if (r < 0) {
                downSq += r * r;
            }
            if (position[i - 1] != 0) {
                exposed += times[i] - times[i - 1];
            }
            if (equity[i] >= peak) {
                peak = equity[i];
                peakTime = times[i];
            } else {
                maxDd = Math.max(maxDd, (peak - equity[i]) / capital);
                maxDdNanos = Math.max(maxDdNanos, times[i] - peakTime);
            }
        }
        final int m = n - 1;
        final double mean = sum / m;
        final double variance = m > 1 ? (sumSq - m * mean * mean) / (m - 1) : 0;
        final double annReturn = mean * samplesPerYear;
        final double annVol = Math.sqrt(Math.max(0, variance) * samplesPerYear);
        final double downside = Math.sqrt(downSq / m * samplesPerYear);
        int wins = 0;
        double grossWin = 0;
        double grossLoss = 0;
        double holding = 0;
        for (final RoundTrip t : roundTrips) {
            if (t.pnl() > 0) {
                wins++;
                grossWin += t.pnl();
            } else {
                grossLoss -= t.pnl();
            }
            holding += t.closeNanos() - t.openNanos();
        }
        final int trips = roundTrips.size();
        return new Metrics(
            (equity[n - 1] - equity[0]) / capital,
            annReturn,
            annVol,
            annVol == 0 ? 0 : annReturn / annVol,
            downside == 0 ? 0 : annReturn / downside,
            maxDd,
            maxDdNanos,
            maxDd == 0 ? 0 : annReturn / maxDd,
            trips == 0 ? 0 : (double) wins / trips,
            grossLoss == 0 ? (grossWin > 0 ? Double.POSITIVE_INFINITY : 0) : grossWin / grossLoss,
            notional / capital,
            trips == 0 ? 0 : holding / trips,
            (double) exposed / (times[n - 1] - times[0]),
            fees);
    }
}
