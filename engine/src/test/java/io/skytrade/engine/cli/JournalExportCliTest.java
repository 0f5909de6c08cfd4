package io.skytrade.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.skytrade.engine.cli.CliCapture.capture;
import static io.skytrade.engine.cli.CliErrorsTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code journal export} on the command line: a run becomes one file per table and a summary of
 * rows per file; a missing or corrupt journal (exit 3), an output directory that cannot be
 * created or an unknown format (exit 2) get one line naming what is wrong.
 */
@Timeout(120)
class JournalExportCliTest {
    @TempDir
    Path tmp;

    @Test
    void shouldExportARunAsCsvAndParquetAndSayHowManyRowsEachFileGot() throws IOException {
        final Path run = synth("ok");
        for (final String format : new String[] {"csv", "PARQUET"}) {
            final Path out = tmp.resolve("out-" + format);
            final String[] r = capture("journal", "export", "--format", format, "--out", out.toString(), "--journal", run.toString());
            assertEquals("0", r[0], r[2]);
            final String ext = format.toLowerCase(java.util.Locale.ROOT);
            assertTrue(r[1].contains("inputs_market_book." + ext) && r[1].contains("decisions." + ext) && r[1].contains("fills." + ext), r[1]);
            assertTrue(r[1].contains("valuations." + ext) && r[1].contains("exported run " + run.getFileName() + ": "), r[1]);
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(11, files.filter(f -> f.toString().endsWith("." + ext)).count());
            }
        }
    }

    @Test
    void shouldLeaveOutTheValuationsWhenAskedAndSayHowManyInputsItExported() throws IOException {
        final Path run = synth("no-valuations");
        final Path out = tmp.resolve("out-no-valuations");
        final String[] r = capture("journal", "export", "--format", "csv", "--out", out.toString(), "--journal", run.toString(),
            "--no-valuations");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("exported run " + run.getFileName() + ": 3,000 rows as csv"), r[1]);
        assertTrue(Files.notExists(out.resolve("valuations.csv")), "no replay, no valuations table");
    }

    @Test
    void shouldReportAMissingJournalInOneLineWithExit3() {
        final Path missing = tmp.resolve("no-such-run");
        assertOneLine(capture("journal", "export", "--format", "csv", "--out", tmp.resolve("out").toString(), "--journal",
            missing.toString()), SkytradeCli.EXIT_CORRUPT, "journal error: run directory " + missing + " does not exist");
    }

    @Test
    void shouldReportATruncatedQueueFileInOneLineWithExit3() throws IOException {
        final Path run = synth("truncated");
        try (Stream<Path> files = Files.list(run.resolve("inputs"))) {
            final Path queueFile = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
            try (RandomAccessFile f = new RandomAccessFile(queueFile.toFile(), "rw")) {
                f.setLength(96 * 1024);
            }
        }
        final String[] r = capture("journal", "export", "--format", "parquet", "--out", tmp.resolve("out").toString(), "--journal",
            run.toString());
        assertOneLine(r, SkytradeCli.EXIT_CORRUPT, "journal error: " + run.resolve("inputs"));
        assertTrue(r[2].contains(".cq4 is truncated"), r[2]);
    }

    @Test
    void shouldReportAnOutputDirectoryThatCannotBeCreatedInOneLineWithExit2() throws IOException {
        final Path run = synth("unwritable");
        final Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        final Path out = file.resolve("export");
        assertOneLine(capture("journal", "export", "--format", "csv", "--out", out.toString(), "--journal", run.toString()),
            SkytradeCli.EXIT_USAGE, "i/o error: cannot create export directory " + out);
    }

    @Test
    void shouldRefuseAnUnknownFormatInOneLineWithExit2() {
        assertOneLine(capture("journal", "export", "--format", "xml", "--out", tmp.toString(), "--journal", tmp.toString()),
            SkytradeCli.EXIT_USAGE, "usage error: --format: unknown format 'xml': use csv or parquet");
    }

    private Path synth(final String name) {
        final String[] r = capture("journal", "synth", "--events", "3000", "--step", "1s", "--journal", tmp.resolve(name).toString());
        assertEquals("0", r[0], r[2]);
        return Path.of(r[1].lines().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow()
            .substring("run directory: ".length()));
    }
}
