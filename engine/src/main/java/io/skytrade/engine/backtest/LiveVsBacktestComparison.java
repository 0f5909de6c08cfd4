package io.skytrade.engine.backtest;

import io.skytrade.core.event.Side;
import io.skytrade.engine.backtest.report.ReportTable;
import io.skytrade.journal.RunDirectory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Compares a backtest's fills with the live fills of the journal it replayed, per product and in
 * total: orders sent, fills, filled quantity, fill ratio, fill prices, decision-to-fill delays and
 * PnL, each read from the two run directories' own journals by {@link RunOrderSummary}. Only a
 * source journal holding order events (a live or demo recording) can be compared; a CSV-imported
 * journal has none, and {@link #compare} then returns empty.
 *
 * <p>Conventions. Differences are backtest minus live. A price advantage is in ticks and positive
 * when the backtest filled better for us than live: bought cheaper (live buy VWAP - backtest buy
 * VWAP) or sold dearer (backtest sell VWAP - live sell VWAP); the total's advantage per side is the
 * products' advantages weighted by live filled quantity. Delays run from the event time of the
 * input that caused an order to the event time of each of its fills. Orders are matched by
 * (instrument, side, event time of the deciding input), the n-th live order of a key with the n-th
 * backtest order of that key: client order ids cannot match, as a live run numbers its orders from
 * its own base and a fill-model backtest from zero, and after the first differing fill the
 * sequences drift apart anyway. The total's average fill price and VWAPs mix products and are NaN.
 *
 * <p>Offline (after a backtest): reads both runs' journals once; allocates freely.
 */
public final class LiveVsBacktestComparison {
    /** The matching rule, as written to metrics.json. */
    public static final String MATCHING = "orders match by instrument, side and event time of the deciding input, in decision order";

    /** One run's figures for one product or in total; prices in ticks, delays in seconds of event time. */
    public record Figures(long orders, long orderedQty, long fills, long filledQty, double fillRatio, double averageFillPrice,
                          double buyVwap, double sellVwap, double meanDelaySeconds, double medianDelaySeconds, double fees,
                          double pnl) {
    }

    /**
     * One product (or the total) compared.
     *
     * @param matchedOrders             live orders matched to a backtest order
     * @param matchedFilledOrders       matched pairs filled in both runs
     * @param matchedPriceAdvantage     mean price advantage of those pairs (ticks; NaN when none)
     * @param buyPriceAdvantage         live buy VWAP - backtest buy VWAP (ticks; NaN unless both bought)
     * @param sellPriceAdvantage        backtest sell VWAP - live sell VWAP (ticks; NaN unless both sold)
     */
    public record Row(String market, Figures live, Figures backtest, long matchedOrders, long matchedFilledOrders,
                      double matchedPriceAdvantage, double buyPriceAdvantage, double sellPriceAdvantage) {
        public double pnlDifference() {
            return backtest.pnl() - live.pnl();
        }
    }

    private record Key(int instrument, int side, long decisionTimeNanos) {
    }

    private final Row total;
    private final List<Row> markets;

    private LiveVsBacktestComparison(final Row total, final List<Row> markets) {
        this.total = total;
        this.markets = List.copyOf(markets);
    }

    /**
     * Compares the live run {@code source} with {@code backtest}, its backtest's run directory.
     *
     * @param symbols the configured instruments, by id
     * @return empty when the source journal holds no order events (nothing live to compare with)
     */
    public static Optional<LiveVsBacktestComparison> compare(final RunDirectory source, final RunDirectory backtest,
                                                             final List<String> symbols) {
        final RunOrderSummary live = RunOrderSummary.read(source, symbols.size());
        if (live.orderEvents() == 0) {
            return Optional.empty();
        }
        return Optional.of(of(live, RunOrderSummary.read(backtest, symbols.size()), symbols));
    }

    static LiveVsBacktestComparison of(final RunOrderSummary live, final RunOrderSummary backtest, final List<String> symbols) {
        final int n = live.instruments();
        final long[] matched = new long[n + 1];
        final long[] matchedFilled = new long[n + 1];
        final double[] advantageSum = new double[n + 1];
        final Map<Key, ArrayDeque<RunOrderSummary.Order>> waiting = new HashMap<>();
        for (final RunOrderSummary.Order o : backtest.orders()) {
            waiting.computeIfAbsent(new Key(o.instrument, o.side, o.decisionTimeNanos), k -> new ArrayDeque<>()).addLast(o);
        }
        for (final RunOrderSummary.Order l : live.orders()) {
            final ArrayDeque<RunOrderSummary.Order> q = waiting.get(new Key(l.instrument, l.side, l.decisionTimeNanos));
            if (q == null || q.isEmpty()) {
                continue;
            }
            final RunOrderSummary.Order b = q.removeFirst();
            for (final int i : new int[]{l.instrument, n}) {
                matched[i]++;
                if (l.filledQty > 0 && b.filledQty > 0) {
                    matchedFilled[i]++;
                    advantageSum[i] += Side.sign(l.side) * (l.vwap() - b.vwap());
                }
            }
        }
        final List<Row> rows = new ArrayList<>();
        final double[] weightedAdvantage = new double[3];
        final double[] weight = new double[3];
        for (int i = 0; i < n; i++) {
            final RunOrderSummary.Product lp = live.product(i);
            final RunOrderSummary.Product bp = backtest.product(i);
            if (lp.orders + lp.fills + bp.orders + bp.fills == 0) {
                continue;
            }
            final double buy = lp.vwap(Side.BUY) - bp.vwap(Side.BUY);
            final double sell = bp.vwap(Side.SELL) - lp.vwap(Side.SELL);
            accumulate(weightedAdvantage, weight, Side.BUY, buy, lp.sideQty[Side.BUY]);
            accumulate(weightedAdvantage, weight, Side.SELL, sell, lp.sideQty[Side.SELL]);
            rows.add(new Row(symbols.get(i), figures(lp, true), figures(bp, true), matched[i], matchedFilled[i],
                mean(advantageSum[i], matchedFilled[i]), buy, sell));
        }
        final Row total = new Row("total", figures(live.total(), false), figures(backtest.total(), false), matched[n],
            matchedFilled[n], mean(advantageSum[n], matchedFilled[n]),
            weight[Side.BUY] == 0 ? Double.NaN : weightedAdvantage[Side.BUY] / weight[Side.BUY],
            weight[Side.SELL] == 0 ? Double.NaN : weightedAdvantage[Side.SELL] / weight[Side.SELL]);
        return new LiveVsBacktestComparison(total, rows);
    }

    private static void accumulate(final double[] sum, final double[] weight, final int side, final double advantage, final long qty) {
        if (!Double.isNaN(advantage)) {
            sum[side] += advantage * qty;
            weight[side] += qty;
        }
    }

    private static double mean(final double sum, final long n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    private static Figures figures(final RunOrderSummary.Product p, final boolean oneProduct) {
        final long[] d = p.sortedDelays();
        double sum = 0;
        for (final long x : d) {
            sum += x;
        }
        final double median = d.length == 0 ? Double.NaN
            : (d.length % 2 == 1 ? d[d.length / 2] : 0.5 * ((double) d[d.length / 2 - 1] + d[d.length / 2]));
        return new Figures(p.orders, p.orderedQty, p.fills, p.filledQty,
            p.orderedQty == 0 ? Double.NaN : (double) p.filledQty / p.orderedQty,
            oneProduct && p.filledQty > 0 ? p.filledNotional / p.filledQty : Double.NaN,
            oneProduct ? p.vwap(Side.BUY) : Double.NaN,
            oneProduct ? p.vwap(Side.SELL) : Double.NaN,
            d.length == 0 ? Double.NaN : sum / d.length / 1e9,
            median / 1e9, p.fees, p.pnl);
    }

    public Row total() {
        return total;
    }

    /** Products with orders or fills in either run, in instrument id order. */
    public List<Row> markets() {
        return markets;
    }

    /** The comparison for metrics.json: {@code matching}, {@code total} and {@code markets} by symbol. */
    public Map<String, Object> values() {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("matching", MATCHING);
        v.put("total", values(total));
        final Map<String, Object> m = new LinkedHashMap<>();
        for (final Row r : markets) {
            m.put(r.market(), values(r));
        }
        v.put("markets", m);
        return v;
    }

    private static Map<String, Object> values(final Row r) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("live", values(r.live()));
        v.put("backtest", values(r.backtest()));
        final Map<String, Object> d = new LinkedHashMap<>();
        d.put("orders", r.backtest().orders() - r.live().orders());
        d.put("fills", r.backtest().fills() - r.live().fills());
        d.put("filledQty", r.backtest().filledQty() - r.live().filledQty());
        d.put("fillRatio", r.backtest().fillRatio() - r.live().fillRatio());
        d.put("buyPriceAdvantageTicks", r.buyPriceAdvantage());
        d.put("sellPriceAdvantageTicks", r.sellPriceAdvantage());
        d.put("meanDelaySeconds", r.backtest().meanDelaySeconds() - r.live().meanDelaySeconds());
        d.put("medianDelaySeconds", r.backtest().medianDelaySeconds() - r.live().medianDelaySeconds());
        d.put("pnl", r.pnlDifference());
        v.put("difference", d);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("orders", r.matchedOrders());
        m.put("filledInBoth", r.matchedFilledOrders());
        m.put("meanPriceAdvantageTicks", r.matchedPriceAdvantage());
        v.put("matched", m);
        return v;
    }

    private static Map<String, Object> values(final Figures f) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("orders", f.orders());
        v.put("orderedQty", f.orderedQty());
        v.put("fills", f.fills());
        v.put("filledQty", f.filledQty());
        v.put("fillRatio", f.fillRatio());
        v.put("averageFillPrice", f.averageFillPrice());
        v.put("buyVwap", f.buyVwap());
        v.put("sellVwap", f.sellVwap());
        v.put("meanDelaySeconds", f.meanDelaySeconds());
        v.put("medianDelaySeconds", f.medianDelaySeconds());
        v.put("fees", f.fees());
        v.put("pnl", f.pnl());
        return v;
    }

    /** The comparison as a table (report data): one row per product, then the total. */
    public ReportTable table() {
        final List<List<Object>> rows = new ArrayList<>();
        for (final Row r : markets) {
            rows.add(cells(r));
        }
        rows.add(cells(total));
        return new ReportTable("Live vs backtest (differences: backtest - live; advantage > 0: backtest filled better)",
            List.of("market", "orders live", "orders bt", "fills live", "fills bt", "fill ratio live", "fill ratio bt",
                "buy adv ticks", "sell adv ticks", "median delay s live", "median delay s bt", "pnl live", "pnl bt",
                "pnl diff", "matched"),
            rows);
    }

    private static List<Object> cells(final Row r) {
        final Figures l = r.live();
        final Figures b = r.backtest();
        return List.of(r.market(), l.orders(), b.orders(), l.fills(), b.fills(), l.fillRatio(), b.fillRatio(),
            r.buyPriceAdvantage(), r.sellPriceAdvantage(), l.medianDelaySeconds(), b.medianDelaySeconds(), l.pnl(), b.pnl(),
            r.pnlDifference(), r.matchedOrders());
    }
}
