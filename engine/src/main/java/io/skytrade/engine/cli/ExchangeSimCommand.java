package io.skytrade.engine.cli;

import io.skytrade.engine.runtime.LoopbackPorts;
import io.skytrade.exchange.sim.CmiVenueConfig;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.MarketSkill;
import io.skytrade.exchange.sim.VenueConfig;
import org.agrona.concurrent.SystemEpochNanoClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code skytrade exchange-sim}: the simulated exchange as a standalone server (loopback by
 * default), speaking the protocol of {@code exchange/PROTOCOL.md} or, with {@code --protocol cmi},
 * the CMI Exchange's REST and server-sent events ({@code exchange/CMI.md}), until interrupted.
 */
@Command(name = "exchange-sim", mixinStandardHelpOptions = true,
    description = "Run the simulated exchange as a standalone server: WebSocket (exchange/PROTOCOL.md) or CMI REST+SSE (exchange/CMI.md).")
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

    @Option(names = "--protocol", paramLabel = "P",
        description = "websocket or cmi (default: ${DEFAULT-VALUE}).")
    String protocol = "websocket";

    @Option(names = "--users-env", paramLabel = "VAR",
        description = "CMI: accept only the users in this environment variable, as user:password,user:password "
            + "(default: any user name with a non-empty password).")
    String usersEnv;

    @Option(names = "--requests-per-second", paramLabel = "R",
        description = "CMI: REST requests per second per user, in simulated time; more are answered 429 (default: ${DEFAULT-VALUE}).")
    double requestsPerSecond = 1.0;

    @Override
    public Integer call() throws InterruptedException {
        final boolean cmi = switch (protocol.toLowerCase(Locale.ROOT)) {
            case "websocket" -> false;
            case "cmi" -> true;
            default -> throw new UsageException("--protocol '" + protocol + "': expected websocket or cmi");
        };
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
        final ExchangeSimulator sim = cmi ? new ExchangeSimulator(config, new SystemEpochNanoClock(), cmiConfig())
            : new ExchangeSimulator(config);
        try {
            sim.start(port);
        } catch (final IllegalStateException e) {
            throw new UsageException("--port " + port + ": " + e.getMessage(), e);
        }
        System.out.println("simulated exchange (" + (cmi ? "cmi" : "websocket") + ") listening on " + sim.uri() + " (seed " + seed
            + ", time x" + timeScale + ", " + skill.toLowerCase(Locale.ROOT) + " market); Ctrl-C to stop");
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "exchange-sim-shutdown"));
        stopped.await();
        return SkytradeCli.EXIT_OK;
    }

    private CmiVenueConfig cmiConfig() {
        final Map<String, String> users = new HashMap<>();
        if (usersEnv != null) {
            final String list = System.getenv(usersEnv);
            if (list == null || list.isEmpty()) {
                throw new UsageException("--users-env " + usersEnv + " is not set in the environment");
            }
            for (final String entry : list.split(",")) {
                final int colon = entry.indexOf(':');
                if (colon <= 0 || colon == entry.length() - 1) {
                    throw new UsageException("--users-env " + usersEnv + ": entries must be user:password, separated by commas");
                }
                users.put(entry.substring(0, colon).trim(), entry.substring(colon + 1));
            }
        }
        try {
            return CmiVenueConfig.builder().users(users).requestsPerSecond(requestsPerSecond).build();
        } catch (final IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("\n", " ") + " (given --requests-per-second " + requestsPerSecond + ")", e);
        }
    }
}
