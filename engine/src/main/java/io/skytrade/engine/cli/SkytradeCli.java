package io.skytrade.engine.cli;

import io.skytrade.journal.ChronicleFaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code skytrade} command line: the entry point of the engine jar. Each sub-command is its
 * own class; exit codes are 0 for success, 1 for a failed verification, 2 for bad usage or
 * configuration, 3 for a corrupt or unreadable journal, 4 when a backtest of a sweep failed, 5 when
 * a soak bound did not hold, 70 for an unexpected failure (a bug). Every error is one line on
 * stderr; {@code --verbose}, accepted by every command, adds the stack trace.
 */
@Command(name = "skytrade", mixinStandardHelpOptions = true, version = "skytrade 0.1.0",
    description = "Low-latency trading engine on alternative data (weather, air quality, flights).",
    subcommands = {RunCommand.class, DemoCommand.class, ReplayCommand.class, JournalCommand.class,
        ExchangeSimCommand.class, FeedsCommand.class, CtlCommand.class, RegimeCommand.class, NowcastCommand.class, ConfigCommand.class,
        BacktestCommand.class, SweepCommand.class, EvaluateCommand.class, CalibrateCommand.class, SoakCommand.class, FuzzVenueCommand.class,
        CommandLine.HelpCommand.class})
public final class SkytradeCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_VERIFY_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CORRUPT = 3;
    public static final int EXIT_BACKTEST_FAILED = 4;
    /** {@code soak}: a bound (heap, threads, descriptors, journal, reconnect, engine health) did not hold. */
    public static final int EXIT_SOAK_FAILED = 5;
    /** An unexpected failure: a bug (sysexits' EX_SOFTWARE); {@code --verbose} prints its stack trace. */
    public static final int EXIT_INTERNAL = 70;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
        description = "On an error, also print its stack trace (errors are otherwise one line).")
    boolean verbose;

    /** JDK logging's line format (the feeds log through {@link System.Logger}). */
    static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
    /** One line per record: time, level, logger, message (the JDK default spreads each record over two lines). */
    static final String LOG_FORMAT = "%1$tF %1$tT %1$tz %4$s %3$s: %5$s%6$s%n";

    public static void main(final String[] args) {
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, LOG_FORMAT);
        }
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int execute(final String... args) {
        return execute(new CommandLine(new SkytradeCli()), args);
    }

    /**
     * Runs {@code cli} with the error handling of every command: one line and an exit code (see
     * {@link ErrorReporter}). A fault in a memory-mapped read of a journal that the JVM raised only
     * after the reader returned (compiled code raises it at the next safepoint check) reaches here
     * past picocli, which handles exceptions but not errors: it is a damaged journal too, exit 3.
     */
    static int execute(final CommandLine cli, final String... args) {
        final ErrorReporter errors = new ErrorReporter();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        try {
            return cli.execute(args);
        } catch (final InternalError e) {
            if (!ChronicleFaults.isMappedFileFault(e)) {
                throw e;
            }
            final PrintWriter err = cli.getErr();
            err.println("journal error: " + ChronicleFaults.MAPPED_FAULT_TEXT);
            if (List.of(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_CORRUPT;
        }
    }
}
