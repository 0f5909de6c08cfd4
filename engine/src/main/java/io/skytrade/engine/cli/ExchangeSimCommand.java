package io.skytrade.engine.cli;

import io.skytrade.engine.runtime.LoopbackPorts;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.MarketSkill;
import io.skytrade.exchange.sim.VenueConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code skytrade exchange-sim}: the simulated exchange as a standalone server (loopback by
 * default), speaking the protocol of {@code exchange/PROTOCOL.md}, until interrupted.
 */
@Command(name = "exchange-sim", mixinStandardHelpOptions = true,
    description = "Run the simulated exchange as a standalone WebSocket server (see exchange/PROTOCOL.md).")
final class ExchangeSimCommand implements Callable<Integer> {
    private static final int MAX_PORT = 65_535;

    @Option(names = "--port", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port = 8765;

    @Option(names = "--seed", description = "Seed of the synthetic world and traders (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--time-scale", paramLabel = "X", description = "Simulated seconds per wall second (default: ${DEFAULT-VALUE}).")
    double timeScale = 1.0;

    @Option(names = "--api-key-env", paramLabel = "VAR",
        description = "Accept only the API key held in this environment variable (default: accept any key).")
    String apiKeyEnv;

    @Option(names = "--no-traders", description = "Run without background traders.")
    boolean noTraders;

    @Option(names = "--skill", paramLabel = "LEVEL",
        description = "What the background traders know: dull, medium or sharp (default: ${DEFAULT-VALUE}; README 'The simulated market').")
    String skill = "medium";

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > MAX_PORT) {
            throw new UsageException("--port " + port + " is not a TCP port: expected 0 (any free port) to " + MAX_PORT);
        }
        final MarketSkill level;
        try {
            level = MarketSkill.valueOf(skill.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new UsageException("--skill '" + skill + "': expected dull, medium or sharp", e);
        }
        final VenueConfig.Builder b = VenueConfig.builder().seed(seed).timeScale(timeScale).backgroundTraders(!noTraders)
            .marketSkill(level);
        if (apiKeyEnv != null) {
            final String key = System.getenv(apiKeyEnv);
            if (key == null || key.isEmpty()) {
                System.err.println("config error: --api-key-env " + apiKeyEnv + " is not set in the environment");
                return SkytradeCli.EXIT_USAGE;
            }
            b.apiKeys(Set.of(key));
        }
        final VenueConfig config;
        try {
            config = b.build();
        } catch (final IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("\n", " ") + " (given --time-scale " + timeScale + ")", e);
        }
        final String taken = LoopbackPorts.bindProblem(port);
        if (taken != null) {
            throw new UsageException("--port " + port + ": " + taken);
        }
        final ExchangeSimulator sim = new ExchangeSimulator(config);
        try {
            sim.start(port);
        } catch (final IllegalStateException e) {
            throw new UsageException("--port " + port + ": " + e.getMessage(), e);
        }
        System.out.println("simulated exchange listening on ws://127.0.0.1:" + sim.port() + "/ (seed " + seed
            + ", time x" + timeScale + ", " + skill.toLowerCase(Locale.ROOT) + " market); Ctrl-C to stop");
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "exchange-sim-shutdown"));
        stopped.await();
        return SkytradeCli.EXIT_OK;
    }
}
