package io.skytrade.engine.runtime;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.Side;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.backtest.MetricsReport;
import io.skytrade.engine.backtest.report.BacktestReport;
import io.skytrade.engine.backtest.report.ReportRecorder;
import io.skytrade.engine.backtest.report.ReportTable;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.RunDirectory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of a live or demo run, written when it stops: the run's own journal replayed through
 * the same stages with its own venue fills ({@code backtest --fills journal}, which reproduces the
 * live run), giving the {@code metrics.json} and {@code report.html} a backtest writes (equity,
 * drawdown, positions, prices, fair values, fills, signals, regimes, figures per market), plus two
 * tables of the run's decisions: counts by kind, verdict and reason, and the latest decisions. Both
 * files go into the run directory itself; the replay's own run directory (configuration only, no
 * journal) is {@code session/} inside it.
 *
 * <p>Offline, after the run's queues are closed; about as fast as a backtest of the same journal.
 */
public final class SessionReport {
    /** Decisions listed one by one in the report (the latest). */
    static final int LATEST_DECISIONS = 200;
    private static final String NOTE = "session report: the live run replayed with its own fills, no backtest to compare";

    /** The two files written. */
    public record Written(Path metrics, Path report) {
    }

    private SessionReport() {
    }

    /** Writes {@code metrics.json} and {@code report.html} of the closed run {@code live} into its directory. */
    public static Written write(final RunDirectory live, final ConfigLoader.LoadedConfig loaded) {
        final List<String> products = loaded.config().instruments();
        final BacktestRunner runner = new BacktestRunner(live, loaded, live.dir().resolve("session"), null, true)
            .journalRun(false);
        final ReportRecorder recorder = ReportRecorder.attachTo(runner, products.size());
        final BacktestRunner.Result r = runner.run();
        final Path metrics = MetricsReport.writeJson(r, live.dir(), NOTE);
        final BacktestReport html = new BacktestReport(r, recorder, products).heading("Session report")
            .configuration("the run's own configuration")
            .table(MetricsReport.marketTable(r));
        decisionTables(live, products).forEach(html::table);
        return new Written(metrics, html.write(live.dir()));
    }

    /** Counts of the run's decisions by kind, verdict and reason, and the latest {@link #LATEST_DECISIONS}. */
    static List<ReportTable> decisionTables(final RunDirectory live, final List<String> products) {
        final Map<String, long[]> counts = new TreeMap<>();
        final Deque<List<Object>> latest = new ArrayDeque<>();
        try (DecisionJournalReader reader = new DecisionJournalReader(live.decisions())) {
            final DecisionRecord d = new DecisionRecord();
            while (reader.next(d)) {
                final String verdict = d.status == Decisions.STATUS_APPROVED ? "APPROVED"
                    : d.status == Decisions.STATUS_REJECTED ? "REJECTED" : "PROPOSED";
                final String reason = d.kind == DecisionKind.MODE_CHANGE ? "to " + TradingMode.name(d.reason) + " ("
                    + RiskReason.name((int) d.priceTicks) + ")" : RiskReason.name(d.reason);
                counts.computeIfAbsent(DecisionKind.name(d.kind) + "\u0000" + verdict + "\u0000" + reason, k -> new long[1])[0]++;
                latest.addLast(List.of(d.inputSequence, DecisionKind.name(d.kind), verdict, reason,
                    d.instrumentId >= 0 && d.instrumentId < products.size() ? products.get(d.instrumentId) : "-",
                    Side.name(d.side), d.priceTicks, d.quantity, d.clientOrderId));
                if (latest.size() > LATEST_DECISIONS) {
                    latest.removeFirst();
                }
            }
        }
        final List<List<Object>> summary = new ArrayList<>();
        counts.forEach((key, n) -> {
            final String[] parts = key.split("\u0000");
            summary.add(List.of(parts[0], parts[1], parts[2], n[0]));
        });
        final List<List<Object>> rows = new ArrayList<>(latest);
        Collections.reverse(rows);
        return List.of(
            new ReportTable("Decisions by kind, verdict and reason", List.of("kind", "verdict", "reason", "decisions"), summary),
            new ReportTable("Latest " + rows.size() + " decisions (newest first; input = the input journal's sequence)",
                List.of("input", "kind", "verdict", "reason", "product", "side", "price", "qty", "clOrdId"), rows));
    }
}
