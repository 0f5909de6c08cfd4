package io.skytrade.engine.runtime;

import io.skytrade.engine.cli.SkytradeCli;
import io.skytrade.journal.JournalInspector;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine in a child JVM, killed with SIGKILL mid-run: its journal still dumps and replays. */
@Tag("integration")
@Timeout(120)
class KilledWriterTest {
    private static final Pattern EVENTS = Pattern.compile(" events ([0-9,]+) ");

    @TempDir
    Path tmp;

    @Test
    void shouldDumpAndReplayAJournalWhoseWriterWasKilled() throws Exception {
        final Path config = tmp.resolve("fast.yaml");
        Files.writeString(config, ReplayVerifyTest.FAST_CONFIG);
        final Path root = tmp.resolve("journal");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle") || arg.startsWith("--enable-native-access")
                || arg.startsWith("--sun-misc")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SkytradeCli.class.getName(),
            "run", "--config", config.toString(), "--journal", root.toString()));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        // kill it once its status line says it has handled (so journaled) more than 300 inputs: a
        // condition, not a fixed sleep (the class's @Timeout bounds the wait)
        String line;
        final StringBuilder seen = new StringBuilder();
        while ((line = lines.readLine()) != null && handled(line) <= 300) {
            seen.append(line).append('\n');
        }
        assertTrue(line != null, "the child reported more than 300 inputs; output: " + seen);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        final Path runDir;
        try (Stream<Path> dirs = Files.list(root)) {
            runDir = dirs.findFirst().orElseThrow();
        }
        final RunDirectory run = RunDirectory.open(runDir);
        assertFalse(run.closedCleanly());
        final JournalInspector.Stats stats = new JournalInspector(run).stats();
        assertTrue(stats.inputs() > 200, "inputs " + stats.inputs());
        final ByteArrayOutputStream dump = new ByteArrayOutputStream();
        final long lineCount = new JournalInspector(run).dump(new PrintStream(dump, true, StandardCharsets.UTF_8), Long.MAX_VALUE);
        assertEquals(stats.inputs() + stats.decisions() + stats.stateHashes(), lineCount);

        final ReplayRunner.Result r = new ReplayRunner(run, Map.of()).replay(true);
        assertEquals(stats.inputs(), r.events());
        assertEquals(0, r.differences(), r.firstDifference());
        assertEquals(stats.decisions() + r.beyondJournal(), r.decisions());
        assertEquals(SkytradeCli.EXIT_OK, SkytradeCli.execute("replay", "--journal", runDir.toString(), "--verify"));
    }

    /** The inputs a status line reports handled ("status: RUNNING mode NORMAL events 1,234 ..."), or -1. */
    private static long handled(final String line) {
        final Matcher m = EVENTS.matcher(line);
        return line.startsWith("status:") && m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }
}
