package io.skytrade.engine.backtest.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.List;

/**
 * Writes the report's chart data as one JSON object for the page script: times as whole
 * milliseconds after {@code t0} (epoch milliseconds of the first event), each series as uPlot's
 * column layout {@code [[times], [values], ...]}, and histograms as power-of-two buckets. Prices
 * keep two decimals, signals and probabilities three, so the file stays small. Offline only.
 */
final class ReportData {
    private static final int PRICE_DECIMALS = 2;
    private static final int UNIT_DECIMALS = 3;

    private final StringBuilder sb;
    private final long t0Nanos;

    private ReportData(final StringBuilder sb, final long t0Nanos) {
        this.sb = sb;
        this.t0Nanos = t0Nanos;
    }

    /**
     * @param equityTimes     equity sample times (epoch ns), ascending
     * @param equity          equity at each sample
     * @param maxPoints       most points kept of the equity curve
     * @param handlingNanos   handling time per input
     * @param marketDataDelay receive minus event time of market data, or null to leave it out
     */
    static String json(final ReportRecorder recorder, final List<String> names, final long[] equityTimes,
                       final double[] equity, final int maxPoints, final Histogram handlingNanos,
                       final Histogram marketDataDelay) {
        final long first = recorder.firstTimeNanos();
        final long t0 = first == Long.MIN_VALUE ? 0 : Math.floorDiv(first, 1_000_000L) * 1_000_000L;
        final ReportData d = new ReportData(new StringBuilder(1 << 16), t0);
        d.sb.append("{\"t0\":").append(t0 / 1_000_000L).append(",\"tEnd\":");
        d.time(recorder.lastTimeNanos() == Long.MIN_VALUE ? t0 : recorder.lastTimeNanos());
        d.sb.append(",\"products\":[");
        for (int i = 0; i < recorder.instruments(); i++) {
            d.sb.append(i == 0 ? "" : ",");
            d.product(recorder, i, i < names.size() ? names.get(i) : "instrument " + i);
        }
        d.sb.append("],\"equity\":");
        d.equity(equityTimes, equity, maxPoints);
        d.sb.append(",\"latency\":");
        d.histogram(handlingNanos);
        d.sb.append(",\"marketDataDelay\":");
        d.histogram(marketDataDelay);
        return d.sb.append('}').toString();
    }

    private void product(final ReportRecorder r, final int i, final String name) {
        sb.append("{\"name\":");
        ReportText.jsonString(sb, name);
        sb.append(",\"fills\":").append(r.fills(i));
        sb.append(",\"book\":");
        series(r.book(i), 3, PRICE_DECIMALS);
        sb.append(",\"fair\":");
        series(r.fairValue(i), 1, PRICE_DECIMALS);
        sb.append(",\"buys\":");
        fills(r.buys(i));
        sb.append(",\"sells\":");
        fills(r.sells(i));
        sb.append(",\"position\":");
        series(r.position(i), 1, 0);
        sb.append(",\"signal\":");
        series(r.signal(i), 1, UNIT_DECIMALS);
        sb.append(",\"regime\":");
        series(r.regime(i), r.regimeCount(i), UNIT_DECIMALS);
        sb.append('}');
    }

    private void series(final DownsampledSeries s, final int columns, final int decimals) {
        sb.append("[[");
        for (int row = 0; row < s.size(); row++) {
            sb.append(row == 0 ? "" : ",");
            time(s.time(row));
        }
        sb.append(']');
        for (int c = 0; c < columns; c++) {
            sb.append(",[");
            for (int row = 0; row < s.size(); row++) {
                sb.append(row == 0 ? "" : ",");
                ReportText.jsonNumber(sb, s.value(row, c), decimals);
            }
            sb.append(']');
        }
        sb.append(']');
    }

    /** Fills as [times, average price, quantity] from rows of (quantity x price, quantity). */
    private void fills(final DownsampledSeries s) {
        sb.append("[[");
        for (int row = 0; row < s.size(); row++) {
            sb.append(row == 0 ? "" : ",");
            time(s.time(row));
        }
        sb.append("],[");
        for (int row = 0; row < s.size(); row++) {
            sb.append(row == 0 ? "" : ",");
            ReportText.jsonNumber(sb, s.value(row, 0) / s.value(row, 1), PRICE_DECIMALS);
        }
        sb.append("],[");
        for (int row = 0; row < s.size(); row++) {
            sb.append(row == 0 ? "" : ",");
            ReportText.jsonNumber(sb, s.value(row, 1), 0);
        }
        sb.append("]]");
    }

    /**
     * Equity and drawdown (equity less its running peak, computed on every sample before the
     * curve is thinned to {@code maxPoints}).
     */
    private void equity(final long[] times, final double[] equity, final int maxPoints) {
        final DownsampledSeries s = new DownsampledSeries(2, maxPoints, 1, DownsampledSeries.Merge.LAST);
        final double[] row = new double[2];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            peak = Math.max(peak, equity[i]);
            row[0] = equity[i];
            row[1] = equity[i] - peak;
            s.add(times[i], row);
        }
        series(s, 2, PRICE_DECIMALS);
    }

    private void histogram(final Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            sb.append("null");
            return;
        }
        final long first = Math.max(1L, Long.highestOneBit(Math.max(1L, h.getMinValue())));
        final StringBuilder upper = new StringBuilder();
        final StringBuilder counts = new StringBuilder();
        boolean started = false;
        for (final HistogramIterationValue v : h.logarithmicBucketValues(first, 2.0)) {
            final long count = v.getCountAddedInThisIterationStep();
            if (!started && count == 0) {
                continue;
            }
            upper.append(started ? "," : "").append(v.getValueIteratedTo());
            counts.append(started ? "," : "").append(count);
            started = true;
        }
        sb.append("{\"upperNanos\":[").append(upper).append("],\"counts\":[").append(counts).append("]}");
    }

    private void time(final long nanos) {
        ReportText.jsonNumber(sb, (nanos - t0Nanos) / 1e6, 0);
    }
}
