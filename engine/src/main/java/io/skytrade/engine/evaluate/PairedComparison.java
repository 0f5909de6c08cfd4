package io.skytrade.engine.evaluate;

import io.skytrade.engine.backtest.report.ReportTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration B against configuration A on the same seeds and days ({@code evaluate --compare
 * A.yaml B.yaml}): the paired difference B - A of daily PnL, in total and per product, and of each
 * product's fair-value error at each horizon, each with its mean, t-statistic and 95% interval
 * ({@link MeanEstimate}; pairing removes the day-to-day variation both share, which an unpaired
 * comparison of the two means would keep). Fair values are compared through their squared errors
 * against the settlement, session by session, where both configurations had one: the mean of
 * (B error)^2 - (A error)^2 is the difference of the mean squared errors, negative when B's RMSE is
 * the smaller. Immutable; offline.
 */
public final class PairedComparison {
    private final Evaluation.Result a;
    private final Evaluation.Result b;
    private final MeanEstimate dailyPnl;
    private final MeanEstimate[] productPnl;
    private final Fair[][] fair;

    /**
     * One product's fair value at one horizon, A against B.
     *
     * @param rmseA RMSE of A's fair value over the paired sessions
     * @param rmseB the same for B
     * @param mse   paired B - A of the squared error (its mean is MSE B - MSE A)
     */
    public record Fair(double rmseA, double rmseB, MeanEstimate mse) {
    }

    /**
     * @throws IllegalArgumentException when the two evaluations did not run the same days
     */
    public PairedComparison(final Evaluation.Result a, final Evaluation.Result b) {
        this.a = a;
        this.b = b;
        final List<DayResult> da = a.summary().days();
        final List<DayResult> db = b.summary().days();
        if (da.size() != db.size()) {
            throw new IllegalArgumentException("paired comparison: " + da.size() + " days against " + db.size());
        }
        final int products = a.summary().products().size();
        final double[] pnl = new double[da.size()];
        final double[][] byProduct = new double[products][da.size()];
        for (int d = 0; d < da.size(); d++) {
            final DayResult x = da.get(d);
            final DayResult y = db.get(d);
            if (x.seed() != y.seed() || x.startNanos() != y.startNanos()) {
                throw new IllegalArgumentException("paired comparison: day " + d + " is seed " + x.seed() + " in A and seed "
                    + y.seed() + " in B");
            }
            pnl[d] = y.pnl() - x.pnl();
            for (int p = 0; p < products; p++) {
                byProduct[p][d] = y.pnlByProduct()[p] - x.pnlByProduct()[p];
            }
        }
        this.dailyPnl = MeanEstimate.of(pnl);
        this.productPnl = new MeanEstimate[products];
        for (int p = 0; p < products; p++) {
            productPnl[p] = MeanEstimate.of(byProduct[p]);
        }
        this.fair = new Fair[products][Horizons.count()];
        for (int p = 0; p < products; p++) {
            for (int h = 0; h < Horizons.count(); h++) {
                fair[p][h] = fair(da, db, p, h);
            }
        }
    }

