package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.sweep.EventTimeSpan;
import io.skytrade.engine.sweep.JournalBacktestJob;
import io.skytrade.engine.sweep.ParameterSet;
import io.skytrade.engine.sweep.SweepConfigs;
import io.skytrade.engine.sweep.SweepCsv;
import io.skytrade.engine.sweep.SweepExecutor;
import io.skytrade.engine.sweep.SweepGrid;
import io.skytrade.engine.sweep.SweepGridReader;
import io.skytrade.engine.sweep.SweepReport;
import io.skytrade.engine.sweep.SweepTable;
import io.skytrade.engine.sweep.TimeWindow;
import io.skytrade.engine.sweep.WalkForwardWindows;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code skytrade sweep --journal DIR --grid FILE}: backtests every parameter set of a grid on a
 * journal, in parallel, optionally walk-forward; writes {@code sweep.csv} and {@code ranking.txt}
 * and prints the ranked table. The grid is checked against the configuration before any backtest
 * runs. Exit 4 when a backtest failed (the completed rows are still written).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Backtest a grid of parameter sets on a journal, a worker per core, optionally walk-forward.",
        "Each set's values override the base configuration (the journal's own, or --config files) like a last --config file.",
        "Writes sweep.csv (one row per split, phase and set) and ranking.txt (the table printed) under --out."},
    footer = {"",
        "Grid file (YAML; the example between the lines can be copied as it is):",
        SweepCommand.GRID_EXAMPLE_START,
        "# dotted config paths -> lists of values; the grid is their product",
        "parameters:",
        "  strategy.minEdgeTicks: [1, 3]",
        "  strategy.quoteSize: [2, 5]",
        "  # a list-valued key takes a list of lists",
        "  strategy.regimeSpreadScale: [[1.0, 1.0, 1.0], [1.0, 1.5, 2.0]]",
        "# optional: the market-data span (first to last book or trade) cut into",
        "# splits+1 equal windows of event time; split i ranks every set on",
        "# window i and tests the best on window i+1",
        "walkForward:",
        "  splits: 3",
        "rankBy: sharpe          # a figure of sweep.csv (default sharpe)",
        "rankOrder: descending   # or ascending (e.g. for maxDrawdown)",
        SweepCommand.GRID_EXAMPLE_END,
        "Sets are numbered in nested-loop order (the last parameter varies fastest).",
        "Every set runs once per window: the journal before the window warms the stages",
        "up with the engine held in SAFE mode (no order is sent), then the window is",
        "traded and measured. Without walkForward every set runs on the whole journal.",
        "Backtest run directories are deleted after their figures are read unless",
        "--keep-runs (then out/runs/window-W-set-S/ hold replayable runs: a copy of",
        "each window's inputs and its decisions per backtest, so sets x windows run",
        "directories of disk).",
        "Exit codes: 0 ok, 2 bad usage or grid, 3 unreadable journal, 4 a backtest",
        "failed."})
final class SweepCommand implements Callable<Integer> {
    /** The lines around the grid example in the help (a test parses what lies between them). */
    static final String GRID_EXAMPLE_START = "--------------------------------------------------------------------------";
    static final String GRID_EXAMPLE_END = GRID_EXAMPLE_START;
    private static final DateTimeFormatter OUT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Run directory to backtest.")
    Path journal;

    @Option(names = "--grid", required = true, paramLabel = "FILE", description = "Grid file (YAML, see below).")
    Path gridFile;

    @Option(names = "--config", paramLabel = "FILE", description = "Base configuration (default: the run's own config); repeatable.")
    List<Path> configs;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: sweeps/<UTC yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--workers", paramLabel = "N", description = "Backtests run at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--keep-runs", description = "Keep each backtest's run directory (replayable) under out/runs/.")
    boolean keepRuns;

