package io.skytrade.engine.evaluate;

import io.skytrade.core.risk.RiskReason;
import io.skytrade.engine.backtest.report.ReportTable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code evaluate}'s figures as {@link ReportTable}s, for the console, the text file and the HTML
 * report alike: the summary across days, each day, daily PnL by product, each product, the
 * fair-value accuracy at each horizon, intents refused by reason, and orders per hour of the day.
 * Stateless; offline.
 */
public final class EvaluationTables {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final long HOUR = 3_600_000_000_000L;

    private EvaluationTables() {
    }

    /** Every table, in the order they are printed. */
    public static List<ReportTable> all(final Evaluation.Result r) {
        final List<ReportTable> tables = new ArrayList<>();
        tables.add(summary(r));
        tables.add(days(r.summary()));
        tables.add(dailyPnlByProduct(r.summary()));
        tables.add(products(r.summary()));
        for (int h = 0; h < Horizons.count(); h++) {
            tables.add(fairValue(r.summary(), h));
        }
        tables.add(refusals(r.summary()));
        tables.add(hours(r.summary()));
        return tables;
    }

    static String london(final long nanos) {
        return LOCAL.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(0, nanos), EvaluationPlan.LONDON));
    }

    /** The figures across days. */
    public static ReportTable summary(final Evaluation.Result r) {
        final EvaluationSummary s = r.summary();
        final MeanEstimate pnl = s.dailyPnl();
        final List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("days", (long) s.days().size()));
        rows.add(List.of("mean daily PnL", pnl.mean()));
        rows.add(List.of("sd of daily PnL", pnl.sd()));
        rows.add(List.of("t-statistic of the mean", pnl.t()));
        rows.add(List.of("95% interval of the mean, low", pnl.ciLow()));
        rows.add(List.of("95% interval of the mean, high", pnl.ciHigh()));
        rows.add(List.of("Sharpe from daily PnL (x sqrt 365.25)", s.sharpe()));
        rows.add(List.of("max drawdown, % of capital", 100 * s.maxDrawdown()));
        rows.add(List.of("max drawdown, price units", s.maxDrawdown() * s.capital()));
        rows.add(List.of("capital", s.capital()));
        rows.add(List.of("total PnL", s.totalPnl()));
        rows.add(List.of("worst day", s.worstDay()));
        rows.add(List.of("orders", s.orders()));
        rows.add(List.of("fills", s.fills()));
        rows.add(List.of("intents", s.intents()));
        rows.add(List.of("safe-mode entries", (long) s.safeEntries().size()));
        final long[] idle = s.idleHours();
        rows.add(List.of("hours without an order (of hours not opened by a settlement)", idle[0] + " of " + idle[1]));
        rows.add(List.of("stage failures", r.stageFailures()));
        rows.add(List.of("wall time, s", r.wallNanos() / 1e9));
        rows.add(List.of("wall time per simulated day, s", r.wallSecondsPerDay()));
        rows.add(List.of("CPU time per simulated day, s", r.cpuSecondsPerDay()));
        return new ReportTable("Across days (" + describe(r.plan(), r.skill()) + ")", List.of("figure", "value"), rows);
    }

    /** The plan in a few words. */
    static String describe(final EvaluationPlan p, final String skill) {
        return "seeds " + seedList(p.seeds()) + ", " + p.daysPerSeed() + " day" + (p.daysPerSeed() == 1 ? "" : "s")
            + " each from " + p.start() + " " + hours(p.startHours()) + " London, market skill " + skill;
    }

    private static String hours(final List<Integer> hours) {
        if (hours.size() == 1) {
            return String.format(Locale.ROOT, "%02d:00", hours.get(0));
        }
        return "at hours " + seedList(hours.stream().map(Integer::longValue).toList());
    }

    /** Numbers as ranges: 201-220, 5. */
    static String seedList(final List<Long> seeds) {
        final StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < seeds.size()) {
            int j = i;
            while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(seeds.get(i));
            if (j > i) {
                sb.append('-').append(seeds.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** One row per day. */
    public static ReportTable days(final EvaluationSummary s) {
        final List<List<Object>> rows = new ArrayList<>();
        for (final DayResult d : s.days()) {
            final long fvb = d.refusedByReason().length > RiskReason.FAIR_VALUE_BAND ? d.refusedByReason()[RiskReason.FAIR_VALUE_BAND] : 0;
            rows.add(List.of(d.seed(), (long) d.day(), london(d.startNanos()), d.pnl(), d.orders(), d.fills(), d.intents(),
                share(d.refused(), d.intents()), share(fvb, d.intents()), (long) d.safeEntries().size()));
        }
        return new ReportTable("Days (PnL from the engine's position book; refusals as % of intents)",
            List.of("seed", "day", "start (London)", "PnL", "orders", "fills", "intents", "refused %", "FAIR_VALUE_BAND %",
                "safe entries"), rows);
    }

    private static double share(final long part, final long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }

    /** Daily PnL, one column per product. */
    public static ReportTable dailyPnlByProduct(final EvaluationSummary s) {
        final List<String> columns = new ArrayList<>(List.of("seed", "day"));
        columns.addAll(s.products());
        final List<List<Object>> rows = new ArrayList<>();
        for (final DayResult d : s.days()) {
            final List<Object> row = new ArrayList<>(List.of(d.seed(), (long) d.day()));
            for (final double p : d.pnlByProduct()) {
                row.add(p);
            }
            rows.add(row);
        }
        return new ReportTable("Daily PnL by product", columns, rows);
    }

    /** One row per product over all days. */
    public static ReportTable products(final EvaluationSummary s) {
        final List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; p < s.products().size(); p++) {
            final MeanEstimate m = s.productPnl(p);
            rows.add(List.of(s.products().get(p), m.mean() * m.n(), m.mean(), m.sd(), m.t(), s.productOrders(p), s.productFills(p)));
        }
        return new ReportTable("Per product over all days", List.of("product", "total PnL", "mean daily PnL", "sd", "t",
            "orders", "fills"), rows);
    }

    /** Fair value against settlement at horizon {@code h}, with the mid and its running mean. */
    public static ReportTable fairValue(final EvaluationSummary s, final int h) {
        final List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; p < s.products().size(); p++) {
            final FairValueAccuracy a = s.accuracy(p, h);
            rows.add(List.of(s.products().get(p), (long) a.n(), (long) a.missing(), a.rmseFair(), a.bias(), a.rmseMid(),
                a.rmseMean(), a.fairOverMid(), a.rmsZ(), a.coverage80()));
        }
        return new ReportTable("Fair value " + Horizons.NAMES.get(h) + " before settlement (running mean beats fair value on "
            + s.productsWhereMeanBeatsFair(h) + " of " + s.products().size() + " products)",
            List.of("product", "n", "missing", "RMSE fair", "bias", "RMSE mid", "RMSE mid mean", "fair/mid", "RMS z",
                "80% coverage"), rows);
    }

    /** Refused intents by reason, as a share of all intents. */
    public static ReportTable refusals(final EvaluationSummary s) {
        final long[] refused = s.refusedByReason();
        final long intents = s.intents();
        final List<List<Object>> rows = new ArrayList<>();
        for (int reason = 0; reason < refused.length; reason++) {
            if (refused[reason] > 0) {
                rows.add(List.of(RiskReason.name(reason), refused[reason], share(refused[reason], intents)));
            }
        }
        return new ReportTable("Intents refused by reason (" + String.format(Locale.ROOT, "%,d", intents) + " intents)",
            List.of("reason", "refused", "% of intents"), rows);
    }

    /**
     * Orders and fills per hour of the day, with the fewest orders any day had in that hour and the
     * days without an order in it (an hour that began with a settlement is not counted there); hours
     * are labelled with London time when every day starts at the same hour, else as hours since the start.
     */
    public static ReportTable hours(final EvaluationSummary s) {
        final List<List<Object>> rows = new ArrayList<>();
        final long firstStart = s.days().isEmpty() ? 0 : s.days().get(0).startNanos();
        boolean oneStartHour = true;
        for (final DayResult d : s.days()) {
            oneStartHour &= hourOf(d.startNanos()) == hourOf(firstStart);
        }
        for (int h = 0; h < s.hours(); h++) {
            final long[] o = s.hourOrders(h);
            final String label = oneStartHour ? String.format(Locale.ROOT, "%02d:00", hourOf(firstStart + h * HOUR))
                : "start + " + h + " h";
            rows.add(List.of((long) h, label, o[0], o[1], o[4], s.hourFills(h), o[2], o[3] > 0 ? "yes (" + o[3] + ")" : ""));
        }
        return new ReportTable("Orders per hour of the day (fewest: the day with the fewest orders in that hour; idle days:"
            + " days without an order in it, not counting an hour that began with a settlement)",
            List.of("hour", oneStartHour ? "London" : "since", "orders", "fewest", "idle days", "fills", "days", "after settlement"), rows);
    }

    private static int hourOf(final long nanos) {
        return Instant.ofEpochSecond(0, nanos).atZone(EvaluationPlan.LONDON).getHour();
    }
}
