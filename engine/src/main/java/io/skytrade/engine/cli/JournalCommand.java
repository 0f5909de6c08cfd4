package io.skytrade.engine.cli;

import io.skytrade.journal.JournalInspector;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code skytrade journal dump|stats DIR}: inspect a run directory's journals. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "Inspect journals.",
    subcommands = {JournalCommand.Dump.class, JournalCommand.Stats.class})
final class JournalCommand {

    /** Prints inputs and decisions as text. */
    @Command(name = "dump", mixinStandardHelpOptions = true, description = "Print a run's inputs and decisions as text.")
    static final class Dump implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Run directory.")
        Path dir;

        @Option(names = "--limit", paramLabel = "N", description = "Print at most N lines (default: all).")
        long limit = Long.MAX_VALUE;

        @Override
        public Integer call() {
            new JournalInspector(RunDirectory.open(dir)).dump(System.out, limit);
            return SkytradeCli.EXIT_OK;
        }
    }

    /** Prints counts per type, first/last time and size on disk. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print counts per type, first and last event time, and size on disk.")
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
}
