package io.skytrade.engine.runtime;

import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.exchange.sim.CmiVenueConfig;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.VenueConfig;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against a remote CMI venue (a simulator speaking CMI with one configured user, as a
 * real venue would be): credentials come from the environment variables the configuration names;
 * a missing or empty one fails start-up naming it; the password never reaches the run directory or
 * the output.
 */
@Timeout(60)
class CmiRemoteVenueTest {
    private static final String PASSWORD = "s3cr3t-cmi-pw";

    @TempDir
    Path tmp;

    private static String remote(final String url) {
        return "venue: {mode: remote, protocol: cmi, url: \"" + url + "\", connectTimeout: 20s}\n";
    }

    @Test
    void shouldLogInWithTheEnvironmentsCredentialsAndNeverWriteThePassword() throws Exception {
        try (ExchangeSimulator venue = new ExchangeSimulator(VenueConfig.builder().build(), new SystemEpochNanoClock(),
            CmiVenueConfig.builder().users(Map.of("team", PASSWORD)).build())) {
            venue.start(0);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).loadTexts(TestConfigs.FAST_CONFIG, remote(venue.uri())),
                tmp.resolve("journal"), new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("CMI_USERNAME", "team", "CMI_PASSWORD", PASSWORD));
            try {
                live.awaitStop(1_000_000_000L);
                assertTrue(live.statusLine().contains("connected"), live.statusLine());
            } finally {
                live.close();
            }
            assertTrue(venue.cmiRequests("team") >= 4, "logged in, read products, reconciled");
            assertEquals(0, venue.cmiRateLimitBreaches());
            final String printed = out.toString(StandardCharsets.UTF_8);
            assertFalse(printed.contains(PASSWORD), printed);
            try (Stream<Path> files = Files.walk(live.runDirectory().dir())) {
                for (final Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(PASSWORD), f + " holds the password");
                }
            }
        }
    }

    @Test
    void shouldRefuseToStartWithoutTheCredentialVariables() {
        final ConfigLoader.LoadedConfig config = new ConfigLoader(Map.of()).loadTexts(TestConfigs.FAST_CONFIG,
            remote("http://127.0.0.1:9/"));
        final ConfigException missing = assertThrows(ConfigException.class, () -> LiveRun.start(config, tmp.resolve("a"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of("CMI_USERNAME", "team")));
        assertTrue(missing.getMessage().contains("CMI_PASSWORD"), missing.getMessage());
        final ConfigException empty = assertThrows(ConfigException.class, () -> LiveRun.start(config, tmp.resolve("b"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of("CMI_USERNAME", "", "CMI_PASSWORD", "x")));
        assertTrue(empty.getMessage().contains("CMI_USERNAME") && empty.getMessage().contains("empty"), empty.getMessage());
    }
}
