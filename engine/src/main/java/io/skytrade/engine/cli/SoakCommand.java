package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.Durations;
import io.skytrade.engine.soak.Soak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code skytrade soak}: the long-run check of {@link Soak} on the demo world (or the given
 * configuration) at a high time scale, with journal retention, injected venue disconnects and
 * bounds on heap after GC, threads, file descriptors and journal bytes. Exit 0 when every bound
 * held, {@link SkytradeCli#EXIT_SOAK_FAILED} naming the first one that did not.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Run the demo world at high time scale for a long time, dropping the venue connection now and then, "
        + "and fail when heap after GC, threads, file descriptors or journal size leave their bounds.")
final class SoakCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file(s), merged in order (default: the demo configuration).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION",
        description = "Wall time to soak, rounded to whole segments (default: ${DEFAULT-VALUE}).")
    String duration = "1h";

    @Option(names = "--time-scale", paramLabel = "X", description = "World seconds per wall second (default: ${DEFAULT-VALUE}: a day a minute).")
    double timeScale = 1440;

    @Option(names = "--segment", paramLabel = "DURATION",
        description = "Wall time of each live run; every segment is a fresh engine and run directory (default: ${DEFAULT-VALUE}).")
    String segment = "10m";

    @Option(names = "--drop-every", paramLabel = "DURATION",
        description = "Wall time between injected venue disconnects (default: ${DEFAULT-VALUE}).")
    String dropEvery = "90s";

    @Option(names = "--sample-every", paramLabel = "DURATION", description = "Wall time between samples (default: ${DEFAULT-VALUE}).")
    String sampleEvery = "60s";

    @Option(names = "--keep-runs", paramLabel = "N", description = "journal.retention.runs of the soak (default: ${DEFAULT-VALUE}).")
    int keepRuns = 3;

    @Option(names = "--journal", paramLabel = "DIR", description = "Journal root of the soak (default: ${DEFAULT-VALUE}).")
    Path journal = Paths.get("soak");

    @Option(names = "--max-heap-growth-mib", paramLabel = "MIB",
        description = "Heap after GC may exceed the first sample by this much (default: ${DEFAULT-VALUE}).")
    long maxHeapGrowthMib = 64;

    @Option(names = "--max-thread-growth", paramLabel = "N", description = "Threads above the first sample (default: ${DEFAULT-VALUE}).")
    int maxThreadGrowth = 16;

    @Option(names = "--max-fd-growth", paramLabel = "N",
        description = "Open file descriptors above the first sample (default: ${DEFAULT-VALUE}).")
    long maxFdGrowth = 64;

    @Option(names = "--max-journal-mib", paramLabel = "MIB",
        description = "Bytes of every file under the journal root, sparse queue files at their length (default: ${DEFAULT-VALUE}).")
    long maxJournalMib = 2048;

    @Override
    public Integer call() throws Exception {
        if (!(timeScale > 0 && timeScale <= 1_000_000)) {
            throw new ConfigException("--time-scale " + timeScale + ": expected greater than 0, at most 1000000");
        }
        if (keepRuns < 1) {
            throw new ConfigException("--keep-runs " + keepRuns + ": expected at least 1");
        }
        final Soak.Settings settings = new Soak.Settings(positive("--duration", duration), positive("--segment", segment),
            positive("--drop-every", dropEvery), positive("--sample-every", sampleEvery), 30_000_000_000L,
            maxHeapGrowthMib << 20, maxThreadGrowth, maxFdGrowth, maxJournalMib << 20);
        final List<String> texts = new ArrayList<>();
        if (configs.isEmpty()) {
            texts.add(DemoCommand.defaultText());
        }
        for (final Path file : configs) {
            try {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            } catch (final IOException e) {
                throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        texts.add("venue: {mode: simulator, timeScale: " + timeScale + "}\njournal: {retention: {runs: " + keepRuns + "}}\n");
        final ConfigLoader.LoadedConfig loaded = ConfigLoader.fromSystemEnv().loadTexts(texts.toArray(new String[0]));
        Files.createDirectories(journal);
        final Path logFile = journal.resolve("soak-runs.log");
        System.out.printf("soak: %s at time x%s, segments of %s, a venue disconnect every %s, journal %s (keeping %d runs), "
            + "run status lines in %s%n", duration, timeScale, segment, dropEvery, journal.toAbsolutePath(), keepRuns, logFile);
        final Soak.Result result;
        try (OutputStream file = Files.newOutputStream(logFile); PrintStream runLog = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            result = new Soak(loaded, journal, settings, System.out, runLog).run();
        }
        System.out.printf("soak: %s wall, %d segments, %d world sessions settled, %,d inputs journaled, %d disconnects injected%n",
            Soak.clockOf(result.elapsedNanos()), result.segments(), result.worldSessionsSettled(),
            result.inputs(), result.drops());
        if (result.passed()) {
            System.out.println("soak PASSED: every bound held");
            return SkytradeCli.EXIT_OK;
        }
        System.err.println("soak FAILED: " + result.failure());
        return SkytradeCli.EXIT_SOAK_FAILED;
    }

    private static long positive(final String option, final String value) {
        final long nanos;
        try {
            nanos = Durations.parseNanos(value);
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(option + ": " + e.getMessage());
        }
        if (nanos <= 0) {
            throw new ConfigException(option + " " + value + ": expected a duration greater than 0");
        }
        return nanos;
    }
}
