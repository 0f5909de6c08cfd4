package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

/**
 * {@code skytrade demo}: runs the engine on its embedded default configuration (synthetic market,
 * no network, no keys): {@code config/default.yaml} when present in the working directory, else
 * the copy built into the jar, with the live dashboard and {@code /metrics} turned on.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the engine on the embedded default (synthetic data, no network, no keys).")
final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_CONFIG = "config/default.yaml";

    @Mixin
    RunOptions options;

    @Option(names = "--dashboard-port", paramLabel = "PORT",
        description = "Port of the live dashboard on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int dashboardPort = 8080;

    @Option(names = "--metrics-port", paramLabel = "PORT",
        description = "Port of /metrics on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int metricsPort = 9464;

    @Option(names = "--world-start", paramLabel = "TIME",
        description = "World time the demo starts at, an ISO instant such as 2026-11-25T14:00:00Z (default: now; see venue.worldStart).")
    String worldStart;

    /** What the demo adds to the default: the dashboard and {@code /metrics} on (loopback), and the world's start when given. */
    String overlay() {
        return "metrics:\n  enabled: true\n  port: " + metricsPort + "\ndashboard:\n  enabled: true\n  port: " + dashboardPort + "\n"
            + (worldStart == null ? "" : "venue:\n  worldStart: \"" + worldStart.replace("\"", "") + "\"\n");
    }

    @Option(names = "--protocol", paramLabel = "P",
        description = "Venue protocol of the embedded simulator and the gateway: websocket or cmi (default: ${DEFAULT-VALUE}).")
    String protocol = "websocket";

    @Override
    public Integer call() throws Exception {
        if (!"websocket".equals(protocol) && !"cmi".equals(protocol)) {
            throw new UsageException("--protocol '" + protocol + "': expected websocket or cmi");
        }
        return RunCommand.runEngine(ConfigLoader.fromSystemEnv().loadTexts(defaultText(), overlay(),
            "venue:\n  protocol: " + protocol + "\n"), options, System.out);
    }

    static ConfigLoader.LoadedConfig loadDefault() {
        return ConfigLoader.fromSystemEnv().loadText(defaultText());
    }

    /** {@code config/default.yaml} when present in the working directory, else the copy built into the jar (also for {@code soak}). */
    static String defaultText() {
        final Path local = Paths.get(DEFAULT_CONFIG);
        try {
            if (Files.isRegularFile(local)) {
                return Files.readString(local, StandardCharsets.UTF_8);
            }
        } catch (final IOException e) {
            throw new ConfigException("cannot read " + local + ": " + e.getMessage(), e);
        }
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(DEFAULT_CONFIG)) {
            if (in == null) {
                throw new ConfigException("the embedded " + DEFAULT_CONFIG + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new ConfigException("cannot read the embedded " + DEFAULT_CONFIG + ": " + e.getMessage(), e);
        }
    }
}
