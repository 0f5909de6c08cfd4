package io.skytrade.engine.cli;

import io.skytrade.engine.config.Durations;
import io.skytrade.engine.config.EngineConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by {@code run} and {@code demo}: duration and journal root. */
final class RunOptions {
    @Option(names = "--duration", paramLabel = "DURATION",
        description = "How long to run, e.g. 30s, 5m, 1h; more than 0 (default: until interrupted).")
    String duration;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Directory in which the run directory is created (default: journal.dir of the config, '"
            + EngineConfig.JournalSection.DEFAULT_DIR + "').")
    Path journalRoot;

    long durationNanos() {
        if (duration == null) {
            return 0;
        }
        final long nanos;
        try {
            nanos = Durations.parseNanos(duration);
        } catch (final IllegalArgumentException e) {
            throw new UsageException("--duration: " + e.getMessage(), e);
        }
        if (nanos <= 0) {
            throw new UsageException("--duration " + duration + " must be positive; leave --duration out to run until interrupted");
        }
        return nanos;
    }
}
