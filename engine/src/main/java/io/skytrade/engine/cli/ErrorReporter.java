package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.journal.CorruptJournalException;
import io.skytrade.journal.FileErrors;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns every failure of a command into one line on stderr and an exit code: bad arguments and
 * usage (2), configuration errors (2), file-system errors (2), corrupt journals (3); anything else
 * is a bug, reported as {@code internal error} with exit code 70. The stack trace is printed only
 * with {@code --verbose}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(final Exception ex, final CommandLine cmd, final CommandLine.ParseResult parseResult) {
        final PrintWriter err = cmd.getErr();
        final int code;
        if (ex instanceof UsageException) {
            err.println("usage error: " + ex.getMessage());
            code = SkytradeCli.EXIT_USAGE;
        } else if (ex instanceof ConfigException) {
            err.println("config error: " + ex.getMessage());
            code = SkytradeCli.EXIT_USAGE;
        } else if (ex instanceof CorruptJournalException) {
            err.println("journal error: " + ex.getMessage());
            code = SkytradeCli.EXIT_CORRUPT;
        } else if (ex instanceof UncheckedIOException) {
            err.println("i/o error: " + ex.getMessage());
            code = SkytradeCli.EXIT_USAGE;
        } else if (ex instanceof IOException io) {
            err.println("i/o error: " + FileErrors.describe(io));
            code = SkytradeCli.EXIT_USAGE;
        } else {
            err.println("internal error: " + ex + (verbose(parseResult) ? ""
                : " (a bug; run again with --verbose for the stack trace)"));
            code = SkytradeCli.EXIT_INTERNAL;
        }
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** A command line picocli cannot parse: one line naming the problem and where the help is. */
    @Override
    public int handleParseException(final CommandLine.ParameterException ex, final String[] args) {
        final CommandLine cmd = ex.getCommandLine();
        final PrintWriter err = cmd.getErr();
        err.println("usage error: " + ex.getMessage() + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return SkytradeCli.EXIT_USAGE;
    }

    /** Whether {@code --verbose} was given to the command or any of its parents. */
    private static boolean verbose(final CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
