package io.skytrade.engine.evaluate;

import io.skytrade.engine.backtest.PerformanceAnalyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The figures across the evaluated days, computed once here: the mean daily PnL with its standard
 * deviation, t-statistic and 95% interval ({@link MeanEstimate}); Sharpe from daily PnL and the
 * maximum drawdown of the days' equity curves laid end to end, both by the backtest's
 * {@link PerformanceAnalyzer} (daily PnL as daily samples, so Sharpe is mean / sd x sqrt(365.25),
 * never annualised from intraday samples); per product PnL and activity; the fair-value accuracy
 * per product and horizon ({@link FairValueAccuracy}); intents refused by reason as a share of all
 * intents; orders and fills per hour of the day; entries into SAFE by cause. Immutable; offline.
 */
public final class EvaluationSummary {
    private static final long DAY = 86_400_000_000_000L;

    private final List<DayResult> days;
    private final List<String> products;
    private final double capital;
    private final long sampleInterval;
    private final MeanEstimate dailyPnl;
    private final PerformanceAnalyzer.Metrics daily;
    private final PerformanceAnalyzer.Metrics intraday;
    private final double[] curve;
    private final FairValueAccuracy[][] accuracy;

    /**
     * @param days           the days, in seed then day order (the equity curve follows this order)
     * @param products       product symbols by instrument id
     * @param capital        capital returns and drawdowns are measured against (the one top-level {@code capital})
     * @param sampleInterval time between the days' equity samples
     */
    public EvaluationSummary(final List<DayResult> days, final List<String> products, final double capital,
                             final long sampleInterval) {
        this.days = List.copyOf(days);
        this.products = List.copyOf(products);
        this.capital = capital;
        this.sampleInterval = sampleInterval;
        final double[] pnl = new double[days.size()];
        for (int d = 0; d < pnl.length; d++) {
            pnl[d] = days.get(d).pnl();
        }
        this.dailyPnl = MeanEstimate.of(pnl);
        this.daily = days.isEmpty() ? null : dailyMetrics(pnl, capital);
        this.curve = concatenated(days);
        this.intraday = curve.length < 2 ? null : PerformanceAnalyzer.analyse(sampleTimes(curve.length, sampleInterval), curve,
            new long[curve.length], capital, List.of(), 0, 0);
        this.accuracy = new FairValueAccuracy[products.size()][Horizons.count()];
        for (int p = 0; p < products.size(); p++) {
            for (int h = 0; h < Horizons.count(); h++) {
                accuracy[p][h] = FairValueAccuracy.of(samples(p, h));
            }
        }
    }

    /** Daily PnL as one sample a day: Sharpe from daily returns. */
    private static PerformanceAnalyzer.Metrics dailyMetrics(final double[] pnl, final double capital) {
        final int n = pnl.length + 1;
        final long[] times = new long[n];
        final double[] equity = new double[n];
        for (int d = 1; d < n; d++) {
            times[d] = d * DAY;
            equity[d] = equity[d - 1] + pnl[d - 1];
        }
        return PerformanceAnalyzer.analyse(times, equity, new long[n], capital, List.of(), 0, 0);
    }

    /** Every day's intraday equity, each starting where the previous day ended (starts at 0). */
    private static double[] concatenated(final List<DayResult> days) {
        int n = 1;
        for (final DayResult d : days) {
            n += d.equity().length - 1;
        }
        final double[] equity = new double[n];
        int k = 1;
        double offset = 0;
        for (final DayResult d : days) {
            final double[] e = d.equity();
            for (int i = 1; i < e.length; i++) {
                equity[k++] = offset + e[i];
            }
            offset += d.pnl();
        }
        return equity;
    }

