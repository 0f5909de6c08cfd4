package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.Durations;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.export.ExportFormat;
import io.skytrade.engine.export.JournalExport;
import io.skytrade.engine.export.JournalTables;
import io.skytrade.engine.study.MicroPriceStudy;
import io.skytrade.engine.study.RegimeStudy;
import io.skytrade.journal.JournalInspector;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skytrade journal dump|stats|export|import|synth|microprice}: inspect, export and make run directories' journals. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "Inspect journals.",
    subcommands = {JournalCommand.Dump.class, JournalCommand.Stats.class, JournalCommand.Export.class, JournalCommand.Import.class,
        JournalCommand.Synth.class, JournalCommand.MicroPriceIc.class, JournalCommand.Regimes.class})
final class JournalCommand {

    /** Prints inputs and decisions as text. */
    @Command(name = "dump", mixinStandardHelpOptions = true, description = "Print a run's inputs and decisions as text.")
    static final class Dump implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Run directory.")
        Path dir;

        @Option(names = "--limit", paramLabel = "N", description = "Print at most N lines (default: all).")
        long limit = Long.MAX_VALUE;

        @Option(names = "--raw-time", description = "Print event and receive times as journaled, in epoch nanoseconds "
            + "(default: ISO-8601 instants in UTC).")
        boolean rawTime;

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new UsageException("--limit " + limit + " must be 0 or more");
            }
            new JournalInspector(RunDirectory.open(dir)).dump(System.out, limit, rawTime);
            return SkytradeCli.EXIT_OK;
        }
    }

    /** Writes a run's inputs by type, decisions, fills and valuations as CSV or Parquet tables for research tools. */
    @Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's inputs (one table per input type), decisions, fills and each product's fair values "
            + "and signals as CSV or Parquet files for pandas, Polars or DuckDB (README: Export for research).")
    static final class Export implements Callable<Integer> {
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or parquet.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory the tables are written to "
            + "(created if missing; files of the same names are replaced).")
        Path out;

        @Option(names = "--journal", paramLabel = "RUN_DIR", description = "Run directory (default: the newest run under "
            + EngineConfig.JournalSection.DEFAULT_DIR + "/).")
        Path journal;

        @Option(names = "--no-valuations", description = "Leave out the valuations table (each product's fair value and signal "
            + "per input), which replays the run through its stages.")
        boolean noValuations;

        @Override
        public Integer call() {
            final ExportFormat exportFormat;
            try {
                exportFormat = ExportFormat.parse(format);
            } catch (final IllegalArgumentException e) {
                throw new UsageException("--format: " + e.getMessage());
            }
            final RunDirectory run = RunDirectory.open(journal != null ? journal : RunDirectory.newest(
                Path.of(EngineConfig.JournalSection.DEFAULT_DIR)));
            final EngineConfig config = new ConfigLoader(System.getenv()).loadText(run.configYaml()).config();
            final long start = System.nanoTime();
            final JournalExport.Summary summary = new JournalExport(run, new JournalTables(config.instruments(), config.series()),
                noValuations ? null : System.getenv()).write(exportFormat, out);
            final double seconds = (System.nanoTime() - start) / 1e9;
            long rows = 0;
            for (final var table : summary.rowsPerFile().entrySet()) {
                System.out.printf(Locale.ROOT, "%-32s %,12d rows%n", table.getKey(), table.getValue());
                rows += table.getValue();
            }
            if (summary.noneSlots() > 0) {
                System.out.printf(Locale.ROOT, "%,d empty input slots (type NONE) not exported%n", summary.noneSlots());
            }
            System.out.printf(Locale.ROOT, "exported run %s: %,d rows as %s to %s in %.1f s%n", run.runId(), rows, exportFormat,
                out.toAbsolutePath().normalize(), seconds);
            return SkytradeCli.EXIT_OK;
        }
    }

    /** The micro-price's information coefficient for the next mid change, measured on run directories. */
    @Command(name = "microprice", mixinStandardHelpOptions = true,
        description = "Replay run directories and print, per product and pooled, the correlation of the micro-price's "
            + "offset from the mid with the mid's change over the horizon (information coefficient, 95%% interval).")
    static final class MicroPriceIc implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run directories (e.g. evaluate's DIR/runs/seed-N/<run>).")
        List<Path> dirs;

        @Option(names = "--horizon", description = "Event time over which the mid change is measured (default: ${DEFAULT-VALUE}).")
        String horizon = "1m";

        @Override
        public Integer call() {
            final long nanos;
            try {
                nanos = Durations.parseNanos(horizon);
            } catch (final IllegalArgumentException e) {
                throw new UsageException("--horizon " + horizon + ": " + e.getMessage());
            }
            if (nanos <= 0) {
                throw new UsageException("--horizon " + horizon + " must be above zero");
            }
            final MicroPriceStudy study = new MicroPriceStudy(nanos);
            for (final Path dir : dirs) {
                final RunDirectory run = RunDirectory.open(dir);
                study.add(run, new ConfigLoader(System.getenv()).loadText(run.configYaml()).config().instruments());
            }
            System.out.printf(Locale.ROOT, "%-10s %7s %8s %8s %8s %8s%n", "product", "n", "IC", "low", "high", "slope");
            for (final MicroPriceStudy.Row r : study.rows()) {
                System.out.printf(Locale.ROOT, "%-10s %7d %8.4f %8.4f %8.4f %8.3f%n", r.product(), r.n(), r.ic(), r.low(),
                    r.high(), r.slope());
            }
            return SkytradeCli.EXIT_OK;
        }
    }

    /** The backtest's PnL, time and fills broken down by regime, measured on run directories. */
    @Command(name = "regimes", mixinStandardHelpOptions = true,
        description = "Replay run directories and print, per regime (the regime posterior's most probable state), the PnL "
            + "made while a product was in it, the product-hours spent in it and the fills.")
    static final class Regimes implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run directories (e.g. evaluate's DIR/runs/seed-N/<run>).")
        List<Path> dirs;

        @Override
        public Integer call() {
            final RegimeStudy study = new RegimeStudy();
            for (final Path dir : dirs) {
                final RunDirectory run = RunDirectory.open(dir);
                study.add(run, new ConfigLoader(System.getenv()).loadText(run.configYaml()).config().instruments().size());
            }
            System.out.printf(Locale.ROOT, "%-7s %12s %12s %8s %12s%n", "regime", "pnl", "hours", "fills", "pnl/hour");
            for (final RegimeStudy.Row r : study.rows()) {
                System.out.printf(Locale.ROOT, "%-7s %12.0f %12.1f %8d %12.1f%n", r.regime() < 0 ? "none" : Integer.toString(r.regime()),
                    r.pnl(), r.hours(), r.fills(), r.pnlPerHour());
            }
            return SkytradeCli.EXIT_OK;
        }
    }

    /** Prints counts per type, first/last time, journaled bytes and queue file sizes. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print counts per type, first and last event time, journaled bytes and queue file sizes.")
    static final class Stats implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Run directory.")
        Path dir;

        @Override
        public Integer call() {
            final RunDirectory run = RunDirectory.open(dir);
            System.out.println("run " + run.runId() + " (" + run.dir() + ")");
            new JournalInspector(run).stats().print(System.out);
            return SkytradeCli.EXIT_OK;
        }
    }

    /** Builds a run directory from CSV files of market data and observations. */
    @Command(name = "import", mixinStandardHelpOptions = true,
        description = "Build a run directory from CSV files (columns: see README); rows merged by time.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV file; repeat for several.")
        java.util.List<Path> csv;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "market or observation, one per --csv in the same order.")
        java.util.List<String> kinds;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration stored with the run (default: the embedded demo config).")
        Path config;

        @Option(names = "--journal", paramLabel = "DIR", description = "Where the run directory is created (default: ${DEFAULT-VALUE}).")
        Path root = Path.of(EngineConfig.JournalSection.DEFAULT_DIR);

        @Option(names = "--on-error", paramLabel = "MODE", description = "reject (default) or skip malformed rows.")
        String onError = "reject";

        @Override
        public Integer call() {
            if (kinds.size() != csv.size()) {
                System.err.println("usage error: give one --kind per --csv (" + csv.size() + " files, " + kinds.size() + " kinds)");
                return SkytradeCli.EXIT_USAGE;
            }
            final io.skytrade.engine.config.ConfigLoader.LoadedConfig loaded = config == null ? DemoCommand.loadDefault()
                : io.skytrade.engine.config.ConfigLoader.fromSystemEnv().load(config);
            final var c = loaded.config();
            final io.skytrade.engine.importer.CsvJournalImporter.OnError mode;
            try {
                mode = io.skytrade.engine.importer.CsvJournalImporter.OnError.valueOf(onError.toUpperCase(java.util.Locale.ROOT));
            } catch (final IllegalArgumentException e) {
                System.err.println("usage error: --on-error '" + onError + "' must be reject or skip");
                return SkytradeCli.EXIT_USAGE;
            }
            final var importer = new io.skytrade.engine.importer.CsvJournalImporter(
                io.skytrade.core.registry.InstrumentRegistry.of(c.instruments(), c.series()), mode);
            try {
                for (int i = 0; i < csv.size(); i++) {
                    final io.skytrade.engine.importer.CsvJournalImporter.Kind kind;
                    try {
                        kind = io.skytrade.engine.importer.CsvJournalImporter.Kind.valueOf(kinds.get(i).toUpperCase(java.util.Locale.ROOT));
                    } catch (final IllegalArgumentException e) {
                        System.err.println("usage error: --kind '" + kinds.get(i) + "' must be market or observation");
                        return SkytradeCli.EXIT_USAGE;
                    }
                    importer.read(csv.get(i), kind);
                }
            } catch (final io.skytrade.engine.importer.CsvJournalImporter.ImportException e) {
                System.err.println("import error: " + e.getMessage());
                return SkytradeCli.EXIT_CORRUPT;
            }
            importer.problems().forEach(p -> System.err.println("skipped " + p));
            final RunDirectory run = importer.write(root, loaded.redactedYaml(), c.journal().settings());
            System.out.printf("imported %,d rows (%,d skipped)%n", importer.rows(), importer.problems().size());
            System.out.println("run directory: " + run.dir());
            return SkytradeCli.EXIT_OK;
        }
    }

    @Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write a seeded synthetic journal (books, trades, observations, timers, noon settlements of the "
            + "simulator's world) to try backtests, sweeps and reports without recorded data.")
    static final class Synth implements Callable<Integer> {
        @Option(names = "--events", required = true, paramLabel = "N", description = "Number of inputs, e.g. 5000000 or 5_000_000.")
        String events;

        @Option(names = "--step", paramLabel = "DURATION", description = "World time between book updates (default: ${DEFAULT-VALUE}).")
        String step = "50ms";

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration stored with the run (default: the embedded demo config).")
        Path config;

        @Option(names = "--journal", paramLabel = "DIR", description = "Where the run directory is created (default: ${DEFAULT-VALUE}).")
        Path root = Path.of(EngineConfig.JournalSection.DEFAULT_DIR);

        @Override
        public Integer call() {
            final long count;
            try {
                count = Long.parseLong(events.replace("_", ""));
            } catch (final NumberFormatException e) {
                System.err.println("usage error: --events '" + events + "' is not a whole number");
                return SkytradeCli.EXIT_USAGE;
            }
            final long stepNanos;
            try {
                stepNanos = io.skytrade.engine.config.Durations.parseNanos(step);
            } catch (final IllegalArgumentException e) {
                System.err.println("usage error: --step: " + e.getMessage());
                return SkytradeCli.EXIT_USAGE;
            }
            if (count <= 0 || stepNanos <= 0) {
                System.err.println("usage error: --events and --step must be positive");
                return SkytradeCli.EXIT_USAGE;
            }
            final var loaded = config == null ? DemoCommand.loadDefault() : io.skytrade.engine.config.ConfigLoader.fromSystemEnv().load(config);
            final long start = System.nanoTime();
            final RunDirectory run = io.skytrade.engine.demo.SyntheticJournal.write(count, stepNanos, root, loaded.redactedYaml());
            System.out.printf(java.util.Locale.ROOT, "wrote %,d inputs in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
            System.out.println("run directory: " + run.dir());
            return SkytradeCli.EXIT_OK;
        }
    }
}