    /**
     * Pairs the two runs' samples of product {@code p} at horizon {@code h} day by day (the days are
     * aligned by seed and start, checked by the constructor) and, within a day, by settlement time:
     * every seed settles at the same instants, so a settlement time alone names a session only
     * within one seed's day.
     */
    private static Fair fair(final List<DayResult> da, final List<DayResult> db, final int p, final int h) {
        final List<Double> diffs = new ArrayList<>();
        double sa = 0;
        double sb = 0;
        for (int d = 0; d < da.size(); d++) {
            final Map<Long, FairValueSample> bySettlement = new HashMap<>();
            for (final FairValueSample s : db.get(d).fairValues()) {
                if (s.product() == p && s.horizon() == h) {
                    bySettlement.put(s.settlementNanos(), s);
                }
            }
            for (final FairValueSample x : da.get(d).fairValues()) {
                if (x.product() != p || x.horizon() != h) {
                    continue;
                }
                final FairValueSample y = bySettlement.get(x.settlementNanos());
                if (y == null || !Double.isFinite(x.fair()) || !Double.isFinite(y.fair())) {
                    continue;
                }
                final double ea = (x.fair() - x.settlement()) * (x.fair() - x.settlement());
                final double eb = (y.fair() - y.settlement()) * (y.fair() - y.settlement());
                sa += ea;
                sb += eb;
                diffs.add(eb - ea);
            }
        }
        final int n = diffs.size();
        final double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = diffs.get(i);
        }
        return new Fair(n == 0 ? Double.NaN : Math.sqrt(sa / n), n == 0 ? Double.NaN : Math.sqrt(sb / n), MeanEstimate.of(d));
    }

    public Evaluation.Result a() {
        return a;
    }

    public Evaluation.Result b() {
        return b;
    }

    /** Daily PnL, B - A, paired by seed and day. */
    public MeanEstimate dailyPnl() {
        return dailyPnl;
    }

    public MeanEstimate productPnl(final int p) {
        return productPnl[p];
    }

    public Fair fair(final int p, final int h) {
        return fair[p][h];
    }

    /** The PnL table: total and per product, A, B and the paired difference. */
    public ReportTable pnlTable() {
        final List<List<Object>> rows = new ArrayList<>();
        rows.add(pnlRow("all products", a.summary().dailyPnl().mean(), b.summary().dailyPnl().mean(), dailyPnl));
        for (int p = 0; p < productPnl.length; p++) {
            rows.add(pnlRow(a.summary().products().get(p), a.summary().productPnl(p).mean(), b.summary().productPnl(p).mean(),
                productPnl[p]));
        }
        return new ReportTable("Daily PnL, B - A paired by seed and day (" + dailyPnl.n() + " days)",
            List.of("product", "mean A", "mean B", "mean B - A", "sd", "t", "95% low", "95% high"), rows);
    }

    private static List<Object> pnlRow(final String name, final double meanA, final double meanB, final MeanEstimate d) {
        return List.of(name, meanA, meanB, d.mean(), d.sd(), d.t(), d.ciLow(), d.ciHigh());
    }

    /** The fair-value table: per product and horizon, the two RMSEs and the paired test of their squares. */
    public ReportTable fairTable() {
        final List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; p < fair.length; p++) {
            for (int h = 0; h < Horizons.count(); h++) {
                final Fair f = fair[p][h];
                rows.add(List.of(a.summary().products().get(p), Horizons.NAMES.get(h), (long) f.mse().n(), f.rmseA(), f.rmseB(),
                    f.rmseB() - f.rmseA(), f.mse().t(), f.mse().ciLow(), f.mse().ciHigh()));
            }
        }
        return new ReportTable("Fair-value error, B - A paired by settlement (t and 95% interval of the squared-error"
            + " difference, i.e. of MSE B - MSE A)",
            List.of("product", "horizon", "n", "RMSE A", "RMSE B", "RMSE B - A", "t", "MSE diff 95% low", "MSE diff 95% high"), rows);
    }

    /** Everything as plain values for {@code comparison.json}. */
    public Map<String, Object> values() {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("dailyPnlBMinusA", EvaluationJson.mean(dailyPnl));
        root.put("meanDailyPnlA", a.summary().dailyPnl().mean());
        root.put("meanDailyPnlB", b.summary().dailyPnl().mean());
        final Map<String, Object> products = new LinkedHashMap<>();
        final Map<String, Object> fairValues = new LinkedHashMap<>();
        for (int p = 0; p < productPnl.length; p++) {
            final String symbol = a.summary().products().get(p);
            products.put(symbol, EvaluationJson.mean(productPnl[p]));
            final Map<String, Object> byHorizon = new LinkedHashMap<>();
            for (int h = 0; h < Horizons.count(); h++) {
                final Fair f = fair[p][h];
                final Map<String, Object> v = new LinkedHashMap<>();
                v.put("rmseA", f.rmseA());
                v.put("rmseB", f.rmseB());
                v.put("squaredErrorBMinusA", EvaluationJson.mean(f.mse()));
                byHorizon.put(Horizons.NAMES.get(h), v);
            }
            fairValues.put(symbol, byHorizon);
        }
        root.put("dailyPnlBMinusAByProduct", products);
        root.put("fairValue", fairValues);
        return root;
    }
}
