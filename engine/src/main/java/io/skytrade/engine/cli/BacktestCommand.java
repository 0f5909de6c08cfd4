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
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    @Option(names = "--no-journal",
        description = "Do not journal the backtest's own inputs and decisions (about a third faster, and no copy of the source "
            + "on disk); its run directory keeps metrics.json and report.html only, so it cannot be replayed and the "
            + "live-vs-backtest comparison is skipped.")
    boolean noJournal;

    @Option(names = "--from", paramLabel = "TIME",
        description = "Trade from this event time on (ISO-8601 like 2026-11-24T12:00:00Z, or epoch nanoseconds); the journal before it warms the stages up in SAFE mode.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Stop at this event time (ISO-8601 or epoch nanoseconds).")
    String to;

    @Override
    public Integer call() {
        final RunDirectory source = RunDirectory.open(journal);
        final ConfigLoader.LoadedConfig loaded = configs == null || configs.isEmpty()
            ? new ConfigLoader(System.getenv()).loadText(source.configYaml()) : ConfigLoader.fromSystemEnv().load(configs);
        if (!fills.equals("model") && !fills.equals("journal")) {
            System.err.println("usage error: --fills '" + fills + "' must be model or journal");
            return SkytradeCli.EXIT_USAGE;
        }
        final BacktestRunner runner = new BacktestRunner(source, loaded, out, System.err, fills.equals("journal"))
            .journalRun(!noJournal);
        final boolean windowed = from != null || to != null;
        if (windowed) {
            final long fromNanos;
            final long toNanos;
            try {
                fromNanos = from == null ? Long.MIN_VALUE : epochNanos(from);
                toNanos = to == null ? Long.MAX_VALUE : epochNanos(to);
            } catch (final DateTimeParseException | NumberFormatException e) {
                System.err.println("usage error: --from/--to take an ISO-8601 instant (2026-11-24T12:00:00Z) or epoch nanoseconds: "
                    + e.getMessage());
                return SkytradeCli.EXIT_USAGE;
            }
            if (toNanos <= fromNanos) {
                System.err.println("usage error: --to " + to + " is not after --from " + from);
                return SkytradeCli.EXIT_USAGE;
            }
            runner.window(fromNanos, toNanos);
        }
        final ReportRecorder recorder = noReport ? null : ReportRecorder.attachTo(runner, loaded.config().instruments().size());
        final BacktestRunner.Result r = runner.run();
        if (windowed && r.replayed() == 0) {
            System.err.println("warning: no input of the journal lies in the window " + (from == null ? "(start)" : from) + " to "
                + (to == null ? "(end)" : to) + "; see `skytrade journal stats` for the journal's times");
        }
        MetricsReport.print(r, System.out);
        final String notCompared = windowed ? MetricsReport.WINDOWED : noJournal ? MetricsReport.NOT_JOURNALED : null;
        final Optional<LiveVsBacktestComparison> comparison = notCompared != null ? Optional.empty()
            : LiveVsBacktestComparison.compare(source, r.run(), loaded.config().instruments());
        System.out.println();
        if (comparison.isPresent()) {
            ReportTableText.print(comparison.get().table(), System.out);
        } else {
            System.out.println("live vs backtest: " + (notCompared != null ? notCompared : MetricsReport.NO_LIVE_FILLS));
        }
        final Path metrics = notCompared != null ? MetricsReport.writeJson(r, r.run().dir(), notCompared)
            : MetricsReport.writeJson(r, r.run().dir(), comparison);
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

    private static long epochNanos(final String time) {
        if (!time.isEmpty() && time.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(time);
        }
        final Instant instant = Instant.parse(time);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
