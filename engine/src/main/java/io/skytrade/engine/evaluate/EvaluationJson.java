package io.skytrade.engine.evaluate;

import io.skytrade.core.risk.RiskReason;
import io.skytrade.engine.backtest.JsonText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code evaluation.json}: the plan, the figures across days, per product, the fair-value
 * accuracy per product and horizon, refusals by reason, orders per hour of the day, and every
 * day with its own figures and fair-value samples. Times are ISO instants (UTC). Offline.
 */
public final class EvaluationJson {
    /** File name inside the output directory. */
    public static final String FILE = "evaluation.json";

    private EvaluationJson() {
    }

    /** Writes the file into {@code dir} and returns its path. */
    public static Path write(final Evaluation.Result r, final Path dir) {
        final Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, JsonText.of(values(r)) + "\n", StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The whole document as plain values. */
    public static Map<String, Object> values(final Evaluation.Result r) {
        final EvaluationSummary s = r.summary();
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan", plan(r.plan(), r.skill()));
        root.put("summary", summary(r));
        final Map<String, Object> products = new LinkedHashMap<>();
        for (int p = 0; p < s.products().size(); p++) {
            final MeanEstimate m = s.productPnl(p);
            final Map<String, Object> v = new LinkedHashMap<>();
            v.put("totalPnl", m.mean() * m.n());
            v.put("dailyPnl", mean(m));
            v.put("orders", s.productOrders(p));
            v.put("fills", s.productFills(p));
            products.put(s.products().get(p), v);
        }
        root.put("products", products);
        root.put("fairValue", fairValue(s));
        root.put("refusals", refusals(s.refusedByReason(), s.intents()));
        final List<Object> hours = new ArrayList<>();
        for (int h = 0; h < s.hours(); h++) {
            final long[] o = s.hourOrders(h);
            final Map<String, Object> v = new LinkedHashMap<>();
            v.put("hour", h);
            v.put("orders", o[0]);
            v.put("fewestOrders", o[1]);
            v.put("fills", s.hourFills(h));
            v.put("days", o[2]);
            v.put("daysBeginningWithSettlement", o[3]);
            v.put("daysWithoutAnOrder", o[4]);
            hours.add(v);
        }
        root.put("hours", hours);
        final List<Object> days = new ArrayList<>();
        for (final DayResult d : s.days()) {
            days.add(day(d, s.products()));
        }
        root.put("days", days);
        return root;
    }

    private static Map<String, Object> plan(final EvaluationPlan p, final String skill) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("seeds", new ArrayList<Object>(p.seeds()));
        v.put("daysPerSeed", p.daysPerSeed());
        v.put("start", p.start().toString());
        v.put("startHoursLondon", new ArrayList<Object>(p.startHours()));
        v.put("skill", skill);
        v.put("workers", p.workers());
        v.put("journaled", p.journal());
        return v;
    }

    private static Map<String, Object> summary(final Evaluation.Result r) {
        final EvaluationSummary s = r.summary();
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("days", s.days().size());
        v.put("dailyPnl", mean(s.dailyPnl()));
        v.put("sharpeFromDailyPnl", s.sharpe());
        v.put("maxDrawdownFractionOfCapital", s.maxDrawdown());
        v.put("maxDrawdown", s.maxDrawdown() * s.capital());
        v.put("capital", s.capital());
        v.put("totalPnl", s.totalPnl());
        v.put("worstDay", s.worstDay());
        v.put("orders", s.orders());
        v.put("fills", s.fills());
        v.put("intents", s.intents());
        v.put("safeModeEntries", s.safeEntries().size());
        final long[] idle = s.idleHours();
        v.put("hoursWithoutAnOrder", idle[0]);
        v.put("hoursCountedForOrders", idle[1]);
        final Map<String, Object> causes = new LinkedHashMap<>();
        for (final DayResult.SafeEntry e : s.safeEntries()) {
            causes.merge(RiskReason.name(e.cause()), 1L, (a, b) -> (Long) a + (Long) b);
        }
        v.put("safeModeEntriesByCause", causes);
        v.put("stageFailures", r.stageFailures());
        v.put("wallSeconds", r.wallNanos() / 1e9);
        v.put("wallSecondsPerSimulatedDay", r.wallSecondsPerDay());
        v.put("cpuSecondsPerSimulatedDay", r.cpuSecondsPerDay());
        return v;
    }

