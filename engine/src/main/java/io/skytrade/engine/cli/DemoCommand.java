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
    /** What the demo adds to the default: the dashboard and {@code /metrics} on (loopback). */
    static final String DEMO_OVERLAY = "metrics:\n  enabled: true\ndashboard:\n  enabled: true\n";

    @Mixin
    RunOptions options;

    @Option(names = "--protocol", paramLabel = "P",
        description = "Venue protocol of the embedded simulator and the gateway: websocket or cmi (default: ${DEFAULT-VALUE}).")
    String protocol = "websocket";

    @Override
    public Integer call() throws Exception {
        if (!"websocket".equals(protocol) && !"cmi".equals(protocol)) {
            throw new UsageException("--protocol '" + protocol + "': expected websocket or cmi");
        }
        return RunCommand.runEngine(ConfigLoader.fromSystemEnv().loadTexts(defaultText(), DEMO_OVERLAY,
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
