package io.skytrade.engine.cli;

import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.backtest.LiveVsBacktestComparison;
import io.skytrade.engine.backtest.MetricsReport;
import io.skytrade.engine.backtest.report.BacktestReport;
import io.skytrade.engine.backtest.report.ReportRecorder;
import io.skytrade.engine.backtest.report.ReportTableText;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code skytrade backtest --journal DIR [--config FILE] [--out DIR]}: the live stages fed from a
 * journal at CPU speed against the fill model; writes a replayable run directory with
 * {@code metrics.json} and a self-contained {@code report.html} under the output directory and
 * prints the figures, in total and per market, and, when the journal is a live or demo
 * recording, its fills compared with the live ones.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Backtest a journal: the live stages against the exchange's fill model; writes metrics.json and report.html.")
final class BacktestCommand implements Callable<Integer> {
    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Run directory to backtest.")
    Path journal;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration (default: the run's own config); repeatable.")
    List<Path> configs;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("backtests");

    @Option(names = "--fills", paramLabel = "SOURCE",
        description = "model (default): simulate fills with the fill model; journal: replay the journal's venue acks and fills, reproducing the live run exactly.")
    String fills = "model";

    @Option(names = "--no-report", description = "Do not write report.html.")
    boolean noReport;

    @Override
    public Integer call() {
        final RunDirectory source = RunDirectory.open(journal);
        final ConfigLoader.LoadedConfig loaded = configs == null || configs.isEmpty()
            ? new ConfigLoader(System.getenv()).loadText(source.configYaml()) : ConfigLoader.fromSystemEnv().load(configs);
        if (!fills.equals("model") && !fills.equals("journal")) {
            System.err.println("usage error: --fills '" + fills + "' must be model or journal");
            return SkytradeCli.EXIT_USAGE;
        }
        final BacktestRunner runner = new BacktestRunner(source, loaded, out, System.err, fills.equals("journal"));
        final ReportRecorder recorder = noReport ? null
            : new ReportRecorder(loaded.config().instruments().size(), ReportRecorder.DEFAULT_MAX_POINTS);
        if (recorder != null) {
            runner.observer("report", recorder);
        }
        final BacktestRunner.Result r = runner.run();
        MetricsReport.print(r, System.out);
        final Optional<LiveVsBacktestComparison> comparison =
            LiveVsBacktestComparison.compare(source, r.run(), loaded.config().instruments());
        System.out.println();
        if (comparison.isPresent()) {
            ReportTableText.print(comparison.get().table(), System.out);
        } else {
            System.out.println("live vs backtest: " + MetricsReport.NO_LIVE_FILLS);
        }
        final Path metrics = MetricsReport.writeJson(r, r.run().dir(), comparison);
        System.out.println("metrics: " + metrics);
        if (recorder != null) {
            final BacktestReport html = new BacktestReport(r, recorder, loaded.config().instruments())
                .configuration(configs == null || configs.isEmpty() ? "the journal's own configuration"
                    : "the configuration " + configs)
                .table(MetricsReport.marketTable(r));
            comparison.ifPresent(c -> html.table(c.table()));
            final Path report = html.write(r.run().dir());
            System.out.println("report: " + report);
        }
        System.out.println("run directory: " + r.run().dir());
        return SkytradeCli.EXIT_OK;
    }
}
