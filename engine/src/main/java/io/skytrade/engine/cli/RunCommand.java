package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.LiveRun;
import io.skytrade.engine.runtime.SessionReport;
import io.skytrade.journal.CorruptJournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code skytrade run}: runs the engine with a config file until the duration elapses or the
 * process is interrupted (SIGINT/SIGTERM), then drains the ring, closes the journals and prints
 * the run directory as the last line.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the engine with a configuration file; journals every input and decision.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file (default: config/default.yaml); repeat to merge several, later files winning.")
    List<Path> configs = new ArrayList<>(List.of(Paths.get("config", "default.yaml")));

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        return runEngine(ConfigLoader.fromSystemEnv().load(configs), options, System.out);
    }

    /**
     * Writes the run's {@code report.html} and {@code metrics.json} from its own journal and prints
     * their paths; a failure costs the report only (one line naming why), never the run directory line.
     */
    private static void writeSessionReport(final LiveRun run, final ConfigLoader.LoadedConfig loaded, final PrintStream out) {
        try {
            final SessionReport.Written written = SessionReport.write(run.runDirectory(), loaded);
            out.println("report: " + written.report());
            out.println("metrics: " + written.metrics());
        } catch (final CorruptJournalException | UncheckedIOException | IllegalStateException e) {
            out.println("report: not written (" + e.getMessage() + ")");
        }
    }

    /** Starts a live run and supervises it until it stops; shared with {@code demo}. */
    static int runEngine(final ConfigLoader.LoadedConfig loaded, final RunOptions options, final PrintStream out)
        throws InterruptedException {
        final long duration = options.durationNanos();
        final Path root = options.journalRoot != null ? options.journalRoot : Paths.get(loaded.config().journal().dir());
        final LiveRun run = LiveRun.start(loaded, root, out);
        out.println("started: run " + run.runDirectory().runId() + (duration > 0
            ? ", stopping after " + options.duration : ", Ctrl-C to stop"));
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread hook = new Thread(() -> {
            run.requestStop();
            try {
                finished.await();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "skytrade-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run.awaitStop(duration);
        } finally {
            run.close();
            writeSessionReport(run, loaded, out);
            out.println("run directory: " + run.runDirectory().dir());
            out.flush();
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (final IllegalStateException e) {
            // The JVM is already shutting down (signal): the hook is running and has been released.
            out.flush();
        }
        return run.pipeline().failures().failureCount() > 0 ? SkytradeCli.EXIT_VERIFY_FAILED : SkytradeCli.EXIT_OK;
    }
}
