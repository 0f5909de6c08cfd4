package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.journal.CorruptJournalException;
import picocli.CommandLine;

/**
 * Turns the expected failures of a command into one clear line on stderr and an exit code:
 * configuration errors (2), corrupt journals (3). Anything else is a bug and keeps its stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(final Exception ex, final CommandLine cmd, final CommandLine.ParseResult parseResult)
        throws Exception {
        if (ex instanceof ConfigException) {
            cmd.getErr().println("config error: " + ex.getMessage());
            return SkytradeCli.EXIT_USAGE;
        }
        if (ex instanceof CorruptJournalException) {
            cmd.getErr().println("journal error: " + ex.getMessage());
            return SkytradeCli.EXIT_CORRUPT;
        }
        if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
            cmd.getErr().println("i/o error: " + ex.getMessage());
            return SkytradeCli.EXIT_USAGE;
        }
        throw ex;
    }
}