    static Map<String, Object> mean(final MeanEstimate m) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("n", m.n());
        v.put("mean", m.mean());
        v.put("sd", m.sd());
        v.put("t", m.t());
        v.put("ci95Low", m.ciLow());
        v.put("ci95High", m.ciHigh());
        return v;
    }

    private static Map<String, Object> fairValue(final EvaluationSummary s) {
        final Map<String, Object> out = new LinkedHashMap<>();
        for (int p = 0; p < s.products().size(); p++) {
            final Map<String, Object> byHorizon = new LinkedHashMap<>();
            for (int h = 0; h < Horizons.count(); h++) {
                final FairValueAccuracy a = s.accuracy(p, h);
                final Map<String, Object> v = new LinkedHashMap<>();
                v.put("n", a.n());
                v.put("missing", a.missing());
                v.put("rmseFair", a.rmseFair());
                v.put("bias", a.bias());
                v.put("rmseMid", a.rmseMid());
                v.put("rmseMidRunningMean", a.rmseMean());
                v.put("fairOverMid", a.fairOverMid());
                v.put("rmsZ", a.rmsZ());
                v.put("coverage80", a.coverage80());
                byHorizon.put(Horizons.NAMES.get(h), v);
            }
            out.put(s.products().get(p), byHorizon);
        }
        final Map<String, Object> beaten = new LinkedHashMap<>();
        for (int h = 0; h < Horizons.count(); h++) {
            beaten.put(Horizons.NAMES.get(h), s.productsWhereMeanBeatsFair(h));
        }
        out.put("productsWhereRunningMeanBeatsFair", beaten);
        return out;
    }

    private static Map<String, Object> refusals(final long[] refused, final long intents) {
        final Map<String, Object> v = new LinkedHashMap<>();
        for (int reason = 0; reason < refused.length; reason++) {
            if (refused[reason] > 0) {
                final Map<String, Object> r = new LinkedHashMap<>();
                r.put("count", refused[reason]);
                r.put("shareOfIntents", intents == 0 ? Double.NaN : (double) refused[reason] / intents);
                v.put(RiskReason.name(reason), r);
            }
        }
        return v;
    }

    private static Map<String, Object> day(final DayResult d, final List<String> products) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("seed", d.seed());
        v.put("day", d.day());
        v.put("start", Instant.ofEpochSecond(0, d.startNanos()).toString());
        v.put("end", Instant.ofEpochSecond(0, d.endNanos()).toString());
        v.put("pnl", d.pnl());
        final Map<String, Object> pnl = new LinkedHashMap<>();
        final Map<String, Object> orders = new LinkedHashMap<>();
        final Map<String, Object> fills = new LinkedHashMap<>();
        for (int p = 0; p < products.size(); p++) {
            pnl.put(products.get(p), d.pnlByProduct()[p]);
            orders.put(products.get(p), d.ordersByProduct()[p]);
            fills.put(products.get(p), d.fillsByProduct()[p]);
        }
        v.put("pnlByProduct", pnl);
        v.put("ordersByProduct", orders);
        v.put("fillsByProduct", fills);
        v.put("intents", d.intents());
        v.put("refusals", refusals(d.refusedByReason(), d.intents()));
        final List<Object> safe = new ArrayList<>();
        for (final DayResult.SafeEntry e : d.safeEntries()) {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("time", Instant.ofEpochSecond(0, e.timeNanos()).toString());
            entry.put("cause", RiskReason.name(e.cause()));
            safe.add(entry);
        }
        v.put("safeModeEntries", safe);
        final List<Object> hours = new ArrayList<>();
        for (int h = 0; h < d.hourlyOrders().length; h++) {
            final Map<String, Object> hv = new LinkedHashMap<>();
            hv.put("orders", d.hourlyOrders()[h]);
            hv.put("fills", d.hourlyFills()[h]);
            hv.put("afterSettlement", d.hourAfterSettlement()[h]);
            hours.add(hv);
        }
        v.put("hours", hours);
        final List<Object> samples = new ArrayList<>();
        for (final FairValueSample f : d.fairValues()) {
            final Map<String, Object> fv = new LinkedHashMap<>();
            fv.put("settlement", Instant.ofEpochSecond(0, f.settlementNanos()).toString());
            fv.put("product", products.get(f.product()));
            fv.put("horizon", Horizons.NAMES.get(f.horizon()));
            fv.put("fair", f.fair());
            fv.put("std", f.std());
            fv.put("mid", f.mid());
            fv.put("midRunningMean", f.mean());
            fv.put("settlementValue", f.settlement());
            samples.add(fv);
        }
        v.put("fairValues", samples);
        v.put("runDirectory", d.runDirectory());
        return v;
    }
}
