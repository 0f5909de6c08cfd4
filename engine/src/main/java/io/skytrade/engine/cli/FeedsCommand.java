package io.skytrade.engine.cli;

import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.Durations;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.runtime.WorldObservations;
import io.skytrade.feeds.Feeds;
import io.skytrade.feeds.FeedsCheck;
import org.agrona.concurrent.SystemEpochNanoClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code skytrade feeds check}: fetch every configured source once and print a table. */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Alternative-data feeds.",
    subcommands = FeedsCommand.Check.class)
final class FeedsCommand {

    /** Fetches each configured source once: source, status, latency, observations, errors. Keys never printed. */
    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Fetch each configured source once and print source, status, latency, observations parsed, errors.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the embedded demo config).")
        Path config;

        @Option(names = "--timeout", paramLabel = "DURATION", description = "Overall time limit (default: ${DEFAULT-VALUE}).")
        String timeout = "30s";

        @Override
        public Integer call() throws InterruptedException {
            final long timeoutNanos;
            try {
                timeoutNanos = Durations.parseNanos(timeout);
            } catch (final IllegalArgumentException e) {
                throw new UsageException("--timeout: " + e.getMessage(), e);
            }
            if (timeoutNanos <= 0) {
                throw new UsageException("--timeout " + timeout + " must be positive");
            }
            final ConfigLoader.LoadedConfig loaded = config == null ? DemoCommand.loadDefault()
                : ConfigLoader.fromSystemEnv().load(config);
            final EngineConfig c = loaded.config();
            final InstrumentRegistry registry = InstrumentRegistry.of(c.instruments(), c.series());
            final FeedsCheck.Warnings warnings = new FeedsCheck.Warnings();
            try (Feeds feeds = Feeds.create(c.feeds().withoutBackfill(), registry, System.getenv(), new SystemEpochNanoClock(), warnings,
                new WorldObservations(new SyntheticWorld(c.venue().seed())))) {
                final var rows = new FeedsCheck(feeds.clients()).run(Duration.ofNanos(timeoutNanos));
                System.out.print(FeedsCheck.format(rows));
                for (final String w : FeedsCheck.unreported(rows, warnings.messages())) {
                    System.err.println("warning: " + w);
                }
                return FeedsCheck.allOk(rows) ? SkytradeCli.EXIT_OK : SkytradeCli.EXIT_VERIFY_FAILED;
            }
        }
    }
}
