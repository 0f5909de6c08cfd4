package io.skytrade.engine.sweep;

import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.backtest.MetricsReport;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.journal.FileErrors;
import io.skytrade.journal.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One sweep backtest: a parameter set's configuration on one window of the journal (warmed up in
 * SAFE mode on the inputs before it, see {@link BacktestRunner#window}), or on the whole journal, through a
 * fresh {@link BacktestRunner} (fill model, no progress bar) writing its run directory under
 * {@code runs/window-W-set-S/}. With {@code keepRuns} the run directory stays (replayable, with
 * its {@code metrics.json}; each holds a copy of the window's inputs and its decisions, sized by
 * the config's journal block size); otherwise the backtest journals nothing
 * ({@link BacktestRunner#journalRun}) and its directory is deleted once its figures are read.
 *
 * <p>Offline; thread-safe: every call builds its own runner and directory.
 */
public final class JournalBacktestJob implements SweepExecutor.Job {
    private final RunDirectory source;
    private final List<ConfigLoader.LoadedConfig> configs;
    private final List<TimeWindow> windows;
    private final Path runsDir;
    private final boolean wholeJournal;
    private final boolean keepRuns;

    public JournalBacktestJob(final RunDirectory source, final List<ConfigLoader.LoadedConfig> configs,
                              final List<TimeWindow> windows, final Path runsDir, final boolean keepRuns) {
        this(source, configs, windows, runsDir, keepRuns, false);
    }

    /** A job that backtests each set on the whole journal (every input, whatever its time). */
    public static JournalBacktestJob wholeJournal(final RunDirectory source, final List<ConfigLoader.LoadedConfig> configs,
                                                  final Path runsDir, final boolean keepRuns) {
        return new JournalBacktestJob(source, configs, List.of(), runsDir, keepRuns, true);
    }

    private JournalBacktestJob(final RunDirectory source, final List<ConfigLoader.LoadedConfig> configs,
                               final List<TimeWindow> windows, final Path runsDir, final boolean keepRuns,
                               final boolean wholeJournal) {
        this.source = source;
        this.configs = List.copyOf(configs);
        this.windows = List.copyOf(windows);
        this.runsDir = runsDir;
        this.keepRuns = keepRuns;
        this.wholeJournal = wholeJournal;
    }

    @Override
    public Map<String, Object> run(final int window, final int set) {
        final Path dir = runsDir.resolve("window-" + window + "-set-" + set);
        final BacktestRunner runner = new BacktestRunner(source, configs.get(set), dir, null, false).journalRun(keepRuns);
        if (!wholeJournal) {
            runner.window(windows.get(window).fromNanos(), windows.get(window).toNanos());
        }
        final BacktestRunner.Result result = runner.run();
        final Map<String, Object> figures = SweepFigures.of(result);
        if (keepRuns) {
            MetricsReport.writeJson(result, result.run().dir());
        } else {
            deleteTree(dir);
        }
        return figures;
    }

    private static void deleteTree(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete backtest run directory " + dir + ": " + FileErrors.describe(e, dir), e);
        }
    }
}