    @Override
    public Integer call() throws IOException {
        if (workers < 1) {
            System.err.println("usage error: --workers " + workers + " must be at least 1");
            return SkytradeCli.EXIT_USAGE;
        }
        final Path outDir = out != null ? out
            : Path.of("sweeps", OUT_NAME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (Files.exists(outDir.resolve(SweepCsv.FILE))) {
            System.err.println("usage error: " + outDir + " already holds a " + SweepCsv.FILE + "; choose another --out");
            return SkytradeCli.EXIT_USAGE;
        }
        final RunDirectory source = RunDirectory.open(journal);
        final SweepGrid grid = SweepGridReader.read(gridFile);
        final ConfigLoader loader = ConfigLoader.fromSystemEnv();
        final List<ParameterSet> sets = grid.parameterSets();
        final List<ConfigLoader.LoadedConfig> setConfigs = SweepConfigs.load(loader, baseTexts(source, loader), grid);
        final TimeWindow span = EventTimeSpan.ofMarketData(source);
        final List<TimeWindow> windows;
        try {
            windows = grid.walkForward() ? WalkForwardWindows.split(span, grid.splits() + 1) : List.of(span);
        } catch (final IllegalArgumentException e) {
            System.err.println("usage error: " + gridFile + ": walkForward.splits " + grid.splits() + ": " + e.getMessage());
            return SkytradeCli.EXIT_USAGE;
        }
        Files.createDirectories(outDir);
        System.err.println(String.format(Locale.ROOT, "sweep: %d sets x %d windows = %d backtests on %d workers",
            sets.size(), windows.size(), sets.size() * windows.size(), workers));
        final Path runs = outDir.resolve("runs");
        final SweepExecutor.Outcomes outcomes = new SweepExecutor(workers, System.err).run(windows.size(), sets.size(),
            grid.walkForward() ? new JournalBacktestJob(source, setConfigs, windows, runs, keepRuns)
                : JournalBacktestJob.wholeJournal(source, setConfigs, runs, keepRuns));
        if (!keepRuns) {
            removeIfEmpty(runs);
        }
        final SweepReport report = SweepReport.assemble(grid, sets, windows, outcomes);
        final Path csv = SweepCsv.write(report, outDir);
        final String table = SweepTable.render(report);
        Files.writeString(outDir.resolve("ranking.txt"), table, StandardCharsets.UTF_8);
        System.out.print(table);
        System.out.println(String.format(Locale.ROOT, "%d backtests in %.1f s on %d workers", sets.size() * windows.size(),
            outcomes.elapsedNanos() / 1e9, workers));
        System.out.println("sweep: " + csv);
        for (final int w : report.windowsWithoutDecisions()) {
            System.err.println("warning: no parameter set made a decision in window " + w + " (" + windows.get(w).isoStart()
                + " to " + windows.get(w).isoEnd() + "): the window may be too short (fewer splits or a longer journal help)"
                + " or no set lets the strategy trade");
        }
        return outcomes.failures().isEmpty() ? SkytradeCli.EXIT_OK : reportFailures(outcomes, sets, windows, outDir);
    }

    /** Deletes the backtests' parent directory when they all deleted their run directories (none failed). */
    private static void removeIfEmpty(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        final boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
            empty = entries.findAny().isEmpty();
        }
        if (empty) {
            Files.delete(dir);
        }
    }

    private List<String> baseTexts(final RunDirectory source, final ConfigLoader loader) throws IOException {
        if (configs == null || configs.isEmpty()) {
            return List.of(source.configYaml());
        }
        loader.load(configs);
        final List<String> texts = new ArrayList<>();
        for (final Path file : configs) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static int reportFailures(final SweepExecutor.Outcomes outcomes, final List<ParameterSet> sets,
                                      final List<TimeWindow> windows, final Path outDir) throws IOException {
        final StringWriter traces = new StringWriter();
        final PrintWriter tracesOut = new PrintWriter(traces);
        for (final SweepExecutor.Failure f : outcomes.failures()) {
            final TimeWindow w = windows.get(f.window());
            final String what = "backtest of set " + sets.get(f.set()).describe() + " on window " + f.window()
                + " (" + w.isoStart() + " to " + w.isoEnd() + ") failed: " + f.cause();
            System.err.println("sweep error: " + what);
            tracesOut.println(what);
            f.cause().printStackTrace(tracesOut);
        }
        tracesOut.flush();
        final Path file = outDir.resolve("failures.txt");
        Files.writeString(file, traces.toString(), StandardCharsets.UTF_8);
        System.err.println("sweep error: " + outcomes.failures().size() + " backtests failed; their rows are missing from "
            + SweepCsv.FILE + "; stack traces in " + file);
        return SkytradeCli.EXIT_BACKTEST_FAILED;
    }
}