    private static long[] sampleTimes(final int n, final long interval) {
        final long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * interval;
        }
        return times;
    }

    /** The days' equity laid end to end, one value per sample interval, starting at 0. */
    public double[] concatenatedEquity() {
        return curve.clone();
    }

    /** Every fair-value sample of product {@code p} at horizon {@code h}. */
    public List<FairValueSample> samples(final int p, final int h) {
        final List<FairValueSample> out = new ArrayList<>();
        for (final DayResult d : days) {
            for (final FairValueSample s : d.fairValues()) {
                if (s.product() == p && s.horizon() == h) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    public List<DayResult> days() {
        return days;
    }

    public List<String> products() {
        return products;
    }

    public double capital() {
        return capital;
    }

    /** Time between equity samples. */
    public long sampleInterval() {
        return sampleInterval;
    }

    /** Mean daily PnL, its sd, t-statistic and 95% interval. */
    public MeanEstimate dailyPnl() {
        return dailyPnl;
    }

    /** Annualised Sharpe from daily PnL (mean / sd x sqrt(365.25)); NaN without days. */
    public double sharpe() {
        return daily == null ? Double.NaN : daily.sharpe();
    }

    /** Largest fall of the concatenated equity below its running peak, as a fraction of capital. */
    public double maxDrawdown() {
        return intraday == null ? Double.NaN : intraday.maxDrawdown();
    }

    public double totalPnl() {
        double sum = 0;
        for (final DayResult d : days) {
            sum += d.pnl();
        }
        return sum;
    }

    /** The worst day's PnL. */
    public double worstDay() {
        double worst = Double.NaN;
        for (final DayResult d : days) {
            worst = Double.isNaN(worst) ? d.pnl() : Math.min(worst, d.pnl());
        }
        return worst;
    }

    /** Daily PnL of one product, mean with its t-statistic. */
    public MeanEstimate productPnl(final int p) {
        final double[] pnl = new double[days.size()];
        for (int d = 0; d < pnl.length; d++) {
            pnl[d] = days.get(d).pnlByProduct()[p];
        }
        return MeanEstimate.of(pnl);
    }

    public long productOrders(final int p) {
        return sum(d -> d.ordersByProduct()[p]);
    }

    public long productFills(final int p) {
        return sum(d -> d.fillsByProduct()[p]);
    }

    private long sum(final ToLongFunction<DayResult> count) {
        long n = 0;
        for (final DayResult d : days) {
            n += count.applyAsLong(d);
        }
        return n;
    }

    /** Fair-value accuracy of product {@code p} at horizon {@code h}. */
    public FairValueAccuracy accuracy(final int p, final int h) {
        return accuracy[p][h];
    }

    /** Products whose mid running mean beat the fair value at horizon {@code h}. */
    public int productsWhereMeanBeatsFair(final int h) {
        int n = 0;
        for (int p = 0; p < products.size(); p++) {
            if (accuracy[p][h].n() > 0 && accuracy[p][h].meanBeatsFair()) {
                n++;
            }
        }
        return n;
    }

    public long intents() {
        return sum(DayResult::intents);
    }

    /** Intents refused for each {@link io.skytrade.core.risk.RiskReason} code. */
    public long[] refusedByReason() {
        long[] total = new long[0];
        for (final DayResult d : days) {
            final long[] r = d.refusedByReason();
            if (total.length < r.length) {
                total = java.util.Arrays.copyOf(total, r.length);
            }
            for (int i = 0; i < r.length; i++) {
                total[i] += r[i];
            }
        }
        return total;
    }

    public long orders() {
        return sum(DayResult::orders);
    }

    public long fills() {
        return sum(DayResult::fills);
    }

    /** Entries into SAFE over all days. */
    public List<DayResult.SafeEntry> safeEntries() {
        final List<DayResult.SafeEntry> out = new ArrayList<>();
        for (final DayResult d : days) {
            out.addAll(d.safeEntries());
        }
        return out;
    }

    /** Most hours any day has (24, or 25 over a daylight-saving change). */
    public int hours() {
        int n = 0;
        for (final DayResult d : days) {
            n = Math.max(n, d.hourlyOrders().length);
        }
        return n;
    }

    /**
     * Orders in hour {@code h} of the day: [total, fewest on any day that has that hour, days
     * with that hour, days on which it began with a settlement, days without an order in it that
     * did not begin with a settlement].
     */
    public long[] hourOrders(final int h) {
        long total = 0;
        long min = Long.MAX_VALUE;
        long count = 0;
        long afterSettlement = 0;
        long idle = 0;
        for (final DayResult d : days) {
            if (h < d.hourlyOrders().length) {
                total += d.hourlyOrders()[h];
                min = Math.min(min, d.hourlyOrders()[h]);
                count++;
                afterSettlement += d.hourAfterSettlement()[h] ? 1 : 0;
                idle += d.hourlyOrders()[h] == 0 && !d.hourAfterSettlement()[h] ? 1 : 0;
            }
        }
        return new long[] {total, count == 0 ? 0 : min, count, afterSettlement, idle};
    }

    /**
     * Hours in which no order was sent, not counting an hour that began with a settlement (the
     * market reopens then): {idle hours, hours counted}, over every day.
     */
    public long[] idleHours() {
        long idle = 0;
        long counted = 0;
        for (final DayResult d : days) {
            for (int h = 0; h < d.hourlyOrders().length; h++) {
                if (!d.hourAfterSettlement()[h]) {
                    counted++;
                    idle += d.hourlyOrders()[h] == 0 ? 1 : 0;
                }
            }
        }
        return new long[] {idle, counted};
    }

    /** Fills in hour {@code h} of the day over all days. */
    public long hourFills(final int h) {
        return sum(d -> h < d.hourlyFills().length ? d.hourlyFills()[h] : 0);
    }
}
