package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.ConfigPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code skytrade config show}: validates a configuration and prints every key with its effective value. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration tools.",
    subcommands = ConfigCommand.Show.class)
final class ConfigCommand {

    /** Prints the effective configuration (every key, defaults included); secrets are never printed. */
    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "Validate a configuration and print every key with its effective value (defaults included).")
    static final class Show implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file(s) (default: the embedded demo config).")
        List<Path> configs;

        @Override
        public Integer call() {
            final ConfigLoader.LoadedConfig loaded = configs == null || configs.isEmpty() ? DemoCommand.loadDefault()
                : ConfigLoader.fromSystemEnv().load(configs);
            System.out.print(ConfigPrinter.yaml(loaded.config()));
            return SkytradeCli.EXIT_OK;
        }
    }
}
