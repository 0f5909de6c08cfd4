package io.skytrade.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the {@code skytrade} command line in-process for tests, capturing what it prints. */
public final class CliCapture {
    private CliCapture() {
    }

    /**
     * Runs {@code skytrade args...} with stdout and stderr captured.
     *
     * @return {exit code, stdout, stderr}
     */
    public static String[] capture(final String... args) {
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
}
