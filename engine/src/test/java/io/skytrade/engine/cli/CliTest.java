package io.skytrade.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir
    Path tmp;

    private static String[] capture(final String... args) {
        final PrintStream out = System.out;
        final PrintStream err = System.err;
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            final int code = SkytradeCli.execute(args);
            return new String[]{Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        for (final String[] cmd : new String[][]{{"--help"}, {"run", "--help"}, {"demo", "--help"}, {"replay", "--help"},
            {"journal", "--help"}, {"journal", "dump", "--help"}, {"journal", "stats", "--help"}}) {
            final String[] r = capture(cmd);
            assertEquals("0", r[0], String.join(" ", cmd));
            assertTrue(r[1].contains("Usage: skytrade"), r[1]);
        }
    }

    @Test
    void shouldFailWithOneLineOnABadConfig() throws Exception {
        final Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "pipeline:\n  waitStrategy: 12\n  bogus: 1\n");
        final String[] r = capture("run", "--config", bad.toString(), "--duration", "1s", "--journal", tmp.toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_USAGE), r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("config error: " + bad + ": config key 'pipeline.waitStrategy' has value '12'"), r[2]);
    }

    @Test
    void shouldRefuseAMissingJournalDirectory() {
        final String[] r = capture("journal", "stats", tmp.resolve("missing").toString());
        assertEquals(Integer.toString(SkytradeCli.EXIT_CORRUPT), r[0]);
        assertTrue(r[2].startsWith("journal error: run directory"), r[2]);
    }
}
