package io.skytrade.engine.cli;

import io.skytrade.engine.TestConfigs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static io.skytrade.engine.cli.CliCapture.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad input a user can give gets one line on stderr naming what is wrong and the documented
 * exit code (2 bad usage or configuration, 3 corrupt journal, 70 a bug), and no stack trace unless
 * {@code --verbose}: one test per case of issue #11.
 */
@Timeout(120)
class CliErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void shouldReportABacktestOfATruncatedQueueFileInOneLineWithExit3() throws IOException {
        final Path journal = truncatedJournal();
        final String[] r = capture("backtest", "--journal", journal.toString(), "--out", tmp.resolve("bt").toString(), "--no-report");
        assertOneLine(r, SkytradeCli.EXIT_CORRUPT, "journal error: " + journal.resolve("inputs"));
        assertTrue(r[2].contains(".cq4 is truncated: 98304 bytes, but its last entry starts at byte "), r[2]);
    }

    @Test
    void shouldReportReplayDumpAndStatsOfATruncatedQueueFileLikeTheBacktest() throws IOException {
        final Path journal = truncatedJournal();
        for (final String[] cmd : List.of(new String[]{"replay", "--journal", journal.toString()},
            new String[]{"journal", "dump", journal.toString()}, new String[]{"journal", "stats", journal.toString()})) {
            final String[] r = capture(cmd);
            assertEquals(Integer.toString(SkytradeCli.EXIT_CORRUPT), r[0], String.join(" ", cmd) + ": " + r[2]);
            assertTrue(r[2].contains("journal error: " + journal.resolve("inputs")) && r[2].contains(".cq4 is truncated: "), r[2]);
            assertNoStackTrace(r);
        }
    }

    @Test
    void shouldNameAGarbledMetadataFile() throws IOException {
        final Path journal = synth("garbled");
        final Path metadata = journal.resolve("inputs").resolve("metadata.cq4t");
        final byte[] bytes = Files.readAllBytes(metadata);
        for (int i = 180; i < 184; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(metadata, bytes);
        final String[] r = capture("replay", "--journal", journal.toString());
        assertOneLine(r, SkytradeCli.EXIT_CORRUPT, "journal error: ");
        assertTrue(r[2].contains("metadata.cq4t") && !r[2].strip().endsWith(": null"), r[2]);
    }

    @Test
    @Tag("integration")
    void shouldRefuseAnExchangeSimPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            final String[] r = capture("exchange-sim", "--port", Integer.toString(taken.getLocalPort()));
            assertOneLine(r, SkytradeCli.EXIT_USAGE, "usage error: --port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:");
        }
    }

    @Test
    void shouldRefuseAnExchangeSimPortOutOfRange() {
        assertOneLine(capture("exchange-sim", "--port", "99999"), SkytradeCli.EXIT_USAGE,
            "usage error: --port 99999 is not a TCP port: expected 0 (any free port) to 65535");
    }

    @Test
    void shouldRefuseAnExchangeSimTimeScaleOfZero() {
        final String[] r = capture("exchange-sim", "--port", "0", "--time-scale", "0");
        assertOneLine(r, SkytradeCli.EXIT_USAGE, "usage error: invalid venue configuration: timeScale = 0.0: expected greater than 0");
        assertTrue(r[2].contains("--time-scale 0.0"), r[2]);
    }

    @Test
    @Tag("integration")
    void shouldRefuseARunWhoseSimulatorPortIsInUseBeforeCreatingItsRunDirectory() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            final Path config = tmp.resolve("port.yaml");
            Files.writeString(config, TestConfigs.FAST_CONFIG.replace("mode: simulator", "mode: simulator\n  port: " + taken.getLocalPort()));
            final Path runs = tmp.resolve("runs");
            final String[] r = capture("run", "--config", config.toString(), "--duration", "1s", "--journal", runs.toString());
            assertOneLine(r, SkytradeCli.EXIT_USAGE, "config error: venue.port " + taken.getLocalPort() + ": cannot listen on");
            assertFalse(Files.exists(runs), "no run directory for a run that never started");
        }
    }

    @Test
    void shouldRefuseARegimeFitWithZeroStates() throws IOException {
        assertOneLine(capture("regime", "fit", "--journal", synth("states").toString(), "--states", "0", "--out",
            tmp.resolve("r.yaml").toString()), SkytradeCli.EXIT_USAGE, "usage error: --states 0 must be in 1..");
    }

    @Test
    void shouldRefuseARegimeFitOnAnUnknownInstrument() throws IOException {
        final String[] r = capture("regime", "fit", "--journal", synth("nope").toString(), "--instrument", "NOPE", "--out",
            tmp.resolve("r.yaml").toString());
        assertOneLine(r, SkytradeCli.EXIT_USAGE, "usage error: --instrument 'NOPE' is not an instrument of ");
        assertTrue(r[2].contains("TIDE_SPOT"), "names the known instruments: " + r[2]);
    }

    @Test
    void shouldRefuseARegimeFitWithZeroIterationsOrAnOutputInAMissingDirectory() throws IOException {
        final Path journal = synth("iter");
        assertOneLine(capture("regime", "fit", "--journal", journal.toString(), "--iterations", "0", "--out",
            tmp.resolve("r.yaml").toString()), SkytradeCli.EXIT_USAGE, "usage error: --iterations 0 must be at least 1");
        assertOneLine(capture("regime", "fit", "--journal", journal.toString(), "--out", tmp.resolve("no/r.yaml").toString()),
            SkytradeCli.EXIT_USAGE, "usage error: --out " + tmp.resolve("no/r.yaml") + ": the directory " + tmp.resolve("no")
                + " does not exist");
    }

    @Test
    void shouldSayThatASyntheticJournalHasNoDecisionsToVerify() throws IOException {
        final Path journal = synth("verify");
        final String[] r = capture("replay", "--verify", "--journal", journal.toString());
        assertOneLine(r, SkytradeCli.EXIT_USAGE, "usage error: " + journal + " was written by `journal synth`: it holds inputs "
            + "only, no journaled decisions to verify; replay it without --verify, or backtest it");
        assertEquals("0", capture("replay", "--journal", journal.toString())[0], "it replays without --verify");
    }

    @Test
    void shouldSayThatAnImportedJournalHasNoDecisionsToVerify() throws IOException {
        final Path csv = tmp.resolve("obs.csv");
        Files.writeString(csv, "time,series,value\n2026-11-25T10:00:00Z,air_temp_c,11.5\n");
        final String[] imported = capture("journal", "import", "--csv", csv.toString(), "--kind", "observation", "--journal",
            tmp.resolve("imported").toString());
        assertEquals("0", imported[0], imported[2]);
        final String run = imported[1].lines().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow()
            .substring("run directory: ".length());
        assertOneLine(capture("replay", "--verify", "--journal", run), SkytradeCli.EXIT_USAGE,
            "usage error: " + run + " was imported from csv by `journal import`: it holds inputs only");
    }

    @Test
    void shouldRefuseADurationOfZero() {
        assertOneLine(capture("demo", "--duration", "0s", "--journal", tmp.toString()), SkytradeCli.EXIT_USAGE,
            "usage error: --duration 0s must be positive; leave --duration out to run until interrupted");
    }

    @Test
    void shouldSayThatAConfigFileDoesNotExist() {
        final Path missing = tmp.resolve("missing.yaml");
        assertOneLine(capture("config", "show", "--config", missing.toString()), SkytradeCli.EXIT_USAGE,
            "config error: config file " + missing + " does not exist");
        final String[] relative = capture("config", "show", "--config", "no-such-dir/missing.yaml");
        assertOneLine(relative, SkytradeCli.EXIT_USAGE, "config error: config file no-such-dir/missing.yaml does not exist "
            + "(relative to the working directory ");
    }

    @Test
    void shouldNameTheMissingDirectoryWhenARunDirectoryCannotBeCreated() throws IOException {
        final Path file = tmp.resolve("a-file");
        Files.writeString(file, "not a directory");
        final String[] r = capture("journal", "synth", "--events", "10", "--journal", file.resolve("runs").toString());
        assertOneLine(r, SkytradeCli.EXIT_USAGE, "i/o error: cannot create run directory " + file.resolve("runs"));
        assertFalse(r[2].strip().endsWith(": " + file.resolve("runs")), "says what is wrong, not just the path: " + r[2]);
    }

    @Test
    void shouldRefuseABadFeedsTimeoutAndANegativeDumpLimit() throws IOException {
        assertOneLine(capture("feeds", "check", "--timeout", "soon"), SkytradeCli.EXIT_USAGE,
            "usage error: --timeout: 'soon' is not a duration");
        assertOneLine(capture("journal", "dump", synth("limit").toString(), "--limit", "-1"), SkytradeCli.EXIT_USAGE,
            "usage error: --limit -1 must be 0 or more");
    }

    @Test
    void shouldReportAnUnparsableCommandLineInOneLineNamingTheHelp() {
        assertOneLine(capture("exchange-sim", "--port", "abc"), SkytradeCli.EXIT_USAGE,
            "usage error: Invalid value for option '--port': 'abc' is not an int (see: skytrade exchange-sim --help)");
        assertOneLine(capture("journal", "stats", tmp.toString(), "--bogus"), SkytradeCli.EXIT_USAGE,
            "usage error: Unknown option: '--bogus' (see: skytrade journal stats --help)");
    }

    @Test
    void shouldPrintTheStackTraceOnlyWithVerbose() {
        final String[] quiet = capture("exchange-sim", "--port", "99999");
        assertNoStackTrace(quiet);
        final String[] verbose = capture("exchange-sim", "--port", "99999", "--verbose");
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), verbose[0]);
        assertTrue(verbose[2].startsWith("usage error: --port 99999"), verbose[2]);
        assertTrue(verbose[2].contains("\tat io.skytrade.engine.cli.ExchangeSimCommand.call"), verbose[2]);
        final String[] verboseFirst = capture("--verbose", "exchange-sim", "--port", "99999");
        assertTrue(verboseFirst[2].contains("\tat io.skytrade.engine.cli.ExchangeSimCommand.call"), verboseFirst[2]);
    }

    @Test
    void shouldReportAnUnexpectedExceptionAsAnInternalErrorWithoutItsStackTrace() {
        final StringWriter err = new StringWriter();
        final CommandLine cli = new CommandLine(new Failing());
        final ErrorReporter reporter = new ErrorReporter();
        cli.setErr(new PrintWriter(err, true)).setExecutionExceptionHandler(reporter);
        assertEquals(SkytradeCli.EXIT_INTERNAL, cli.execute());
        assertEquals("internal error: java.lang.IllegalStateException: inconsistent (a bug; run again with --verbose for the "
            + "stack trace)", err.toString().strip());
    }

    @Test
    void shouldReportAMappedJournalFaultThatSurfacedAfterItsReaderReturnedAsACorruptJournal() {
        final StringWriter err = new StringWriter();
        final CommandLine cli = new CommandLine(new FaultingLate()).setErr(new PrintWriter(err, true));
        assertEquals(SkytradeCli.EXIT_CORRUPT, SkytradeCli.execute(cli));
        assertEquals("journal error: a queue file is truncated or damaged: a read past the end of the memory-mapped file faulted "
            + "(the file was cut short, or an entry's header points past its end)", err.toString().strip());
        final StringWriter verbose = new StringWriter();
        final CommandLine again = new CommandLine(new FaultingLate()).setErr(new PrintWriter(verbose, true));
        assertEquals(SkytradeCli.EXIT_CORRUPT, SkytradeCli.execute(again, "--verbose"));
        assertTrue(verbose.toString().contains("\tat io.skytrade.engine.cli.CliErrorsTest$FaultingLate.call"), verbose.toString());
    }

    @Test
    void shouldLeaveAnyOtherErrorToTheJvm() {
        final CommandLine cli = new CommandLine(new OtherError());
        assertEquals("something else", assertThrows(InternalError.class, () -> SkytradeCli.execute(cli)).getMessage());
    }

    /**
     * A command during which the JVM raises the fault of a read past the end of a memory-mapped file,
     * as compiled code raises it after a journal reader returned.
     */
    @Command(name = "faulting-late")
    static final class FaultingLate implements Callable<Integer> {
        @CommandLine.Option(names = "--verbose")
        boolean verbose;

        @Override
        public Integer call() {
            throw new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java code");
        }
    }

    /** A command during which the JVM fails in another way. */
    @Command(name = "other-error")
    static final class OtherError implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new InternalError("something else");
        }
    }

    /** A command with a bug. */
    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("inconsistent");
        }
    }

    private Path truncatedJournal() throws IOException {
        final Path journal = synth("truncated");
        try (Stream<Path> files = Files.list(journal.resolve("inputs"))) {
            final Path queueFile = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
            try (RandomAccessFile f = new RandomAccessFile(queueFile.toFile(), "rw")) {
                f.setLength(96 * 1024);
            }
        }
        return journal;
    }

    private Path synth(final String name) {
        final String[] r = capture("journal", "synth", "--events", "3000", "--step", "1s", "--journal", tmp.resolve(name).toString());
        assertEquals("0", r[0], r[2]);
        return Path.of(r[1].lines().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow()
            .substring("run directory: ".length()));
    }

    static void assertOneLine(final String[] result, final int exitCode, final String start) {
        assertEquals(Integer.toString(exitCode), result[0], result[2]);
        assertEquals(1, result[2].strip().lines().count(), "one line: " + result[2]);
        assertTrue(result[2].startsWith(start), result[2]);
        assertNoStackTrace(result);
    }

    private static void assertNoStackTrace(final String[] result) {
        assertFalse(result[2].contains("\tat ") || result[2].contains("Exception in thread"), result[2]);
    }
}
